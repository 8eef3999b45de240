import { Injectable, OnModuleInit } from '@nestjs/common';
import { systemContext } from '../common/request-context';
import { JobHandler } from '../jobs/job-handler';
import { Job } from '../jobs/job.entity';
import { JobsService } from '../jobs/jobs.service';
import { ActivitiesService } from './activities.service';
import { ACTIVITY_CLOSE_JOB, ActivityCloseJobPayload } from './activity-jobs';

/**
 * Closes a time-limited activity at its closesAt. Running it again, or after the activity was
 * closed by hand, changes nothing.
 */
@Injectable()
export class ActivityCloseJob implements JobHandler, OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly activities: ActivitiesService,
  ) {}

  onModuleInit(): void {
    this.jobs.registerHandler(ACTIVITY_CLOSE_JOB, this, { timeoutMs: 60_000 });
  }

  async run(job: Job): Promise<{ closed: boolean }> {
    const payload = job.payload as ActivityCloseJobPayload;
    const context = systemContext(job.organizationId, `job:${job.id}`);
    const closed = await this.activities.closeExpired(context, payload.activityId);

    return { closed: closed !== undefined };
  }
}
