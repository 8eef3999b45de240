import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AllowParticipant, Ctx, RequireScope } from '../auth/auth.decorators';
import { pageFromArgs, toConnection } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import { EngagementEventBatchInput, EngagementEventInput } from './dto/engagement-event.input';
import {
  EngagementEventConnection,
  EngagementEventsArgs,
  EngagementIngestResult,
} from './dto/engagement-results';
import {
  SessionEngagement,
  StudentEngagementTrend,
  StudentEngagementTrendArgs,
} from './dto/engagement-rollups';
import { EngagementEvent } from './engagement-event.entity';
import { EngagementEventListService, eventSortValue } from './engagement-event-list.service';
import { EngagementIngestService } from './engagement-ingest.service';
import { MAX_BATCH_EVENTS } from './engagement-limits';
import { EngagementRollupsService } from './engagement-rollups.service';

const SESSION_ID = new ParseUuidPipe('sessionId');

const INGEST_RULES =
  'A participant token reports only its own events; an API key names participantId. A repeated ' +
  'clientEventId is ignored and counted in duplicates.';

@Resolver(() => EngagementEvent)
export class EngagementResolver {
  constructor(
    private readonly ingest: EngagementIngestService,
    private readonly list: EngagementEventListService,
    private readonly rollups: EngagementRollupsService,
  ) {}

  @RequireScope('sessions:write')
  @AllowParticipant()
  @Mutation(() => EngagementIngestResult, {
    description: `Records one engagement event. ${INGEST_RULES}`,
  })
  recordEngagementEvent(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }, SESSION_ID) sessionId: string,
    @Args('input') input: EngagementEventInput,
  ): Promise<EngagementIngestResult> {
    return this.ingest.recordOne(ctx, sessionId, input);
  }

  @RequireScope('sessions:write')
  @AllowParticipant()
  @Mutation(() => EngagementIngestResult, {
    description: `Records 1 to ${MAX_BATCH_EVENTS} engagement events in one transaction; one invalid event rejects the batch. ${INGEST_RULES}`,
  })
  recordEngagementEvents(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }, SESSION_ID) sessionId: string,
    @Args('input') input: EngagementEventBatchInput,
  ): Promise<EngagementIngestResult> {
    return this.ingest.recordBatch(ctx, sessionId, input.events);
  }

  @RequireScope('read')
  @Query(() => EngagementEventConnection, {
    description: "A session's engagement events ordered by (occurredAt, id).",
  })
  async engagementEvents(
    @Ctx() ctx: RequestContext,
    @Args() args: EngagementEventsArgs,
  ): Promise<EngagementEventConnection> {
    const page = await this.list.list(ctx, args.sessionId, args, pageFromArgs(args));

    return toConnection(page, eventSortValue);
  }

  @RequireScope('read')
  @Query(() => SessionEngagement, {
    description: 'Engagement rollups of every participant of a session, computed when read.',
  })
  sessionEngagement(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }, SESSION_ID) sessionId: string,
  ): Promise<SessionEngagement> {
    return this.rollups.sessionEngagement(ctx, sessionId);
  }

  @RequireScope('read')
  @Query(() => StudentEngagementTrend, {
    description:
      "A student's participation score across their latest started sessions, oldest first.",
  })
  studentEngagementTrend(
    @Ctx() ctx: RequestContext,
    @Args() args: StudentEngagementTrendArgs,
  ): Promise<StudentEngagementTrend> {
    return this.rollups.studentTrend(ctx, args.studentId, args.last);
  }
}
