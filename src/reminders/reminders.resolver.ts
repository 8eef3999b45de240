import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, RequireScope } from '../auth/auth.decorators';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import { ReminderSettings, ReminderSettingsInput, SessionReminder } from './reminder.entity';
import { RemindersService } from './reminders.service';

@Resolver(() => SessionReminder)
export class RemindersResolver {
  constructor(private readonly reminders: RemindersService) {}

  @RequireScope('read')
  @Query(() => ReminderSettings, { description: 'When sessions of the organization send reminders.' })
  reminderSettings(@Ctx() ctx: RequestContext): Promise<ReminderSettings> {
    return this.reminders.readSettings(ctx);
  }

  @RequireScope('write')
  @Mutation(() => ReminderSettings, {
    description: 'Replaces the reminder settings; they apply to sessions created afterwards.',
  })
  updateReminderSettings(
    @Ctx() ctx: RequestContext,
    @Args('input') input: ReminderSettingsInput,
  ): Promise<ReminderSettings> {
    return this.reminders.updateSettings(ctx, input);
  }

  @RequireScope('read')
  @Query(() => [SessionReminder], { description: 'Each reminder of a session and its status.' })
  sessionReminders(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }, new ParseUuidPipe('sessionId')) sessionId: string,
  ): Promise<SessionReminder[]> {
    return this.reminders.listForSession(ctx, sessionId);
  }
}
