import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowParticipant, Ctx, RequireScope } from '../auth/auth.decorators';
import { IdempotencyInterceptor } from '../common/idempotency.interceptor';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import { EngagementEventBatchInput, EngagementEventInput } from './dto/engagement-event.input';
import {
  EngagementEventPage,
  EngagementEventsQuery,
  EngagementIngestResult,
} from './dto/engagement-results';
import {
  SessionEngagement,
  StudentEngagementTrend,
  StudentEngagementTrendQuery,
} from './dto/engagement-rollups';
import { EngagementEventListService } from './engagement-event-list.service';
import { EngagementIngestService } from './engagement-ingest.service';
import { MAX_BATCH_EVENTS } from './engagement-limits';
import { EngagementRollupsService } from './engagement-rollups.service';

const SESSION_ID = new ParseUuidPipe('sessionId');

const INGEST_RULES =
  'A participant token reports only its own events; an API key names participantId. A repeated ' +
  'clientEventId is ignored and counted in duplicates.';

@ApiTags('engagement')
@ApiBearerAuth()
@Controller('v1')
@UseInterceptors(IdempotencyInterceptor)
export class EngagementController {
  constructor(
    private readonly ingest: EngagementIngestService,
    private readonly list: EngagementEventListService,
    private readonly rollups: EngagementRollupsService,
  ) {}

  @RequireScope('sessions:write')
  @AllowParticipant()
  @Post('sessions/:sessionId/events')
  @HttpCode(200)
  @ApiOperation({ summary: `Record one engagement event. ${INGEST_RULES}` })
  @ApiOkResponse({ type: EngagementIngestResult })
  recordOne(
    @Ctx() ctx: RequestContext,
    @Param('sessionId', SESSION_ID) sessionId: string,
    @Body() input: EngagementEventInput,
  ): Promise<EngagementIngestResult> {
    return this.ingest.recordOne(ctx, sessionId, input);
  }

  @RequireScope('sessions:write')
  @AllowParticipant()
  @Post('sessions/:sessionId/events/batch')
  @HttpCode(200)
  @ApiOperation({
    summary: `Record 1 to ${MAX_BATCH_EVENTS} engagement events in one transaction; one invalid event rejects the batch. ${INGEST_RULES}`,
  })
  @ApiOkResponse({ type: EngagementIngestResult })
  recordBatch(
    @Ctx() ctx: RequestContext,
    @Param('sessionId', SESSION_ID) sessionId: string,
    @Body() input: EngagementEventBatchInput,
  ): Promise<EngagementIngestResult> {
    return this.ingest.recordBatch(ctx, sessionId, input.events);
  }

  @RequireScope('read')
  @Get('sessions/:sessionId/events')
  @ApiOperation({ summary: "List a session's engagement events by (occurredAt, id)." })
  @ApiOkResponse({ type: EngagementEventPage })
  events(
    @Ctx() ctx: RequestContext,
    @Param('sessionId', SESSION_ID) sessionId: string,
    @Query() query: EngagementEventsQuery,
  ): Promise<EngagementEventPage> {
    return this.list.list(ctx, sessionId, query, query);
  }

  @RequireScope('read')
  @Get('sessions/:sessionId/engagement')
  @ApiOperation({ summary: 'Engagement rollups of every participant of a session.' })
  @ApiOkResponse({ type: SessionEngagement })
  sessionEngagement(
    @Ctx() ctx: RequestContext,
    @Param('sessionId', SESSION_ID) sessionId: string,
  ): Promise<SessionEngagement> {
    return this.rollups.sessionEngagement(ctx, sessionId);
  }

  @RequireScope('read')
  @Get('students/:studentId/engagement-trend')
  @ApiOperation({
    summary: "A student's participation score across their latest started sessions.",
  })
  @ApiOkResponse({ type: StudentEngagementTrend })
  studentTrend(
    @Ctx() ctx: RequestContext,
    @Param('studentId', new ParseUuidPipe('studentId')) studentId: string,
    @Query() query: StudentEngagementTrendQuery,
  ): Promise<StudentEngagementTrend> {
    return this.rollups.studentTrend(ctx, studentId, query.last);
  }
}
