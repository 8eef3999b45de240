import { Args, ArgsType, Field, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IsIn, IsString, IsUUID } from 'class-validator';
import { Ctx, RequireScope } from '../auth/auth.decorators';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { pageFromArgs, toConnection } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import {
  TranscriptSegmentConnection,
  TranscriptSegmentsArgs,
  TranscriptWriteResult,
} from './dto/transcript-results';
import {
  TranscriptSegmentBatchInput,
  TranscriptSegmentInput,
} from './dto/transcript-segment.input';
import { TranscriptFormatEnum, UPLOAD_RULES } from './dto/upload-transcript.input';
import { SessionTranscript } from './session-transcript.entity';
import { TranscriptSegment } from './transcript-segment.entity';
import { MAX_BATCH_SEGMENTS, TRANSCRIPT_FORMATS, TranscriptFormat } from './transcript-limits';
import { segmentSortValue, TranscriptsService } from './transcripts.service';

const SESSION_ID = new ParseUuidPipe('sessionId');

@ArgsType()
class UploadTranscriptArgs {
  @Field(() => ID)
  @IsUUID()
  sessionId: string;

  @Field(() => TranscriptFormatEnum)
  @IsIn(TRANSCRIPT_FORMATS)
  format: TranscriptFormat;

  @Field({ description: 'The file contents; at most 10 MB.' })
  @IsString()
  content: string;
}

@Resolver(() => TranscriptSegment)
export class TranscriptsResolver {
  constructor(private readonly transcripts: TranscriptsService) {}

  @RequireScope('read')
  @Query(() => SessionTranscript, {
    description: "A session's transcript version and final segment count.",
  })
  transcript(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }, SESSION_ID) sessionId: string,
  ): Promise<SessionTranscript> {
    return this.transcripts.getTranscript(ctx, sessionId);
  }

  @RequireScope('read')
  @Query(() => TranscriptSegmentConnection, {
    description: 'Final segments ordered by (startMs, id); interim ones too with includeInterim.',
  })
  async transcriptSegments(
    @Ctx() ctx: RequestContext,
    @Args() args: TranscriptSegmentsArgs,
  ): Promise<TranscriptSegmentConnection> {
    const page = await this.transcripts.listSegments(ctx, args.sessionId, pageFromArgs(args), args);

    return toConnection(page, segmentSortValue);
  }

  @RequireScope('transcripts:write')
  @Mutation(() => TranscriptSegment, {
    description:
      'Adds one segment. An interim segment is replaced by a later one with the same clientSegmentId; ' +
      'a final one cannot change (CONFLICT), and an unchanged repeat returns the stored segment.',
  })
  addTranscriptSegment(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }, SESSION_ID) sessionId: string,
    @Args('input') input: TranscriptSegmentInput,
  ): Promise<TranscriptSegment> {
    return this.transcripts.addSegment(ctx, sessionId, input);
  }

  @RequireScope('transcripts:write')
  @Mutation(() => TranscriptWriteResult, {
    description: `Adds 1 to ${MAX_BATCH_SEGMENTS} segments in one transaction; one invalid segment rejects the batch.`,
  })
  addTranscriptSegments(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }, SESSION_ID) sessionId: string,
    @Args('input') input: TranscriptSegmentBatchInput,
  ): Promise<TranscriptWriteResult> {
    return this.transcripts.addSegments(ctx, sessionId, input.segments);
  }

  @RequireScope('transcripts:write')
  @Mutation(() => TranscriptWriteResult, {
    description: `Uploads a whole transcript file. ${UPLOAD_RULES}`,
  })
  uploadTranscript(
    @Ctx() ctx: RequestContext,
    @Args() args: UploadTranscriptArgs,
  ): Promise<TranscriptWriteResult> {
    return this.transcripts.upload(ctx, args.sessionId, args.format, args.content);
  }
}
