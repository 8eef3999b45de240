import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AllowParticipant, Ctx, RequireScope } from '../auth/auth.decorators';
import { Connection, ConnectionShape, pageFromArgs, toConnection } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import { CoverageService } from './coverage.service';
import { CoverageGap, EnrollmentCoverage } from './dto/coverage.views';
import {
  ClearProgressOverrideInput,
  CoverageGapsFilter,
  OverrideProgressInput,
  ProgressHistoryArgs,
} from './dto/progress.input';
import { ProgressChange } from './progress-change.entity';
import { ProgressRecordView } from './progress-record.entity';
import { progressChangeSortValue, ProgressService } from './progress.service';

export const ProgressChangeConnection = Connection(ProgressChange, 'ProgressChange');

@Resolver(() => ProgressRecordView)
export class ProgressResolver {
  constructor(
    private readonly progress: ProgressService,
    private readonly coverage: CoverageService,
  ) {}

  @RequireScope('read')
  @Query(() => [ProgressRecordView], {
    description:
      'One progress record per objective of the curricula the student is enrolled in, in curriculum order.',
  })
  studentProgress(
    @Ctx() ctx: RequestContext,
    @Args('studentId', { type: () => ID }, new ParseUuidPipe('studentId')) studentId: string,
    @Args('curriculumId', { type: () => ID, nullable: true }) curriculumId?: string,
  ): Promise<ProgressRecordView[]> {
    if (curriculumId !== undefined && curriculumId !== null) {
      new ParseUuidPipe('curriculumId').transform(curriculumId);
    }

    return this.progress.studentProgress(ctx, studentId, curriculumId ?? undefined);
  }

  @RequireScope('read')
  @Query(() => ProgressRecordView, {
    description: 'One progress record with up to 200 evidence items.',
  })
  progressRecord(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, new ParseUuidPipe('id')) id: string,
  ): Promise<ProgressRecordView> {
    return this.progress.getRecord(ctx, id);
  }

  @RequireScope('read')
  @Query(() => ProgressChangeConnection, {
    description: 'Every change of a progress record, oldest first.',
  })
  async progressHistory(
    @Ctx() ctx: RequestContext,
    @Args() args: ProgressHistoryArgs,
  ): Promise<ConnectionShape<ProgressChange>> {
    const page = await this.progress.history(ctx, args.recordId, pageFromArgs(args));

    return toConnection(page, progressChangeSortValue);
  }

  @RequireScope('write')
  @AllowParticipant()
  @Mutation(() => ProgressRecordView, {
    description:
      'Sets a student’s status on an objective, with a reason. API keys and instructor participant tokens only; the override stays in effect until it is cleared.',
  })
  overrideProgress(
    @Ctx() ctx: RequestContext,
    @Args('input') input: OverrideProgressInput,
  ): Promise<ProgressRecordView> {
    return this.progress.override(ctx, input);
  }

  @RequireScope('write')
  @Mutation(() => ProgressRecordView, {
    description: 'Ends an override, so the record shows its automatic status again.',
  })
  clearProgressOverride(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, new ParseUuidPipe('id')) id: string,
    @Args('input') input: ClearProgressOverrideInput,
  ): Promise<ProgressRecordView> {
    return this.progress.clearOverride(ctx, id, input);
  }

  @RequireScope('read')
  @Query(() => EnrollmentCoverage, {
    description: 'An enrollment’s plan against what its documented sessions did.',
  })
  enrollmentCoverage(
    @Ctx() ctx: RequestContext,
    @Args('enrollmentId', { type: () => ID }, new ParseUuidPipe('enrollmentId'))
    enrollmentId: string,
  ): Promise<EnrollmentCoverage> {
    return this.coverage.enrollmentCoverage(ctx, enrollmentId);
  }

  @RequireScope('read')
  @Query(() => [CoverageGap], {
    description:
      'Objectives that documented sessions skipped or did not land most, across the organization.',
  })
  coverageGaps(
    @Ctx() ctx: RequestContext,
    @Args('filter', { type: () => CoverageGapsFilter, nullable: true }) filter?: CoverageGapsFilter,
  ): Promise<CoverageGap[]> {
    return this.coverage.gaps(ctx, filter ?? {});
  }
}
