import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { SpeakerRoleEnum } from '../transcript-segment.entity';
import {
  MAX_BATCH_SEGMENTS,
  MAX_CLIENT_SEGMENT_ID_LENGTH,
  MAX_SEGMENT_MS,
  MAX_SPEAKER_LABEL_LENGTH,
  MAX_TEXT_LENGTH,
  SPEAKER_ROLES,
  SpeakerRole,
} from '../transcript-limits';

const CLIENT_SEGMENT_ID_RULE =
  'Idempotency key, unique per session. A later segment with the same key replaces an interim one. ' +
  'A final segment cannot change: resending it unchanged returns the stored one, and different content is a CONFLICT.';

/** One segment from a speech-to-text agent; times are milliseconds from the session start. */
@InputType()
export class TranscriptSegmentInput {
  @ApiProperty({
    minLength: 1,
    maxLength: MAX_CLIENT_SEGMENT_ID_LENGTH,
    description: CLIENT_SEGMENT_ID_RULE,
  })
  @Field({ description: CLIENT_SEGMENT_ID_RULE })
  @IsString()
  @Length(1, MAX_CLIENT_SEGMENT_ID_LENGTH)
  clientSegmentId: string;

  @ApiProperty({ minLength: 1, maxLength: MAX_SPEAKER_LABEL_LENGTH, example: 'Tutor' })
  @Field()
  @IsString()
  @Length(1, MAX_SPEAKER_LABEL_LENGTH)
  speakerLabel: string;

  @ApiPropertyOptional({
    enum: SPEAKER_ROLES,
    description:
      'Default: the matched participant’s role, else a guess from the speaker name, else `other`.',
  })
  @Field(() => SpeakerRoleEnum, {
    nullable: true,
    description:
      'Default: the matched participant’s role, else a guess from the speaker name, else `other`.',
  })
  @IsOptional()
  @IsIn(SPEAKER_ROLES)
  speakerRole?: SpeakerRole;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'A participant of this session. Default: the participant whose display name or identity equals speakerLabel, ignoring case.',
  })
  @Field(() => ID, {
    nullable: true,
    description:
      'A participant of this session. Default: the participant whose display name or identity equals speakerLabel, ignoring case.',
  })
  @IsOptional()
  @IsUUID()
  participantId?: string;

  @ApiProperty({ minimum: 0, maximum: MAX_SEGMENT_MS })
  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(MAX_SEGMENT_MS)
  startMs: number;

  @ApiProperty({ minimum: 0, maximum: MAX_SEGMENT_MS, description: 'Not before startMs.' })
  @Field(() => Int, { description: 'Not before startMs.' })
  @IsInt()
  @Min(0)
  @Max(MAX_SEGMENT_MS)
  endMs: number;

  @ApiProperty({ minLength: 1, maxLength: MAX_TEXT_LENGTH })
  @Field()
  @IsString()
  @Length(1, MAX_TEXT_LENGTH)
  text: string;

  @ApiPropertyOptional({
    default: true,
    description: 'false for an interim result that may still change.',
  })
  @Field({
    nullable: true,
    defaultValue: true,
    description: 'false for an interim result that may still change.',
  })
  @IsOptional()
  @IsBoolean()
  isFinal?: boolean;
}

@InputType()
export class TranscriptSegmentBatchInput {
  @ApiProperty({
    type: [TranscriptSegmentInput],
    minItems: 1,
    maxItems: MAX_BATCH_SEGMENTS,
    description: `1 to ${MAX_BATCH_SEGMENTS} segments, written in one transaction: one invalid segment rejects the whole batch.`,
  })
  @Field(() => [TranscriptSegmentInput], {
    description: `1 to ${MAX_BATCH_SEGMENTS} segments, written in one transaction: one invalid segment rejects the whole batch.`,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH_SEGMENTS, {
    message: `segments has more than the maximum of ${MAX_BATCH_SEGMENTS} segments per request; split it into smaller batches`,
  })
  @ValidateNested({ each: true })
  @Type(() => TranscriptSegmentInput)
  segments: TranscriptSegmentInput[];
}
