import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An outbox row: a domain change written in the same transaction as the change itself, so a
 * webhook dispatcher can deliver it later without losing or inventing events. The table also
 * contains `transaction_id` (the writing transaction's xid8) and `sequence`, the order in which
 * subscriptions' cursors pass events; only raw SQL reads them.
 */
@Entity('domain_events')
@Index(['organizationId', 'occurredAt'])
export class DomainEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  organizationId: string;

  /** A dotted event type such as `parent_update.approved`. */
  @Column({ type: 'varchar', length: 100 })
  type: string;

  /** The session the event is about, from the payload's `sessionId`; it orders deliveries. */
  @Column('uuid', { nullable: true })
  sessionId: string | null;

  @Column('jsonb')
  payload: Record<string, unknown>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;
}
