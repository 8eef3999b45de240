import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import {
  PARTICIPANT_ROLES,
  ParticipantRole,
  ParticipantRoleEnum,
} from '../../sessions/participant.entity';
import { FirstAddReference } from '../board-metrics';
import { DEFAULT_IDLE_GAP_SECONDS, MAX_IDLE_GAP_SECONDS } from '../whiteboard-limits';

const FIRST_ADD_REFERENCES = ['board_created', 'phase_started'] as const;
export const FirstAddReferenceEnum = Object.fromEntries(
  FIRST_ADD_REFERENCES.map((reference) => [reference, reference]),
) as { [K in FirstAddReference]: K };
registerEnumType(FirstAddReferenceEnum, {
  name: 'BoardFirstAddReference',
  description:
    'What timeToFirstAddMs counts from: the board’s creation, or the start of the lesson phase that was active at the first add when it started later.',
});

const TIME_TO_FIRST_ADD =
  'Milliseconds from the later of the board’s creation and the start of the lesson phase active at the first add, to that add.';
const IDLE_GAPS =
  'Gaps of idleGapSeconds or longer between two consecutive operations of the participant.';

/** One participant's whiteboard activity. */
@ObjectType()
export class ParticipantBoardMetrics {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  participantId: string;

  @ApiProperty()
  @Field()
  displayName: string;

  @ApiProperty({ enum: PARTICIPANT_ROLES })
  @Field(() => ParticipantRoleEnum)
  role: ParticipantRole;

  @ApiProperty({ description: 'Every operation, undos included.' })
  @Field(() => Int, { description: 'Every operation, undos included.' })
  operations: number;

  @ApiProperty()
  @Field(() => Int)
  adds: number;

  @ApiProperty()
  @Field(() => Int)
  updates: number;

  @ApiProperty({ description: 'Deletes and clears.' })
  @Field(() => Int, { description: 'Deletes and clears.' })
  erasures: number;

  @ApiProperty({ description: 'Undos of the participant’s own operations (self-corrections).' })
  @Field(() => Int, {
    description: 'Undos of the participant’s own operations (self-corrections).',
  })
  undos: number;

  @ApiPropertyOptional({ type: Date, nullable: true })
  @Field(() => Date, { nullable: true })
  firstOperationAt: Date | null;

  @ApiPropertyOptional({ type: Date, nullable: true })
  @Field(() => Date, { nullable: true })
  lastOperationAt: Date | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: TIME_TO_FIRST_ADD })
  @Field(() => Int, { nullable: true, description: TIME_TO_FIRST_ADD })
  timeToFirstAddMs: number | null;

  @ApiPropertyOptional({ enum: FIRST_ADD_REFERENCES, nullable: true })
  @Field(() => FirstAddReferenceEnum, { nullable: true })
  timeToFirstAddFrom: FirstAddReference | null;

  @ApiProperty({ description: IDLE_GAPS })
  @Field(() => Int, { description: IDLE_GAPS })
  idleGapCount: number;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'The longest idle gap, milliseconds; null without one.',
  })
  @Field(() => Int, {
    nullable: true,
    description: 'The longest idle gap, milliseconds; null without one.',
  })
  longestIdleGapMs: number | null;
}

/** Whiteboard activity per participant on one board, or on all boards of a session. */
@ObjectType()
export class BoardMetrics {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  sessionId: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'null for a whole session.',
  })
  @Field(() => ID, { nullable: true, description: 'null for a whole session.' })
  boardId: string | null;

  @ApiProperty({ description: 'Boards the metrics cover.' })
  @Field(() => Int, { description: 'Boards the metrics cover.' })
  boardCount: number;

  @ApiProperty({ description: 'Operations on those boards, by participants and API keys.' })
  @Field(() => Int, { description: 'Operations on those boards, by participants and API keys.' })
  totalOperations: number;

  @ApiProperty()
  @Field(() => Int)
  idleGapSeconds: number;

  @ApiProperty({
    type: [ParticipantBoardMetrics],
    description: 'Participants with at least one operation, in order of their first operation.',
  })
  @Field(() => [ParticipantBoardMetrics], {
    description: 'Participants with at least one operation, in order of their first operation.',
  })
  participants: ParticipantBoardMetrics[];
}

/** The idle gap threshold of a metrics request. */
@ArgsType()
export class BoardMetricsQuery {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_IDLE_GAP_SECONDS,
    default: DEFAULT_IDLE_GAP_SECONDS,
  })
  @Field(() => Int, {
    nullable: true,
    defaultValue: DEFAULT_IDLE_GAP_SECONDS,
    description: `Shortest gap counted as idle, seconds: 1 to ${MAX_IDLE_GAP_SECONDS}.`,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_IDLE_GAP_SECONDS)
  idleGapSeconds?: number;
}
