import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsTimeZone,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ROOM_TOOLS, RoomTool, RoomToolEnum } from '../../rooms/room.entity';
import {
  MAX_PHASE_ACTIVITIES,
  MAX_PHASE_ACTIVITY_LENGTH,
  MAX_PHASE_MINUTES,
  MAX_PHASE_OBJECTIVES,
  MAX_PHASES,
  PHASE_KINDS,
  PhaseKind,
  PhaseKindEnum,
} from '../session-phase.entity';

export const MAX_SESSION_ENROLLMENTS = 50;
/** ISO-8601 date and time with an explicit offset (`Z` or `+hh:mm`). */
export const OFFSET_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

@InputType()
export class PhaseInput {
  @ApiProperty({ enum: PHASE_KINDS })
  @Field(() => PhaseKindEnum)
  @IsIn(PHASE_KINDS, { message: `kind must be one of: ${PHASE_KINDS.join(', ')}` })
  kind: PhaseKind;

  @ApiProperty({ minLength: 1, maxLength: 200 })
  @Field()
  @IsString()
  @Length(1, 200)
  title: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string;

  @ApiProperty({
    minimum: 1,
    maximum: MAX_PHASE_MINUTES,
    description: 'Planned duration, minutes.',
  })
  @Field(() => Int, { description: 'Planned duration, minutes.' })
  @IsInt()
  @Min(1)
  @Max(MAX_PHASE_MINUTES)
  plannedMinutes: number;

  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_PHASE_OBJECTIVES,
    description: 'Objective codes from the curricula of the session’s enrollments.',
  })
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_PHASE_OBJECTIVES)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  objectiveCodes?: string[];

  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_PHASE_ACTIVITIES,
    description: 'What the class plans to do in this phase, in order.',
  })
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_PHASE_ACTIVITIES)
  @IsString({ each: true })
  @Length(1, MAX_PHASE_ACTIVITY_LENGTH, { each: true })
  activities?: string[];

  @ApiPropertyOptional({
    enum: ROOM_TOOLS,
    isArray: true,
    description:
      'The room tools students may use while this phase is active. Omit to enable every tool of the room; each must be enabled on the room.',
  })
  @Field(() => [RoomToolEnum], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(ROOM_TOOLS, { each: true, message: `tools must each be one of: ${ROOM_TOOLS.join(', ')}` })
  tools?: RoomTool[];
}

@InputType()
export class CreateSessionInput {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @IsUUID()
  roomId: string;

  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Fractions, week 3' })
  @Field()
  @IsString()
  @Length(1, 200)
  title: string;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: MAX_SESSION_ENROLLMENTS,
    description: 'Enrollments taught. Their students and instructors become participants.',
  })
  @Field(() => [ID], {
    description: 'Enrollments taught. Their students and instructors become participants.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SESSION_ENROLLMENTS)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'enrollmentIds must each be a UUID' })
  enrollmentIds: string[];

  @ApiProperty({ example: '2026-03-02T16:00:00+01:00', description: 'ISO-8601 with an offset.' })
  @Field({ description: 'ISO-8601 with an offset, e.g. 2026-03-02T16:00:00+01:00.' })
  @IsISO8601({ strict: true }, { message: 'scheduledStart must be an ISO-8601 date-time' })
  scheduledStart: string;

  @ApiProperty({
    example: '2026-03-02T17:00:00+01:00',
    description: 'After scheduledStart, at most 12 h later.',
  })
  @Field({ description: 'After scheduledStart, at most 12 hours later.' })
  @IsISO8601({ strict: true }, { message: 'scheduledEnd must be an ISO-8601 date-time' })
  scheduledEnd: string;

  @ApiProperty({ example: 'Europe/Berlin' })
  @Field({ description: 'IANA time zone, e.g. Europe/Berlin.' })
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as Europe/Berlin' })
  timeZone: string;

  @ApiPropertyOptional({
    type: [PhaseInput],
    maxItems: MAX_PHASES,
    description: 'The lesson plan, in order.',
  })
  @Field(() => [PhaseInput], { nullable: true, description: 'The lesson plan, in order.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_PHASES)
  @ValidateNested({ each: true })
  @Type(() => PhaseInput)
  phases?: PhaseInput[];
}
