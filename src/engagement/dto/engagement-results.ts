import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { Connection, PageArgs, PageQueryDto } from '../../common/pagination';
import {
  ENGAGEMENT_EVENT_TYPES,
  EngagementEvent,
  EngagementEventType,
  EngagementEventTypeEnum,
} from '../engagement-event.entity';

/** Counts of one ingest request. Every received event is either accepted or a duplicate. */
@ObjectType()
export class EngagementIngestResult {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  sessionId: string;

  @ApiProperty()
  @Field(() => Int)
  received: number;

  @ApiProperty({ description: 'Events stored by this request.' })
  @Field(() => Int, { description: 'Events stored by this request.' })
  accepted: number;

  @ApiProperty({
    description:
      'Events ignored because their clientEventId was already stored or repeated in the request.',
  })
  @Field(() => Int, {
    description:
      'Events ignored because their clientEventId was already stored or repeated in the request.',
  })
  duplicates: number;
}

@ObjectType()
export class EngagementEventConnection extends Connection(EngagementEvent, 'EngagementEvent') {}

/** One page of engagement events over REST, ordered by (occurredAt, id). */
export class EngagementEventPage {
  @ApiProperty({ type: [EngagementEvent] })
  items: EngagementEvent[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page.' })
  nextCursor: string | null;
}

/** Filters of an event list, shared by both surfaces. */
export interface EngagementEventFilter {
  type?: EngagementEventType;
  participantId?: string;
}

@ArgsType()
export class EngagementEventsArgs extends PageArgs implements EngagementEventFilter {
  @Field(() => ID)
  @IsUUID()
  sessionId: string;

  @Field(() => EngagementEventTypeEnum, {
    nullable: true,
    description: 'Only events of this type.',
  })
  @IsOptional()
  @IsIn(ENGAGEMENT_EVENT_TYPES)
  type?: EngagementEventType;

  @Field(() => ID, { nullable: true, description: 'Only events of this participant.' })
  @IsOptional()
  @IsUUID()
  participantId?: string;
}

export class EngagementEventsQuery extends PageQueryDto implements EngagementEventFilter {
  @ApiPropertyOptional({ enum: ENGAGEMENT_EVENT_TYPES, description: 'Only events of this type.' })
  @IsOptional()
  @IsIn(ENGAGEMENT_EVENT_TYPES, {
    message: `type must be one of: ${ENGAGEMENT_EVENT_TYPES.join(', ')}`,
  })
  type?: EngagementEventType;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only events of this participant.' })
  @IsOptional()
  @IsUUID()
  participantId?: string;
}
