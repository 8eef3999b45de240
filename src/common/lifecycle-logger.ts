import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationShutdown,
} from '@nestjs/common';

/** Logs the start and end of a graceful shutdown, with the signal that caused it. */
@Injectable()
export class LifecycleLogger implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Lifecycle');

  beforeApplicationShutdown(signal?: string): void {
    this.logger.log({ signal }, 'Shutting down: finishing in-flight requests and jobs');
  }

  onApplicationShutdown(signal?: string): void {
    this.logger.log({ signal }, 'Shutdown complete: database connections closed');
  }
}
