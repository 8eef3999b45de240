import { Body, Controller, Get, HttpCode, Param, Post, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AllowParticipant, Ctx, RequireScope } from '../auth/auth.decorators';
import { IdempotencyInterceptor } from '../common/idempotency.interceptor';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import { ReorderPhasesInput, SessionPhaseTimings } from './dto/session-phase-timings';
import { SessionToolsView } from './dto/session-tools';
import { PhaseToolGate } from './phase-tool-gate';
import { assertOwnSession } from '../realtime/session-access';
import { SessionPhaseTransition } from './session-phase-transition.entity';
import { SessionPhasesService } from './session-phases.service';

/** Live control and timings of a session's lesson phases. Every action returns the timings. */
@ApiTags('sessions')
@ApiBearerAuth()
@Controller('v1/sessions/:id')
@UseInterceptors(IdempotencyInterceptor)
export class SessionPhasesController {
  constructor(
    private readonly phases: SessionPhasesService,
    private readonly gate: PhaseToolGate,
  ) {}

  @RequireScope('read')
  @AllowParticipant()
  @Get('tools')
  @ApiOkResponse({ type: SessionToolsView })
  tools(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
  ): Promise<SessionToolsView> {
    assertOwnSession(ctx, id, 'read the tools of');

    return this.gate.view(ctx, id);
  }

  @RequireScope('read')
  @Get('phases')
  @ApiOkResponse({ type: SessionPhaseTimings })
  timings(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
  ): Promise<SessionPhaseTimings> {
    return this.phases.readTimings(ctx, id);
  }

  @RequireScope('read')
  @Get('phase-transitions')
  @ApiOkResponse({ type: [SessionPhaseTransition] })
  transitions(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
  ): Promise<SessionPhaseTransition[]> {
    return this.phases.listTransitions(ctx, id);
  }

  @RequireScope('sessions:write')
  @AllowParticipant()
  @Post('phases/advance')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionPhaseTimings })
  async advance(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
  ): Promise<SessionPhaseTimings> {
    await this.phases.advancePhase(ctx, id);

    return this.phases.readTimings(ctx, id);
  }

  @RequireScope('sessions:write')
  @AllowParticipant()
  @Post('phases/reorder')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionPhaseTimings })
  async reorder(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
    @Body() input: ReorderPhasesInput,
  ): Promise<SessionPhaseTimings> {
    await this.phases.reorderPhases(ctx, id, input.phaseIds);

    return this.phases.readTimings(ctx, id);
  }

  @RequireScope('sessions:write')
  @AllowParticipant()
  @Post('phases/:phaseId/start')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionPhaseTimings })
  async start(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
    @Param('phaseId', new ParseUuidPipe('phaseId')) phaseId: string,
  ): Promise<SessionPhaseTimings> {
    await this.phases.startPhase(ctx, id, phaseId);

    return this.phases.readTimings(ctx, id);
  }

  @RequireScope('sessions:write')
  @AllowParticipant()
  @Post('phases/:phaseId/skip')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionPhaseTimings })
  async skip(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
    @Param('phaseId', new ParseUuidPipe('phaseId')) phaseId: string,
  ): Promise<SessionPhaseTimings> {
    await this.phases.skipPhase(ctx, id, phaseId);

    return this.phases.readTimings(ctx, id);
  }
}
