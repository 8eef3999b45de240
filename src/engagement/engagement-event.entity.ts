import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Exclude } from 'class-transformer';
import { GraphQLJSONObject } from 'graphql-type-json';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const ENGAGEMENT_EVENT_TYPES = [
  'joined',
  'left',
  'spoke',
  'chat_message',
  'reaction',
  'hand_raised',
  'responded',
  'board_operation',
  'phase_changed',
  'attention_changed',
  'camera_toggled',
  'microphone_toggled',
  'help_requested',
] as const;

export type EngagementEventType = (typeof ENGAGEMENT_EVENT_TYPES)[number];

export const EngagementEventTypeEnum = Object.fromEntries(
  ENGAGEMENT_EVENT_TYPES.map((type) => [type, type]),
) as { [K in EngagementEventType]: K };

registerEnumType(EngagementEventTypeEnum, {
  name: 'EngagementEventType',
  description: 'What a participant did.',
});

export const EVENT_SOURCES = ['api', 'livekit', 'system'] as const;

/** Who reported an event: a client through the API, LiveKit's webhooks, or HiLink itself. */
export type EngagementEventSource = (typeof EVENT_SOURCES)[number];

export const PARTICIPANT_KINDS = ['standard', 'screen_share', 'recorder', 'agent'] as const;

/**
 * What kind of connection the event came from. Only `standard` connections, which are people,
 * count toward attendance.
 */
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];

/** One thing a participant did in a session. Rows are only ever inserted. */
@ObjectType()
@Entity('engagement_events')
export class EngagementEvent {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Insertion order, which breaks ties between events that occurred at the same time. */
  @Exclude()
  @Column({ type: 'bigint', insert: false, update: false })
  sequence: string;

  @Exclude()
  @Column('uuid')
  organizationId: string;

  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @Column('uuid')
  sessionId: string;

  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @Column('uuid')
  participantId: string;

  @ApiProperty({ enum: ENGAGEMENT_EVENT_TYPES })
  @Field(() => EngagementEventTypeEnum)
  @Column({ type: 'varchar', length: 32 })
  type: EngagementEventType;

  @ApiProperty({ enum: EVENT_SOURCES })
  @Field(() => String, { description: `One of: ${EVENT_SOURCES.join(', ')}.` })
  @Column({ type: 'varchar', length: 16, default: 'api' })
  source: EngagementEventSource;

  @ApiProperty({ enum: PARTICIPANT_KINDS })
  @Field(() => String, { description: `One of: ${PARTICIPANT_KINDS.join(', ')}.` })
  @Column({ type: 'varchar', length: 16, default: 'standard' })
  participantKind: ParticipantKind;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100 })
  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 100, nullable: true })
  clientEventId: string | null;

  @ApiProperty({ description: 'When the event happened, as the reporter saw it.' })
  @Field({ description: 'When the event happened, as the reporter saw it.' })
  @Column({ type: 'timestamptz', precision: 3 })
  occurredAt: Date;

  @ApiProperty({ description: 'When HiLink stored the event.' })
  @Field({ description: 'When HiLink stored the event.' })
  @Column({ type: 'timestamptz', precision: 3, insert: false, update: false })
  receivedAt: Date;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Length, milliseconds.' })
  @Field(() => Int, { nullable: true, description: 'Length, milliseconds.' })
  @Column({ type: 'integer', nullable: true })
  durationMs: number | null;

  @ApiProperty({ type: 'object', additionalProperties: true })
  @Field(() => GraphQLJSONObject)
  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;
}
