import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Connection } from '../../common/pagination';

@ObjectType('WebhookSubscription')
export class WebhookSubscriptionView {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  id: string;

  @ApiProperty()
  @Field()
  url: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @Field(() => String, { nullable: true })
  description: string | null;

  @ApiProperty({ type: [String] })
  @Field(() => [String], { description: 'The event types or patterns it receives.' })
  eventTypes: string[];

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true })
  sessionId: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true })
  roomId: string | null;

  @ApiProperty({
    enum: ['active', 'paused', 'disabled'],
    description: 'paused holds deliveries until resumed; disabled receives nothing new.',
  })
  @Field({
    description: 'active, paused (deliveries held until resumed) or disabled (after failures).',
  })
  status: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @Field(() => String, { nullable: true })
  disabledReason: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Until when the secret before the last rotation also signs deliveries.',
  })
  @Field(() => Date, {
    nullable: true,
    description: 'Until when the secret before the last rotation also signs deliveries.',
  })
  previousSecretExpiresAt: Date | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @Field(() => Date, {
    nullable: true,
    description: 'The first failed attempt since the last success.',
  })
  failingSince: Date | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @Field(() => Date, { nullable: true })
  lastSuccessAt: Date | null;

  @ApiProperty()
  @Field()
  createdAt: Date;

  @ApiProperty()
  @Field()
  updatedAt: Date;
}

@ObjectType()
export class WebhookSubscriptionWithSecret {
  @ApiProperty({ type: WebhookSubscriptionView })
  @Field(() => WebhookSubscriptionView)
  subscription: WebhookSubscriptionView;

  @ApiProperty({ description: 'The signing secret, `whsec_…`. It is shown only this once.' })
  @Field({ description: 'The signing secret, `whsec_…`. It is shown only this once.' })
  secret: string;
}

@ObjectType('WebhookDeliveryAttempt')
export class WebhookDeliveryAttemptView {
  @ApiProperty()
  @Field(() => Int)
  number: number;

  @ApiProperty()
  @Field()
  attemptedAt: Date;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @Field(() => Int, { nullable: true })
  statusCode: number | null;

  @ApiProperty()
  @Field(() => Int)
  latencyMs: number;

  @ApiProperty({
    description: 'succeeded, http_error, timeout, network_error, redirect or blocked_target.',
  })
  @Field({
    description: 'succeeded, http_error, timeout, network_error, redirect or blocked_target.',
  })
  outcome: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @Field(() => String, { nullable: true })
  error: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'The first 1,024 characters of the response body.',
  })
  @Field(() => String, {
    nullable: true,
    description: 'The first 1,024 characters of the response body.',
  })
  responseExcerpt: string | null;
}

@ObjectType('WebhookDelivery')
export class WebhookDeliveryView {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  id: string;

  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  subscriptionId: string;

  @ApiProperty({ format: 'uuid', description: 'Sent as the webhook-id header of every attempt.' })
  @Field(() => ID, { description: 'Sent as the webhook-id header of every attempt.' })
  eventId: string;

  @ApiProperty()
  @Field()
  eventType: string;

  @ApiProperty({ enum: ['pending', 'succeeded', 'dead'] })
  @Field({ description: 'pending (queued or retrying), succeeded, or dead (dead-lettered).' })
  status: string;

  @ApiProperty()
  @Field(() => Int)
  attempts: number;

  @ApiPropertyOptional({
    type: Date,
    nullable: true,
    description:
      'When the next attempt is due, for a pending delivery, which also waits for the earlier pending deliveries of its session. Null once the delivery succeeded or is dead.',
  })
  @Field(() => Date, {
    nullable: true,
    description:
      'When the next attempt is due, for a pending delivery, which also waits for the earlier pending deliveries of its session. Null once the delivery succeeded or is dead.',
  })
  nextAttemptAt: Date | null;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @Field(() => Int, { nullable: true })
  lastStatusCode: number | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @Field(() => String, { nullable: true })
  lastError: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @Field(() => Date, { nullable: true })
  deliveredAt: Date | null;

  @ApiProperty()
  @Field()
  createdAt: Date;

  @ApiProperty({ type: [WebhookDeliveryAttemptView], description: 'Every attempt, oldest first.' })
  @Field(() => [WebhookDeliveryAttemptView], { description: 'Every attempt, oldest first.' })
  attemptLog: WebhookDeliveryAttemptView[];
}

@ObjectType('WebhookEventType')
export class WebhookEventTypeView {
  @ApiProperty()
  @Field()
  type: string;

  @ApiProperty()
  @Field()
  description: string;
}

@ObjectType()
export class WebhookReplayResult {
  @ApiProperty({ description: 'Deliveries queued again or created.' })
  @Field(() => Int, { description: 'Deliveries queued again or created.' })
  queued: number;
}

export const WebhookSubscriptionConnection = Connection(
  WebhookSubscriptionView,
  'WebhookSubscription',
);
export const WebhookDeliveryConnection = Connection(WebhookDeliveryView, 'WebhookDelivery');

export class WebhookSubscriptionPage {
  @ApiProperty({ type: [WebhookSubscriptionView] })
  items: WebhookSubscriptionView[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as cursor to get the next page; null on the last page.',
  })
  nextCursor: string | null;
}

export class WebhookDeliveryPage {
  @ApiProperty({ type: [WebhookDeliveryView] })
  items: WebhookDeliveryView[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as cursor to get the next page; null on the last page.',
  })
  nextCursor: string | null;
}
