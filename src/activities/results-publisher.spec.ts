import { DataSource } from 'typeorm';
import { RealtimeEvents } from '../realtime/realtime-events';
import { ActivityAlertRules } from './activity-alert-rules';
import { ActivityResultsReader } from './activity-results-reader';
import { Activity } from './activity.entity';
import { ActivityResults } from './dto/activity-results';
import { RESULTS_PUBLISH_INTERVAL_MS, ResultsPublisher } from './results-publisher';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('ResultsPublisher', () => {
  it('coalesces publishes and sends the latest results last', async () => {
    let committed = 0;
    const published: { at: number; respondents: number }[] = [];
    const activity = Object.assign(new Activity(), {
      id: 'activity-1',
      organizationId: 'org-1',
      sessionId: 'session-1',
      kind: 'poll',
      status: 'open',
    });
    const dataSource = { manager: { findOneBy: async () => activity } } as unknown as DataSource;
    const reader = {
      summarize: async () => {
        await sleep(5);

        return Object.assign(new ActivityResults(), {
          respondents: committed,
          computedAt: new Date(),
        });
      },
    } as unknown as ActivityResultsReader;
    const realtime = {
      mayHaveSubscribers: () => true,
      publish: async (
        _org: string,
        _session: string,
        _event: string,
        payloads: { respondents: number }[],
      ) => {
        published.push({ at: Date.now(), respondents: payloads[0].respondents });
      },
    } as unknown as RealtimeEvents;
    const publisher = new ResultsPublisher(dataSource, reader, realtime, {} as ActivityAlertRules);

    const started = Date.now();
    while (Date.now() - started < 300) {
      committed += 1;
      publisher.schedule('org-1', 'session-1', 'activity-1');
      await sleep(2);
    }
    await sleep(RESULTS_PUBLISH_INTERVAL_MS * 3);
    publisher.onApplicationShutdown();

    const gaps = published.slice(1).map((entry, index) => entry.at - published[index].at);
    expect(published.length).toBeGreaterThan(2);
    expect(published.length).toBeLessThanOrEqual(Math.ceil(300 / RESULTS_PUBLISH_INTERVAL_MS) + 2);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(RESULTS_PUBLISH_INTERVAL_MS - 5);
    expect(published[published.length - 1].respondents).toBe(committed);
  });
});
