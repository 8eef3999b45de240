import { Field, InputType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { BriefContent } from '../brief-content';
import { BRIEF_LIMITS } from '../brief-limits';

@InputType()
export class EditSessionBriefInput {
  @ApiProperty({ type: BriefContent, description: 'The whole edited content; it replaces the current version.' })
  @Field(() => BriefContent, {
    description: 'The whole edited content; it replaces the current version.',
  })
  @IsDefined({ message: 'content is required: send summary, focusPoints and warmUpQuestions' })
  @ValidateNested()
  @Type(() => BriefContent)
  content: BriefContent;

  @ApiPropertyOptional({ maxLength: BRIEF_LIMITS.noteLength, description: 'Why it was changed.' })
  @Field({ nullable: true, description: 'Why it was changed.' })
  @IsOptional()
  @IsString({ message: 'note must be a string' })
  @MaxLength(BRIEF_LIMITS.noteLength, {
    message: `note must be at most ${BRIEF_LIMITS.noteLength} characters: shorten it`,
  })
  note?: string;
}

@InputType()
export class RejectSessionBriefInput {
  @ApiProperty({ minLength: 1, maxLength: BRIEF_LIMITS.reasonLength })
  @Field()
  @IsString({ message: 'reason must be a string' })
  @Length(1, BRIEF_LIMITS.reasonLength, {
    message: `reason must be 1 to ${BRIEF_LIMITS.reasonLength} characters`,
  })
  @Matches(/\S/, { message: 'reason must not be blank: say why the brief is rejected' })
  reason: string;
}
