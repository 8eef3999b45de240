import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { BreakoutsModule } from '../breakouts/breakouts.module';
import { EngagementModule } from '../engagement/engagement.module';
import { SessionsModule } from '../sessions/sessions.module';
import { LivekitWebhooksController } from './livekit-webhooks.controller';
import { LivekitWebhooksService } from './livekit-webhooks.service';
import { registerWebhookBodyParser } from './raw-body';

@Module({
  imports: [SessionsModule, EngagementModule, BreakoutsModule],
  providers: [LivekitWebhooksService],
  controllers: [LivekitWebhooksController],
})
export class LivekitWebhooksModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /** Runs before the server listens, while Fastify still accepts content type parsers. */
  onModuleInit(): void {
    registerWebhookBodyParser(this.adapterHost.httpAdapter.getInstance<FastifyInstance>());
  }
}
