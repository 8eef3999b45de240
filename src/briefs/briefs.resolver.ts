import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, RequireScope } from '../auth/auth.decorators';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import { Job } from '../jobs/job.entity';
import { BRIEF_LIMITS } from './brief-limits';
import { BriefsService } from './briefs.service';
import { EditSessionBriefInput, RejectSessionBriefInput } from './dto/brief.input';
import { SessionBrief, SessionBriefVersion } from './session-brief.entity';

@Resolver(() => SessionBrief)
export class BriefsResolver {
  constructor(private readonly briefs: BriefsService) {}

  @RequireScope('read')
  @Query(() => SessionBrief, {
    nullable: true,
    description: 'The newest brief of a session, or null when none was drafted yet.',
  })
  sessionBrief(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }, new ParseUuidPipe('sessionId')) sessionId: string,
  ): Promise<SessionBrief | null> {
    return this.briefs.latestForSession(ctx, sessionId);
  }

  @RequireScope('read')
  @Query(() => SessionBrief, { description: 'One brief by id.' })
  sessionBriefById(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, new ParseUuidPipe('id')) id: string,
  ): Promise<SessionBrief> {
    return this.briefs.get(ctx, id);
  }

  @RequireScope('recaps:write')
  @Mutation(() => Job, {
    description:
      'Queues a brief of a scheduled session now and returns its job; while one is queued or running, returns that job.',
  })
  requestSessionBrief(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }, new ParseUuidPipe('sessionId')) sessionId: string,
  ): Promise<Job> {
    return this.briefs.request(ctx, sessionId);
  }

  @RequireScope('recaps:write')
  @Mutation(() => SessionBrief, { description: 'Saves edited content of a draft brief as a new version.' })
  editSessionBrief(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, new ParseUuidPipe('id')) id: string,
    @Args('input') input: EditSessionBriefInput,
  ): Promise<SessionBrief> {
    return this.briefs.edit(ctx, id, input);
  }

  @RequireScope('recaps:write')
  @Mutation(() => SessionBrief, { description: 'Approves a draft brief.' })
  approveSessionBrief(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, new ParseUuidPipe('id')) id: string,
  ): Promise<SessionBrief> {
    return this.briefs.approve(ctx, id);
  }

  @RequireScope('recaps:write')
  @Mutation(() => SessionBrief, { description: 'Rejects a draft brief.' })
  rejectSessionBrief(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, new ParseUuidPipe('id')) id: string,
    @Args('input') input: RejectSessionBriefInput,
  ): Promise<SessionBrief> {
    return this.briefs.reject(ctx, id, input);
  }

  @ResolveField(() => [SessionBriefVersion], {
    description: `Every version, oldest first, at most ${BRIEF_LIMITS.versions}; the last one is current.`,
  })
  async versions(
    @Ctx() ctx: RequestContext,
    @Parent() brief: SessionBrief,
  ): Promise<SessionBriefVersion[]> {
    const page = await this.briefs.listVersions(ctx, brief.id, { limit: BRIEF_LIMITS.versions });

    return page.items;
  }
}
