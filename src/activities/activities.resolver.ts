import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AllowParticipant, Ctx, RequireScope } from '../auth/auth.decorators';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import { ActivitiesService } from './activities.service';
import { ActivityResponse, NamedActivityResponse } from './activity-response.entity';
import { ActivityResponsesService } from './activity-responses.service';
import { Activity, MAX_ACTIVITIES_PER_SESSION } from './activity.entity';
import { ActivityResponseInput } from './dto/activity-response.input';
import { ActivityResults } from './dto/activity-results';
import { CreateActivityInput } from './dto/create-activity.input';

const uuid = (field: string) => new ParseUuidPipe(field);

/** Polls and comprehension checks over GraphQL, with the same rules as the REST routes. */
@Resolver(() => Activity)
export class ActivitiesResolver {
  constructor(
    private readonly lifecycle: ActivitiesService,
    private readonly responses: ActivityResponsesService,
  ) {}

  @AllowParticipant()
  @RequireScope('read')
  @Query(() => [Activity], {
    description: `The session's activities in creation order, at most ${MAX_ACTIVITIES_PER_SESSION}; students see no drafts.`,
  })
  activities(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }, uuid('sessionId')) sessionId: string,
  ): Promise<Activity[]> {
    return this.lifecycle.list(ctx, sessionId);
  }

  @AllowParticipant()
  @RequireScope('read')
  @Query(() => Activity)
  activity(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, uuid('id')) id: string,
  ): Promise<Activity> {
    return this.lifecycle.get(ctx, id, 'id');
  }

  @AllowParticipant()
  @RequireScope('read')
  @Query(() => ActivityResults, {
    description:
      'Aggregate results; students and observers read them only after the activity closes.',
  })
  activityResults(
    @Ctx() ctx: RequestContext,
    @Args('activityId', { type: () => ID }, uuid('activityId')) activityId: string,
  ): Promise<ActivityResults> {
    return this.responses.results(ctx, activityId);
  }

  @AllowParticipant()
  @RequireScope('read')
  @Query(() => [NamedActivityResponse], {
    description:
      'Who answered what, for instructors and API keys; FORBIDDEN for anonymous activities.',
  })
  activityResponses(
    @Ctx() ctx: RequestContext,
    @Args('activityId', { type: () => ID }, uuid('activityId')) activityId: string,
  ): Promise<NamedActivityResponse[]> {
    return this.responses.listResponses(ctx, activityId);
  }

  @AllowParticipant()
  @RequireScope('read')
  @Query(() => ActivityResponse, {
    nullable: true,
    description:
      "The calling participant's own response, or null before they respond. Needs a participant token.",
  })
  myActivityResponse(
    @Ctx() ctx: RequestContext,
    @Args('activityId', { type: () => ID }, uuid('activityId')) activityId: string,
  ): Promise<ActivityResponse | null> {
    return this.responses.ownResponse(ctx, activityId);
  }

  @AllowParticipant()
  @RequireScope('sessions:write')
  @Mutation(() => Activity, {
    description: 'Creates a draft poll or check. Instructors and API keys only.',
  })
  createActivity(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }, uuid('sessionId')) sessionId: string,
    @Args('input') input: CreateActivityInput,
  ): Promise<Activity> {
    return this.lifecycle.create(ctx, sessionId, input);
  }

  @AllowParticipant()
  @RequireScope('sessions:write')
  @Mutation(() => Activity, { description: 'Opens a draft activity of a live session.' })
  openActivity(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, uuid('id')) id: string,
  ): Promise<Activity> {
    return this.lifecycle.open(ctx, id);
  }

  @AllowParticipant()
  @RequireScope('sessions:write')
  @Mutation(() => Activity, { description: 'Closes an open activity.' })
  closeActivity(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, uuid('id')) id: string,
  ): Promise<Activity> {
    return this.lifecycle.close(ctx, id);
  }

  @AllowParticipant()
  @RequireScope('sessions:write')
  @Mutation(() => ActivityResponse, {
    description:
      'Submits or replaces a response. A student token responds for itself; an API key names participantId. ' +
      'An identical repeat changes nothing.',
  })
  submitActivityResponse(
    @Ctx() ctx: RequestContext,
    @Args('activityId', { type: () => ID }, uuid('activityId')) activityId: string,
    @Args('input') input: ActivityResponseInput,
  ): Promise<ActivityResponse> {
    return this.responses.submit(ctx, activityId, input);
  }
}
