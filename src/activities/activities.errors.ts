import { AppError, badInput, ErrorCode, notFound } from '../common/app-error';
import { ActivityStatus } from './activity.entity';

export const ActivityErrors = {
  notFound: (id: string, field = 'activityId') => notFound('Activity', id, field),
  tooManyActivities: (max: number) =>
    new AppError(
      ErrorCode.Conflict,
      `The session already has ${max} activities, the maximum. Reuse or close existing activities.`,
      { reason: 'TOO_MANY_ACTIVITIES', field: 'sessionId' },
    ),
  /** Rejects an open or close that the activity's status does not allow. */
  illegalTransition: (id: string, status: ActivityStatus, action: 'open' | 'close') =>
    new AppError(
      ErrorCode.Conflict,
      action === 'open'
        ? `Activity "${id}" is ${status}; only draft activities can open. Create a new activity to ask again.`
        : `Activity "${id}" is ${status}; only open activities can close.`,
      {
        reason: 'ACTIVITY_ILLEGAL_TRANSITION',
        field: 'activityId',
        details: { currentStatus: status, requestedAction: action },
      },
    ),
  notOpen: (id: string, status: ActivityStatus, closedAt: Date | null) =>
    new AppError(
      ErrorCode.Conflict,
      status === 'closed'
        ? `Activity "${id}" closed at ${closedAt?.toISOString() ?? 'an earlier time'} and no longer accepts responses.`
        : `Activity "${id}" is a draft and does not accept responses yet. Wait until the instructor opens it.`,
      {
        reason: status === 'closed' ? 'ACTIVITY_CLOSED' : 'ACTIVITY_NOT_OPEN',
        field: 'activityId',
        details: { currentStatus: status },
      },
    ),
  sessionNotLive: (sessionId: string, status: string, action: string) =>
    new AppError(
      ErrorCode.Conflict,
      `Session "${sessionId}" is ${status}; activities ${action} only while the session is live.`,
      { reason: 'SESSION_NOT_LIVE', field: 'sessionId', details: { currentStatus: status } },
    ),
  sessionNotPlannable: (sessionId: string, status: string) =>
    new AppError(
      ErrorCode.Conflict,
      `Session "${sessionId}" is ${status}; activities are created only for scheduled or live sessions.`,
      { reason: 'SESSION_NOT_PLANNABLE', field: 'sessionId', details: { currentStatus: status } },
    ),
  instructorOnly: (action: string) =>
    new AppError(
      ErrorCode.Forbidden,
      `Only the session's instructors and API keys can ${action}.`,
      { reason: 'INSTRUCTOR_ONLY' },
    ),
  studentsOnly: () =>
    new AppError(
      ErrorCode.Forbidden,
      'Only student participants respond to activities; this participant token is not a student’s.',
      { reason: 'STUDENTS_ONLY' },
    ),
  otherParticipant: () =>
    new AppError(
      ErrorCode.Forbidden,
      'A participant token responds only for its own participant. Omit participantId or send your own.',
      { reason: 'PARTICIPANT_MISMATCH', field: 'participantId' },
    ),
  participantIdRequired: () =>
    badInput(
      'participantId',
      'participantId is required when an API key submits a response: pass the id of the responding student participant.',
      'PARTICIPANT_ID_REQUIRED',
    ),
  participantNotInSession: (participantId: string) =>
    new AppError(
      ErrorCode.NotFound,
      `participantId "${participantId}" is not a participant of this activity's session. ` +
        'Pass the id of one of its student participants.',
      { reason: 'PARTICIPANT_NOT_FOUND', field: 'participantId' },
    ),
  participantNotStudent: (participantId: string, role: string) =>
    badInput(
      'participantId',
      `participantId "${participantId}" is an ${role}, not a student; only students respond to activities.`,
      'PARTICIPANT_NOT_STUDENT',
    ),
  participantRemoved: (participantId: string) =>
    new AppError(
      ErrorCode.Forbidden,
      `Participant "${participantId}" was removed from this session and cannot respond.`,
      { reason: 'PARTICIPANT_REMOVED', field: 'participantId' },
    ),
  resultsNotAvailable: (id: string) =>
    new AppError(
      ErrorCode.Forbidden,
      `The results of activity "${id}" are shown to students only after it closes. Read your own response instead.`,
      { reason: 'RESULTS_NOT_AVAILABLE', field: 'activityId' },
    ),
  anonymousResponses: (id: string) =>
    new AppError(
      ErrorCode.Forbidden,
      `Activity "${id}" is anonymous, so who answered what is never shown. Read its aggregate results instead.`,
      { reason: 'ANONYMOUS_ACTIVITY', field: 'activityId' },
    ),
  participantTokenRequired: () =>
    new AppError(
      ErrorCode.Forbidden,
      'This operation reads the caller’s own response and needs a participant token (hlp_...).',
      { reason: 'PARTICIPANT_TOKEN_REQUIRED' },
    ),
  unknownObjective: (code: string) =>
    badInput(
      'objectiveCode',
      `objectiveCode "${code.slice(0, 100)}" is in none of the curricula of the session's enrollments. ` +
        'Use an objective code of those curricula, or omit it.',
      'UNKNOWN_OBJECTIVE_CODE',
    ),
};
