import { Args, Float, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AllowParticipant, Ctx, RequireScope } from '../auth/auth.decorators';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import { assertOwnSession } from '../realtime/session-access';
import { SessionToolsView } from './dto/session-tools';
import { PhaseToolGate } from './phase-tool-gate';
import { SessionLoaders } from './session-loaders';
import { actualMinutes } from './session-phase-log';
import { SessionPhase } from './session-phase.entity';
import { SessionPhaseTransition } from './session-phase-transition.entity';
import { SessionPhasesService } from './session-phases.service';
import { Session } from './session.entity';

const uuid = (field: string) => new ParseUuidPipe(field);

/** Live phase control mutations and the phase fields of `Session`. */
@Resolver(() => Session)
export class SessionPhasesResolver {
  constructor(
    private readonly phases: SessionPhasesService,
    private readonly loaders: SessionLoaders,
    private readonly gate: PhaseToolGate,
  ) {}

  @RequireScope('read')
  @AllowParticipant()
  @Query(() => SessionToolsView, {
    description:
      'The tools students may use in a session now, set by the active lesson phase, and the tools of its room.',
  })
  sessionTools(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }, uuid('sessionId')) sessionId: string,
  ): Promise<SessionToolsView> {
    assertOwnSession(ctx, sessionId, 'read the tools of');

    return this.gate.view(ctx, sessionId);
  }

  @RequireScope('sessions:write')
  @AllowParticipant()
  @Mutation(() => Session, {
    description:
      'Starts a planned phase of a live session and ends the active phase, if there is one.',
  })
  startPhase(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }, uuid('sessionId')) sessionId: string,
    @Args('phaseId', { type: () => ID }, uuid('phaseId')) phaseId: string,
  ): Promise<Session> {
    return this.phases.startPhase(ctx, sessionId, phaseId);
  }

  @RequireScope('sessions:write')
  @AllowParticipant()
  @Mutation(() => Session, {
    description:
      'Ends the active phase of a live session and starts the first planned phase in plan order; ' +
      'when no phase is planned, only ends the active one.',
  })
  advancePhase(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }, uuid('sessionId')) sessionId: string,
  ): Promise<Session> {
    return this.phases.advancePhase(ctx, sessionId);
  }

  @RequireScope('sessions:write')
  @AllowParticipant()
  @Mutation(() => Session, { description: 'Marks a planned phase of a live session skipped.' })
  skipPhase(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }, uuid('sessionId')) sessionId: string,
    @Args('phaseId', { type: () => ID }, uuid('phaseId')) phaseId: string,
  ): Promise<Session> {
    return this.phases.skipPhase(ctx, sessionId, phaseId);
  }

  @RequireScope('sessions:write')
  @AllowParticipant()
  @Mutation(() => Session, {
    description:
      'Puts the planned phases of a live session in a new order. phaseIds lists every planned ' +
      'phase exactly once; active, done and skipped phases keep their places.',
  })
  reorderPhases(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }, uuid('sessionId')) sessionId: string,
    @Args('phaseIds', { type: () => [ID] }) phaseIds: string[],
  ): Promise<Session> {
    return this.phases.reorderPhases(ctx, sessionId, phaseIds);
  }

  @ResolveField(() => SessionPhase, { nullable: true, description: 'The active phase, if any.' })
  async currentPhase(
    @Ctx() ctx: RequestContext,
    @Parent() session: Session,
  ): Promise<SessionPhase | null> {
    const phases = await this.loaders.for(ctx).phases.load(session.id);

    return phases.find((phase) => phase.status === 'active') ?? null;
  }

  @ResolveField(() => [SessionPhaseTransition], {
    description:
      'Every start, end, skip and reorder of the lesson phases, in the order they happened.',
  })
  phaseTransitions(
    @Ctx() ctx: RequestContext,
    @Parent() session: Session,
  ): Promise<SessionPhaseTransition[]> {
    return this.loaders.for(ctx).phaseTransitions.load(session.id);
  }
}

/** Fields of `SessionPhase` that are derived from its columns. */
@Resolver(() => SessionPhase)
export class SessionPhaseFieldsResolver {
  @ResolveField(() => Float, {
    nullable: true,
    description:
      'Minutes from start to end, or to now while the phase is active, to two decimals; null until it starts.',
  })
  actualMinutes(@Parent() phase: SessionPhase): number | null {
    return actualMinutes(phase);
  }
}
