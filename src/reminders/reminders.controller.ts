import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, RequireScope } from '../auth/auth.decorators';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import { ReminderSettings, ReminderSettingsInput, SessionReminder } from './reminder.entity';
import { RemindersService } from './reminders.service';

@ApiTags('reminders')
@ApiBearerAuth()
@Controller('v1')
export class RemindersController {
  constructor(private readonly reminders: RemindersService) {}

  @RequireScope('read')
  @Get('reminder-settings')
  @ApiOkResponse({ type: ReminderSettings })
  settings(@Ctx() ctx: RequestContext): Promise<ReminderSettings> {
    return this.reminders.readSettings(ctx);
  }

  @RequireScope('write')
  @Put('reminder-settings')
  @ApiOperation({ summary: 'Replaces the reminder settings for sessions created afterwards.' })
  @ApiOkResponse({ type: ReminderSettings })
  updateSettings(
    @Ctx() ctx: RequestContext,
    @Body() input: ReminderSettingsInput,
  ): Promise<ReminderSettings> {
    return this.reminders.updateSettings(ctx, input);
  }

  @RequireScope('read')
  @Get('sessions/:id/reminders')
  @ApiOkResponse({ type: [SessionReminder] })
  list(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
  ): Promise<SessionReminder[]> {
    return this.reminders.listForSession(ctx, id);
  }
}
