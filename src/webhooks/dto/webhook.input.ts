import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PageArgs, PageQueryDto } from '../../common/pagination';
import { DELIVERY_STATUSES, DeliveryStatus } from '../webhook.entity';

export const WEBHOOK_LIMITS = {
  urlLength: 2048,
  descriptionLength: 500,
  eventTypes: 50,
  /** Maximum overlap in which the previous secret still signs, in seconds (7 days). */
  maxOverlapSeconds: 7 * 86400,
  defaultOverlapSeconds: 86400,
  /** Maximum time range of one replay, in days. */
  replayDays: 31,
};

const EVENT_TYPES_DESCRIPTION =
  'Event types or patterns: a type such as session.started, an area such as session.*, or * for every type.';

@InputType()
export class CreateWebhookSubscriptionInput {
  @ApiProperty({ maxLength: WEBHOOK_LIMITS.urlLength, example: 'https://partner.example/hilink' })
  @Field({ description: 'The https:// or http:// address that receives POST requests.' })
  @IsString()
  @MaxLength(WEBHOOK_LIMITS.urlLength)
  url: string;

  @ApiProperty({ type: [String], description: EVENT_TYPES_DESCRIPTION, example: ['session.*'] })
  @Field(() => [String], { description: EVENT_TYPES_DESCRIPTION })
  @IsArray()
  @ArrayMinSize(1, {
    message: 'eventTypes must name at least one type or pattern, such as session.*',
  })
  @ArrayMaxSize(WEBHOOK_LIMITS.eventTypes)
  @IsString({ each: true })
  eventTypes: string[];

  @ApiPropertyOptional({ maxLength: WEBHOOK_LIMITS.descriptionLength })
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(WEBHOOK_LIMITS.descriptionLength)
  description?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only events of this session.' })
  @Field(() => ID, { nullable: true, description: 'Only events of this session.' })
  @IsOptional()
  @IsUUID('all', { message: 'sessionId must be a UUID' })
  sessionId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only events of sessions in this room.' })
  @Field(() => ID, { nullable: true, description: 'Only events of sessions in this room.' })
  @IsOptional()
  @IsUUID('all', { message: 'roomId must be a UUID' })
  roomId?: string;
}

@InputType()
export class UpdateWebhookSubscriptionInput {
  @ApiPropertyOptional({ maxLength: WEBHOOK_LIMITS.urlLength })
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(WEBHOOK_LIMITS.urlLength)
  url?: string;

  @ApiPropertyOptional({ type: [String], description: EVENT_TYPES_DESCRIPTION })
  @Field(() => [String], { nullable: true, description: EVENT_TYPES_DESCRIPTION })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, {
    message: 'eventTypes must name at least one type or pattern, such as session.*',
  })
  @ArrayMaxSize(WEBHOOK_LIMITS.eventTypes)
  @IsString({ each: true })
  eventTypes?: string[];

  @ApiPropertyOptional({ maxLength: WEBHOOK_LIMITS.descriptionLength, nullable: true })
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(WEBHOOK_LIMITS.descriptionLength)
  description?: string | null;
}

@InputType()
export class RotateWebhookSecretInput {
  @ApiPropertyOptional({
    minimum: 0,
    maximum: WEBHOOK_LIMITS.maxOverlapSeconds,
    default: WEBHOOK_LIMITS.defaultOverlapSeconds,
    description: 'Seconds during which deliveries are signed with both the old and the new secret.',
  })
  @Field(() => Int, {
    nullable: true,
    description: `Seconds during which deliveries are signed with both the old and the new secret; 0 to ${WEBHOOK_LIMITS.maxOverlapSeconds}, default ${WEBHOOK_LIMITS.defaultOverlapSeconds}.`,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(WEBHOOK_LIMITS.maxOverlapSeconds)
  overlapSeconds?: number;
}

@InputType()
export class ReplayWebhookDeliveriesInput {
  @ApiProperty({ description: 'Events that occurred at or after this instant (ISO 8601).' })
  @Field({ description: 'Events that occurred at or after this instant (ISO 8601).' })
  @IsDateString(
    { strict: true },
    { message: 'from must be an ISO 8601 instant such as 2026-12-01T00:00:00Z' },
  )
  from: string;

  @ApiProperty({ description: 'Events that occurred before this instant (ISO 8601).' })
  @Field({ description: 'Events that occurred before this instant (ISO 8601).' })
  @IsDateString(
    { strict: true },
    { message: 'to must be an ISO 8601 instant such as 2026-12-02T00:00:00Z' },
  )
  to: string;
}

const STATUS_MESSAGE = `status must be one of: ${DELIVERY_STATUSES.join(', ')}`;

export class WebhookDeliveryListQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES, { message: STATUS_MESSAGE })
  status?: DeliveryStatus;
}

@ArgsType()
export class WebhookDeliveriesArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'subscriptionId must be a UUID' })
  subscriptionId: string;

  @Field(() => String, { nullable: true, description: `One of: ${DELIVERY_STATUSES.join(', ')}.` })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES, { message: STATUS_MESSAGE })
  status?: DeliveryStatus;
}

export class WebhookSubscriptionListQuery extends PageQueryDto {}
