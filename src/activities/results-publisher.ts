import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { systemContext } from '../common/request-context';
import { RealtimeEvents } from '../realtime/realtime-events';
import { ActivityAlertRules } from './activity-alert-rules';
import { ActivityResultsReader } from './activity-results-reader';
import { Activity } from './activity.entity';
import { ActivityResults } from './dto/activity-results';

/** Shortest time between two result publishes of one activity, in milliseconds. */
export const RESULTS_PUBLISH_INTERVAL_MS = 50;

/** The published form of ActivityResults; dates travel as ISO strings. */
export type ActivityResultsEvent = Omit<ActivityResults, 'computedAt'> & { computedAt: string };

export function resultsFromEvent(event: ActivityResultsEvent): ActivityResults {
  return Object.assign(new ActivityResults(), event, { computedAt: new Date(event.computedAt) });
}

interface PublishState {
  organizationId: string;
  sessionId: string;
  timer?: NodeJS.Timeout;
  /** Forgets an idle activity; until then its last publish time keeps the interval. */
  expiry?: NodeJS.Timeout;
  running: boolean;
  /** A change committed while a publish was reading, so another publish must follow. */
  dirty: boolean;
  lastPublishedAt: number;
}

/**
 * Coalesces the work that follows a change of an activity's responses, running it at most once
 * every RESULTS_PUBLISH_INTERVAL_MS per activity. Each run reads the results after the changes
 * that scheduled it committed, raises class_incorrect when the responses so far call for it, and
 * publishes `activityResultsUpdated`. So the last run always carries the latest results, and the
 * first change after a quiet interval runs at once. Each replica coalesces its own changes.
 */
@Injectable()
export class ResultsPublisher implements OnApplicationShutdown {
  private readonly logger = new Logger(ResultsPublisher.name);
  private readonly states = new Map<string, PublishState>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reader: ActivityResultsReader,
    private readonly realtime: RealtimeEvents,
    private readonly alertRules: ActivityAlertRules,
  ) {}

  /** Schedules a run for the activity; call it after the change commits. */
  schedule(organizationId: string, sessionId: string, activityId: string): void {
    let state = this.states.get(activityId);
    if (!state) {
      state = { organizationId, sessionId, running: false, dirty: false, lastPublishedAt: 0 };
      this.states.set(activityId, state);
    }
    clearTimeout(state.expiry);
    state.expiry = undefined;
    if (state.running) {
      state.dirty = true;

      return;
    }
    if (state.timer) {
      return;
    }
    const delay = Math.max(0, state.lastPublishedAt + RESULTS_PUBLISH_INTERVAL_MS - Date.now());
    state.timer = setTimeout(() => void this.flush(activityId), delay);
  }

  onApplicationShutdown(): void {
    for (const state of this.states.values()) {
      clearTimeout(state.timer);
      clearTimeout(state.expiry);
    }
    this.states.clear();
  }

  private async flush(activityId: string): Promise<void> {
    const state = this.states.get(activityId);
    if (!state) {
      return;
    }
    state.timer = undefined;
    state.running = true;
    state.dirty = false;
    try {
      const activity = await this.dataSource.manager.findOneBy(Activity, {
        id: activityId,
        organizationId: state.organizationId,
      });
      if (activity) {
        await this.raiseClassAlert(activity);
        await this.publishResults(activity);
      }
    } catch (error) {
      this.logger.error(
        {
          err: error,
          organizationId: state.organizationId,
          sessionId: state.sessionId,
          activityId,
        },
        'Failed to evaluate or publish activity results',
      );
    } finally {
      state.running = false;
      state.lastPublishedAt = Date.now();
      if (state.dirty) {
        state.dirty = false;
        this.schedule(state.organizationId, state.sessionId, activityId);
      } else {
        state.expiry = setTimeout(
          () => this.states.delete(activityId),
          RESULTS_PUBLISH_INTERVAL_MS * 2,
        );
        state.expiry.unref();
      }
    }
  }

  private async raiseClassAlert(activity: Activity): Promise<void> {
    if (activity.kind !== 'check' || activity.status !== 'open') {
      return;
    }
    const ctx = systemContext(activity.organizationId, `activity:${activity.id}`);
    const alerts = await this.dataSource.transaction((manager) =>
      this.alertRules.onResponsesChanged(manager, ctx, activity),
    );
    await this.alertRules.publish(ctx, alerts);
  }

  private async publishResults(activity: Activity): Promise<void> {
    const { organizationId, sessionId } = activity;
    if (!this.realtime.mayHaveSubscribers(organizationId, sessionId, 'activityResultsUpdated')) {
      return;
    }
    const results = await this.reader.summarize(activity, { revealKey: true, includeTexts: true });
    const event: ActivityResultsEvent = {
      ...results,
      computedAt: results.computedAt.toISOString(),
    };
    await this.realtime.publish(organizationId, sessionId, 'activityResultsUpdated', [event]);
  }
}
