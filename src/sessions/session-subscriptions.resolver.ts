import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import { AllowParticipant, Ctx, RequireScope } from '../auth/auth.decorators';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import { EventIterator } from '../realtime/event-iterator';
import { RealtimeEvents } from '../realtime/realtime-events';
import { assertOwnSession } from '../realtime/session-access';
import {
  SessionStatusChange,
  SessionStatusEvent,
  statusChangeFromEvent,
} from './dto/session-status-change';
import { PhaseTransitionEvent, transitionFromEvent } from './session-phase-log';
import { SessionPhaseTransition } from './session-phase-transition.entity';
import { SessionsService } from './sessions.service';

/** Live session events over GraphQL subscriptions (graphql-ws at /graphql). */
@Resolver()
export class SessionSubscriptionsResolver {
  constructor(
    private readonly sessions: SessionsService,
    private readonly realtime: RealtimeEvents,
  ) {}

  @AllowParticipant()
  @RequireScope('read')
  @Subscription(() => SessionStatusChange, {
    description:
      'Each status change of the session after it commits: start, end, cancel, and documented on recap approval. ' +
      'A participant token may subscribe only to its own session.',
    resolve: (event: SessionStatusEvent) => statusChangeFromEvent(event),
  })
  async sessionStatusChanged(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }, new ParseUuidPipe('sessionId')) sessionId: string,
  ): Promise<EventIterator<SessionStatusEvent>> {
    assertOwnSession(ctx, sessionId);
    await this.sessions.get(ctx, sessionId, 'sessionId');

    return this.realtime.subscribe(ctx.organizationId, sessionId, 'sessionStatusChanged');
  }

  @AllowParticipant()
  @RequireScope('read')
  @Subscription(() => SessionPhaseTransition, {
    description:
      'Each lesson phase transition of the session after it commits: started, ended (also when the ' +
      'session ends), skipped and reordered. A participant token may subscribe only to its own session.',
    resolve: (event: PhaseTransitionEvent) => transitionFromEvent(event),
  })
  async sessionPhaseChanged(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }, new ParseUuidPipe('sessionId')) sessionId: string,
  ): Promise<EventIterator<PhaseTransitionEvent>> {
    assertOwnSession(ctx, sessionId);
    await this.sessions.get(ctx, sessionId, 'sessionId');

    return this.realtime.subscribe(ctx.organizationId, sessionId, 'sessionPhaseChanged');
  }
}
