import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { AllowParticipant, Ctx, RequireScope } from '../auth/auth.decorators';
import { IdempotencyInterceptor } from '../common/idempotency.interceptor';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import { Alert } from './alert.entity';
import { AlertSettings, AlertSettingsInput } from './alert-settings.entity';
import { AlertsService, MAX_LISTED_ALERTS } from './alerts.service';

/** Query strings carry booleans as text; any other value is left for IsBoolean to reject. */
function parseBooleanQuery(value: unknown): unknown {
  if (value === 'true') {
    return true;
  }
  if (value === 'false') {
    return false;
  }

  return value;
}

export class AlertListQuery {
  @ApiPropertyOptional({ description: 'Only alerts not yet acknowledged.' })
  @IsOptional()
  @Transform(({ value }) => parseBooleanQuery(value))
  @IsBoolean()
  unacknowledgedOnly?: boolean;
}

/** Instructor alerts over REST. Participant tokens of instructors are admitted; students get FORBIDDEN. */
@ApiTags('alerts')
@ApiBearerAuth()
@Controller('v1')
@UseInterceptors(IdempotencyInterceptor)
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @AllowParticipant()
  @RequireScope('read')
  @Get('sessions/:id/alerts')
  @ApiOperation({ summary: `The session's alerts, newest first, at most ${MAX_LISTED_ALERTS}.` })
  @ApiOkResponse({ type: [Alert] })
  list(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
    @Query() query: AlertListQuery,
  ): Promise<Alert[]> {
    return this.alerts.list(ctx, id, query.unacknowledgedOnly ?? false);
  }

  @AllowParticipant()
  @RequireScope('sessions:write')
  @Post('alerts/:id/acknowledge')
  @HttpCode(200)
  @ApiOperation({ summary: 'Marks an alert acknowledged; CONFLICT when it already is.' })
  @ApiOkResponse({ type: Alert })
  acknowledge(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
  ): Promise<Alert> {
    return this.alerts.acknowledge(ctx, id);
  }

  @AllowParticipant()
  @RequireScope('read')
  @Get('sessions/:id/alert-settings')
  @ApiOkResponse({ type: AlertSettings })
  settings(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
  ): Promise<AlertSettings> {
    return this.alerts.readSettings(ctx, id);
  }

  @AllowParticipant()
  @RequireScope('sessions:write')
  @Put('sessions/:id/alert-settings')
  @ApiOperation({
    summary: 'Changes the thresholds of class_incorrect and missed_responses alerts.',
  })
  @ApiOkResponse({ type: AlertSettings })
  updateSettings(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
    @Body() input: AlertSettingsInput,
  ): Promise<AlertSettings> {
    return this.alerts.updateSettings(ctx, id, input);
  }
}
