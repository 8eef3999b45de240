import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RequestContext } from '../common/request-context';
import {
  EngagementEventSource,
  EngagementEventType,
  ParticipantKind,
} from './engagement-event.entity';

/** One event to store; the caller has checked that the participant belongs to the session. */
export interface NewEngagementEvent {
  sessionId: string;
  participantId: string;
  type: EngagementEventType;
  occurredAt: Date;
  source?: EngagementEventSource;
  participantKind?: ParticipantKind;
  /** The reporter's id for the event; a repeat with the same id in the session is ignored. */
  clientEventId?: string | null;
  durationMs?: number | null;
  data?: Record<string, unknown>;
}

/** Columns of one insert, in order. */
const COLUMNS = [
  'organization_id',
  'session_id',
  'participant_id',
  'type',
  'source',
  'participant_kind',
  'client_event_id',
  'occurred_at',
  'duration_ms',
  'data',
];

/** PostgreSQL allows 65,535 bind parameters in one statement. */
const ROWS_PER_INSERT = Math.floor(65_535 / COLUMNS.length);

/** Stores engagement events, append-only and idempotent on the client event id. */
@Injectable()
export class EngagementEventsService {
  /**
   * Inserts events in the caller's transaction, so an event commits with the change it
   * reports. Returns the number of events stored; repeats of a stored client event id are
   * skipped.
   */
  async append(
    manager: EntityManager,
    ctx: RequestContext,
    events: readonly NewEngagementEvent[],
  ): Promise<number> {
    let stored = 0;
    for (let start = 0; start < events.length; start += ROWS_PER_INSERT) {
      const chunk = events.slice(start, start + ROWS_PER_INSERT);
      const params: unknown[] = [];
      const tuples = chunk.map((event) => {
        const base = params.length;
        params.push(
          ctx.organizationId,
          event.sessionId,
          event.participantId,
          event.type,
          event.source ?? 'api',
          event.participantKind ?? 'standard',
          event.clientEventId ?? null,
          event.occurredAt,
          event.durationMs ?? null,
          JSON.stringify(event.data ?? {}),
        );

        return `(${COLUMNS.map((_, index) => `$${base + index + 1}`).join(', ')})`;
      });
      const inserted: unknown[] = await manager.query(
        `INSERT INTO engagement_events (${COLUMNS.join(', ')})
         VALUES ${tuples.join(', ')}
         ON CONFLICT (organization_id, session_id, client_event_id)
           WHERE client_event_id IS NOT NULL DO NOTHING
         RETURNING id`,
        params,
      );
      stored += inserted.length;
    }

    return stored;
  }
}
