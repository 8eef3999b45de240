import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export const SUBSCRIPTION_STATUSES = ['active', 'paused', 'disabled'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

export const DELIVERY_STATUSES = ['pending', 'succeeded', 'dead'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** A partner endpoint that receives the organization's events of the chosen types. */
@Entity('webhook_subscriptions')
export class WebhookSubscription {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  organizationId: string;

  @Column({ type: 'varchar', length: 2048 })
  url: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  description: string | null;

  /** Event types or patterns such as `session.*`; `*` matches every type. */
  @Column('text', { array: true })
  eventTypes: string[];

  /** Only events of this session, when set. */
  @Column('uuid', { nullable: true })
  sessionId: string | null;

  /** Only events of sessions in this room, when set. */
  @Column('uuid', { nullable: true })
  roomId: string | null;

  /** `paused` holds deliveries until resumed; `disabled` stops new ones after repeated failure. */
  @Column({ type: 'varchar', length: 16 })
  status: SubscriptionStatus;

  @Column({ type: 'varchar', length: 500, nullable: true })
  disabledReason: string | null;

  /** The signing secret, encrypted with AES-256-GCM. */
  @Column('text')
  secretCiphertext: string;

  /** The secret before the last rotation; signatures carry it too until it expires. */
  @Column('text', { nullable: true })
  previousSecretCiphertext: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  previousSecretExpiresAt: Date | null;

  /** The first failed attempt since the last success. */
  @Column({ type: 'timestamptz', nullable: true })
  failingSince: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastSuccessAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

/** One event for one subscription: retried until it succeeds or its retry window ends. */
@Entity('webhook_deliveries')
export class WebhookDelivery {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Creation order; deliveries with the same ordering key are sent in this order. */
  @Column({ type: 'bigint', insert: false, update: false })
  sequence: string;

  @Column('uuid')
  organizationId: string;

  @Column('uuid')
  subscriptionId: string;

  /** The domain event, whose id is the `webhook-id` of every attempt. */
  @Column('uuid')
  eventId: string;

  @Column({ type: 'varchar', length: 100 })
  eventType: string;

  /** The session of the event; a subscription receives one session's events in order. */
  @Column('uuid', { nullable: true })
  orderingKey: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: DeliveryStatus;

  @Column('int')
  attempts: number;

  @Column({ type: 'timestamptz', precision: 3 })
  nextAttemptAt: Date;

  /** Set while one instance sends the delivery; another may take it over after this time. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  lockedUntil: Date | null;

  /** Start of the retry window: creation, or the last manual replay. */
  @Column({ type: 'timestamptz', precision: 3 })
  windowStartedAt: Date;

  @Column({ type: 'int', nullable: true })
  lastStatusCode: number | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  deliveredAt: Date | null;

  /**
   * The number of the attempt that succeeded. The successful attempt is stored on the delivery
   * row, and failed attempts in webhook_delivery_attempts; a replay moves it there.
   */
  @Column('int', { nullable: true })
  successAttemptNumber: number | null;

  /** When the successful attempt started; its status code is `lastStatusCode`. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  successAttemptedAt: Date | null;

  @Column('int', { nullable: true })
  successLatencyMs: number | null;

  /** The first 1,024 characters of the successful response's body. */
  @Column({ type: 'varchar', length: 1024, nullable: true })
  successResponseExcerpt: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

/** One HTTP request of a delivery and what came of it. */
@Entity('webhook_delivery_attempts')
export class WebhookDeliveryAttempt {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  organizationId: string;

  @Column('uuid')
  deliveryId: string;

  @Column('int')
  number: number;

  @Column({ type: 'timestamptz', precision: 3 })
  attemptedAt: Date;

  @Column({ type: 'int', nullable: true })
  statusCode: number | null;

  @Column('int')
  latencyMs: number;

  /** `succeeded`, `http_error`, `timeout`, `network_error`, `redirect` or `blocked_target`. */
  @Column({ type: 'varchar', length: 32 })
  outcome: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  error: string | null;

  /** The first 1,024 characters of the response body. */
  @Column({ type: 'varchar', length: 1024, nullable: true })
  responseExcerpt: string | null;
}
