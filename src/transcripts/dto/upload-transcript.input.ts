import { Field, InputType, registerEnumType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { MAX_UPLOAD_BYTES, TRANSCRIPT_FORMATS, TranscriptFormat } from '../transcript-limits';

export const TranscriptFormatEnum = Object.fromEntries(
  TRANSCRIPT_FORMATS.map((format) => [format, format]),
) as {
  [K in TranscriptFormat]: K;
};
registerEnumType(TranscriptFormatEnum, {
  name: 'TranscriptFormat',
  description:
    '`json` (segments array), `webvtt` (WebVTT captions) or `text` (`Speaker: text` lines).',
});

export const UPLOAD_RULES =
  'Uploaded segments are final and get clientSegmentId `upload:<n>`, n counting from 1 in file order, so ' +
  're-uploading the same file changes nothing, and a file that differs at an existing position is rejected ' +
  'with CONFLICT. Segments without times are timed back to back at 150 words per minute. At most 10 MB ' +
  'and 20000 segments.';

/** A whole transcript file sent as a string, for GraphQL and for REST JSON bodies. */
@InputType()
export class UploadTranscriptInput {
  @ApiProperty({ enum: TRANSCRIPT_FORMATS })
  @Field(() => TranscriptFormatEnum)
  @IsIn(TRANSCRIPT_FORMATS)
  format: TranscriptFormat;

  @ApiProperty({ description: `The file contents. ${UPLOAD_RULES}` })
  @Field({ description: `The file contents. ${UPLOAD_RULES}` })
  @IsString()
  @MaxLength(MAX_UPLOAD_BYTES)
  content: string;
}
