import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
} from 'class-validator';
import { Connection, PageArgs, PageQueryDto } from '../../common/pagination';
import { IsOptionalNotNull } from '../../members/dto/member.input';
import {
  Enrollment,
  ENROLLMENT_STATUSES,
  EnrollmentStatus,
  EnrollmentStatusEnum,
} from '../enrollment.entity';

/** Maximum objective codes in a planned sequence, equal to the maximum objectives in a curriculum. */
export const MAX_PLANNED_OBJECTIVES = 1000;

const STATUS_MESSAGE = `status must be one of: ${ENROLLMENT_STATUSES.join(', ')}`;

/** Planned objective codes: unique, each 1 to 50 characters, at most MAX_PLANNED_OBJECTIVES. */
function PlannedCodes(): PropertyDecorator {
  return (target: object, property: string | symbol) => {
    IsArray()(target, property);
    ArrayMaxSize(MAX_PLANNED_OBJECTIVES)(target, property);
    ArrayUnique({ message: 'plannedObjectiveCodes must not repeat a code' })(target, property);
    IsString({ each: true })(target, property);
    Length(1, 50, { each: true })(target, property);
  };
}

@InputType()
export class CreateEnrollmentInput {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @IsUUID('all', { message: 'studentId must be a UUID' })
  studentId: string;

  @ApiProperty({ format: 'uuid', description: 'A member with the instructor role.' })
  @Field(() => ID, { description: 'A member with the instructor role.' })
  @IsUUID('all', { message: 'instructorId must be a UUID' })
  instructorId: string;

  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @IsUUID('all', { message: 'curriculumId must be a UUID' })
  curriculumId: string;

  @ApiProperty({ format: 'date', example: '2025-09-01' })
  @Field({ description: 'Calendar date, YYYY-MM-DD.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, {
    message: 'startDate must be a calendar date in the form YYYY-MM-DD',
  })
  @IsISO8601(
    { strict: true },
    { message: 'startDate must be a real calendar date such as 2025-09-01' },
  )
  startDate: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_PLANNED_OBJECTIVES,
    description:
      'Objective codes in teaching order; default: every objective of the curriculum in its order.',
  })
  @Field(() => [String], {
    nullable: true,
    description:
      'Objective codes in teaching order; default: every objective of the curriculum in its order.',
  })
  @IsOptional()
  @PlannedCodes()
  plannedObjectiveCodes?: string[];
}

@InputType()
export class UpdateEnrollmentInput {
  @ApiPropertyOptional({ enum: ENROLLMENT_STATUSES })
  @Field(() => EnrollmentStatusEnum, { nullable: true })
  @IsOptionalNotNull()
  @IsIn(ENROLLMENT_STATUSES, { message: STATUS_MESSAGE })
  status?: EnrollmentStatus;

  @ApiPropertyOptional({ type: [String], maxItems: MAX_PLANNED_OBJECTIVES })
  @Field(() => [String], { nullable: true, description: 'Replaces the planned sequence.' })
  @IsOptionalNotNull()
  @PlannedCodes()
  plannedObjectiveCodes?: string[];
}

/** Optional list filters, combined with AND. */
@ArgsType()
export class ListEnrollmentsArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'studentId must be a UUID' })
  studentId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'instructorId must be a UUID' })
  instructorId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'curriculumId must be a UUID' })
  curriculumId?: string;

  @Field(() => EnrollmentStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(ENROLLMENT_STATUSES, { message: STATUS_MESSAGE })
  status?: EnrollmentStatus;
}

export class ListEnrollmentsQuery extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'studentId must be a UUID' })
  studentId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'instructorId must be a UUID' })
  instructorId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'curriculumId must be a UUID' })
  curriculumId?: string;

  @ApiPropertyOptional({ enum: ENROLLMENT_STATUSES })
  @IsOptional()
  @IsIn(ENROLLMENT_STATUSES, { message: STATUS_MESSAGE })
  status?: EnrollmentStatus;
}

@ObjectType()
export class EnrollmentConnection extends Connection(Enrollment, 'Enrollment') {}

/** A REST page of enrollments. */
export class EnrollmentPage {
  @ApiProperty({ type: [Enrollment] })
  items: Enrollment[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` to load the next page; null on the last page.',
  })
  nextCursor: string | null;
}
