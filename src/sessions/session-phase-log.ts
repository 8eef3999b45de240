import { EntityManager } from 'typeorm';
import { RequestContext } from '../common/request-context';
import { RealtimeEvents } from '../realtime/realtime-events';
import { recordDomainEvent } from '../webhooks/domain-events';
import { SessionPhase } from './session-phase.entity';
import { PhaseTransitionAction, SessionPhaseTransition } from './session-phase-transition.entity';

// Writes of phase changes shared by live phase control and by ending a session. Each runs in
// the caller's transaction, so a phase change commits or rolls back with the change around it.

/** The event published for a phase transition; dates travel as ISO strings. */
export interface PhaseTransitionEvent {
  id: string;
  sessionId: string;
  phaseId: string;
  action: PhaseTransitionAction;
  position: number;
  occurredAt: string;
  apiKeyId: string | null;
}

/** Appends one transition row per phase and returns the rows, in the order given. */
export async function recordTransitions(
  manager: EntityManager,
  ctx: RequestContext,
  phases: SessionPhase[],
  action: PhaseTransitionAction,
  occurredAt: Date,
): Promise<SessionPhaseTransition[]> {
  if (phases.length === 0) {
    return [];
  }
  const apiKeyId = ctx.actor.kind === 'api_key' ? ctx.actor.apiKeyId : null;
  const rows = phases.map((phase) =>
    manager.create(SessionPhaseTransition, {
      organizationId: ctx.organizationId,
      sessionId: phase.sessionId,
      phaseId: phase.id,
      action,
      position: phase.position,
      occurredAt,
      apiKeyId,
    }),
  );
  // One insert per row keeps the identity column in the order of the array.
  for (const row of rows) {
    await manager.insert(SessionPhaseTransition, row);
  }
  await recordPhaseEvents(manager, ctx, phases, action, occurredAt);

  return rows;
}

/**
 * Writes the webhook events of one phase change: one event per started, ended or skipped
 * phase, and one `phase.reordered` event that lists the new positions of the moved phases.
 */
async function recordPhaseEvents(
  manager: EntityManager,
  ctx: RequestContext,
  phases: SessionPhase[],
  action: PhaseTransitionAction,
  occurredAt: Date,
): Promise<void> {
  const sessionId = phases[0]!.sessionId;
  if (action === 'reordered') {
    await recordDomainEvent(manager, ctx.organizationId, 'phase.reordered', {
      sessionId,
      phases: phases.map((phase) => ({ phaseId: phase.id, position: phase.position })),
      occurredAt: occurredAt.toISOString(),
    });

    return;
  }
  for (const phase of phases) {
    await recordDomainEvent(manager, ctx.organizationId, `phase.${action}` as const, {
      sessionId,
      phaseId: phase.id,
      position: phase.position,
      kind: phase.kind,
      title: phase.title,
      plannedMinutes: phase.plannedMinutes,
      objectiveCodes: phase.objectiveCodes,
      occurredAt: occurredAt.toISOString(),
    });
  }
}

/** Marks the session's active phase done at `endedAt` and returns its `ended` transition, if any. */
export async function endActivePhase(
  manager: EntityManager,
  ctx: RequestContext,
  sessionId: string,
  endedAt: Date,
): Promise<SessionPhaseTransition[]> {
  const active = await manager.findOneBy(SessionPhase, {
    organizationId: ctx.organizationId,
    sessionId,
    status: 'active',
  });
  if (!active) {
    return [];
  }
  await manager.update(
    SessionPhase,
    { id: active.id, organizationId: ctx.organizationId },
    { status: 'done', endedAt },
  );

  return recordTransitions(manager, ctx, [active], 'ended', endedAt);
}

/**
 * Sends one `sessionPhaseChanged` event per transition, in order. Call it only after the
 * transaction that recorded them has committed.
 */
export function publishPhaseTransitions(
  realtime: RealtimeEvents,
  ctx: RequestContext,
  sessionId: string,
  transitions: SessionPhaseTransition[],
): Promise<void> {
  if (transitions.length === 0) {
    return Promise.resolve();
  }
  const events: PhaseTransitionEvent[] = transitions.map((transition) => ({
    id: transition.id,
    sessionId: transition.sessionId,
    phaseId: transition.phaseId,
    action: transition.action,
    position: transition.position,
    occurredAt: transition.occurredAt.toISOString(),
    apiKeyId: transition.apiKeyId,
  }));

  return realtime.publish(ctx.organizationId, sessionId, 'sessionPhaseChanged', events);
}

export function transitionFromEvent(event: PhaseTransitionEvent): SessionPhaseTransition {
  return Object.assign(new SessionPhaseTransition(), event, {
    occurredAt: new Date(event.occurredAt),
  });
}

/**
 * Returns the minutes from start to end, or to `now` while the phase is active, and null before
 * the phase starts.
 */
export function actualMinutes(phase: SessionPhase, now = new Date()): number | null {
  if (!phase.startedAt) {
    return null;
  }
  const end = phase.endedAt ?? now;
  const minutes = (new Date(end).getTime() - new Date(phase.startedAt).getTime()) / 60_000;

  return roundMinutes(minutes);
}

/** Rounds minutes to two decimals. */
export function roundMinutes(minutes: number): number {
  return Math.round(minutes * 100) / 100;
}
