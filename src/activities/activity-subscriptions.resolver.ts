import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import { AllowParticipant, Ctx, RequireScope } from '../auth/auth.decorators';
import { assertInstructorOf } from '../alerts/instructor-access';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import { EventIterator } from '../realtime/event-iterator';
import { RealtimeEvents } from '../realtime/realtime-events';
import { assertOwnSession } from '../realtime/session-access';
import { SessionsService } from '../sessions/sessions.service';
import { ActivityChangeEvent, activityChangeFromEvent } from './activity-view';
import { ActivityChange } from './dto/activity-change';
import { ActivityResults } from './dto/activity-results';
import {
  ActivityResultsEvent,
  resultsFromEvent,
  RESULTS_PUBLISH_INTERVAL_MS,
} from './results-publisher';

/** Live activity events over GraphQL subscriptions (graphql-ws at /graphql). */
@Resolver()
export class ActivitySubscriptionsResolver {
  constructor(
    private readonly sessions: SessionsService,
    private readonly realtime: RealtimeEvents,
  ) {}

  @AllowParticipant()
  @RequireScope('read')
  @Subscription(() => ActivityChange, {
    description:
      'Each activity of the session opening or closing, after it commits; the answer key stays null until it closes. ' +
      'A participant token may subscribe only to its own session.',
    resolve: (event: ActivityChangeEvent) => activityChangeFromEvent(event),
  })
  async activityChanged(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }, new ParseUuidPipe('sessionId')) sessionId: string,
  ): Promise<EventIterator<ActivityChangeEvent>> {
    assertOwnSession(ctx, sessionId);
    await this.sessions.get(ctx, sessionId, 'sessionId');

    return this.realtime.subscribe(ctx.organizationId, sessionId, 'activityChanged');
  }

  @AllowParticipant()
  @RequireScope('read')
  @Subscription(() => ActivityResults, {
    description:
      'Aggregate results of the session’s activities as responses arrive, at most one event per activity every ' +
      `${RESULTS_PUBLISH_INTERVAL_MS} ms, the last carrying the latest results. For API keys and instructor participant tokens only.`,
    resolve: (event: ActivityResultsEvent) => resultsFromEvent(event),
  })
  async activityResultsUpdated(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }, new ParseUuidPipe('sessionId')) sessionId: string,
  ): Promise<EventIterator<ActivityResultsEvent>> {
    assertInstructorOf(ctx, sessionId, 'subscribe to live activity results');
    await this.sessions.get(ctx, sessionId, 'sessionId');

    return this.realtime.subscribe(ctx.organizationId, sessionId, 'activityResultsUpdated');
  }
}
