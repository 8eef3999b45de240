import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { EventIterator } from './event-iterator';
import { PUB_SUB, PubSub } from './pubsub';

/** The subscription events, one channel per organization, session and event. */
export type SessionEventName =
  | 'transcriptSegmentAdded'
  | 'sessionStatusChanged'
  | 'sessionPhaseChanged'
  | 'activityChanged'
  | 'activityResultsUpdated'
  | 'instructorAlertRaised'
  | 'breakoutStatusChanged'
  | 'breakoutMessagePosted'
  | 'boardOperationAdded'
  | 'chatMessagePosted';

/**
 * Returns the channel of one session's event. The organization id is part of the name, so a
 * subscriber only ever receives events of the organization it was authorized for.
 */
export function sessionChannel(organizationId: string, sessionId: string, event: SessionEventName): string {
  return `org:${organizationId}:session:${sessionId}:${event}`;
}

/**
 * Publishes domain events to subscribers and opens subscriptions. Callers publish only after
 * the transaction that made the change has committed. A failed publish is logged and never
 * raised, because the change it reports is already stored.
 */
@Injectable()
export class RealtimeEvents implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(RealtimeEvents.name);

  constructor(@Inject(PUB_SUB) private readonly pubsub: PubSub) {}

  async onModuleInit(): Promise<void> {
    await this.pubsub.connect();
  }

  /** Runs after the HTTP server has closed, so requests that finish during shutdown can still publish. */
  async onApplicationShutdown(): Promise<void> {
    await this.pubsub.close();
  }

  /**
   * Publishes each payload as one event of the session, in order: both pub/subs send a
   * connection's messages in the order the publishes were issued.
   */
  async publish(
    organizationId: string,
    sessionId: string,
    event: SessionEventName,
    payloads: unknown[],
  ): Promise<void> {
    const channel = sessionChannel(organizationId, sessionId, event);
    try {
      await Promise.all(payloads.map((payload) => this.pubsub.publish(channel, payload)));
    } catch (error) {
      this.logger.error(
        { err: error, organizationId, sessionId, event, events: payloads.length },
        'Failed to publish subscription events',
      );
    }
  }

  subscribe<T>(organizationId: string, sessionId: string, event: SessionEventName): Promise<EventIterator<T>> {
    return this.pubsub.subscribe<T>(sessionChannel(organizationId, sessionId, event));
  }

  /** Checks whether a publish of the session's event may reach a subscriber on any replica. */
  mayHaveSubscribers(organizationId: string, sessionId: string, event: SessionEventName): boolean {
    return this.pubsub.mayHaveSubscribers(sessionChannel(organizationId, sessionId, event));
  }

  /** Number of open subscriptions to the session's event in this process. */
  subscriberCount(organizationId: string, sessionId: string, event: SessionEventName): number {
    return this.pubsub.subscriberCount(sessionChannel(organizationId, sessionId, event));
  }
}
