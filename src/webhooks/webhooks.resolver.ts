import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx } from '../auth/auth.decorators';
import { ConnectionShape, PageArgs, pageFromArgs, toConnection } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import {
  CreateWebhookSubscriptionInput,
  ReplayWebhookDeliveriesInput,
  RotateWebhookSecretInput,
  UpdateWebhookSubscriptionInput,
  WebhookDeliveriesArgs,
} from './dto/webhook.input';
import {
  WebhookDeliveryConnection,
  WebhookDeliveryView,
  WebhookEventTypeView,
  WebhookReplayResult,
  WebhookSubscriptionConnection,
  WebhookSubscriptionView,
  WebhookSubscriptionWithSecret,
} from './dto/webhook.views';
import { listEventTypes } from './event-types';
import { WebhooksService } from './webhooks.service';

const byCreatedAt = (row: { createdAt: Date }) => row.createdAt.toISOString();
const uuid = (field: string) => new ParseUuidPipe(field);

/** Webhook subscriptions and deliveries; every operation needs an admin API key. */
@Resolver(() => WebhookSubscriptionView)
export class WebhooksResolver {
  constructor(private readonly webhooks: WebhooksService) {}

  @Query(() => [WebhookEventTypeView], {
    description: 'Every event type a subscription can receive.',
  })
  webhookEventTypes(): WebhookEventTypeView[] {
    return listEventTypes();
  }

  @Query(() => WebhookSubscriptionConnection, {
    description: 'Webhook subscriptions, oldest first.',
  })
  async webhookSubscriptions(
    @Ctx() ctx: RequestContext,
    @Args() args: PageArgs,
  ): Promise<ConnectionShape<WebhookSubscriptionView>> {
    return toConnection(await this.webhooks.list(ctx, pageFromArgs(args)), byCreatedAt);
  }

  @Query(() => WebhookSubscriptionView)
  webhookSubscription(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, uuid('id')) id: string,
  ): Promise<WebhookSubscriptionView> {
    return this.webhooks.get(ctx, id);
  }

  @Mutation(() => WebhookSubscriptionWithSecret, {
    description: 'Creates a subscription and returns its signing secret, shown only this once.',
  })
  createWebhookSubscription(
    @Ctx() ctx: RequestContext,
    @Args('input') input: CreateWebhookSubscriptionInput,
  ): Promise<WebhookSubscriptionWithSecret> {
    return this.webhooks.create(ctx, input);
  }

  @Mutation(() => WebhookSubscriptionView)
  updateWebhookSubscription(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, uuid('id')) id: string,
    @Args('input') input: UpdateWebhookSubscriptionInput,
  ): Promise<WebhookSubscriptionView> {
    return this.webhooks.update(ctx, id, input);
  }

  @Mutation(() => WebhookSubscriptionView, {
    description: 'Holds deliveries until the subscription is resumed; events still queue.',
  })
  pauseWebhookSubscription(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, uuid('id')) id: string,
  ): Promise<WebhookSubscriptionView> {
    return this.webhooks.pause(ctx, id);
  }

  @Mutation(() => WebhookSubscriptionView, {
    description: 'Resumes a paused or disabled subscription; held deliveries go out in order.',
  })
  resumeWebhookSubscription(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, uuid('id')) id: string,
  ): Promise<WebhookSubscriptionView> {
    return this.webhooks.resume(ctx, id);
  }

  @Mutation(() => Boolean, {
    description: 'Deletes a subscription with its deliveries and their log.',
  })
  deleteWebhookSubscription(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, uuid('id')) id: string,
  ): Promise<boolean> {
    return this.webhooks.remove(ctx, id);
  }

  @Mutation(() => WebhookSubscriptionWithSecret, {
    description:
      'Replaces the signing secret; the old one keeps signing for the overlap, so receivers can switch.',
  })
  rotateWebhookSecret(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, uuid('id')) id: string,
    @Args('input', { nullable: true }) input?: RotateWebhookSecretInput,
  ): Promise<WebhookSubscriptionWithSecret> {
    return this.webhooks.rotateSecret(ctx, id, input?.overlapSeconds);
  }

  @Query(() => WebhookDeliveryConnection, {
    description: 'Deliveries of a subscription with every attempt, newest first.',
  })
  async webhookDeliveries(
    @Ctx() ctx: RequestContext,
    @Args() args: WebhookDeliveriesArgs,
  ): Promise<ConnectionShape<WebhookDeliveryView>> {
    const page = await this.webhooks.deliveries(
      ctx,
      args.subscriptionId,
      args.status,
      pageFromArgs(args),
    );

    return toConnection(page, byCreatedAt);
  }

  @Query(() => WebhookDeliveryView)
  webhookDelivery(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, uuid('id')) id: string,
  ): Promise<WebhookDeliveryView> {
    return this.webhooks.delivery(ctx, id);
  }

  @Mutation(() => WebhookDeliveryView, {
    description: 'Sends one delivery again, with the same webhook-id and a new retry window.',
  })
  replayWebhookDelivery(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, uuid('id')) id: string,
  ): Promise<WebhookDeliveryView> {
    return this.webhooks.replayDelivery(ctx, id);
  }

  @Mutation(() => WebhookReplayResult, {
    description: 'Sends again every event of a time range that the subscription selects.',
  })
  async replayWebhookDeliveries(
    @Ctx() ctx: RequestContext,
    @Args('subscriptionId', { type: () => ID }, uuid('subscriptionId')) subscriptionId: string,
    @Args('input') input: ReplayWebhookDeliveriesInput,
  ): Promise<WebhookReplayResult> {
    return { queued: await this.webhooks.replayRange(ctx, subscriptionId, input.from, input.to) };
  }
}
