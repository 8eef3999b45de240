import { EntityManager } from 'typeorm';
import { uuid7 } from '../common/uuid7';
import { queryPreparedIn } from '../database/prepared-query';
import { WebhookEventType } from './event-types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The event id is a version 7 UUID, so the indexes that hold event ids, such as the one of each
 * subscription's delivery rows, grow at their end.
 */
const RECORD_EVENT_SQL = `
  INSERT INTO domain_events (id, organization_id, type, payload, session_id)
  VALUES ($1, $2, $3, $4, $5)`;

/**
 * Writes an outbox row through the caller's EntityManager, so it commits with the change. The
 * row is the delivery job of every subscription that selects it: WebhookDispatcher reads each
 * subscription's events from a cursor, so recording an event is one row whatever the number of
 * subscriptions. A `sessionId` in the payload orders the deliveries and applies session and room
 * filters. WebhookEventRetention deletes events after WEBHOOK_EVENT_RETENTION_DAYS, once every
 * subscription has passed them and their deliveries finished, so range replays reach back that
 * far.
 */
export async function recordDomainEvent(
  manager: EntityManager,
  organizationId: string,
  type: WebhookEventType,
  payload: Record<string, unknown>,
): Promise<void> {
  const sessionId =
    typeof payload.sessionId === 'string' && UUID.test(payload.sessionId)
      ? payload.sessionId
      : null;
  await queryPreparedIn(manager, 'record_domain_event', RECORD_EVENT_SQL, [
    uuid7(),
    organizationId,
    type,
    JSON.stringify(payload),
    sessionId,
  ]);
}
