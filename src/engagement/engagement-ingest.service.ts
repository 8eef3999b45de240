import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { FieldProblem } from '../common/app-error';
import { RequestContext } from '../common/request-context';
import { Participant } from '../sessions/participant.entity';
import { ParticipantsService } from '../sessions/participants.service';
import { Session } from '../sessions/session.entity';
import { SessionErrors } from '../sessions/sessions.errors';
import { SessionsService } from '../sessions/sessions.service';
import { Presence, presenceOf } from './attendance';
import { EngagementEventInput } from './dto/engagement-event.input';
import { validateEventInput } from './engagement-event-validation';
import { EngagementIngestResult } from './dto/engagement-results';
import { checkEventFields, CheckedEvent, OccurredAtBounds } from './engagement-event-rules';
import { EngagementEventsService, NewEngagementEvent } from './engagement-events.service';
import { CLOSED_SESSION_STATUSES, MAX_BATCH_EVENTS, MAX_EARLY_MS } from './engagement-limits';
import { readTimelines } from './engagement-queries';
import { EngagementErrors } from './engagement.errors';

/** An event checked field by field, waiting for its participant to be resolved. */
interface PendingEvent {
  input: EngagementEventInput;
  prefix: string;
  checked: CheckedEvent;
}

/**
 * Records engagement events that clients report. Every event of a request is checked before
 * anything is written, and the request's events are stored in one transaction, so one invalid
 * event rejects all of them.
 */
@Injectable()
export class EngagementIngestService {
  private readonly logger = new Logger(EngagementIngestService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly participants: ParticipantsService,
    private readonly events: EngagementEventsService,
  ) {}

  /** Records one event; error fields name its fields directly, such as `occurredAt`. */
  recordOne(
    ctx: RequestContext,
    sessionId: string,
    input: EngagementEventInput,
  ): Promise<EngagementIngestResult> {
    return this.record(ctx, sessionId, [input], () => '');
  }

  /**
   * Records up to MAX_BATCH_EVENTS events, given as received: each one is validated here.
   * Error fields look like `events.12.type`.
   */
  recordBatch(
    ctx: RequestContext,
    sessionId: string,
    items: unknown[],
  ): Promise<EngagementIngestResult> {
    // The batch DTO limits the size on both surfaces; this guards direct callers.
    if (items.length > MAX_BATCH_EVENTS) {
      throw EngagementErrors.tooManyEvents(items.length);
    }
    const problems: FieldProblem[] = [];
    const inputs = items.map((item, index) =>
      validateEventInput(item, `events.${index}.`, problems),
    );
    if (problems.length > 0) {
      throw EngagementErrors.invalidEvents(problems);
    }

    return this.record(
      ctx,
      sessionId,
      inputs as EngagementEventInput[],
      (index) => `events.${index}.`,
    );
  }

  private async record(
    ctx: RequestContext,
    sessionId: string,
    inputs: EngagementEventInput[],
    prefixOf: (index: number) => string,
  ): Promise<EngagementIngestResult> {
    const session = await this.sessions.get(ctx, sessionId, 'sessionId');
    if (ctx.actor.kind === 'participant' && ctx.actor.sessionId !== sessionId) {
      throw SessionErrors.wrongSession();
    }
    if ((CLOSED_SESSION_STATUSES as readonly string[]).includes(session.status)) {
      throw EngagementErrors.sessionClosed(sessionId, session.status);
    }
    const pending = this.checkFields(ctx, session, inputs, prefixOf);
    const participants = await this.sessions.findParticipants(ctx, [sessionId]);
    const rows = this.resolveParticipants(ctx, sessionId, pending, participants);

    const accepted = await this.dataSource.transaction(async (manager) => {
      const stored = await this.events.append(manager, ctx, rows);
      await this.syncPresence(manager, ctx, sessionId, rows);

      return stored;
    });
    const result = Object.assign(new EngagementIngestResult(), {
      sessionId,
      received: inputs.length,
      accepted,
      duplicates: inputs.length - accepted,
    });
    this.logger.log(
      { organizationId: ctx.organizationId, sessionId, accepted, duplicates: result.duplicates },
      'Engagement events recorded',
    );

    return result;
  }

  /** Checks each event's fields and times; raises BAD_USER_INPUT listing every invalid field. */
  private checkFields(
    ctx: RequestContext,
    session: Session,
    inputs: EngagementEventInput[],
    prefixOf: (index: number) => string,
  ): PendingEvent[] {
    const now = new Date();
    const bounds: OccurredAtBounds = {
      now,
      earliest: new Date(
        Math.min(session.createdAt.getTime(), session.scheduledStart.getTime()) - MAX_EARLY_MS,
      ),
    };
    const options = { mayGrade: ctx.actor.kind !== 'participant' };
    const problems: FieldProblem[] = [];
    const pending: PendingEvent[] = [];
    inputs.forEach((input, index) => {
      const prefix = prefixOf(index);
      const checked = checkEventFields(input, prefix, bounds, options, problems);
      if (ctx.actor.kind !== 'participant' && !input.participantId) {
        problems.push({
          field: `${prefix}participantId`,
          message: `${prefix}participantId is required when an API key reports events: name the participant the event is about.`,
        });
      }
      if (checked) {
        pending.push({ input, prefix, checked });
      }
    });
    if (problems.length > 0) {
      throw EngagementErrors.invalidEvents(problems);
    }

    return pending;
  }

  /**
   * Resolves each event's participant. Raises FORBIDDEN when a participant token names someone
   * else, NOT_FOUND for a participant who is not in the session, and FORBIDDEN for events of a
   * removed participant from the time of removal on.
   */
  private resolveParticipants(
    ctx: RequestContext,
    sessionId: string,
    pending: PendingEvent[],
    participants: Participant[],
  ): NewEngagementEvent[] {
    const byId = new Map(participants.map((participant) => [participant.id, participant]));
    const forbidden: FieldProblem[] = [];
    const unknown: FieldProblem[] = [];
    const removed: FieldProblem[] = [];
    const rows: NewEngagementEvent[] = [];
    for (const { input, prefix, checked } of pending) {
      const field = `${prefix}participantId`;
      const own = ctx.actor.kind === 'participant' ? ctx.actor.participantId : undefined;
      const participantId = input.participantId ?? own ?? '';
      if (own !== undefined && participantId !== own) {
        forbidden.push({
          field,
          message: `${field} "${participantId}" is another participant; a participant token reports only its own events. Leave participantId out.`,
        });
        continue;
      }
      const participant = byId.get(participantId);
      if (!participant) {
        unknown.push({
          field,
          message: `${field} "${participantId}" is not a participant of session "${sessionId}". Check the participantId.`,
        });
        continue;
      }
      if (participant.removedAt && checked.occurredAt >= participant.removedAt) {
        removed.push({
          field,
          message:
            `${field} "${participantId}" was removed from the session at ${participant.removedAt.toISOString()}, ` +
            'so events from that time on are rejected.',
        });
        continue;
      }
      rows.push({
        sessionId,
        participantId,
        type: input.type,
        occurredAt: checked.occurredAt,
        source: 'api',
        participantKind: input.participantKind ?? 'standard',
        clientEventId: input.clientEventId ?? null,
        durationMs: checked.durationMs,
        data: checked.data,
      });
    }
    if (forbidden.length > 0) {
      throw EngagementErrors.forbiddenEvents(forbidden, 'NOT_OWN_EVENT');
    }
    if (unknown.length > 0) {
      throw EngagementErrors.unknownParticipants(unknown);
    }
    if (removed.length > 0) {
      throw EngagementErrors.forbiddenEvents(removed, 'PARTICIPANT_REMOVED');
    }

    return rows;
  }

  /** Updates joined_at and left_at of the participants whose standard joined or left events were stored. */
  private async syncPresence(
    manager: EntityManager,
    ctx: RequestContext,
    sessionId: string,
    rows: NewEngagementEvent[],
  ): Promise<void> {
    const participantIds = [
      ...new Set(
        rows
          .filter(
            (row) =>
              (row.type === 'joined' || row.type === 'left') && row.participantKind === 'standard',
          )
          .map((row) => row.participantId),
      ),
    ];
    await syncParticipantPresence(manager, ctx, this.participants, sessionId, participantIds);
  }
}

/**
 * Recomputes joined_at and left_at of the participants from all their standard joined and
 * left events, inside the caller's transaction and after the new events are inserted.
 */
export async function syncParticipantPresence(
  manager: EntityManager,
  ctx: RequestContext,
  participants: ParticipantsService,
  sessionId: string,
  participantIds: string[],
): Promise<void> {
  await participants.updatePresence(manager, ctx, participantIds, async () => {
    const timelines = await readTimelines(manager, ctx.organizationId, [sessionId], {
      participantIds,
      presenceOnly: true,
    });
    const presence = new Map<string, Presence>();
    for (const timeline of timelines) {
      const derived = presenceOf(timeline.events);
      // A `left` without any `joined` says nothing about when the participant was there.
      if (derived.joinedAt !== null) {
        presence.set(timeline.participantId, derived);
      }
    }

    return presence;
  });
}
