import { Field, InputType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { CURRICULUM_LIMITS as LIMITS } from '../curriculum-limits';
import { ObjectiveInput } from './objective.input';

const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true };

@InputType()
export class CreateCurriculumInput {
  @ApiProperty({ minLength: 1, maxLength: LIMITS.name })
  @Field()
  @IsString()
  @Length(1, LIMITS.name)
  name: string;

  @ApiPropertyOptional({ maxLength: LIMITS.subject, example: 'Mathematics' })
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.subject)
  subject?: string;

  @ApiPropertyOptional({ type: [String], maxItems: LIMITS.gradeLevels, example: ['6', '7'] })
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(LIMITS.gradeLevels)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, LIMITS.gradeLevel, { each: true })
  gradeLevels?: string[];

  @ApiPropertyOptional({ maxLength: LIMITS.description })
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.description)
  description?: string;

  @ApiPropertyOptional({ maxLength: LIMITS.source })
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.source)
  source?: string;

  @ApiPropertyOptional({ maxLength: LIMITS.license, example: 'CC-BY-4.0' })
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.license)
  license?: string;

  @ApiPropertyOptional({ maxLength: LIMITS.licenseNotice })
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.licenseNotice)
  licenseNotice?: string;

  @ApiPropertyOptional({ maxLength: LIMITS.url })
  @Field({ nullable: true })
  @IsOptional()
  @IsUrl(URL_OPTIONS, { message: 'licenseUrl must be an http or https URL' })
  @MaxLength(LIMITS.url)
  licenseUrl?: string;

  @ApiPropertyOptional({ maxLength: LIMITS.url })
  @Field({ nullable: true })
  @IsOptional()
  @IsUrl(URL_OPTIONS, { message: 'sourceUrl must be an http or https URL' })
  @MaxLength(LIMITS.url)
  sourceUrl?: string;

  @ApiPropertyOptional({
    type: [ObjectiveInput],
    maxItems: LIMITS.objectives,
    description: 'In curriculum order.',
  })
  @Field(() => [ObjectiveInput], { nullable: true, description: 'In curriculum order.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.objectives)
  @ValidateNested({ each: true })
  @Type(() => ObjectiveInput)
  objectives?: ObjectiveInput[];
}

@InputType()
export class AddObjectivesInput {
  @ApiProperty({ type: [ObjectiveInput], minItems: 1, maxItems: LIMITS.objectives })
  @Field(() => [ObjectiveInput], {
    description: 'Appended after the existing objectives, in this order.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LIMITS.objectives)
  @ValidateNested({ each: true })
  @Type(() => ObjectiveInput)
  objectives: ObjectiveInput[];
}
