import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
} from 'class-validator';
import { MAX_OPTION_ID_LENGTH, MAX_OPTIONS, MAX_TEXT_ANSWER_LENGTH } from '../activity.entity';
import { MAX_NUMERIC_MAGNITUDE } from './create-activity.input';

/** One participant's answer. Set only the field that the question type uses. */
@InputType()
export class ActivityResponseInput {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The responding student participant. Required with an API key; a participant token responds for itself.',
  })
  @Field(() => ID, {
    nullable: true,
    description:
      'The responding student participant. Required with an API key; a participant token responds for itself.',
  })
  @IsOptional()
  @IsUUID()
  participantId?: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_OPTIONS,
    description: 'Chosen option ids: one for single_choice, one or more for multiple_choice.',
  })
  @Field(() => [String], {
    nullable: true,
    description: 'Chosen option ids: one for single_choice, one or more for multiple_choice.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_OPTIONS)
  @IsString({ each: true })
  @Length(1, MAX_OPTION_ID_LENGTH, { each: true })
  optionIds?: string[];

  @ApiPropertyOptional({ description: 'The answer of a numeric question.' })
  @Field(() => Float, { nullable: true, description: 'The answer of a numeric question.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-MAX_NUMERIC_MAGNITUDE)
  @Max(MAX_NUMERIC_MAGNITUDE)
  number?: number;

  @ApiPropertyOptional({
    maxLength: MAX_TEXT_ANSWER_LENGTH,
    description: 'The answer of a short_text question.',
  })
  @Field(() => String, { nullable: true, description: 'The answer of a short_text question.' })
  @IsOptional()
  @IsString()
  @Length(1, MAX_TEXT_ANSWER_LENGTH)
  text?: string;
}
