import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, RequireScope } from '../auth/auth.decorators';
import { AppError, ErrorCode } from '../common/app-error';
import { ConnectionShape, pageFromArgs, toConnection } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import { Job } from '../jobs/job.entity';
import { JobsService } from '../jobs/jobs.service';
import { Session } from '../sessions/session.entity';
import { RecapConnection, SessionRecapsArgs } from './dto/recap-page';
import { EditRecapInput, RejectRecapInput } from './dto/recap-review.input';
import { SessionRecap } from './dto/session-recap';
import { RecapReviewService } from './recap-review.service';
import { RecapVersion } from './recap-version.entity';
import { Recap } from './recap.entity';
import { recapSortValue, RecapsService } from './recaps.service';

@Resolver(() => Recap)
export class RecapsResolver {
  constructor(
    private readonly recaps: RecapsService,
    private readonly review: RecapReviewService,
    private readonly jobs: JobsService,
  ) {}

  @RequireScope('read')
  @Query(() => Recap)
  recap(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, new ParseUuidPipe('id')) id: string,
  ): Promise<Recap> {
    return this.recaps.get(ctx, id);
  }

  @RequireScope('read')
  @Query(() => RecapConnection, {
    description: 'Every recap of a session, newest first, drafts included.',
  })
  async sessionRecaps(
    @Ctx() ctx: RequestContext,
    @Args() args: SessionRecapsArgs,
  ): Promise<ConnectionShape<Recap>> {
    const result = await this.recaps.listForSession(ctx, args.sessionId, pageFromArgs(args));

    return toConnection(result, recapSortValue);
  }

  @RequireScope('recaps:write')
  @Mutation(() => Recap, { description: 'Queues a new recap of an ended or documented session.' })
  requestRecap(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }, new ParseUuidPipe('sessionId')) sessionId: string,
  ): Promise<Recap> {
    return this.recaps.request(ctx, sessionId);
  }

  @RequireScope('recaps:write')
  @Mutation(() => Recap, { description: 'Saves edited content of a draft as a new version.' })
  editRecap(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, new ParseUuidPipe('id')) id: string,
    @Args('input') input: EditRecapInput,
  ): Promise<Recap> {
    return this.review.edit(ctx, id, input);
  }

  @RequireScope('recaps:write')
  @Mutation(() => Recap, {
    description: 'Approves a draft as final and marks its session documented.',
  })
  approveRecap(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, new ParseUuidPipe('id')) id: string,
  ): Promise<Recap> {
    return this.review.approve(ctx, id);
  }

  @RequireScope('recaps:write')
  @Mutation(() => Recap)
  rejectRecap(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, new ParseUuidPipe('id')) id: string,
    @Args('input') input: RejectRecapInput,
  ): Promise<Recap> {
    return this.review.reject(ctx, id, input);
  }

  @ResolveField(() => [RecapVersion], {
    description: 'Every version, oldest first; the last one is current.',
  })
  versions(@Ctx() ctx: RequestContext, @Parent() recap: Recap): Promise<RecapVersion[]> {
    return this.recaps.findVersions(ctx, recap.id);
  }

  @ResolveField(() => Job, {
    nullable: true,
    description: 'The generation job, with attempts and lastError.',
  })
  job(@Ctx() ctx: RequestContext, @Parent() recap: Recap): Promise<Job | null> {
    return recap.jobId ? this.jobs.get(ctx, recap.jobId) : Promise.resolve(null);
  }
}

/** Adds `recap` to the Session type. */
@Resolver(() => Session)
export class SessionRecapResolver {
  constructor(private readonly recaps: RecapsService) {}

  @ResolveField(() => SessionRecap, {
    description: 'The session’s recaps by review state; only `approved` is final.',
  })
  recap(@Ctx() ctx: RequestContext, @Parent() session: Session): Promise<SessionRecap> {
    if (ctx.actor.kind === 'participant') {
      throw new AppError(
        ErrorCode.Forbidden,
        'Participant tokens cannot read recaps; use an API key with the read scope.',
      );
    }

    return this.recaps.overviewForSession(ctx, session.id);
  }
}
