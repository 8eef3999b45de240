import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  ACTIVITY_KINDS,
  ActivityKind,
  ActivityKindEnum,
  MAX_ACCEPTED_ANSWERS,
  MAX_OPTION_ID_LENGTH,
  MAX_OPTION_LABEL_LENGTH,
  MAX_OPTIONS,
  MAX_PROMPT_LENGTH,
  MAX_TEXT_ANSWER_LENGTH,
  MAX_TIME_LIMIT_SECONDS,
  MIN_TIME_LIMIT_SECONDS,
  QUESTION_TYPES,
  QuestionType,
  QuestionTypeEnum,
} from '../activity.entity';

/** Largest magnitude of a numeric answer or key, so sums and means stay exact enough. */
export const MAX_NUMERIC_MAGNITUDE = 1e12;
export const OPTION_ID_PATTERN = /^[A-Za-z0-9_-]+$/;

@InputType()
export class ActivityOptionInput {
  @ApiPropertyOptional({
    maxLength: MAX_OPTION_ID_LENGTH,
    description: 'Stable id: letters, digits, _ and -. Defaults to a, b, c, … by position.',
  })
  @Field(() => String, {
    nullable: true,
    description: 'Stable id: letters, digits, _ and -. Defaults to a, b, c, … by position.',
  })
  @IsOptional()
  @IsString()
  @Length(1, MAX_OPTION_ID_LENGTH)
  @Matches(OPTION_ID_PATTERN, { message: 'id may contain only letters, digits, _ and -' })
  id?: string;

  @ApiProperty({ minLength: 1, maxLength: MAX_OPTION_LABEL_LENGTH })
  @Field()
  @IsString()
  @Length(1, MAX_OPTION_LABEL_LENGTH)
  label: string;
}

@InputType()
export class CreateActivityInput {
  @ApiProperty({ enum: ACTIVITY_KINDS })
  @Field(() => ActivityKindEnum)
  @IsIn(ACTIVITY_KINDS, { message: `kind must be one of: ${ACTIVITY_KINDS.join(', ')}` })
  kind: ActivityKind;

  @ApiProperty({ enum: QUESTION_TYPES })
  @Field(() => QuestionTypeEnum)
  @IsIn(QUESTION_TYPES, { message: `questionType must be one of: ${QUESTION_TYPES.join(', ')}` })
  questionType: QuestionType;

  @ApiProperty({ minLength: 1, maxLength: MAX_PROMPT_LENGTH })
  @Field()
  @IsString()
  @Length(1, MAX_PROMPT_LENGTH)
  prompt: string;

  @ApiPropertyOptional({
    type: [ActivityOptionInput],
    maxItems: MAX_OPTIONS,
    description: `2 to ${MAX_OPTIONS} options for choice questions; omit for numeric and short_text.`,
  })
  @Field(() => [ActivityOptionInput], {
    nullable: true,
    description: `2 to ${MAX_OPTIONS} options for choice questions; omit for numeric and short_text.`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_OPTIONS)
  @ValidateNested({ each: true })
  @Type(() => ActivityOptionInput)
  options?: ActivityOptionInput[];

  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_OPTIONS,
    description:
      'Correct option ids: exactly one for single_choice, one or more for multiple_choice.',
  })
  @Field(() => [String], {
    nullable: true,
    description:
      'Correct option ids: exactly one for single_choice, one or more for multiple_choice.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_OPTIONS)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, MAX_OPTION_ID_LENGTH, { each: true })
  correctOptionIds?: string[];

  @ApiPropertyOptional({ description: 'The correct answer of a numeric question.' })
  @Field(() => Float, { nullable: true, description: 'The correct answer of a numeric question.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-MAX_NUMERIC_MAGNITUDE)
  @Max(MAX_NUMERIC_MAGNITUDE)
  correctNumber?: number;

  @ApiPropertyOptional({
    minimum: 0,
    description: 'Largest accepted distance from correctNumber; default 0.',
  })
  @Field(() => Float, {
    nullable: true,
    description: 'Largest accepted distance from correctNumber; default 0.',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MAX_NUMERIC_MAGNITUDE)
  tolerance?: number;

  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_ACCEPTED_ANSWERS,
    description: 'Accepted answers of a short_text question, matched ignoring case and whitespace.',
  })
  @Field(() => [String], {
    nullable: true,
    description: 'Accepted answers of a short_text question, matched ignoring case and whitespace.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ACCEPTED_ANSWERS)
  @IsString({ each: true })
  @Length(1, MAX_TEXT_ANSWER_LENGTH, { each: true })
  acceptedAnswers?: string[];

  @ApiPropertyOptional({
    maxLength: 100,
    description: 'An objective code of the curricula of the session’s enrollments.',
  })
  @Field(() => String, {
    nullable: true,
    description: 'An objective code of the curricula of the session’s enrollments.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  objectiveCode?: string;

  @ApiPropertyOptional({
    default: false,
    description: 'When true, no output names who gave which answer.',
  })
  @Field(() => Boolean, {
    nullable: true,
    description: 'When true, no output names who gave which answer. Default false.',
  })
  @IsOptional()
  @IsBoolean()
  anonymous?: boolean;

  @ApiPropertyOptional({
    minimum: MIN_TIME_LIMIT_SECONDS,
    maximum: MAX_TIME_LIMIT_SECONDS,
    description: 'Seconds the activity stays open; it closes itself then.',
  })
  @Field(() => Int, {
    nullable: true,
    description: 'Seconds the activity stays open; it closes itself then.',
  })
  @IsOptional()
  @IsInt()
  @Min(MIN_TIME_LIMIT_SECONDS)
  @Max(MAX_TIME_LIMIT_SECONDS)
  timeLimitSeconds?: number;
}
