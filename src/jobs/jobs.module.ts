import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, APP_CONFIG } from '../config/config';
import { JobStore } from './job-store';
import { JOB_WORKER_OPTIONS, JobWorker, JobWorkerOptions } from './job-worker';
import { Job } from './job.entity';
import { JobsController } from './jobs.controller';
import { JobsResolver } from './jobs.resolver';
import { JobsService } from './jobs.service';

/** Worker settings besides the configured ones; a lease of one minute is renewed every 20 s. */
function workerOptions(config: AppConfig): JobWorkerOptions {
  return {
    enabled: config.jobs.enabled,
    pollIntervalMs: config.jobs.pollIntervalMs,
    concurrency: 4,
    leaseMs: 60_000,
    shutdownGraceMs: 10_000,
  };
}

@Module({
  imports: [TypeOrmModule.forFeature([Job])],
  providers: [
    JobsService,
    JobStore,
    JobWorker,
    JobsResolver,
    { provide: JOB_WORKER_OPTIONS, useFactory: workerOptions, inject: [APP_CONFIG] },
  ],
  controllers: [JobsController],
  exports: [JobsService, JobWorker],
})
export class JobsModule {}
