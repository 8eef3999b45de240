import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
} from 'class-validator';
import { PageArgs } from '../../common/pagination';
import {
  DEFAULT_GAPS,
  MAX_GAPS,
  MAX_REASON_LENGTH,
  PROGRESS_STATUSES,
  ProgressStatus,
  ProgressStatusEnum,
} from '../progress-status';

const STATUS_MESSAGE = `status must be one of: ${PROGRESS_STATUSES.join(', ')}`;
const REASON_MESSAGE = `reason must be 1 to ${MAX_REASON_LENGTH} characters: say why the status changes`;
const DATE_MESSAGE = (field: string) =>
  `${field} must be an ISO-8601 date or date-time, such as 2026-03-01 or 2026-03-01T00:00:00Z`;

@InputType()
export class OverrideProgressInput {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @IsUUID('all', { message: 'studentId must be a UUID' })
  studentId: string;

  @ApiProperty({ format: 'uuid', description: 'The curriculum that the objective belongs to.' })
  @Field(() => ID, { description: 'The curriculum that the objective belongs to.' })
  @IsUUID('all', { message: 'curriculumId must be a UUID' })
  curriculumId: string;

  @ApiProperty({ example: 'OBJ.1', maxLength: 50 })
  @Field()
  @IsString()
  @Length(1, 50, { message: 'objectiveCode must be 1 to 50 characters' })
  objectiveCode: string;

  @ApiProperty({ enum: PROGRESS_STATUSES })
  @Field(() => ProgressStatusEnum)
  @IsIn(PROGRESS_STATUSES, { message: STATUS_MESSAGE })
  status: ProgressStatus;

  @ApiProperty({ minLength: 1, maxLength: MAX_REASON_LENGTH })
  @Field({
    description: `Why the instructor sets this status, 1 to ${MAX_REASON_LENGTH} characters.`,
  })
  @IsString()
  @Length(1, MAX_REASON_LENGTH, { message: REASON_MESSAGE })
  reason: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The session the rating comes from. Instructor participant tokens always use their own session.',
  })
  @Field(() => ID, {
    nullable: true,
    description:
      'The session the rating comes from. Instructor participant tokens always use their own session.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'sessionId must be a UUID' })
  sessionId?: string;
}

@InputType()
export class ClearProgressOverrideInput {
  @ApiProperty({ minLength: 1, maxLength: MAX_REASON_LENGTH })
  @Field({ description: `Why the override ends, 1 to ${MAX_REASON_LENGTH} characters.` })
  @IsString()
  @Length(1, MAX_REASON_LENGTH, { message: REASON_MESSAGE })
  reason: string;
}

export class StudentProgressQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only objectives of this curriculum.' })
  @IsOptional()
  @IsUUID('all', { message: 'curriculumId must be a UUID' })
  curriculumId?: string;
}

@ArgsType()
export class ProgressHistoryArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'recordId must be a UUID' })
  recordId: string;
}

/** Filters of the coverage gap report; `from` is inclusive and `to` exclusive on the session's scheduled start. */
@InputType()
export class CoverageGapsFilter {
  @ApiPropertyOptional({ format: 'uuid' })
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'curriculumId must be a UUID' })
  curriculumId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The enrollments’ instructor (a member id).',
  })
  @Field(() => ID, { nullable: true, description: 'The enrollments’ instructor (a member id).' })
  @IsOptional()
  @IsUUID('all', { message: 'instructorId must be a UUID' })
  instructorId?: string;

  @ApiPropertyOptional({
    description: 'Sessions scheduled to start at or after this instant (ISO-8601).',
  })
  @Field({
    nullable: true,
    description: 'Sessions scheduled to start at or after this instant (ISO-8601).',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: DATE_MESSAGE('from') })
  from?: string;

  @ApiPropertyOptional({
    description: 'Sessions scheduled to start before this instant (ISO-8601).',
  })
  @Field({
    nullable: true,
    description: 'Sessions scheduled to start before this instant (ISO-8601).',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: DATE_MESSAGE('to') })
  to?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_GAPS, default: DEFAULT_GAPS })
  @Field(() => Int, {
    nullable: true,
    description: `Objectives to return, 1 to ${MAX_GAPS}; default ${DEFAULT_GAPS}.`,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: `limit must be an integer from 1 to ${MAX_GAPS}` })
  @Min(1, { message: `limit must be an integer from 1 to ${MAX_GAPS}` })
  @Max(MAX_GAPS, { message: `limit must be an integer from 1 to ${MAX_GAPS}` })
  limit?: number;
}
