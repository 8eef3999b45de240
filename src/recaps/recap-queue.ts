import { EntityManager } from 'typeorm';
import { JobsService } from '../jobs/jobs.service';
import { RECAP_GENERATE_JOB, RecapTrigger } from './recap-limits';
import { Recap } from './recap.entity';

/** Attempts of one generation job; the OpenAI provider also retries each request itself. */
export const RECAP_JOB_MAX_ATTEMPTS = 3;

export interface RecapGenerationRequest {
  organizationId: string;
  sessionId: string;
  trigger: RecapTrigger;
}

/** Payload of a `recap.generate` job. */
export interface RecapJobPayload extends Record<string, unknown> {
  recapId: string;
  sessionId: string;
}

/**
 * Adds a pending recap and the job that generates it, through the caller's EntityManager, so
 * both commit with the caller's change (such as ending the session) or not at all.
 */
export async function queueRecapGeneration(
  jobs: JobsService,
  manager: EntityManager,
  request: RecapGenerationRequest,
): Promise<Recap> {
  const recap = await manager.save(
    manager.create(Recap, {
      organizationId: request.organizationId,
      sessionId: request.sessionId,
      status: 'pending',
      trigger: request.trigger,
    }),
  );
  const payload: RecapJobPayload = { recapId: recap.id, sessionId: request.sessionId };
  const job = await jobs.enqueue(manager, {
    organizationId: request.organizationId,
    kind: RECAP_GENERATE_JOB,
    payload,
    uniqueKey: `recap:${recap.id}`,
    maxAttempts: RECAP_JOB_MAX_ATTEMPTS,
  });
  await manager.update(
    Recap,
    { id: recap.id, organizationId: request.organizationId },
    { jobId: job.id },
  );
  recap.jobId = job.id;

  return recap;
}
