import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ACTIVITY_KINDS,
  ACTIVITY_STATUSES,
  ActivityKind,
  ActivityKindEnum,
  ActivityStatus,
  ActivityStatusEnum,
  QUESTION_TYPES,
  QuestionType,
  QuestionTypeEnum,
} from '../activity.entity';

@ObjectType()
export class ActivityOptionResult {
  @ApiProperty()
  @Field()
  optionId: string;

  @ApiProperty()
  @Field()
  label: string;

  @ApiProperty({ description: 'Responses that chose this option.' })
  @Field(() => Int, { description: 'Responses that chose this option.' })
  count: number;

  @ApiPropertyOptional({
    type: Boolean,
    nullable: true,
    description: 'Whether the option is correct; null without an answer key or while hidden.',
  })
  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether the option is correct; null without an answer key or while hidden.',
  })
  correct: boolean | null;
}

@ObjectType()
export class NumericSummary {
  @ApiProperty()
  @Field(() => Int)
  count: number;

  @ApiProperty()
  @Field(() => Float)
  min: number;

  @ApiProperty()
  @Field(() => Float)
  max: number;

  @ApiProperty()
  @Field(() => Float)
  mean: number;

  @ApiProperty()
  @Field(() => Float)
  median: number;
}

@ObjectType()
export class TextAnswerCount {
  @ApiProperty({ description: 'The answer, lower-cased with whitespace collapsed.' })
  @Field({ description: 'The answer, lower-cased with whitespace collapsed.' })
  answer: string;

  @ApiProperty()
  @Field(() => Int)
  count: number;
}

/** Aggregate results of one activity. They never name who gave which answer. */
@ObjectType()
export class ActivityResults {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  activityId: string;

  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  sessionId: string;

  @ApiProperty({ enum: ACTIVITY_KINDS })
  @Field(() => ActivityKindEnum)
  kind: ActivityKind;

  @ApiProperty({ enum: QUESTION_TYPES })
  @Field(() => QuestionTypeEnum)
  questionType: QuestionType;

  @ApiProperty({ enum: ACTIVITY_STATUSES })
  @Field(() => ActivityStatusEnum)
  status: ActivityStatus;

  @ApiProperty()
  @Field()
  anonymous: boolean;

  @ApiProperty({ description: 'Student participants of the session who were not removed.' })
  @Field(() => Int, { description: 'Student participants of the session who were not removed.' })
  eligible: number;

  @ApiProperty({ description: 'Participants who responded, each counted once.' })
  @Field(() => Int, { description: 'Participants who responded, each counted once.' })
  respondents: number;

  @ApiProperty({
    description: 'Options chosen over all responses; for numeric and short_text, one per response.',
  })
  @Field(() => Int, {
    description: 'Options chosen over all responses; for numeric and short_text, one per response.',
  })
  selections: number;

  @ApiProperty({ type: [ActivityOptionResult] })
  @Field(() => [ActivityOptionResult])
  options: ActivityOptionResult[];

  @ApiPropertyOptional({ type: NumericSummary, nullable: true })
  @Field(() => NumericSummary, {
    nullable: true,
    description: 'For numeric questions with responses.',
  })
  numeric: NumericSummary | null;

  @ApiProperty({
    type: [TextAnswerCount],
    description: 'The 20 most frequent short_text answers; empty for students.',
  })
  @Field(() => [TextAnswerCount], {
    description: 'The 20 most frequent short_text answers; empty for students.',
  })
  textAnswers: TextAnswerCount[];

  @ApiPropertyOptional({ type: Number, nullable: true })
  @Field(() => Int, {
    nullable: true,
    description: 'Correct responses; null without an answer key.',
  })
  correctCount: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @Field(() => Int, {
    nullable: true,
    description: 'Incorrect responses; null without an answer key.',
  })
  incorrectCount: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @Field(() => Float, {
    nullable: true,
    description:
      'correctCount / respondents, from 0 to 1; null without an answer key or responses.',
  })
  correctShare: number | null;

  @ApiProperty({ description: 'When these results were computed.' })
  @Field({ description: 'When these results were computed.' })
  computedAt: Date;
}
