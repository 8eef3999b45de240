import { Args, ID, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { AllowParticipant, Ctx, RequireScope } from '../auth/auth.decorators';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import { EventIterator } from '../realtime/event-iterator';
import { RealtimeEvents } from '../realtime/realtime-events';
import { SessionsService } from '../sessions/sessions.service';
import { Alert } from './alert.entity';
import { AlertSettings, AlertSettingsInput } from './alert-settings.entity';
import { AlertEvent, alertFromEvent, AlertsService, MAX_LISTED_ALERTS } from './alerts.service';
import { assertInstructorOf } from './instructor-access';

const uuid = (field: string) => new ParseUuidPipe(field);

/** Instructor alerts over GraphQL. Student participant tokens get FORBIDDEN on every field. */
@Resolver(() => Alert)
export class AlertsResolver {
  constructor(
    private readonly service: AlertsService,
    private readonly sessions: SessionsService,
    private readonly realtime: RealtimeEvents,
  ) {}

  @AllowParticipant()
  @RequireScope('read')
  @Query(() => [Alert], {
    description: `The session's alerts, newest first, at most ${MAX_LISTED_ALERTS}.`,
  })
  alerts(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }, uuid('sessionId')) sessionId: string,
    @Args('unacknowledgedOnly', { type: () => Boolean, nullable: true })
    unacknowledgedOnly?: boolean,
  ): Promise<Alert[]> {
    return this.service.list(ctx, sessionId, unacknowledgedOnly ?? false);
  }

  @AllowParticipant()
  @RequireScope('sessions:write')
  @Mutation(() => Alert, {
    description: 'Marks an alert acknowledged; CONFLICT when it already is.',
  })
  acknowledgeAlert(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, uuid('id')) id: string,
  ): Promise<Alert> {
    return this.service.acknowledge(ctx, id);
  }

  @AllowParticipant()
  @RequireScope('read')
  @Query(() => AlertSettings, {
    description: 'When the session raises class_incorrect and missed_responses alerts.',
  })
  alertSettings(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }, uuid('sessionId')) sessionId: string,
  ): Promise<AlertSettings> {
    return this.service.readSettings(ctx, sessionId);
  }

  @AllowParticipant()
  @RequireScope('sessions:write')
  @Mutation(() => AlertSettings, {
    description: 'Changes the given alert thresholds of a session.',
  })
  updateAlertSettings(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }, uuid('sessionId')) sessionId: string,
    @Args('input') input: AlertSettingsInput,
  ): Promise<AlertSettings> {
    return this.service.updateSettings(ctx, sessionId, input);
  }

  @AllowParticipant()
  @RequireScope('read')
  @Subscription(() => Alert, {
    description:
      'Each alert raised in the session, after it commits. For API keys and instructor participant tokens only.',
    resolve: (event: AlertEvent) => alertFromEvent(event),
  })
  async instructorAlertRaised(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }, uuid('sessionId')) sessionId: string,
  ): Promise<EventIterator<AlertEvent>> {
    assertInstructorOf(ctx, sessionId, 'subscribe to alerts');
    await this.sessions.get(ctx, sessionId, 'sessionId');

    return this.realtime.subscribe(ctx.organizationId, sessionId, 'instructorAlertRaised');
  }
}
