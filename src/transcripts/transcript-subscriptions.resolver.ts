import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import { AllowParticipant, Ctx, RequireScope } from '../auth/auth.decorators';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import { EventIterator } from '../realtime/event-iterator';
import { RealtimeEvents } from '../realtime/realtime-events';
import { assertOwnSession } from '../realtime/session-access';
import { SessionsService } from '../sessions/sessions.service';
import { SegmentEvent, segmentFromEvent } from './segment-events';
import { TranscriptSegment } from './transcript-segment.entity';

/** Live transcript events over GraphQL subscriptions (graphql-ws at /graphql). */
@Resolver()
export class TranscriptSubscriptionsResolver {
  constructor(
    private readonly sessions: SessionsService,
    private readonly realtime: RealtimeEvents,
  ) {}

  @AllowParticipant()
  @RequireScope('read')
  @Subscription(() => TranscriptSegment, {
    description:
      'Each segment stored or replaced in the session’s transcript after its write commits, interim ones included; ' +
      'an unchanged repeat sends nothing. A participant token may subscribe only to its own session.',
    resolve: (event: SegmentEvent) => segmentFromEvent(event),
  })
  async transcriptSegmentAdded(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }, new ParseUuidPipe('sessionId')) sessionId: string,
  ): Promise<EventIterator<SegmentEvent>> {
    assertOwnSession(ctx, sessionId);
    await this.sessions.get(ctx, sessionId, 'sessionId');

    return this.realtime.subscribe(ctx.organizationId, sessionId, 'transcriptSegmentAdded');
  }
}
