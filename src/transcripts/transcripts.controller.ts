import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Query,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
  ApiExtraModels,
} from '@nestjs/swagger';
import { Ctx, RequireScope } from '../auth/auth.decorators';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import {
  TranscriptSegmentPage,
  TranscriptSegmentsQuery,
  TranscriptWriteResult,
} from './dto/transcript-results';
import {
  TranscriptSegmentBatchInput,
  TranscriptSegmentInput,
} from './dto/transcript-segment.input';
import { readUploadBody, UploadTranscriptQuery } from './dto/upload-body';
import { UPLOAD_RULES, UploadTranscriptInput } from './dto/upload-transcript.input';
import { SessionTranscript } from './session-transcript.entity';
import { TranscriptSegment } from './transcript-segment.entity';
import { MAX_BATCH_SEGMENTS } from './transcript-limits';
import { TranscriptsService } from './transcripts.service';
import { IdempotencyInterceptor } from '../common/idempotency.interceptor';

const SESSION_ID = new ParseUuidPipe('sessionId');

@ApiTags('transcripts')
@ApiBearerAuth()
@ApiExtraModels(UploadTranscriptInput)
@Controller('v1/sessions/:sessionId/transcript')
@UseInterceptors(IdempotencyInterceptor)
export class TranscriptsController {
  constructor(private readonly transcripts: TranscriptsService) {}

  @RequireScope('read')
  @Get()
  @ApiOkResponse({ type: SessionTranscript })
  get(
    @Ctx() ctx: RequestContext,
    @Param('sessionId', SESSION_ID) sessionId: string,
  ): Promise<SessionTranscript> {
    return this.transcripts.getTranscript(ctx, sessionId);
  }

  @RequireScope('read')
  @Get('segments')
  @ApiOperation({
    summary: 'List final segments by (startMs, id); interim ones too with includeInterim=true.',
  })
  @ApiOkResponse({ type: TranscriptSegmentPage })
  list(
    @Ctx() ctx: RequestContext,
    @Param('sessionId', SESSION_ID) sessionId: string,
    @Query() query: TranscriptSegmentsQuery,
  ): Promise<TranscriptSegmentPage> {
    return this.transcripts.listSegments(ctx, sessionId, query, query);
  }

  @RequireScope('transcripts:write')
  @Post('segments')
  @ApiOperation({
    summary:
      'Add one segment. An interim segment is replaced by a later one with the same clientSegmentId; ' +
      'a final one cannot change (CONFLICT), and an unchanged repeat returns the stored segment.',
  })
  @ApiCreatedResponse({ type: TranscriptSegment })
  add(
    @Ctx() ctx: RequestContext,
    @Param('sessionId', SESSION_ID) sessionId: string,
    @Body() input: TranscriptSegmentInput,
  ): Promise<TranscriptSegment> {
    return this.transcripts.addSegment(ctx, sessionId, input);
  }

  @RequireScope('transcripts:write')
  @Post('segments/batch')
  @HttpCode(200)
  @ApiOperation({
    summary: `Add 1 to ${MAX_BATCH_SEGMENTS} segments in one transaction; one invalid segment rejects the batch.`,
  })
  @ApiOkResponse({ type: TranscriptWriteResult })
  addBatch(
    @Ctx() ctx: RequestContext,
    @Param('sessionId', SESSION_ID) sessionId: string,
    @Body() input: TranscriptSegmentBatchInput,
  ): Promise<TranscriptWriteResult> {
    return this.transcripts.addSegments(ctx, sessionId, input.segments);
  }

  @RequireScope('transcripts:write')
  @Post('upload')
  @HttpCode(200)
  @ApiOperation({ summary: `Upload a whole transcript file. ${UPLOAD_RULES}` })
  @ApiConsumes('application/json', 'text/vtt', 'text/plain')
  @ApiBody({
    schema: {
      oneOf: [
        { $ref: getSchemaPath(UploadTranscriptInput) },
        {
          type: 'array',
          items: { type: 'object' },
          description: 'A JSON transcript: segments with speaker, name, text.',
        },
        { type: 'string', description: 'WebVTT (text/vtt) or `Speaker: text` lines (text/plain).' },
      ],
    },
  })
  @ApiOkResponse({ type: TranscriptWriteResult })
  upload(
    @Ctx() ctx: RequestContext,
    @Param('sessionId', SESSION_ID) sessionId: string,
    @Headers('content-type') contentType: string | undefined,
    @Query() query: UploadTranscriptQuery,
    @Body() body: unknown,
  ): Promise<TranscriptWriteResult> {
    const { format, content } = readUploadBody(contentType, body, query);

    return this.transcripts.upload(ctx, sessionId, format, content);
  }
}
