import { EntityManager } from 'typeorm';
import { PhaseInput } from './dto/create-session.input';
import { Participant } from './participant.entity';
import { SessionPhase } from './session-phase.entity';
import { ParticipantDraft } from './session-planner';
import { Session, SessionEnrollment } from './session.entity';

// Inserts of the rows a new session owns. Each runs in the creating transaction's manager.

export async function insertPhases(
  manager: EntityManager,
  session: Session,
  phases: PhaseInput[],
): Promise<void> {
  if (phases.length === 0) {
    return;
  }
  const rows = phases.map((phase, position) =>
    manager.create(SessionPhase, {
      organizationId: session.organizationId,
      sessionId: session.id,
      position,
      kind: phase.kind,
      title: phase.title,
      notes: phase.notes ?? null,
      plannedMinutes: phase.plannedMinutes,
      objectiveCodes: phase.objectiveCodes ?? [],
      activities: phase.activities ?? [],
      tools: phase.tools ?? null,
    }),
  );
  await manager.insert(SessionPhase, rows);
}

export async function insertLinks(
  manager: EntityManager,
  session: Session,
  enrollmentIds: string[],
): Promise<void> {
  const rows = enrollmentIds.map((enrollmentId) => ({
    sessionId: session.id,
    enrollmentId,
    organizationId: session.organizationId,
  }));
  await manager.insert(SessionEnrollment, rows);
}

export async function insertParticipants(
  manager: EntityManager,
  session: Session,
  drafts: ParticipantDraft[],
): Promise<void> {
  if (drafts.length === 0) {
    return;
  }
  const rows = drafts.map((draft) =>
    manager.create(Participant, {
      ...draft,
      organizationId: session.organizationId,
      sessionId: session.id,
    }),
  );
  await manager.insert(Participant, rows);
}
