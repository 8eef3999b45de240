import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { WebhookEventRetention } from './event-retention';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookSecrets } from './webhook-secrets';
import { WebhooksController } from './webhooks.controller';
import { WebhooksResolver } from './webhooks.resolver';
import { WebhooksService } from './webhooks.service';

/** Webhook subscriptions, signed deliveries of domain events, retries and the delivery log. */
@Module({
  imports: [AuthModule],
  providers: [
    WebhooksService,
    WebhookSecrets,
    WebhookDispatcher,
    WebhookEventRetention,
    WebhooksResolver,
  ],
  controllers: [WebhooksController],
  exports: [WebhookDispatcher],
})
export class WebhooksModule {}
