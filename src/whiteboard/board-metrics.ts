import { OperationType } from './whiteboard-limits';

/** One logged operation as the metrics read it. */
export interface MetricOperation {
  boardId: string;
  participantId: string;
  type: OperationType;
  createdAt: Date;
}

/** A lesson phase that has started, with its end when it has ended. */
export interface PhaseSpan {
  startedAt: Date;
  endedAt: Date | null;
}

export type FirstAddReference = 'board_created' | 'phase_started';

export interface ParticipantMetricValues {
  participantId: string;
  operations: number;
  adds: number;
  updates: number;
  /** Deletes and clears. */
  erasures: number;
  /** Undos of the participant's own operations. */
  undos: number;
  firstOperationAt: Date | null;
  lastOperationAt: Date | null;
  /** Milliseconds from the reference to the participant's first add, or null without an add. */
  timeToFirstAddMs: number | null;
  timeToFirstAddFrom: FirstAddReference | null;
  /** Gaps between consecutive operations of the participant that last idleGapMs or longer. */
  idleGapCount: number;
  longestIdleGapMs: number | null;
}

/**
 * Computes each participant's metrics from their operations. The time to the first add runs
 * from the later of two moments: the creation of the board of that add, and the start of the
 * lesson phase that was active at the add. Idle gaps are measured across all the given
 * operations of a participant in time order, so session metrics span the session's boards.
 */
export function computeParticipantMetrics(
  operations: readonly MetricOperation[],
  boardCreatedAt: ReadonlyMap<string, Date>,
  phases: readonly PhaseSpan[],
  idleGapMs: number,
): ParticipantMetricValues[] {
  const byParticipant = new Map<string, MetricOperation[]>();
  for (const operation of operations) {
    const list = byParticipant.get(operation.participantId) ?? [];
    list.push(operation);
    byParticipant.set(operation.participantId, list);
  }

  return [...byParticipant.entries()].map(([participantId, list]) => {
    const ordered = [...list].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());

    return metricsOf(participantId, ordered, boardCreatedAt, phases, idleGapMs);
  });
}

function metricsOf(
  participantId: string,
  ordered: MetricOperation[],
  boardCreatedAt: ReadonlyMap<string, Date>,
  phases: readonly PhaseSpan[],
  idleGapMs: number,
): ParticipantMetricValues {
  const count = (types: OperationType[]) => ordered.filter((op) => types.includes(op.type)).length;
  let idleGapCount = 0;
  let longestIdleGapMs: number | null = null;
  for (let index = 1; index < ordered.length; index += 1) {
    const gap = ordered[index].createdAt.getTime() - ordered[index - 1].createdAt.getTime();
    if (gap >= idleGapMs) {
      idleGapCount += 1;
      longestIdleGapMs = Math.max(longestIdleGapMs ?? 0, gap);
    }
  }
  const firstAdd = ordered.find((op) => op.type === 'add');
  const reference = firstAdd ? referenceOf(firstAdd, boardCreatedAt, phases) : null;

  return {
    participantId,
    operations: ordered.length,
    adds: count(['add']),
    updates: count(['update']),
    erasures: count(['delete', 'clear']),
    undos: count(['undo']),
    firstOperationAt: ordered[0]?.createdAt ?? null,
    lastOperationAt: ordered[ordered.length - 1]?.createdAt ?? null,
    timeToFirstAddMs:
      firstAdd && reference
        ? Math.max(0, firstAdd.createdAt.getTime() - reference.at.getTime())
        : null,
    timeToFirstAddFrom: reference?.from ?? null,
    idleGapCount,
    longestIdleGapMs,
  };
}

function referenceOf(
  add: MetricOperation,
  boardCreatedAt: ReadonlyMap<string, Date>,
  phases: readonly PhaseSpan[],
): { at: Date; from: FirstAddReference } | null {
  const created = boardCreatedAt.get(add.boardId);
  const at = add.createdAt.getTime();
  const phase = phases.find(
    (span) =>
      span.startedAt.getTime() <= at && (span.endedAt === null || span.endedAt.getTime() > at),
  );
  if (phase && (!created || phase.startedAt.getTime() > created.getTime())) {
    return { at: phase.startedAt, from: 'phase_started' };
  }

  return created ? { at: created, from: 'board_created' } : null;
}
