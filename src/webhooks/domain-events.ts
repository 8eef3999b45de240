import { EntityManager } from 'typeorm';
import { WebhookEventType } from './event-types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Writes an outbox row through the caller's EntityManager, so it commits with the change, and in
 * the same transaction one webhook delivery per subscription that selects the event. A
 * `sessionId` in the payload orders the deliveries and applies session and room filters.
 * NOTE: events are kept for range replays and nothing deletes them yet, so the table grows with
 * every answer, phase change and transcript write, with or without subscriptions.
 */
export async function recordDomainEvent(
  manager: EntityManager,
  organizationId: string,
  type: WebhookEventType,
  payload: Record<string, unknown>,
): Promise<void> {
  const rows = (await manager.query(
    `INSERT INTO domain_events (organization_id, type, payload) VALUES ($1, $2, $3) RETURNING id`,
    [organizationId, type, JSON.stringify(payload)],
  )) as { id: string }[];
  const sessionId =
    typeof payload.sessionId === 'string' && UUID.test(payload.sessionId)
      ? payload.sessionId
      : null;
  await manager.query(
    `INSERT INTO webhook_deliveries (organization_id, subscription_id, event_id, event_type, ordering_key)
     SELECT s.organization_id, s.id, $2, $3::text, $4::uuid
       FROM webhook_subscriptions s
      WHERE s.organization_id = $1
        AND s.status <> 'disabled'
        AND EXISTS (
          SELECT 1 FROM unnest(s.event_types) AS p(pattern)
           WHERE p.pattern = '*' OR p.pattern = $3::text
              OR (right(p.pattern, 2) = '.*' AND starts_with($3::text, left(p.pattern, -1))))
        AND (s.session_id IS NULL OR s.session_id = $4::uuid)
        AND (s.room_id IS NULL OR s.room_id = (SELECT room_id FROM sessions WHERE id = $4::uuid))`,
    [organizationId, rows[0]!.id, type, sessionId],
  );
}
