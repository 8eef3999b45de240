import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Exclude } from 'class-transformer';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export const ACTIVITY_KINDS = ['poll', 'check'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ActivityKindEnum = Object.fromEntries(ACTIVITY_KINDS.map((k) => [k, k])) as {
  [K in ActivityKind]: K;
};
registerEnumType(ActivityKindEnum, {
  name: 'ActivityKind',
  description:
    'poll: an opinion or quick vote; check: a comprehension check with a correct answer.',
});

export const QUESTION_TYPES = [
  'single_choice',
  'multiple_choice',
  'numeric',
  'short_text',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
export const QuestionTypeEnum = Object.fromEntries(QUESTION_TYPES.map((t) => [t, t])) as {
  [K in QuestionType]: K;
};
registerEnumType(QuestionTypeEnum, {
  name: 'ActivityQuestionType',
  description:
    'single_choice and multiple_choice pick option ids; numeric answers a number, correct within a ' +
    'tolerance; short_text answers text, matched to accepted answers ignoring case and whitespace.',
});

export const ACTIVITY_STATUSES = ['draft', 'open', 'closed'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];
export const ActivityStatusEnum = Object.fromEntries(ACTIVITY_STATUSES.map((s) => [s, s])) as {
  [K in ActivityStatus]: K;
};
registerEnumType(ActivityStatusEnum, {
  name: 'ActivityStatus',
  description: 'draft → open → closed. Only open activities accept responses.',
});

export const CLOSE_REASONS = ['manual', 'time_limit', 'session_ended'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 20;
export const MAX_OPTION_ID_LENGTH = 32;
export const MAX_OPTION_LABEL_LENGTH = 200;
export const MAX_PROMPT_LENGTH = 1000;
export const MAX_ACCEPTED_ANSWERS = 20;
export const MAX_TEXT_ANSWER_LENGTH = 200;
export const MIN_TIME_LIMIT_SECONDS = 5;
export const MAX_TIME_LIMIT_SECONDS = 3600;
/** A session's activities are listed whole, so their number is capped. */
export const MAX_ACTIVITIES_PER_SESSION = 200;

/** One answer option of a choice question. */
@ObjectType()
export class ActivityOption {
  @ApiProperty({ maxLength: MAX_OPTION_ID_LENGTH, description: 'Stable id that responses name.' })
  @Field({ description: 'Stable id that responses name.' })
  id: string;

  @ApiProperty({ maxLength: MAX_OPTION_LABEL_LENGTH })
  @Field()
  label: string;
}

/** A poll or comprehension check of a session, with its answer key and lifecycle. */
@ObjectType()
@Entity('activities')
export class Activity {
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

  @ApiProperty({ enum: ACTIVITY_KINDS })
  @Field(() => ActivityKindEnum)
  @Column({ type: 'varchar', length: 16 })
  kind: ActivityKind;

  @ApiProperty({ enum: QUESTION_TYPES })
  @Field(() => QuestionTypeEnum)
  @Column({ type: 'varchar', length: 32 })
  questionType: QuestionType;

  @ApiProperty({ maxLength: MAX_PROMPT_LENGTH })
  @Field()
  @Column({ type: 'varchar', length: MAX_PROMPT_LENGTH })
  prompt: string;

  @ApiProperty({
    type: [ActivityOption],
    description: 'Options of a choice question; empty otherwise.',
  })
  @Field(() => [ActivityOption], { description: 'Options of a choice question; empty otherwise.' })
  @Column({ type: 'jsonb', default: () => "'[]'" })
  options: ActivityOption[];

  @ApiProperty({ description: 'Whether the activity has a correct answer to grade responses by.' })
  @Field({ description: 'Whether the activity has a correct answer to grade responses by.' })
  hasCorrectAnswer: boolean;

  @ApiPropertyOptional({
    type: [String],
    nullable: true,
    description:
      'Correct option ids. Hidden (null) from students and observers until the activity closes.',
  })
  @Field(() => [String], {
    nullable: true,
    description:
      'Correct option ids. Hidden (null) from students and observers until the activity closes.',
  })
  @Column({ type: 'text', array: true, nullable: true })
  correctOptionIds: string[] | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description:
      'Correct number. Hidden (null) from students and observers until the activity closes.',
  })
  @Field(() => Float, {
    nullable: true,
    description:
      'Correct number. Hidden (null) from students and observers until the activity closes.',
  })
  @Column({ type: 'double precision', nullable: true })
  correctNumber: number | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Largest accepted distance from correctNumber.',
  })
  @Field(() => Float, {
    nullable: true,
    description: 'Largest accepted distance from correctNumber.',
  })
  @Column({ type: 'double precision', nullable: true })
  tolerance: number | null;

  @ApiPropertyOptional({
    type: [String],
    nullable: true,
    description:
      'Accepted short-text answers. Hidden (null) from students and observers until the activity closes.',
  })
  @Field(() => [String], {
    nullable: true,
    description:
      'Accepted short-text answers. Hidden (null) from students and observers until the activity closes.',
  })
  @Column({ type: 'text', array: true, nullable: true })
  acceptedAnswers: string[] | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'The objective this activity checks.',
  })
  @Field(() => String, { nullable: true, description: 'The objective this activity checks.' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  objectiveCode: string | null;

  @ApiProperty({ description: 'When true, no output names who gave which answer.' })
  @Field({ description: 'When true, no output names who gave which answer.' })
  @Column({ type: 'boolean', default: false })
  anonymous: boolean;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Seconds it stays open, if limited.',
  })
  @Field(() => Int, { nullable: true, description: 'Seconds it stays open, if limited.' })
  @Column({ type: 'integer', nullable: true })
  timeLimitSeconds: number | null;

  @ApiProperty({ enum: ACTIVITY_STATUSES })
  @Field(() => ActivityStatusEnum)
  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: ActivityStatus;

  @ApiPropertyOptional({ type: Date, nullable: true, description: 'When it opened.' })
  @Field(() => Date, { nullable: true, description: 'When it opened.' })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  opensAt: Date | null;

  @ApiPropertyOptional({
    type: Date,
    nullable: true,
    description: 'When the time limit closes it: opensAt plus timeLimitSeconds.',
  })
  @Field(() => Date, {
    nullable: true,
    description: 'When the time limit closes it: opensAt plus timeLimitSeconds.',
  })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  closesAt: Date | null;

  @ApiPropertyOptional({ type: Date, nullable: true, description: 'When it closed.' })
  @Field(() => Date, { nullable: true, description: 'When it closed.' })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  closedAt: Date | null;

  @ApiPropertyOptional({ enum: CLOSE_REASONS, nullable: true })
  @Field(() => String, { nullable: true, description: `One of: ${CLOSE_REASONS.join(', ')}.` })
  @Column({ type: 'varchar', length: 16, nullable: true })
  closeReason: CloseReason | null;

  @ApiProperty()
  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @ApiProperty()
  @Field()
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
