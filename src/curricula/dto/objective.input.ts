import { Field, InputType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsOptional,
  IsString,
  Length,
  MaxLength,
} from 'class-validator';
import { CURRICULUM_LIMITS as LIMITS } from '../curriculum-limits';

@InputType()
export class ObjectiveInput {
  @ApiProperty({ minLength: 1, maxLength: LIMITS.code, example: '6.RP.A.1' })
  @Field({ description: 'Unique within the curriculum.' })
  @IsString()
  @Length(1, LIMITS.code)
  code: string;

  @ApiProperty({ minLength: 1, maxLength: LIMITS.title })
  @Field()
  @IsString()
  @Length(1, LIMITS.title)
  title: string;

  @ApiPropertyOptional({ maxLength: LIMITS.objectiveDescription })
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.objectiveDescription)
  description?: string;

  @ApiPropertyOptional({ maxLength: LIMITS.gradeLevel, example: '6' })
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.gradeLevel)
  grade?: string;

  @ApiPropertyOptional({ maxLength: LIMITS.domain })
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.domain)
  domain?: string;

  @ApiPropertyOptional({ maxLength: LIMITS.code })
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.code)
  domainCode?: string;

  @ApiPropertyOptional({ maxLength: LIMITS.cluster })
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.cluster)
  cluster?: string;

  @ApiPropertyOptional({ maxLength: LIMITS.code })
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.code)
  clusterCode?: string;

  @ApiPropertyOptional({ maxLength: LIMITS.clusterEmphasis, example: 'major' })
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.clusterEmphasis)
  clusterEmphasis?: string;

  @ApiPropertyOptional({
    maxLength: LIMITS.code,
    description: 'Code of an objective in the same curriculum.',
  })
  @Field({ nullable: true, description: 'Code of an objective in the same curriculum.' })
  @IsOptional()
  @IsString()
  @Length(1, LIMITS.code)
  parentCode?: string;

  @ApiPropertyOptional({ type: [String], maxItems: LIMITS.prerequisites })
  @Field(() => [String], {
    nullable: true,
    description: 'Codes that lead into this objective; may be outside the curriculum.',
  })
  @IsOptional()
  @ArrayMaxSize(LIMITS.prerequisites)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, LIMITS.code, { each: true })
  prerequisiteCodes?: string[];
}
