import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Exclude } from 'class-transformer';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { BreakoutGroupOutput, reviveOutput } from './breakout-output';

export const BREAKOUT_STRATEGIES = ['manual', 'random', 'balanced'] as const;

/** The rule that puts students into groups. */
export type BreakoutStrategy = (typeof BREAKOUT_STRATEGIES)[number];

export const BreakoutStrategyEnum = Object.fromEntries(
  BREAKOUT_STRATEGIES.map((strategy) => [strategy, strategy]),
) as { [K in BreakoutStrategy]: K };

registerEnumType(BreakoutStrategyEnum, {
  name: 'BreakoutStrategy',
  description:
    'How students are put into breakout groups: `manual` (lists of participant ids), `random`, ' +
    'or `balanced` (spread by each student’s share of correct check responses in the session).',
});

export const BREAKOUT_GROUP_STATUSES = ['open', 'closed'] as const;

export type BreakoutGroupStatus = (typeof BREAKOUT_GROUP_STATUSES)[number];

export const BreakoutGroupStatusEnum = Object.fromEntries(
  BREAKOUT_GROUP_STATUSES.map((status) => [status, status]),
) as { [K in BreakoutGroupStatus]: K };

registerEnumType(BreakoutGroupStatusEnum, { name: 'BreakoutGroupStatus' });

export const BREAKOUT_CLOSE_REASONS = [
  'closed_by_instructor',
  'time_limit',
  'session_ended',
] as const;

/** The reason a group closed. */
export type BreakoutCloseReason = (typeof BREAKOUT_CLOSE_REASONS)[number];

export const BreakoutCloseReasonEnum = Object.fromEntries(
  BREAKOUT_CLOSE_REASONS.map((reason) => [reason, reason]),
) as { [K in BreakoutCloseReason]: K };

registerEnumType(BreakoutCloseReasonEnum, { name: 'BreakoutCloseReason' });

/** Most groups one session may have open at once, and most one create request may make. */
export const MAX_OPEN_GROUPS = 50;
/** Most groups one session may have in all, open and closed, so its list fits one page. */
export const MAX_GROUPS_PER_SESSION = 500;
/** Most broadcast messages one session may have, so its list fits one page. */
export const MAX_MESSAGES_PER_SESSION = 500;
export const MAX_GROUP_NAME_LENGTH = 100;
export const MAX_INSTRUCTIONS_LENGTH = 4000;
export const MAX_TIME_LIMIT_MINUTES = 240;
export const MAX_MESSAGE_LENGTH = 2000;
export const MAX_HELP_MESSAGE_LENGTH = 500;

/** A breakout group of a live session: its task, time limit, LiveKit room and, once closed, its output. */
@ObjectType()
@Entity('breakout_groups')
export class BreakoutGroup {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Exclude()
  @Column('uuid')
  organizationId: string;

  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @Column('uuid')
  sessionId: string;

  @ApiProperty({ description: 'Order of creation in the session, from 1.' })
  @Field(() => Int, { description: 'Order of creation in the session, from 1.' })
  @Column('integer')
  position: number;

  @ApiProperty({ maxLength: MAX_GROUP_NAME_LENGTH })
  @Field()
  @Column({ length: MAX_GROUP_NAME_LENGTH })
  name: string;

  @ApiProperty({ enum: BREAKOUT_STRATEGIES })
  @Field(() => BreakoutStrategyEnum)
  @Column({ type: 'varchar', length: 16 })
  strategy: BreakoutStrategy;

  @ApiProperty({ maxLength: MAX_INSTRUCTIONS_LENGTH, description: 'The group’s task.' })
  @Field({ description: 'The group’s task.' })
  @Column('text')
  instructions: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'The session activity the group works on.' })
  @Column({ type: 'uuid', nullable: true })
  activityId: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'The whiteboard made for the group.' })
  @Column({ type: 'uuid', nullable: true })
  boardId: string | null;

  @ApiProperty({ description: 'Name of the LiveKit room that carries the group’s media.' })
  @Field({ description: 'Name of the LiveKit room that carries the group’s media.' })
  @Column({ length: 200 })
  livekitRoomName: string;

  @ApiProperty({ enum: BREAKOUT_GROUP_STATUSES })
  @Field(() => BreakoutGroupStatusEnum)
  @Column({ type: 'varchar', length: 16, default: 'open' })
  status: BreakoutGroupStatus;

  @ApiProperty({ description: 'The time limit: the group closes at this time.' })
  @Field({ description: 'The time limit: the group closes at this time.' })
  @Column({ type: 'timestamptz', precision: 3 })
  closesAt: Date;

  @ApiPropertyOptional({ type: Date, nullable: true })
  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  closedAt: Date | null;

  @ApiPropertyOptional({ enum: BREAKOUT_CLOSE_REASONS, nullable: true })
  @Field(() => BreakoutCloseReasonEnum, { nullable: true })
  @Column({ type: 'varchar', length: 24, nullable: true })
  closedReason: BreakoutCloseReason | null;

  @ApiPropertyOptional({
    type: BreakoutGroupOutput,
    nullable: true,
    description: 'Stored when the group closes.',
  })
  @Field(() => BreakoutGroupOutput, {
    nullable: true,
    description: 'Stored when the group closes.',
  })
  @Column({
    type: 'jsonb',
    nullable: true,
    transformer: {
      to: (value: unknown) => value,
      from: (value: BreakoutGroupOutput | null) => reviveOutput(value),
    },
  })
  output: BreakoutGroupOutput | null;

  /** Filled by the service from breakout_members; not a column. */
  @ApiProperty({
    type: [String],
    description:
      'The group’s members: current ones while it is open, the members it had once closed.',
  })
  @Field(() => [ID], {
    description:
      'The group’s members: current ones while it is open, the members it had once closed.',
  })
  participantIds: string[];

  @ApiProperty()
  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @ApiProperty()
  @Field()
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** A participant's assignment to a group; it ends when the group closes. */
@ObjectType()
@Entity('breakout_members')
export class BreakoutMember {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

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
  groupId: string;

  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @Column('uuid')
  participantId: string;

  @ApiProperty()
  @Field()
  @Column({ type: 'timestamptz', precision: 3 })
  assignedAt: Date;

  @ApiPropertyOptional({ type: Date, nullable: true, description: 'When the assignment ended.' })
  @Field(() => Date, { nullable: true, description: 'When the assignment ended.' })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  endedAt: Date | null;
}

/** A message sent to every group of a session. */
@ObjectType()
@Entity('breakout_messages')
export class BreakoutMessage {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Exclude()
  @Column('uuid')
  organizationId: string;

  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @Column('uuid')
  sessionId: string;

  @ApiProperty({ maxLength: MAX_MESSAGE_LENGTH })
  @Field()
  @Column('text')
  body: string;

  @ApiProperty({ type: [String], description: 'The groups that were open when it was sent.' })
  @Field(() => [ID], { description: 'The groups that were open when it was sent.' })
  @Column({ type: 'uuid', array: true })
  groupIds: string[];

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The instructor participant who sent it, if one did.',
  })
  @Field(() => ID, {
    nullable: true,
    description: 'The instructor participant who sent it, if one did.',
  })
  @Column({ type: 'uuid', nullable: true })
  senderParticipantId: string | null;

  @ApiProperty()
  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  sentAt: Date;
}
