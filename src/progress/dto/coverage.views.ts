import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ProgressChange } from '../progress-change.entity';
import { ProgressRecordView } from '../progress-record.entity';
import { COVERAGE_STATUSES, CoverageStatus, CoverageStatusEnum } from '../progress-status';

/** One objective of an enrollment: the plan against what its documented sessions did. */
@ObjectType()
export class ObjectiveCoverage {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  objectiveId: string;

  @ApiProperty()
  @Field()
  objectiveCode: string;

  @ApiProperty()
  @Field()
  objectiveTitle: string;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Place in the enrollment’s plan, from 0; null when taught outside the plan.',
  })
  @Field(() => Int, {
    nullable: true,
    description: 'Place in the enrollment’s plan, from 0; null when taught outside the plan.',
  })
  planPosition: number | null;

  @ApiProperty({ enum: COVERAGE_STATUSES })
  @Field(() => CoverageStatusEnum)
  status: CoverageStatus;

  @ApiProperty({ description: 'Documented sessions that covered it as planned.' })
  @Field(() => Int, { description: 'Documented sessions that covered it as planned.' })
  sessionsCovered: number;

  @ApiProperty()
  @Field(() => Int)
  sessionsPartiallyCovered: number;

  @ApiProperty()
  @Field(() => Int)
  sessionsSkipped: number;

  @ApiProperty()
  @Field(() => Int)
  sessionsNotLanding: number;

  @ApiProperty({ description: 'The student’s answers to checks linked to it.' })
  @Field(() => Int, { description: 'The student’s answers to checks linked to it.' })
  checksAnswered: number;

  @ApiProperty()
  @Field(() => Int)
  checksCorrect: number;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'checksCorrect / checksAnswered; null without answers.',
  })
  @Field(() => Float, {
    nullable: true,
    description: 'checksCorrect / checksAnswered; null without answers.',
  })
  correctShare: number | null;

  @ApiProperty({ description: 'Approved recaps that matched it.' })
  @Field(() => Int, { description: 'Approved recaps that matched it.' })
  recapMatches: number;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The latest documented session that planned or taught it.',
  })
  @Field(() => ID, {
    nullable: true,
    description: 'The latest documented session that planned or taught it.',
  })
  lastSessionId: string | null;
}

/** An enrollment's curriculum plan against what happened in its documented sessions. */
@ObjectType()
export class EnrollmentCoverage {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  enrollmentId: string;

  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  studentId: string;

  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  curriculumId: string;

  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  instructorId: string;

  @ApiProperty()
  @Field(() => Int)
  sessionsDocumented: number;

  @ApiProperty()
  @Field(() => Int)
  covered: number;

  @ApiProperty()
  @Field(() => Int)
  partiallyCovered: number;

  @ApiProperty()
  @Field(() => Int)
  skipped: number;

  @ApiProperty()
  @Field(() => Int)
  notLanding: number;

  @ApiProperty()
  @Field(() => Int)
  planned: number;

  @ApiProperty()
  @Field(() => Int)
  notStarted: number;

  @ApiProperty({
    type: [ObjectiveCoverage],
    description: 'Planned objectives in plan order, then objectives taught outside the plan.',
  })
  @Field(() => [ObjectiveCoverage], {
    description: 'Planned objectives in plan order, then objectives taught outside the plan.',
  })
  objectives: ObjectiveCoverage[];
}

/** An objective that documented sessions skipped or did not land, across the organization. */
@ObjectType()
export class CoverageGap {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  objectiveId: string;

  @ApiProperty()
  @Field()
  objectiveCode: string;

  @ApiProperty()
  @Field()
  objectiveTitle: string;

  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  curriculumId: string;

  @ApiProperty({ description: 'Enrollments of documented sessions that planned or taught it.' })
  @Field(() => Int, {
    description: 'Enrollments of documented sessions that planned or taught it.',
  })
  occurrences: number;

  @ApiProperty()
  @Field(() => Int)
  coveredCount: number;

  @ApiProperty()
  @Field(() => Int)
  partiallyCoveredCount: number;

  @ApiProperty()
  @Field(() => Int)
  skippedCount: number;

  @ApiProperty()
  @Field(() => Int)
  notLandingCount: number;

  @ApiProperty({ description: '(skippedCount + notLandingCount) / occurrences.' })
  @Field(() => Float, { description: '(skippedCount + notLandingCount) / occurrences.' })
  gapShare: number;

  @ApiProperty()
  @Field(() => Int)
  checksAnswered: number;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @Field(() => Float, { nullable: true })
  correctShare: number | null;
}

export class CoverageGapList {
  @ApiProperty({ type: [CoverageGap], description: 'Most skipped or not landing first.' })
  items: CoverageGap[];
}

export class StudentProgressList {
  @ApiProperty({
    type: [ProgressRecordView],
    description: 'One record per objective of the student’s curricula, in curriculum order.',
  })
  items: ProgressRecordView[];
}

export class ProgressHistoryPage {
  @ApiProperty({ type: [ProgressChange], description: 'Changes, oldest first.' })
  items: ProgressChange[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as cursor to get the next page; null on the last page.',
  })
  nextCursor: string | null;
}
