import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { Connection, PageArgs, PageQueryDto } from '../../common/pagination';
import { TranscriptSegment } from '../transcript-segment.entity';

/** Query-string spellings of booleans; any other value is left for IsBoolean to reject. */
const BOOLEAN_QUERY_VALUES: Record<string, boolean> = { true: true, false: false };

@ObjectType()
export class TranscriptSegmentConnection extends Connection(
  TranscriptSegment,
  'TranscriptSegment',
) {}

/** One page of transcript segments over REST, ordered by (startMs, id). */
export class TranscriptSegmentPage {
  @ApiProperty({ type: [TranscriptSegment] })
  items: TranscriptSegment[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page.' })
  nextCursor: string | null;
}

@ArgsType()
export class TranscriptSegmentsArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID()
  sessionId: string;

  @Field({ nullable: true, defaultValue: false, description: 'Also return interim segments.' })
  @IsOptional()
  @IsBoolean()
  includeInterim?: boolean;
}

export class TranscriptSegmentsQuery extends PageQueryDto {
  @ApiPropertyOptional({ default: false, description: 'Also return interim segments.' })
  @IsOptional()
  @Transform(({ value }) => BOOLEAN_QUERY_VALUES[String(value)] ?? value)
  @IsBoolean()
  includeInterim?: boolean;
}

/** Counts of the changes a batch or an upload made. Each received segment is counted once. */
@ObjectType()
export class TranscriptWriteResult {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  sessionId: string;

  @ApiProperty({ description: 'The transcript version after this request.' })
  @Field(() => Int, { description: 'The transcript version after this request.' })
  transcriptVersion: number;

  @ApiProperty()
  @Field(() => Int)
  received: number;

  @ApiProperty({ description: 'Segments stored for the first time.' })
  @Field(() => Int, { description: 'Segments stored for the first time.' })
  inserted: number;

  @ApiProperty({
    description: 'Interim segments replaced by a later segment with the same clientSegmentId.',
  })
  @Field(() => Int, {
    description: 'Interim segments replaced by a later segment with the same clientSegmentId.',
  })
  replaced: number;

  @ApiProperty({ description: 'Repeats of a stored segment that changed nothing.' })
  @Field(() => Int, { description: 'Repeats of a stored segment that changed nothing.' })
  unchanged: number;
}
