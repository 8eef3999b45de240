import { EntityManager } from 'typeorm';
import { JobsService } from '../jobs/jobs.service';
import { PARENT_UPDATE_GENERATE_JOB, PARENT_UPDATE_LIMITS } from './parent-update-limits';

/** Payload of a `parent_update.generate` job. */
export interface ParentUpdateGenerateJobPayload extends Record<string, unknown> {
  recapId: string;
  sessionId: string;
}

/**
 * Queues the drafting of parent updates for an approved recap through the caller's
 * EntityManager, so the job commits with the approval or not at all.
 */
export async function queueParentUpdateGeneration(
  jobs: JobsService,
  manager: EntityManager,
  request: { organizationId: string; recapId: string; sessionId: string },
): Promise<void> {
  const payload: ParentUpdateGenerateJobPayload = {
    recapId: request.recapId,
    sessionId: request.sessionId,
  };
  await jobs.enqueue(manager, {
    organizationId: request.organizationId,
    kind: PARENT_UPDATE_GENERATE_JOB,
    payload,
    uniqueKey: `parent-updates:${request.recapId}`,
    maxAttempts: PARENT_UPDATE_LIMITS.generationAttempts,
  });
}
