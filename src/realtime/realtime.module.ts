import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/config';
import { OrganizationsModule } from '../organizations/organizations.module';
import { InProcessPubSub, PUB_SUB, PubSub } from './pubsub';
import { RealtimeEvents } from './realtime-events';
import { RedisPubSub } from './redis-pubsub';
import { SubscriptionAuthenticator } from './subscription-auth';
import { SubscriptionServer } from './subscription-server';

/** Redis when REDIS_URL is set, so every replica sees every event; else this process only. */
function createPubSub(config: AppConfig): PubSub {
  return config.redis ? new RedisPubSub(config.redis) : new InProcessPubSub();
}

/** GraphQL subscriptions over WebSocket and the pub/sub that carries their events. */
@Global()
@Module({
  imports: [OrganizationsModule],
  providers: [
    { provide: PUB_SUB, useFactory: createPubSub, inject: [APP_CONFIG] },
    RealtimeEvents,
    SubscriptionAuthenticator,
    SubscriptionServer,
  ],
  exports: [RealtimeEvents],
})
export class RealtimeModule {}
