import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Activity } from '../activity.entity';

export const ACTIVITY_CHANGE_ACTIONS = ['opened', 'closed'] as const;
export type ActivityChangeAction = (typeof ACTIVITY_CHANGE_ACTIONS)[number];
export const ActivityChangeActionEnum = Object.fromEntries(
  ACTIVITY_CHANGE_ACTIONS.map((action) => [action, action]),
) as { [K in ActivityChangeAction]: K };
registerEnumType(ActivityChangeActionEnum, { name: 'ActivityChangeAction' });

/** An activity opening or closing, as sent to `activityChanged` subscribers. */
@ObjectType({ description: 'An activity opening or closing.' })
export class ActivityChange {
  @Field(() => ID)
  sessionId: string;

  @Field(() => ID)
  activityId: string;

  @Field(() => ActivityChangeActionEnum)
  action: ActivityChangeAction;

  @Field({ description: 'When the change happened.' })
  occurredAt: Date;

  @Field(() => Activity, {
    description: 'The activity after the change; its answer key is null until it closes.',
  })
  activity: Activity;
}
