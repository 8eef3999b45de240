import { EntityManager } from 'typeorm';
import { DomainEvent } from './domain-event.entity';

/** Writes an outbox row through the caller's EntityManager, so it commits with the change. */
export async function recordDomainEvent(
  manager: EntityManager,
  organizationId: string,
  type: string,
  payload: Record<string, unknown>,
): Promise<void> {
  await manager.save(manager.create(DomainEvent, { organizationId, type, payload }));
}
