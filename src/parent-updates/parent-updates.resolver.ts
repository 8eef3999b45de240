import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AllowParticipant, Ctx, RequireScope } from '../auth/auth.decorators';
import { ConnectionShape, pageFromArgs, toConnection } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import { ParentUpdateConnection } from './dto/parent-update-page';
import {
  EditParentUpdateInput,
  ParentUpdatesArgs,
  RejectParentUpdateInput,
} from './dto/parent-update.input';
import { PARENT_UPDATE_LIMITS } from './parent-update-limits';
import { ParentUpdateVersion } from './parent-update-version.entity';
import { ParentUpdate } from './parent-update.entity';
import { parentUpdateSortValue, ParentUpdatesService } from './parent-updates.service';

@Resolver(() => ParentUpdate)
export class ParentUpdatesResolver {
  constructor(private readonly updates: ParentUpdatesService) {}

  @AllowParticipant()
  @RequireScope('read')
  @Query(() => ParentUpdate)
  parentUpdate(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, new ParseUuidPipe('id')) id: string,
  ): Promise<ParentUpdate> {
    return this.updates.get(ctx, id);
  }

  @AllowParticipant()
  @RequireScope('read')
  @Query(() => ParentUpdateConnection, {
    description: 'Parent updates newest first, optionally of one session or status.',
  })
  async parentUpdates(
    @Ctx() ctx: RequestContext,
    @Args() args: ParentUpdatesArgs,
  ): Promise<ConnectionShape<ParentUpdate>> {
    const result = await this.updates.list(
      ctx,
      { sessionId: args.sessionId, status: args.status },
      pageFromArgs(args),
    );

    return toConnection(result, parentUpdateSortValue);
  }

  @AllowParticipant()
  @RequireScope('recaps:write')
  @Mutation(() => ParentUpdate, {
    description: 'Saves an edited subject and body as a new version of a draft.',
  })
  editParentUpdate(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, new ParseUuidPipe('id')) id: string,
    @Args('input') input: EditParentUpdateInput,
  ): Promise<ParentUpdate> {
    return this.updates.edit(ctx, id, input);
  }

  @AllowParticipant()
  @RequireScope('recaps:write')
  @Mutation(() => ParentUpdate, {
    description: 'Approves a draft and queues its email to the guardian.',
  })
  approveParentUpdate(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, new ParseUuidPipe('id')) id: string,
  ): Promise<ParentUpdate> {
    return this.updates.approve(ctx, id);
  }

  @AllowParticipant()
  @RequireScope('recaps:write')
  @Mutation(() => ParentUpdate, { description: 'Rejects a draft; it is never sent.' })
  rejectParentUpdate(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, new ParseUuidPipe('id')) id: string,
    @Args('input') input: RejectParentUpdateInput,
  ): Promise<ParentUpdate> {
    return this.updates.reject(ctx, id, input);
  }

  @ResolveField(() => [ParentUpdateVersion], {
    description: `Every version, oldest first, at most ${PARENT_UPDATE_LIMITS.versions}; the last one is current.`,
  })
  async versions(
    @Ctx() ctx: RequestContext,
    @Parent() update: ParentUpdate,
  ): Promise<ParentUpdateVersion[]> {
    const page = await this.updates.listVersions(ctx, update.id, {
      limit: PARENT_UPDATE_LIMITS.versions,
    });

    return page.items;
  }
}
