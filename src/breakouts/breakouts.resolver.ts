import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AllowParticipant, Ctx, RequireScope } from '../auth/auth.decorators';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import { Session } from '../sessions/session.entity';
import { BreakoutGroup, BreakoutMessage } from './breakout-group.entity';
import { BreakoutJoinService } from './breakout-join.service';
import { BreakoutHelpRequest } from './breakout-output';
import { BreakoutParticipationService } from './breakout-participation.service';
import { BreakoutsService } from './breakouts.service';
import {
  BreakoutHelpInput,
  BreakoutPresenceInput,
  BroadcastBreakoutMessageInput,
} from './dto/breakout-requests.input';
import { BreakoutJoinResult, BreakoutStatus } from './dto/breakout-views';
import {
  CreateBreakoutGroupsInput,
  STRATEGY_DESCRIPTION,
} from './dto/create-breakout-groups.input';

const uuid = (field: string) => new ParseUuidPipe(field);

/** Optional participant id: a participant token joins as itself, an API key names the participant. */
class OptionalUuidPipe extends ParseUuidPipe {
  override transform(value: unknown): string {
    return value === undefined || value === null
      ? (undefined as unknown as string)
      : super.transform(value);
  }
}

/** Breakout group queries and mutations, and the `breakoutGroups` field of `Session`. */
@Resolver(() => Session)
@AllowParticipant()
export class BreakoutsResolver {
  constructor(
    private readonly breakouts: BreakoutsService,
    private readonly participation: BreakoutParticipationService,
    private readonly joins: BreakoutJoinService,
  ) {}

  @RequireScope('read')
  @Query(() => [BreakoutGroup], {
    description: 'The session’s breakout groups, open first, with the output of closed ones.',
  })
  breakoutGroups(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }, uuid('sessionId')) sessionId: string,
  ): Promise<BreakoutGroup[]> {
    return this.breakouts.list(ctx, sessionId);
  }

  @RequireScope('read')
  @Query(() => BreakoutGroup)
  breakoutGroup(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }, uuid('sessionId')) sessionId: string,
    @Args('groupId', { type: () => ID }, uuid('groupId')) groupId: string,
  ): Promise<BreakoutGroup> {
    return this.breakouts.get(ctx, sessionId, groupId);
  }

  @RequireScope('read')
  @Query(() => BreakoutStatus, {
    description: 'Live status of every breakout group; instructors and API keys only.',
  })
  breakoutStatus(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }, uuid('sessionId')) sessionId: string,
  ): Promise<BreakoutStatus> {
    return this.breakouts.status(ctx, sessionId);
  }

  @RequireScope('read')
  @Query(() => [BreakoutMessage], { description: 'Messages sent to every group, oldest first.' })
  breakoutMessages(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }, uuid('sessionId')) sessionId: string,
  ): Promise<BreakoutMessage[]> {
    return this.participation.listMessages(ctx, sessionId);
  }

  @RequireScope('sessions:write')
  @Mutation(() => [BreakoutGroup], {
    description:
      'Opens a set of breakout groups in a live session whose room (and, for students, current phase) ' +
      `enables the breakouts tool. ${STRATEGY_DESCRIPTION}`,
  })
  createBreakoutGroups(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }, uuid('sessionId')) sessionId: string,
    @Args('input') input: CreateBreakoutGroupsInput,
  ): Promise<BreakoutGroup[]> {
    return this.breakouts.create(ctx, sessionId, input);
  }

  @RequireScope('sessions:write')
  @Mutation(() => BreakoutGroup, {
    description: 'Closes one group; its members return to the main session.',
  })
  closeBreakoutGroup(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }, uuid('sessionId')) sessionId: string,
    @Args('groupId', { type: () => ID }, uuid('groupId')) groupId: string,
  ): Promise<BreakoutGroup> {
    return this.breakouts.closeOne(ctx, sessionId, groupId);
  }

  @RequireScope('sessions:write')
  @Mutation(() => [BreakoutGroup], {
    description: 'Closes every open group and returns the groups it closed.',
  })
  closeBreakoutGroups(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }, uuid('sessionId')) sessionId: string,
  ): Promise<BreakoutGroup[]> {
    return this.breakouts.closeAll(ctx, sessionId);
  }

  @RequireScope('sessions:write')
  @Mutation(() => BreakoutJoinResult, {
    description:
      'Join tokens for a group’s LiveKit room. Students join only the open group they are assigned to; ' +
      'instructors may join any group. With an API key, participantId is required.',
  })
  joinBreakoutGroup(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }, uuid('sessionId')) sessionId: string,
    @Args('groupId', { type: () => ID }, uuid('groupId')) groupId: string,
    @Args(
      'participantId',
      { type: () => ID, nullable: true },
      new OptionalUuidPipe('participantId'),
    )
    participantId?: string,
  ): Promise<BreakoutJoinResult> {
    return this.joins.join(ctx, sessionId, groupId, participantId, 'member');
  }

  @RequireScope('sessions:write')
  @Mutation(() => BreakoutJoinResult, {
    description:
      'Hidden, subscribe-only join tokens for an instructor or observer to listen to a group. ' +
      'With an API key, participantId is required.',
  })
  listenToBreakoutGroup(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }, uuid('sessionId')) sessionId: string,
    @Args('groupId', { type: () => ID }, uuid('groupId')) groupId: string,
    @Args(
      'participantId',
      { type: () => ID, nullable: true },
      new OptionalUuidPipe('participantId'),
    )
    participantId?: string,
  ): Promise<BreakoutJoinResult> {
    return this.joins.join(ctx, sessionId, groupId, participantId, 'listener');
  }

  @RequireScope('sessions:write')
  @Mutation(() => BreakoutHelpRequest, {
    description: 'Asks the instructor for help; students only, in their own open group.',
  })
  requestBreakoutHelp(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }, uuid('sessionId')) sessionId: string,
    @Args('groupId', { type: () => ID }, uuid('groupId')) groupId: string,
    @Args('input', { nullable: true }) input?: BreakoutHelpInput,
  ): Promise<BreakoutHelpRequest> {
    return this.participation.requestHelp(ctx, sessionId, groupId, input?.message);
  }

  @RequireScope('sessions:write')
  @Mutation(() => BreakoutGroup, {
    description: 'Reports that the calling member joined or left the group’s LiveKit room.',
  })
  reportBreakoutPresence(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }, uuid('sessionId')) sessionId: string,
    @Args('groupId', { type: () => ID }, uuid('groupId')) groupId: string,
    @Args('input') input: BreakoutPresenceInput,
  ): Promise<BreakoutGroup> {
    return this.participation.reportPresence(ctx, sessionId, groupId, input.state);
  }

  @RequireScope('sessions:write')
  @Mutation(() => BreakoutMessage, { description: 'Sends a message to every open group.' })
  broadcastBreakoutMessage(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }, uuid('sessionId')) sessionId: string,
    @Args('input') input: BroadcastBreakoutMessageInput,
  ): Promise<BreakoutMessage> {
    return this.participation.broadcast(ctx, sessionId, input.body);
  }

  @ResolveField('breakoutGroups', () => [BreakoutGroup], {
    description:
      'The session’s breakout groups, open first, with the stored output of closed ones.',
  })
  breakoutGroupsOfSession(
    @Ctx() ctx: RequestContext,
    @Parent() session: Session,
  ): Promise<BreakoutGroup[]> {
    return this.breakouts.list(ctx, session.id);
  }
}
