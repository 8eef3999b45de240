import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Ctx } from '../auth/auth.decorators';
import { Page, PageQueryDto } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import {
  CreateWebhookSubscriptionInput,
  ReplayWebhookDeliveriesInput,
  RotateWebhookSecretInput,
  UpdateWebhookSubscriptionInput,
  WebhookDeliveryListQuery,
} from './dto/webhook.input';
import {
  WebhookDeliveryPage,
  WebhookDeliveryView,
  WebhookEventTypeView,
  WebhookReplayResult,
  WebhookSubscriptionPage,
  WebhookSubscriptionView,
  WebhookSubscriptionWithSecret,
} from './dto/webhook.views';
import { listEventTypes } from './event-types';
import { WebhooksService } from './webhooks.service';

/** Webhook subscriptions and deliveries; every route needs an admin API key. */
@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('v1/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get('event-types')
  @ApiOkResponse({ type: [WebhookEventTypeView] })
  eventTypes(): WebhookEventTypeView[] {
    return listEventTypes();
  }

  @Post('subscriptions')
  @ApiOkResponse({
    type: WebhookSubscriptionWithSecret,
    description: 'The subscription and its signing secret, shown only this once.',
  })
  create(
    @Ctx() ctx: RequestContext,
    @Body() input: CreateWebhookSubscriptionInput,
  ): Promise<WebhookSubscriptionWithSecret> {
    return this.webhooks.create(ctx, input);
  }

  @Get('subscriptions')
  @ApiOkResponse({ type: WebhookSubscriptionPage })
  list(
    @Ctx() ctx: RequestContext,
    @Query() query: PageQueryDto,
  ): Promise<Page<WebhookSubscriptionView>> {
    return this.webhooks.list(ctx, query);
  }

  @Get('subscriptions/:id')
  @ApiOkResponse({ type: WebhookSubscriptionView })
  get(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
  ): Promise<WebhookSubscriptionView> {
    return this.webhooks.get(ctx, id);
  }

  @Patch('subscriptions/:id')
  @ApiOkResponse({ type: WebhookSubscriptionView })
  update(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
    @Body() input: UpdateWebhookSubscriptionInput,
  ): Promise<WebhookSubscriptionView> {
    return this.webhooks.update(ctx, id, input);
  }

  @Post('subscriptions/:id/pause')
  @HttpCode(200)
  @ApiOkResponse({ type: WebhookSubscriptionView })
  pause(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
  ): Promise<WebhookSubscriptionView> {
    return this.webhooks.pause(ctx, id);
  }

  @Post('subscriptions/:id/resume')
  @HttpCode(200)
  @ApiOkResponse({ type: WebhookSubscriptionView })
  resume(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
  ): Promise<WebhookSubscriptionView> {
    return this.webhooks.resume(ctx, id);
  }

  @Post('subscriptions/:id/rotate-secret')
  @HttpCode(200)
  @ApiOkResponse({ type: WebhookSubscriptionWithSecret })
  rotateSecret(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
    @Body() input: RotateWebhookSecretInput,
  ): Promise<WebhookSubscriptionWithSecret> {
    return this.webhooks.rotateSecret(ctx, id, input.overlapSeconds);
  }

  @Delete('subscriptions/:id')
  @ApiOkResponse({ type: Boolean })
  remove(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
  ): Promise<boolean> {
    return this.webhooks.remove(ctx, id);
  }

  @Get('subscriptions/:id/deliveries')
  @ApiOkResponse({ type: WebhookDeliveryPage, description: 'Newest first, with every attempt.' })
  deliveries(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
    @Query() query: WebhookDeliveryListQuery,
  ): Promise<Page<WebhookDeliveryView>> {
    return this.webhooks.deliveries(ctx, id, query.status, query);
  }

  @Post('subscriptions/:id/replay')
  @HttpCode(200)
  @ApiOkResponse({ type: WebhookReplayResult })
  async replayRange(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
    @Body() input: ReplayWebhookDeliveriesInput,
  ): Promise<WebhookReplayResult> {
    return { queued: await this.webhooks.replayRange(ctx, id, input.from, input.to) };
  }

  @Get('deliveries/:id')
  @ApiOkResponse({ type: WebhookDeliveryView })
  delivery(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
  ): Promise<WebhookDeliveryView> {
    return this.webhooks.delivery(ctx, id);
  }

  @Post('deliveries/:id/replay')
  @HttpCode(200)
  @ApiOkResponse({ type: WebhookDeliveryView })
  replay(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
  ): Promise<WebhookDeliveryView> {
    return this.webhooks.replayDelivery(ctx, id);
  }
}
