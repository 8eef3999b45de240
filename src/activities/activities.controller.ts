import { Body, Controller, Get, HttpCode, Param, Post, UseInterceptors } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AllowParticipant, Ctx, RequireScope } from '../auth/auth.decorators';
import { IdempotencyInterceptor } from '../common/idempotency.interceptor';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import { ActivitiesService } from './activities.service';
import { ActivityResponse, NamedActivityResponse } from './activity-response.entity';
import { ActivityResponsesService } from './activity-responses.service';
import { Activity, MAX_ACTIVITIES_PER_SESSION } from './activity.entity';
import { ActivityResponseInput } from './dto/activity-response.input';
import { ActivityResults } from './dto/activity-results';
import { CreateActivityInput } from './dto/create-activity.input';

/**
 * Polls and comprehension checks over REST. Participant tokens are admitted: instructors run
 * activities, students respond and read their own responses.
 */
@ApiTags('activities')
@ApiBearerAuth()
@Controller('v1')
@UseInterceptors(IdempotencyInterceptor)
export class ActivitiesController {
  constructor(
    private readonly activities: ActivitiesService,
    private readonly responses: ActivityResponsesService,
  ) {}

  @AllowParticipant()
  @RequireScope('sessions:write')
  @Post('sessions/:id/activities')
  @ApiOperation({ summary: 'Creates a draft poll or check. Instructors and API keys only.' })
  @ApiCreatedResponse({ type: Activity })
  create(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
    @Body() input: CreateActivityInput,
  ): Promise<Activity> {
    return this.activities.create(ctx, id, input);
  }

  @AllowParticipant()
  @RequireScope('read')
  @Get('sessions/:id/activities')
  @ApiOperation({
    summary: `The session's activities in creation order, at most ${MAX_ACTIVITIES_PER_SESSION}; students see no drafts.`,
  })
  @ApiOkResponse({ type: [Activity] })
  list(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
  ): Promise<Activity[]> {
    return this.activities.list(ctx, id);
  }

  @AllowParticipant()
  @RequireScope('read')
  @Get('activities/:id')
  @ApiOkResponse({ type: Activity })
  get(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
  ): Promise<Activity> {
    return this.activities.get(ctx, id, 'id');
  }

  @AllowParticipant()
  @RequireScope('sessions:write')
  @Post('activities/:id/open')
  @HttpCode(200)
  @ApiOperation({ summary: 'Opens a draft activity of a live session.' })
  @ApiOkResponse({ type: Activity })
  open(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
  ): Promise<Activity> {
    return this.activities.open(ctx, id);
  }

  @AllowParticipant()
  @RequireScope('sessions:write')
  @Post('activities/:id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Closes an open activity.' })
  @ApiOkResponse({ type: Activity })
  close(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
  ): Promise<Activity> {
    return this.activities.close(ctx, id);
  }

  @AllowParticipant()
  @RequireScope('sessions:write')
  @Post('activities/:id/responses')
  @ApiOperation({
    summary:
      'Submits or replaces a response. A student token responds for itself; an API key names participantId.',
  })
  @ApiCreatedResponse({ type: ActivityResponse })
  submit(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
    @Body() input: ActivityResponseInput,
  ): Promise<ActivityResponse> {
    return this.responses.submit(ctx, id, input);
  }

  @AllowParticipant()
  @RequireScope('read')
  @Get('activities/:id/results')
  @ApiOperation({
    summary: 'Aggregate results; students read them only after the activity closes.',
  })
  @ApiOkResponse({ type: ActivityResults })
  results(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
  ): Promise<ActivityResults> {
    return this.responses.results(ctx, id);
  }

  @AllowParticipant()
  @RequireScope('read')
  @Get('activities/:id/responses')
  @ApiOperation({
    summary: 'Who answered what, for instructors; FORBIDDEN for anonymous activities.',
  })
  @ApiOkResponse({ type: [NamedActivityResponse] })
  responsesOf(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
  ): Promise<NamedActivityResponse[]> {
    return this.responses.listResponses(ctx, id);
  }

  @AllowParticipant()
  @RequireScope('read')
  @Get('activities/:id/my-response')
  @ApiOperation({ summary: "The calling participant's own response, or null." })
  @ApiOkResponse({ type: ActivityResponse })
  ownResponse(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
  ): Promise<ActivityResponse | null> {
    return this.responses.ownResponse(ctx, id);
  }
}
