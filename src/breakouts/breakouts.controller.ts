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
import { BreakoutGroup, BreakoutMessage } from './breakout-group.entity';
import { BreakoutJoinService } from './breakout-join.service';
import { BreakoutHelpRequest } from './breakout-output';
import { BreakoutParticipationService } from './breakout-participation.service';
import { BreakoutsService } from './breakouts.service';
import {
  BreakoutHelpInput,
  BreakoutJoinDto,
  BreakoutPresenceInput,
  BroadcastBreakoutMessageInput,
} from './dto/breakout-requests.input';
import {
  BreakoutGroupList,
  BreakoutJoinResult,
  BreakoutMessageList,
  BreakoutStatus,
} from './dto/breakout-views';
import {
  CreateBreakoutGroupsInput,
  STRATEGY_DESCRIPTION,
} from './dto/create-breakout-groups.input';

const uuid = (field: string) => new ParseUuidPipe(field);

/**
 * Breakout groups of a live session. Participant tokens are admitted: instructors may do what
 * API keys do, students may read groups and messages, join their own group and ask for help.
 */
@ApiTags('breakouts')
@ApiBearerAuth()
@Controller('v1/sessions/:id/breakouts')
@UseInterceptors(IdempotencyInterceptor)
@AllowParticipant()
export class BreakoutsController {
  constructor(
    private readonly breakouts: BreakoutsService,
    private readonly participation: BreakoutParticipationService,
    private readonly joins: BreakoutJoinService,
  ) {}

  @RequireScope('sessions:write')
  @Post('groups')
  @ApiOperation({
    summary: 'Open a set of breakout groups',
    description:
      'Requires a live session whose room (and, for students, current phase) enables the breakouts tool. ' +
      STRATEGY_DESCRIPTION,
  })
  @ApiCreatedResponse({ type: BreakoutGroupList })
  async create(
    @Ctx() ctx: RequestContext,
    @Param('id', uuid('id')) id: string,
    @Body() input: CreateBreakoutGroupsInput,
  ): Promise<BreakoutGroupList> {
    return { items: await this.breakouts.create(ctx, id, input), nextCursor: null };
  }

  @RequireScope('read')
  @Get('groups')
  @ApiOkResponse({ type: BreakoutGroupList })
  async list(
    @Ctx() ctx: RequestContext,
    @Param('id', uuid('id')) id: string,
  ): Promise<BreakoutGroupList> {
    return { items: await this.breakouts.list(ctx, id), nextCursor: null };
  }

  @RequireScope('read')
  @Get('groups/:groupId')
  @ApiOkResponse({ type: BreakoutGroup })
  get(
    @Ctx() ctx: RequestContext,
    @Param('id', uuid('id')) id: string,
    @Param('groupId', uuid('groupId')) groupId: string,
  ): Promise<BreakoutGroup> {
    return this.breakouts.get(ctx, id, groupId);
  }

  @RequireScope('read')
  @Get('status')
  @ApiOperation({ summary: 'Live status of every group; instructors and API keys only' })
  @ApiOkResponse({ type: BreakoutStatus })
  status(@Ctx() ctx: RequestContext, @Param('id', uuid('id')) id: string): Promise<BreakoutStatus> {
    return this.breakouts.status(ctx, id);
  }

  @RequireScope('sessions:write')
  @Post('groups/:groupId/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close one group; its members return to the main session' })
  @ApiOkResponse({ type: BreakoutGroup })
  close(
    @Ctx() ctx: RequestContext,
    @Param('id', uuid('id')) id: string,
    @Param('groupId', uuid('groupId')) groupId: string,
  ): Promise<BreakoutGroup> {
    return this.breakouts.closeOne(ctx, id, groupId);
  }

  @RequireScope('sessions:write')
  @Post('close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close every open group; returns the groups it closed' })
  @ApiOkResponse({ type: BreakoutGroupList })
  async closeAll(
    @Ctx() ctx: RequestContext,
    @Param('id', uuid('id')) id: string,
  ): Promise<BreakoutGroupList> {
    return { items: await this.breakouts.closeAll(ctx, id), nextCursor: null };
  }

  @RequireScope('sessions:write')
  @Post('groups/:groupId/join')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Join tokens for a group’s LiveKit room',
    description:
      'Students join only the open group they are assigned to; instructors may join any group. ' +
      'With an API key, participantId names the participant; a participant token joins as itself.',
  })
  @ApiOkResponse({ type: BreakoutJoinResult })
  join(
    @Ctx() ctx: RequestContext,
    @Param('id', uuid('id')) id: string,
    @Param('groupId', uuid('groupId')) groupId: string,
    @Body() body: BreakoutJoinDto,
  ): Promise<BreakoutJoinResult> {
    return this.joins.join(ctx, id, groupId, body.participantId, 'member');
  }

  @RequireScope('sessions:write')
  @Post('groups/:groupId/listen')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Hidden listener tokens for a group’s LiveKit room',
    description:
      'For instructors and observers: the LiveKit grant is hidden and subscribe-only, so the group neither sees nor hears the listener.',
  })
  @ApiOkResponse({ type: BreakoutJoinResult })
  listen(
    @Ctx() ctx: RequestContext,
    @Param('id', uuid('id')) id: string,
    @Param('groupId', uuid('groupId')) groupId: string,
    @Body() body: BreakoutJoinDto,
  ): Promise<BreakoutJoinResult> {
    return this.joins.join(ctx, id, groupId, body.participantId, 'listener');
  }

  @RequireScope('sessions:write')
  @Post('groups/:groupId/help')
  @ApiOperation({
    summary: 'Ask the instructor for help',
    description: 'Students only, with their participant token, in their own open group.',
  })
  @ApiCreatedResponse({ type: BreakoutHelpRequest })
  help(
    @Ctx() ctx: RequestContext,
    @Param('id', uuid('id')) id: string,
    @Param('groupId', uuid('groupId')) groupId: string,
    @Body() body: BreakoutHelpInput,
  ): Promise<BreakoutHelpRequest> {
    return this.participation.requestHelp(ctx, id, groupId, body.message);
  }

  @RequireScope('sessions:write')
  @Post('groups/:groupId/presence')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Report joining or leaving the group’s LiveKit room',
    description:
      'Members only, with their participant token. The live status reads presence from these reports.',
  })
  @ApiOkResponse({ type: BreakoutGroup })
  presence(
    @Ctx() ctx: RequestContext,
    @Param('id', uuid('id')) id: string,
    @Param('groupId', uuid('groupId')) groupId: string,
    @Body() body: BreakoutPresenceInput,
  ): Promise<BreakoutGroup> {
    return this.participation.reportPresence(ctx, id, groupId, body.state);
  }

  @RequireScope('sessions:write')
  @Post('messages')
  @ApiOperation({ summary: 'Send a message to every open group' })
  @ApiCreatedResponse({ type: BreakoutMessage })
  broadcast(
    @Ctx() ctx: RequestContext,
    @Param('id', uuid('id')) id: string,
    @Body() body: BroadcastBreakoutMessageInput,
  ): Promise<BreakoutMessage> {
    return this.participation.broadcast(ctx, id, body.body);
  }

  @RequireScope('read')
  @Get('messages')
  @ApiOkResponse({ type: BreakoutMessageList })
  async messages(
    @Ctx() ctx: RequestContext,
    @Param('id', uuid('id')) id: string,
  ): Promise<BreakoutMessageList> {
    return { items: await this.participation.listMessages(ctx, id), nextCursor: null };
  }
}
