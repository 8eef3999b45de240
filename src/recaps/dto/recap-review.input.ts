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
import { RecapContent } from '../recap-content';
import { RECAP_LIMITS } from '../recap-limits';

@InputType()
export class EditRecapInput {
  @ApiProperty({
    type: RecapContent,
    description: 'The whole edited content; it replaces the current version.',
  })
  @Field(() => RecapContent, {
    description: 'The whole edited content; it replaces the current version.',
  })
  @IsDefined()
  @ValidateNested()
  @Type(() => RecapContent)
  content: RecapContent;

  @ApiPropertyOptional({
    maxLength: RECAP_LIMITS.noteLength,
    description: 'Why the recap was changed.',
  })
  @Field({ nullable: true, description: 'Why the recap was changed.' })
  @IsOptional()
  @IsString()
  @MaxLength(RECAP_LIMITS.noteLength)
  note?: string;
}

@InputType()
export class RejectRecapInput {
  @ApiProperty({
    minLength: 1,
    maxLength: RECAP_LIMITS.reasonLength,
    example: 'Misattributes the student’s answers.',
  })
  @Field()
  @IsString()
  @Length(1, RECAP_LIMITS.reasonLength)
  @Matches(/\S/, { message: 'reason must not be blank: say why the recap is rejected' })
  reason: string;
}
