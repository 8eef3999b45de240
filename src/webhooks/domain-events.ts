import { EntityManager } from 'typeorm';
import { queryPreparedIn } from '../database/prepared-query';
import { WebhookEventType } from './event-types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Inserts the event and, in the same statement, one delivery per subscription that selects it.
 * An event thus costs one round trip, and as a prepared statement it is parsed once per
 * connection.
 */
const RECORD_EVENT_SQL = `
  WITH event AS (
    INSERT INTO domain_events (organization_id, type, payload) VALUES ($1, $2, $3) RETURNING id
  )
  INSERT INTO webhook_deliveries (organization_id, subscription_id, event_id, event_type, ordering_key)
  SELECT s.organization_id, s.id, event.id, $2::text, $4::uuid
    FROM event, webhook_subscriptions s
   WHERE s.organization_id = $1
     AND s.status <> 'disabled'
     AND EXISTS (
       SELECT 1 FROM unnest(s.event_types) AS p(pattern)
        WHERE p.pattern = '*' OR p.pattern = $2::text
           OR (right(p.pattern, 2) = '.*' AND starts_with($2::text, left(p.pattern, -1))))
     AND (s.session_id IS NULL OR s.session_id = $4::uuid)
     AND (s.room_id IS NULL OR s.room_id = (SELECT room_id FROM sessions WHERE id = $4::uuid))`;

/**
 * Writes an outbox row through the caller's EntityManager, so it commits with the change, and in
 * the same transaction one webhook delivery per subscription that selects the event. A
 * `sessionId` in the payload orders the deliveries and applies session and room filters.
 * WebhookEventRetention deletes events after WEBHOOK_EVENT_RETENTION_DAYS, once their deliveries
 * finished, so range replays reach back that far.
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
    organizationId,
    type,
    JSON.stringify(payload),
    sessionId,
  ]);
}
