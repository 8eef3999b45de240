import { EntityManager } from 'typeorm';
import { RequestContext } from '../common/request-context';
import { Objective } from '../curricula/objective.entity';
import { ProgressChange } from './progress-change.entity';
import { ProgressEvidence } from './progress-evidence.entity';
import { ProgressRecord } from './progress-record.entity';
import { assessProgress, overrideConfidence } from './progress-rules';
import { ProgressChangeKind } from './progress-status';

/** Returns the author of a change as the history and override columns store it. */
export function actorColumns(ctx: RequestContext): { kind: string; id: string | null } {
  switch (ctx.actor.kind) {
    case 'api_key':
      return { kind: 'api_key', id: ctx.actor.apiKeyId };
    case 'participant':
      return { kind: 'participant', id: ctx.actor.participantId };
    default:
      return { kind: 'system', id: null };
  }
}

/** Finds or creates the record of a student and objective, and locks it for the transaction. */
export async function lockRecord(
  manager: EntityManager,
  ctx: RequestContext,
  studentId: string,
  objective: Objective,
): Promise<{ record: ProgressRecord; created: boolean }> {
  const where = { organizationId: ctx.organizationId, studentId, objectiveId: objective.id };
  const existing = await manager.findOne(ProgressRecord, {
    where,
    lock: { mode: 'pessimistic_write' },
  });
  if (existing) {
    return { record: existing, created: false };
  }
  // A concurrent transaction may insert the same record first; the unique index then skips this row.
  const inserted = await manager
    .createQueryBuilder()
    .insert()
    .into(ProgressRecord)
    .values({
      organizationId: ctx.organizationId,
      studentId,
      curriculumId: objective.curriculumId,
      objectiveId: objective.id,
      objectiveCode: objective.code,
      status: 'not_started',
      confidence: 0,
      automaticStatus: 'not_started',
      automaticConfidence: 0,
    })
    .orIgnore()
    .returning(['id'])
    .execute();
  const record = await manager.findOneOrFail(ProgressRecord, {
    where,
    lock: { mode: 'pessimistic_write' },
  });
  const raw: unknown = inserted.raw;

  return { record, created: Array.isArray(raw) && raw.length > 0 };
}

export interface RecomputeOptions {
  change: ProgressChangeKind;
  /** True when the record row was inserted in this transaction, so its first change is recorded. */
  created: boolean;
  sessionId?: string | null;
  reason?: string | null;
}

/**
 * Recomputes the automatic status from all evidence of a locked record and applies the override
 * in effect. A history row is appended when the status, the confidence or the automatic status
 * changed, and for every override.
 */
export async function recomputeRecord(
  manager: EntityManager,
  ctx: RequestContext,
  record: ProgressRecord,
  options: RecomputeOptions,
): Promise<ProgressRecord> {
  const evidence = await manager.find(ProgressEvidence, {
    select: { kind: true, sessionId: true, correct: true },
    where: { organizationId: ctx.organizationId, progressRecordId: record.id },
  });
  const automatic = assessProgress(evidence);
  const status = record.overrideStatus ?? automatic.status;
  const confidence = record.overrideStatus
    ? overrideConfidence(record.overrideStatus, automatic)
    : automatic.confidence;
  const changed =
    options.created ||
    options.change !== 'automatic' ||
    status !== record.status ||
    confidence !== record.confidence ||
    automatic.status !== record.automaticStatus;
  const lastSessionId = options.sessionId ?? record.lastSessionId;
  await manager.update(
    ProgressRecord,
    { id: record.id, organizationId: ctx.organizationId },
    {
      status,
      confidence,
      automaticStatus: automatic.status,
      automaticConfidence: automatic.confidence,
      lastSessionId,
    },
  );
  if (changed) {
    const actor = actorColumns(ctx);
    await manager.insert(ProgressChange, {
      organizationId: ctx.organizationId,
      progressRecordId: record.id,
      change: options.change,
      fromStatus: options.created ? null : record.status,
      toStatus: status,
      fromConfidence: options.created ? null : record.confidence,
      toConfidence: confidence,
      automaticStatus: automatic.status,
      reason: options.reason ?? null,
      sessionId: options.sessionId ?? null,
      actorKind: options.change === 'automatic' ? 'system' : actor.kind,
      actorId: options.change === 'automatic' ? null : actor.id,
      createdAt: new Date(),
    });
  }

  return manager.findOneOrFail(ProgressRecord, {
    where: { id: record.id, organizationId: ctx.organizationId },
  });
}
