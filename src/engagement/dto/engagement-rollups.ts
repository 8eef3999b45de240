import { ArgsType, Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import {
  ParticipantRole,
  ParticipantRoleEnum,
  PARTICIPANT_ROLES,
} from '../../sessions/participant.entity';
import { SESSION_STATUSES, SessionStatus, SessionStatusEnum } from '../../sessions/session.entity';
import { DEFAULT_TREND_SESSIONS, MAX_TREND_SESSIONS } from '../engagement-limits';

/** Rollup of one participant in one session, from the events of standard connections. */
@ObjectType()
export class ParticipantEngagement {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  participantId: string;

  @ApiProperty({ enum: PARTICIPANT_ROLES })
  @Field(() => ParticipantRoleEnum)
  role: ParticipantRole;

  @ApiProperty()
  @Field()
  displayName: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true })
  studentId: string | null;

  @ApiProperty({
    description: 'Minutes connected, overlapping connections counted once; two decimals.',
  })
  @Field(() => Float, {
    description: 'Minutes connected, overlapping connections counted once; two decimals.',
  })
  attendedMinutes: number;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description:
      'attendedMinutes over the session minutes, 0 to 1; null before the session has any length.',
  })
  @Field(() => Float, {
    nullable: true,
    description:
      'attendedMinutes over the session minutes, 0 to 1; null before the session has any length.',
  })
  attendanceShare: number | null;

  @ApiProperty({ description: 'Seconds spoken: the sum of `spoke` durations.' })
  @Field(() => Float, { description: 'Seconds spoken: the sum of `spoke` durations.' })
  talkSeconds: number;

  @ApiProperty({ description: "talkSeconds over the whole session's talk, 0 to 1." })
  @Field(() => Float, { description: "talkSeconds over the whole session's talk, 0 to 1." })
  talkShare: number;

  @ApiProperty({ description: '`responded` events.' })
  @Field(() => Int, { description: '`responded` events.' })
  responses: number;

  @ApiProperty({ description: 'Responses that carry a correct or incorrect grade.' })
  @Field(() => Int, { description: 'Responses that carry a correct or incorrect grade.' })
  gradedResponses: number;

  @ApiProperty()
  @Field(() => Int)
  correctResponses: number;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'correctResponses over gradedResponses; null without graded responses.',
  })
  @Field(() => Float, {
    nullable: true,
    description: 'correctResponses over gradedResponses; null without graded responses.',
  })
  correctRate: number | null;

  @ApiProperty({ description: '`board_operation` events.' })
  @Field(() => Int, { description: '`board_operation` events.' })
  boardOperations: number;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Share of attended time focused, 0 to 1; null without `attention_changed` events.',
  })
  @Field(() => Float, {
    nullable: true,
    description: 'Share of attended time focused, 0 to 1; null without `attention_changed` events.',
  })
  attentionShare: number | null;

  @ApiProperty({ description: '`hand_raised` events that raise the hand.' })
  @Field(() => Int, { description: '`hand_raised` events that raise the hand.' })
  handRaises: number;

  @ApiProperty()
  @Field(() => Int)
  chatMessages: number;

  @ApiProperty()
  @Field(() => Int)
  reactions: number;

  @ApiProperty()
  @Field(() => Int)
  helpRequests: number;

  @ApiProperty({
    minimum: 0,
    maximum: 100,
    description: 'Weighted participation, 0 to 100; docs/engagement.md gives the formula.',
  })
  @Field(() => Int, {
    description: 'Weighted participation, 0 to 100; docs/engagement.md gives the formula.',
  })
  participationScore: number;
}

/** Rollups of every participant of one session, computed when read. */
@ObjectType()
export class SessionEngagement {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  sessionId: string;

  @ApiProperty({ enum: SESSION_STATUSES })
  @Field(() => SessionStatusEnum)
  sessionStatus: SessionStatus;

  @ApiProperty({
    description:
      'Minutes from the actual start to the actual end, or to now while live; the scheduled length before the start.',
  })
  @Field(() => Float, {
    description:
      'Minutes from the actual start to the actual end, or to now while live; the scheduled length before the start.',
  })
  sessionMinutes: number;

  @ApiProperty()
  @Field(() => Float)
  totalTalkSeconds: number;

  @ApiProperty()
  @Field()
  computedAt: Date;

  @ApiProperty({ type: [ParticipantEngagement] })
  @Field(() => [ParticipantEngagement])
  participants: ParticipantEngagement[];
}

/** A student's participation score in one session. */
@ObjectType()
export class EngagementTrendPoint {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  sessionId: string;

  @ApiProperty()
  @Field()
  sessionTitle: string;

  @ApiProperty({ description: 'The actual start, or the scheduled start when it has none.' })
  @Field({ description: 'The actual start, or the scheduled start when it has none.' })
  startedAt: Date;

  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  participantId: string;

  @ApiProperty()
  @Field(() => Int)
  participationScore: number;

  @ApiProperty()
  @Field(() => Float)
  attendedMinutes: number;

  @ApiProperty({ description: 'Mean score of this session and up to 2 sessions before it.' })
  @Field(() => Float, { description: 'Mean score of this session and up to 2 sessions before it.' })
  movingAverage: number;
}

/** A student's participation across sessions, oldest first. */
@ObjectType()
export class StudentEngagementTrend {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  studentId: string;

  @ApiProperty({ type: [EngagementTrendPoint] })
  @Field(() => [EngagementTrendPoint])
  sessions: EngagementTrendPoint[];

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description:
      'Least-squares slope of the score, points per session; null with fewer than 2 sessions.',
  })
  @Field(() => Float, {
    nullable: true,
    description:
      'Least-squares slope of the score, points per session; null with fewer than 2 sessions.',
  })
  slope: number | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'The latest session’s moving average.',
  })
  @Field(() => Float, { nullable: true, description: 'The latest session’s moving average.' })
  movingAverage: number | null;
}

const LAST_RULE = `The latest sessions to include, 1 to ${MAX_TREND_SESSIONS}; default ${DEFAULT_TREND_SESSIONS}.`;

@ArgsType()
export class StudentEngagementTrendArgs {
  @Field(() => ID)
  @IsUUID()
  studentId: string;

  @Field(() => Int, { nullable: true, description: LAST_RULE })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_TREND_SESSIONS)
  last?: number;
}

export class StudentEngagementTrendQuery {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_TREND_SESSIONS,
    default: DEFAULT_TREND_SESSIONS,
    description: LAST_RULE,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_TREND_SESSIONS)
  last?: number;
}
