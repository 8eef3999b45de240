import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Exclude } from 'class-transformer';
import {
  AfterLoad,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { RecapActor } from './recap-actor';
import { RecapContent } from './recap-content';
import { RECAP_STATUSES, RECAP_TRIGGERS, RecapStatus, RecapTrigger } from './recap-limits';
import { RecapVersion } from './recap-version.entity';

export const RecapStatusEnum = Object.fromEntries(RECAP_STATUSES.map((s) => [s, s])) as {
  [K in RecapStatus]: K;
};

registerEnumType(RecapStatusEnum, {
  name: 'RecapStatus',
  description:
    '`pending` while generation runs, then `draft` for review, or `failed` with failureReason. ' +
    'A person approves a draft (`approved`, the only final status) or rejects it (`rejected`).',
});

export const RecapTriggerEnum = Object.fromEntries(RECAP_TRIGGERS.map((s) => [s, s])) as {
  [K in RecapTrigger]: K;
};

registerEnumType(RecapTriggerEnum, {
  name: 'RecapTrigger',
  description: '`session_ended` when the session ended, `requested` when a client asked for one.',
});

const numericToNumber = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** Token use and cost of the provider calls that drafted a recap. */
@ObjectType('RecapUsage')
export class RecapUsage {
  @ApiProperty()
  @Field(() => Int)
  @Column({ type: 'integer', default: 0 })
  promptTokens: number;

  @ApiProperty()
  @Field(() => Int)
  @Column({ type: 'integer', default: 0 })
  completionTokens: number;

  @ApiProperty()
  @Field(() => Int)
  @Column({ type: 'integer', default: 0 })
  totalTokens: number;

  @ApiProperty({ description: 'Requests sent to the provider, retries included.' })
  @Field(() => Int, { description: 'Requests sent to the provider, retries included.' })
  @Column({ type: 'integer', default: 0 })
  requests: number;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Estimated cost in US dollars, when the price is known.',
  })
  @Field(() => Float, {
    nullable: true,
    description: 'Estimated cost in US dollars, when the price is known.',
  })
  @Column({
    type: 'numeric',
    precision: 12,
    scale: 6,
    nullable: true,
    transformer: numericToNumber,
  })
  costUsd: number | null;
}

/** Provenance of a generated draft: the inputs that the provider received. */
@ObjectType('RecapInputSummary')
export class RecapInputSummary {
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Final transcript segments sent.',
  })
  @Field(() => Int, { nullable: true, description: 'Final transcript segments sent.' })
  @Column({ type: 'integer', nullable: true })
  segmentCount: number | null;

  @ApiProperty({
    type: [String],
    description: 'Objective codes of the enrollments’ curricula offered for matching.',
  })
  @Field(() => [String], {
    description: 'Objective codes of the enrollments’ curricula offered for matching.',
  })
  @Column('text', { array: true, default: () => `'{}'` })
  objectiveCodes: string[];

  @ApiProperty({
    type: [String],
    description: 'Objective codes that the lesson plan intended to cover.',
  })
  @Field(() => [String], { description: 'Objective codes that the lesson plan intended to cover.' })
  @Column('text', { array: true, default: () => `'{}'` })
  plannedObjectiveCodes: string[];
}

/**
 * An AI-drafted recap of one session. It is never final until a person approves it: only an
 * `approved` recap has `isFinal` true and an `approvedAt`.
 */
@ObjectType()
@Entity('recaps')
export class Recap {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column('uuid')
  organizationId: string;

  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @Column('uuid')
  sessionId: string;

  @ApiProperty({ enum: RECAP_STATUSES })
  @Field(() => RecapStatusEnum)
  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: RecapStatus;

  @ApiProperty({ description: 'True only for an approved recap; every other status is not final.' })
  @Field({ description: 'True only for an approved recap; every other status is not final.' })
  isFinal: boolean;

  @ApiProperty({ enum: RECAP_TRIGGERS })
  @Field(() => RecapTriggerEnum)
  @Column({ type: 'varchar', length: 16 })
  trigger: RecapTrigger;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The generation job; see GET /v1/jobs/{id}.',
  })
  @Field(() => ID, { nullable: true, description: 'The generation job.' })
  @Column({ type: 'uuid', nullable: true })
  jobId: string | null;

  @ApiPropertyOptional({
    type: RecapContent,
    nullable: true,
    description: 'Content of the current version; null while pending or after a failure.',
  })
  @Field(() => RecapContent, {
    nullable: true,
    description: 'Content of the current version; null while pending or after a failure.',
  })
  content: RecapContent | null;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @Field(() => Int, { nullable: true })
  currentVersionNumber: number | null;

  @Exclude()
  @Column({ type: 'uuid', nullable: true })
  currentVersionId: string | null;

  @Exclude()
  @Field(() => RecapVersion, { nullable: true })
  @ManyToOne(() => RecapVersion, { nullable: true })
  @JoinColumn({ name: 'current_version_id' })
  currentVersion: RecapVersion | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'local' })
  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 16, nullable: true })
  provider: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 100, nullable: true })
  model: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 50, nullable: true })
  promptVersion: string | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Version of the transcript the draft was made from.',
  })
  @Field(() => Int, {
    nullable: true,
    description: 'Version of the transcript the draft was made from.',
  })
  @Column({ type: 'integer', nullable: true })
  transcriptVersion: number | null;

  @ApiProperty({ type: RecapUsage })
  @Field(() => RecapUsage)
  @Column(() => RecapUsage, { prefix: false })
  usage: RecapUsage;

  @ApiProperty({ type: RecapInputSummary })
  @Field(() => RecapInputSummary)
  @Column(() => RecapInputSummary, { prefix: 'input' })
  input: RecapInputSummary;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Why generation failed, when status is failed.',
  })
  @Field(() => String, {
    nullable: true,
    description: 'Why generation failed, when status is failed.',
  })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  failureReason: string | null;

  @ApiPropertyOptional({ type: Date, nullable: true })
  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  generatedAt: Date | null;

  @ApiPropertyOptional({
    type: Date,
    nullable: true,
    description: 'Set only when status is approved.',
  })
  @Field(() => Date, { nullable: true, description: 'Set only when status is approved.' })
  @Column({ type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  @ApiPropertyOptional({ type: Date, nullable: true })
  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  rejectedAt: Date | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  rejectionReason: string | null;

  @ApiPropertyOptional({
    type: RecapActor,
    nullable: true,
    description: 'Who approved or rejected the recap.',
  })
  @Field(() => RecapActor, { nullable: true, description: 'Who approved or rejected the recap.' })
  @Column(() => RecapActor, { prefix: 'reviewer' })
  reviewer: RecapActor | null;

  @ApiProperty()
  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @ApiProperty()
  @Field()
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @AfterLoad()
  deriveFields(): void {
    this.isFinal = this.status === 'approved';
    this.content = this.currentVersion?.content ?? null;
    this.currentVersionNumber = this.currentVersion?.number ?? null;
    if (!this.reviewer?.kind) {
      this.reviewer = null;
    }
  }
}
