import { Field, Float, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  MAX_SEGMENT_MS,
  MAX_SPEAKER_LABEL_LENGTH,
  MAX_TEXT_LENGTH,
  SPEAKER_ROLES,
  SpeakerRole,
} from '../transcripts/transcript-limits';
import { SpeakerRoleEnum } from '../transcripts/transcript-segment.entity';
import { RECAP_LIMITS } from './recap-limits';

/*
 * The structured recap (RecapDraft in src/ai/ai-provider.ts) as GraphQL output and input types,
 * Swagger schemas and validated DTOs. Each class is both an @ObjectType and an @InputType.
 */

@ObjectType('RecapEvidenceQuote')
@InputType('RecapEvidenceQuoteInput')
export class EvidenceQuoteContent {
  @ApiProperty({ minimum: 0, description: 'Index of the transcript segment, in transcript order.' })
  @Field(() => Int, { description: 'Index of the transcript segment, in transcript order.' })
  @IsInt()
  @Min(0)
  segmentIndex: number;

  @ApiProperty({ maxLength: MAX_SPEAKER_LABEL_LENGTH })
  @Field()
  @IsString()
  @Length(1, MAX_SPEAKER_LABEL_LENGTH)
  speaker: string;

  @ApiProperty({ enum: SPEAKER_ROLES })
  @Field(() => SpeakerRoleEnum)
  @IsIn(SPEAKER_ROLES, { message: `speakerRole must be one of: ${SPEAKER_ROLES.join(', ')}` })
  speakerRole: SpeakerRole;

  @ApiProperty({ minimum: 0, description: 'Milliseconds from the session start.' })
  @Field(() => Int, { description: 'Milliseconds from the session start.' })
  @IsInt()
  @Min(0)
  @Max(MAX_SEGMENT_MS)
  startMs: number;

  @ApiProperty({ minimum: 0, description: 'Milliseconds from the session start.' })
  @Field(() => Int, { description: 'Milliseconds from the session start.' })
  @IsInt()
  @Min(0)
  @Max(MAX_SEGMENT_MS)
  endMs: number;

  @ApiProperty({ maxLength: MAX_TEXT_LENGTH })
  @Field()
  @IsString()
  @Length(1, MAX_TEXT_LENGTH)
  text: string;
}

@ObjectType('RecapObjectiveCoverage')
@InputType('RecapObjectiveCoverageInput')
export class ObjectiveCoverageContent {
  @ApiProperty({ example: '6.RP.A.1', description: 'An objective code offered to the recap.' })
  @Field({ description: 'An objective code offered to the recap.' })
  @IsString()
  @Length(1, 50)
  code: string;

  @ApiProperty({
    minimum: 0,
    maximum: 1,
    description: 'How strongly the transcript supports the objective, 0 to 1.',
  })
  @Field(() => Float, {
    description: 'How strongly the transcript supports the objective, 0 to 1.',
  })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  confidence: number;

  @ApiProperty({ type: [EvidenceQuoteContent], maxItems: RECAP_LIMITS.evidencePerItem })
  @Field(() => [EvidenceQuoteContent])
  @IsArray()
  @ArrayMaxSize(RECAP_LIMITS.evidencePerItem)
  @ValidateNested({ each: true })
  @Type(() => EvidenceQuoteContent)
  evidence: EvidenceQuoteContent[];
}

@ObjectType('RecapMisconception')
@InputType('RecapMisconceptionInput')
export class MisconceptionContent {
  @ApiProperty({ maxLength: RECAP_LIMITS.descriptionLength })
  @Field()
  @IsString()
  @Length(1, RECAP_LIMITS.descriptionLength)
  description: string;

  @ApiProperty({ type: [EvidenceQuoteContent], maxItems: RECAP_LIMITS.evidencePerItem })
  @Field(() => [EvidenceQuoteContent])
  @IsArray()
  @ArrayMaxSize(RECAP_LIMITS.evidencePerItem)
  @ValidateNested({ each: true })
  @Type(() => EvidenceQuoteContent)
  evidence: EvidenceQuoteContent[];

  @ApiProperty({ description: 'Whether the dialogue shows the student correcting it.' })
  @Field({ description: 'Whether the dialogue shows the student correcting it.' })
  @IsBoolean()
  resolved: boolean;

  @ApiPropertyOptional({ type: EvidenceQuoteContent })
  @Field(() => EvidenceQuoteContent, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => EvidenceQuoteContent)
  correction?: EvidenceQuoteContent;
}

@ObjectType('RecapStudentPerformance')
@InputType('RecapStudentPerformanceInput')
export class StudentPerformanceContent {
  @ApiProperty({ maxLength: RECAP_LIMITS.summaryLength })
  @Field()
  @IsString()
  @MaxLength(RECAP_LIMITS.summaryLength)
  summary: string;

  @ApiProperty({ minimum: 0 })
  @Field(() => Int)
  @IsInt()
  @Min(0)
  studentTurns: number;

  @ApiProperty({ minimum: 0 })
  @Field(() => Int)
  @IsInt()
  @Min(0)
  instructorTurns: number;

  @ApiProperty({
    minimum: 0,
    maximum: 1,
    description: 'Share of words spoken by students, 0 to 1.',
  })
  @Field(() => Float, { description: 'Share of words spoken by students, 0 to 1.' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  studentTalkShare: number;

  @ApiProperty({ minimum: 0 })
  @Field(() => Int)
  @IsInt()
  @Min(0)
  errorsFound: number;

  @ApiProperty({ minimum: 0 })
  @Field(() => Int)
  @IsInt()
  @Min(0)
  errorsCorrected: number;
}

@ObjectType('RecapContent', { description: 'The structured recap that an instructor reviews.' })
@InputType('RecapContentInput')
export class RecapContent {
  @ApiProperty({ maxLength: RECAP_LIMITS.summaryLength })
  @Field()
  @IsString()
  @MaxLength(RECAP_LIMITS.summaryLength)
  summary: string;

  @ApiProperty({ type: [ObjectiveCoverageContent], maxItems: RECAP_LIMITS.objectives })
  @Field(() => [ObjectiveCoverageContent])
  @IsArray()
  @ArrayMaxSize(RECAP_LIMITS.objectives)
  @ValidateNested({ each: true })
  @Type(() => ObjectiveCoverageContent)
  objectivesCovered: ObjectiveCoverageContent[];

  @ApiProperty({ type: [MisconceptionContent], maxItems: RECAP_LIMITS.misconceptions })
  @Field(() => [MisconceptionContent])
  @IsArray()
  @ArrayMaxSize(RECAP_LIMITS.misconceptions)
  @ValidateNested({ each: true })
  @Type(() => MisconceptionContent)
  misconceptions: MisconceptionContent[];

  @ApiProperty({ type: StudentPerformanceContent })
  @Field(() => StudentPerformanceContent)
  @IsDefined()
  @ValidateNested()
  @Type(() => StudentPerformanceContent)
  studentPerformance: StudentPerformanceContent;

  @ApiProperty({ type: [String], maxItems: RECAP_LIMITS.listItems })
  @Field(() => [String])
  @IsArray()
  @ArrayMaxSize(RECAP_LIMITS.listItems)
  @IsString({ each: true })
  @Length(1, RECAP_LIMITS.listItemLength, { each: true })
  nextSteps: string[];

  @ApiProperty({ type: [String], maxItems: RECAP_LIMITS.listItems })
  @Field(() => [String])
  @IsArray()
  @ArrayMaxSize(RECAP_LIMITS.listItems)
  @IsString({ each: true })
  @Length(1, RECAP_LIMITS.listItemLength, { each: true })
  followUps: string[];
}
