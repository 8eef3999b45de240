import { Field, Float, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsString,
  MaxLength,
  Matches,
  ValidateNested,
} from 'class-validator';
import { BRIEF_LIMITS } from './brief-limits';

/*
 * The brief's editable content (BriefDraft in src/ai/ai-provider.ts) as GraphQL output and input
 * types, Swagger schemas and validated DTOs, and the read-only facts it was drafted from.
 */

@ObjectType('SessionBriefWarmUpQuestion')
@InputType('SessionBriefWarmUpQuestionInput')
export class BriefWarmUpQuestionContent {
  @ApiProperty({ minLength: 1, maxLength: BRIEF_LIMITS.questionLength })
  @Field()
  @IsString({ message: 'question must be a string' })
  @MaxLength(BRIEF_LIMITS.questionLength, {
    message: `question must be at most ${BRIEF_LIMITS.questionLength} characters: shorten it`,
  })
  @Matches(/\S/, { message: 'question must not be blank: write the question to ask' })
  question: string;

  @ApiProperty({
    minLength: 1,
    maxLength: BRIEF_LIMITS.gapLength,
    description: 'The open misconception or objective that the question revisits.',
  })
  @Field({ description: 'The open misconception or objective that the question revisits.' })
  @IsString({ message: 'gap must be a string' })
  @MaxLength(BRIEF_LIMITS.gapLength, {
    message: `gap must be at most ${BRIEF_LIMITS.gapLength} characters: name the misconception or objective`,
  })
  @Matches(/\S/, { message: 'gap must not be blank: name the misconception or objective' })
  gap: string;
}

@ObjectType('SessionBriefContent', { description: 'The part of a brief that an instructor edits.' })
@InputType('SessionBriefContentInput')
export class BriefContent {
  @ApiProperty({ minLength: 1, maxLength: BRIEF_LIMITS.summaryLength })
  @Field()
  @IsString({ message: 'summary must be a string' })
  @MaxLength(BRIEF_LIMITS.summaryLength, {
    message: `summary must be at most ${BRIEF_LIMITS.summaryLength} characters: shorten it`,
  })
  @Matches(/\S/, { message: 'summary must not be blank: write what the instructor should know' })
  summary: string;

  @ApiProperty({
    type: [String],
    maxItems: BRIEF_LIMITS.focusPoints,
    description: 'What needs attention, most important first.',
  })
  @Field(() => [String], { description: 'What needs attention, most important first.' })
  @IsArray({ message: 'focusPoints must be an array of strings' })
  @ArrayMaxSize(BRIEF_LIMITS.focusPoints, {
    message: `focusPoints must contain at most ${BRIEF_LIMITS.focusPoints} items: merge or drop some`,
  })
  @IsString({ each: true, message: 'each focusPoints item must be a string' })
  @MaxLength(BRIEF_LIMITS.focusPointLength, {
    each: true,
    message: `each focusPoints item must be at most ${BRIEF_LIMITS.focusPointLength} characters`,
  })
  @Matches(/\S/, {
    each: true,
    message: 'each focusPoints item must not be blank: remove it or write it',
  })
  focusPoints: string[];

  @ApiProperty({ type: [BriefWarmUpQuestionContent], maxItems: BRIEF_LIMITS.warmUpQuestions })
  @Field(() => [BriefWarmUpQuestionContent])
  @IsArray({ message: 'warmUpQuestions must be an array of {question, gap} objects' })
  @ArrayMaxSize(BRIEF_LIMITS.warmUpQuestions, {
    message: `warmUpQuestions must contain at most ${BRIEF_LIMITS.warmUpQuestions} questions: drop some`,
  })
  @ValidateNested({ each: true })
  @Type(() => BriefWarmUpQuestionContent)
  warmUpQuestions: BriefWarmUpQuestionContent[];
}

@ObjectType('SessionBriefObjective')
export class BriefObjectiveFact {
  @ApiProperty()
  @Field()
  code: string;

  @ApiProperty()
  @Field()
  title: string;
}

@ObjectType('SessionBriefRecapFact', { description: 'An approved recap of an earlier session.' })
export class BriefRecapFact {
  @ApiProperty({ format: 'uuid' })
  @Field()
  recapId: string;

  @ApiProperty({ format: 'uuid' })
  @Field()
  sessionId: string;

  @ApiProperty()
  @Field()
  sessionTitle: string;

  @ApiProperty({ description: 'ISO 8601 start of that session.' })
  @Field({ description: 'ISO 8601 start of that session.' })
  startedAt: string;

  @ApiProperty()
  @Field()
  summary: string;

  @ApiProperty({ type: [String] })
  @Field(() => [String])
  nextSteps: string[];

  @ApiProperty({ type: [String], description: 'Objective codes the recap lists as covered.' })
  @Field(() => [String], { description: 'Objective codes the recap lists as covered.' })
  objectiveCodes: string[];
}

@ObjectType('SessionBriefMisconceptionFact', {
  description: 'A misconception of an approved recap that no later approved recap marks resolved.',
})
export class BriefMisconceptionFact {
  @ApiProperty()
  @Field()
  description: string;

  @ApiProperty({ format: 'uuid' })
  @Field()
  recapId: string;

  @ApiProperty({ format: 'uuid' })
  @Field()
  sessionId: string;

  @ApiProperty()
  @Field()
  sessionTitle: string;

  @ApiProperty()
  @Field()
  startedAt: string;
}

@ObjectType('SessionBriefProgressFact')
export class BriefProgressFact {
  @ApiProperty()
  @Field()
  objectiveCode: string;

  @ApiProperty()
  @Field()
  objectiveTitle: string;

  @ApiProperty({ enum: ['not_started', 'introduced', 'practicing', 'mastered'] })
  @Field({ description: 'not_started, introduced, practicing or mastered.' })
  status: string;
}

@ObjectType('SessionBriefAttendanceFact', {
  description: 'Joins to the latest documented sessions; late means more than 10 minutes late.',
})
export class BriefAttendanceFact {
  @ApiProperty()
  @Field(() => Int)
  sessions: number;

  @ApiProperty()
  @Field(() => Int)
  attended: number;

  @ApiProperty()
  @Field(() => Int)
  late: number;

  @ApiProperty()
  @Field(() => Int)
  absent: number;
}

@ObjectType('SessionBriefEngagementFact')
export class BriefEngagementFact {
  @ApiProperty({ type: [Number], description: 'Participation scores, 0 to 100, oldest first.' })
  @Field(() => [Float], { description: 'Participation scores, 0 to 100, oldest first.' })
  scores: number[];

  @ApiProperty({ type: Number, nullable: true, description: 'Score points per session.' })
  @Field(() => Float, { nullable: true, description: 'Score points per session.' })
  slope: number | null;

  @ApiProperty({ enum: ['rising', 'falling', 'steady', 'unknown'] })
  @Field({ description: 'rising, falling, steady, or unknown with fewer than 2 sessions.' })
  trend: string;
}

@ObjectType('SessionBriefStudentFact')
export class BriefStudentFact {
  @ApiProperty({ format: 'uuid' })
  @Field()
  studentId: string;

  @ApiProperty()
  @Field()
  name: string;

  @ApiProperty({ type: [BriefProgressFact] })
  @Field(() => [BriefProgressFact])
  progress: BriefProgressFact[];

  @ApiProperty({ type: BriefAttendanceFact })
  @Field(() => BriefAttendanceFact)
  attendance: BriefAttendanceFact;

  @ApiProperty({ type: BriefEngagementFact })
  @Field(() => BriefEngagementFact)
  engagement: BriefEngagementFact;
}

@ObjectType('SessionBriefFacts', {
  description: 'The input the provider received, after any trimming to fit its context window.',
})
export class BriefFacts {
  @ApiProperty()
  @Field()
  sessionTitle: string;

  @ApiProperty()
  @Field()
  scheduledStart: string;

  @ApiProperty({ type: [BriefObjectiveFact] })
  @Field(() => [BriefObjectiveFact])
  plannedObjectives: BriefObjectiveFact[];

  @ApiProperty({ type: [BriefRecapFact], description: 'Oldest first.' })
  @Field(() => [BriefRecapFact], { description: 'Oldest first.' })
  recentSessions: BriefRecapFact[];

  @ApiProperty({ type: [BriefMisconceptionFact], description: 'Oldest first.' })
  @Field(() => [BriefMisconceptionFact], { description: 'Oldest first.' })
  openMisconceptions: BriefMisconceptionFact[];

  @ApiProperty({ type: [BriefStudentFact] })
  @Field(() => [BriefStudentFact])
  students: BriefStudentFact[];
}
