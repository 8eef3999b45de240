import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { RequestContext } from '../common/request-context';
import { Enrollment } from '../enrollments/enrollment.entity';
import { EnrollmentsService } from '../enrollments/enrollments.service';
import { Room } from '../rooms/room.entity';
import { RoomsService } from '../rooms/rooms.service';
import { Participant } from './participant.entity';
import { SessionPhase } from './session-phase.entity';
import { SessionPhaseTransition } from './session-phase-transition.entity';
import { SessionPhasesService } from './session-phases.service';
import { SessionsService } from './sessions.service';

/** Batch loaders of one request. Each loader reads the rows of many sessions in one query. */
export interface SessionLoaderSet {
  room: DataLoader<string, Room | undefined>;
  phases: DataLoader<string, SessionPhase[]>;
  phaseTransitions: DataLoader<string, SessionPhaseTransition[]>;
  participants: DataLoader<string, Participant[]>;
  enrollmentIds: DataLoader<string, string[]>;
  enrollments: DataLoader<string, Enrollment[]>;
}

function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
  rows.forEach((row) => groups.get(keyOf(row))?.push(row));

  return keys.map((key) => groups.get(key) ?? []);
}

/**
 * Hands out one SessionLoaderSet per request. The set is keyed by the request's RequestContext
 * object, which the auth guard creates once per request, so caches die with the request.
 */
@Injectable()
export class SessionLoaders {
  private readonly sets = new WeakMap<RequestContext, SessionLoaderSet>();

  constructor(
    private readonly sessions: SessionsService,
    private readonly sessionPhases: SessionPhasesService,
    private readonly rooms: RoomsService,
    private readonly enrollments: EnrollmentsService,
  ) {}

  for(ctx: RequestContext): SessionLoaderSet {
    let set = this.sets.get(ctx);
    if (!set) {
      set = this.create(ctx);
      this.sets.set(ctx, set);
    }

    return set;
  }

  private create(ctx: RequestContext): SessionLoaderSet {
    const enrollmentIds = new DataLoader<string, string[]>(async (ids) => {
      const links = await this.sessions.findEnrollmentIds(ctx, ids);

      return groupBy(ids, links, (link) => link.sessionId).map((group) =>
        group.map((l) => l.enrollmentId),
      );
    });

    return {
      room: new DataLoader(async (ids) => {
        const rooms = await this.rooms.findByIds(ctx, ids);

        return ids.map((id) => rooms.find((room) => room.id === id));
      }),
      phases: new DataLoader(async (ids) =>
        groupBy(ids, await this.sessions.findPhases(ctx, ids), (phase) => phase.sessionId),
      ),
      phaseTransitions: new DataLoader(async (ids) =>
        groupBy(ids, await this.sessionPhases.findTransitions(ctx, ids), (row) => row.sessionId),
      ),
      participants: new DataLoader(async (ids) =>
        groupBy(ids, await this.sessions.findParticipants(ctx, ids), (row) => row.sessionId),
      ),
      enrollmentIds,
      enrollments: new DataLoader(async (ids) => {
        const idLists = await Promise.all(ids.map((id) => enrollmentIds.load(id)));
        const rows = await this.enrollments.findByIds(ctx, [...new Set(idLists.flat())]);
        const byId = new Map(rows.map((row) => [row.id, row]));

        return idLists.map((list) => list.flatMap((id) => byId.get(id) ?? []));
      }),
    };
  }
}
