import { RequestContext } from '../common/request-context';
import { ActivityResponse } from './activity-response.entity';
import { Activity } from './activity.entity';
import { hasCorrectAnswer } from './activity-answers';
import { ActivityChange, ActivityChangeAction } from './dto/activity-change';

/** Date fields of Activity, which travel through the pub/sub as ISO strings. */
const ACTIVITY_DATES = ['opensAt', 'closesAt', 'closedAt', 'createdAt', 'updatedAt'] as const;

/** Whether the caller may see the answer key and the grading of responses now. */
export function revealsKey(ctx: RequestContext, activity: Activity): boolean {
  return (
    ctx.actor.kind !== 'participant' ||
    ctx.actor.role === 'instructor' ||
    activity.status === 'closed'
  );
}

/** Returns a copy of the activity for output, without the answer key unless `revealKey`. */
export function activityView(activity: Activity, revealKey: boolean): Activity {
  const view = Object.assign(new Activity(), activity, {
    hasCorrectAnswer: hasCorrectAnswer(activity),
  });
  if (!revealKey) {
    view.correctOptionIds = null;
    view.correctNumber = null;
    view.acceptedAnswers = null;
  }

  return view;
}

/** Returns a copy of the response for output: no participant id when anonymous, no grading unless `revealKey`. */
export function responseView(
  response: ActivityResponse,
  anonymous: boolean,
  revealKey: boolean,
): ActivityResponse {
  return Object.assign(new ActivityResponse(), response, {
    participantId: anonymous ? null : response.participantId,
    correct: revealKey ? response.correct : null,
  });
}

/** The published form of an ActivityChange. */
export interface ActivityChangeEvent {
  sessionId: string;
  activityId: string;
  action: ActivityChangeAction;
  occurredAt: string;
  activity: Record<string, unknown>;
}

/** Builds the event sent to every participant, so the answer key is hidden until the activity closes. */
export function activityChangeEvent(
  activity: Activity,
  action: ActivityChangeAction,
  occurredAt: Date,
): ActivityChangeEvent {
  const view = activityView(activity, activity.status === 'closed');

  return {
    sessionId: activity.sessionId,
    activityId: activity.id,
    action,
    occurredAt: occurredAt.toISOString(),
    activity: JSON.parse(JSON.stringify({ ...view, organizationId: undefined })) as Record<
      string,
      unknown
    >,
  };
}

export function activityChangeFromEvent(event: ActivityChangeEvent): ActivityChange {
  const activity = Object.assign(new Activity(), event.activity);
  for (const field of ACTIVITY_DATES) {
    const value = event.activity[field];
    (activity as unknown as Record<string, unknown>)[field] =
      typeof value === 'string' ? new Date(value) : null;
  }

  return Object.assign(new ActivityChange(), event, {
    occurredAt: new Date(event.occurredAt),
    activity,
  });
}
