import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import { AllowParticipant, Ctx, RequireScope } from '../auth/auth.decorators';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import { EventIterator } from '../realtime/event-iterator';
import { RealtimeEvents } from '../realtime/realtime-events';
import { assertOwnSession } from '../realtime/session-access';
import { assertRunsSession } from './breakout-access';
import { reviveMessage, reviveStatus } from './breakout-events';
import { BreakoutMessage } from './breakout-group.entity';
import { BreakoutsService } from './breakouts.service';
import { BreakoutStatus } from './dto/breakout-views';

/** Live breakout events over GraphQL subscriptions (graphql-ws at /graphql). */
@Resolver()
export class BreakoutSubscriptionsResolver {
  constructor(
    private readonly breakouts: BreakoutsService,
    private readonly realtime: RealtimeEvents,
  ) {}

  @AllowParticipant()
  @RequireScope('read')
  @Subscription(() => BreakoutStatus, {
    description:
      'The live status of every group after each change: groups opened or closed, presence reports and ' +
      'help requests. Instructors and API keys only.',
    resolve: (status: BreakoutStatus) => reviveStatus(status),
  })
  async breakoutStatusChanged(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }, new ParseUuidPipe('sessionId')) sessionId: string,
  ): Promise<EventIterator<BreakoutStatus>> {
    assertOwnSession(ctx, sessionId);
    assertRunsSession(ctx, sessionId, 'monitor breakout groups');
    await this.breakouts.getSession(ctx, sessionId);

    return this.realtime.subscribe(ctx.organizationId, sessionId, 'breakoutStatusChanged');
  }

  @AllowParticipant()
  @RequireScope('read')
  @Subscription(() => BreakoutMessage, {
    description:
      'Each message sent to every breakout group of the session. A participant token may subscribe only to its own session.',
    resolve: (message: BreakoutMessage) => reviveMessage(message),
  })
  async breakoutMessagePosted(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }, new ParseUuidPipe('sessionId')) sessionId: string,
  ): Promise<EventIterator<BreakoutMessage>> {
    assertOwnSession(ctx, sessionId);
    await this.breakouts.getSession(ctx, sessionId);

    return this.realtime.subscribe(ctx.organizationId, sessionId, 'breakoutMessagePosted');
  }
}
