import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Ctx, RequireScope } from '../auth/auth.decorators';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import { Job } from './job.entity';
import { JobsService } from './jobs.service';

@Resolver(() => Job)
export class JobsResolver {
  constructor(private readonly jobs: JobsService) {}

  @RequireScope('read')
  @Query(() => Job, { description: 'A background job of the caller’s organization.' })
  job(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, new ParseUuidPipe('id')) id: string,
  ): Promise<Job> {
    return this.jobs.get(ctx, id);
  }
}
