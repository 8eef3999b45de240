import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import {
  EVIDENCE_KINDS,
  EvidenceKind,
  EvidenceKindEnum,
  PROGRESS_STATUSES,
  ProgressStatus,
  ProgressStatusEnum,
} from './progress-status';

/** A student's standing on one objective; the API shows it as a ProgressRecordView. */
@Entity('progress_records')
export class ProgressRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  organizationId: string;

  @Column('uuid')
  studentId: string;

  @Column('uuid')
  curriculumId: string;

  @Column('uuid')
  objectiveId: string;

  @Column({ length: 50 })
  objectiveCode: string;

  /** The status in effect: the override when one is set, else the automatic status. */
  @Column({ type: 'varchar', length: 16 })
  status: ProgressStatus;

  @Column('double precision')
  confidence: number;

  @Column({ type: 'varchar', length: 16 })
  automaticStatus: ProgressStatus;

  @Column('double precision')
  automaticConfidence: number;

  @Column({ type: 'varchar', length: 16, nullable: true })
  overrideStatus: ProgressStatus | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  overrideReason: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  overriddenAt: Date | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  overriddenByKind: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  overriddenById: string | null;

  @Column({ type: 'uuid', nullable: true })
  lastSessionId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** The author of a progress record change: an API key, a participant, or HiLink itself (`system`). */
@ObjectType('ProgressActor')
export class ProgressActor {
  @ApiProperty({ enum: ['api_key', 'participant', 'system'] })
  @Field({ description: 'One of: api_key, participant, system.' })
  kind: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Id of the API key or participant.',
  })
  @Field(() => String, { nullable: true, description: 'Id of the API key or participant.' })
  id: string | null;
}

/** An instructor's override of the automatic status. */
@ObjectType('ProgressOverride')
export class ProgressOverride {
  @ApiProperty({ enum: PROGRESS_STATUSES })
  @Field(() => ProgressStatusEnum)
  status: ProgressStatus;

  @ApiProperty({ maxLength: 1000 })
  @Field()
  reason: string;

  @ApiProperty()
  @Field()
  at: Date;

  @ApiProperty({ type: ProgressActor })
  @Field(() => ProgressActor)
  by: ProgressActor;
}

@ObjectType('ProgressEvidenceItem')
export class ProgressEvidenceView {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  id: string;

  @ApiProperty({ enum: EVIDENCE_KINDS })
  @Field(() => EvidenceKindEnum)
  kind: EvidenceKind;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The session the evidence comes from.',
  })
  @Field(() => ID, { nullable: true, description: 'The session the evidence comes from.' })
  sessionId: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The check, for check_result.',
  })
  @Field(() => ID, { nullable: true, description: 'The check, for check_result.' })
  activityId: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The approved recap, for recap.',
  })
  @Field(() => ID, { nullable: true, description: 'The approved recap, for recap.' })
  recapId: string | null;

  @ApiPropertyOptional({
    type: Boolean,
    nullable: true,
    description: 'Whether the answer was correct, for check_result.',
  })
  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether the answer was correct, for check_result.',
  })
  correct: boolean | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'The recap’s confidence in the match, 0 to 1.',
  })
  @Field(() => Float, {
    nullable: true,
    description: 'The recap’s confidence in the match, 0 to 1.',
  })
  recapConfidence: number | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'The status an instructor gave, for instructor_rating.',
  })
  @Field(() => ProgressStatusEnum, {
    nullable: true,
    description: 'The status an instructor gave, for instructor_rating.',
  })
  ratedStatus: ProgressStatus | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @Field(() => String, { nullable: true })
  note: string | null;

  @ApiProperty()
  @Field()
  recordedAt: Date;
}

/** A student's standing on one objective, with the evidence behind it. */
@ObjectType('ProgressRecord')
export class ProgressRecordView {
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Null while the objective has no evidence and no override (status not_started).',
  })
  @Field(() => ID, {
    nullable: true,
    description: 'Null while the objective has no evidence and no override (status not_started).',
  })
  id: string | null;

  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  studentId: string;

  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  curriculumId: string;

  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  objectiveId: string;

  @ApiProperty()
  @Field()
  objectiveCode: string;

  @ApiProperty()
  @Field()
  objectiveTitle: string;

  @ApiProperty({
    enum: PROGRESS_STATUSES,
    description: 'The override when one is set, else the automatic status.',
  })
  @Field(() => ProgressStatusEnum, {
    description: 'The override when one is set, else the automatic status.',
  })
  status: ProgressStatus;

  @ApiProperty({
    minimum: 0,
    maximum: 1,
    description: 'How well the evidence supports status, 0 to 1.',
  })
  @Field(() => Float, { description: 'How well the evidence supports status, 0 to 1.' })
  confidence: number;

  @ApiProperty({
    enum: PROGRESS_STATUSES,
    description: 'The status the rules derive from the evidence.',
  })
  @Field(() => ProgressStatusEnum, {
    description: 'The status the rules derive from the evidence.',
  })
  automaticStatus: ProgressStatus;

  @ApiProperty({ minimum: 0, maximum: 1 })
  @Field(() => Float)
  automaticConfidence: number;

  @ApiPropertyOptional({
    type: ProgressOverride,
    nullable: true,
    description: 'The instructor’s override in effect, if any.',
  })
  @Field(() => ProgressOverride, {
    nullable: true,
    description: 'The instructor’s override in effect, if any.',
  })
  override: ProgressOverride | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true })
  lastSessionId: string | null;

  @ApiPropertyOptional({ type: Date, nullable: true })
  @Field(() => Date, { nullable: true })
  updatedAt: Date | null;

  @ApiProperty({ description: 'Evidence items recorded in total.' })
  @Field(() => Int, { description: 'Evidence items recorded in total.' })
  evidenceCount: number;

  @ApiProperty({
    type: [ProgressEvidenceView],
    description: 'The newest evidence items, up to 20 in lists.',
  })
  @Field(() => [ProgressEvidenceView], {
    description: 'The newest evidence items, up to 20 in lists.',
  })
  evidence: ProgressEvidenceView[];
}
