import { AppError, badInput, ErrorCode, notFound } from '../common/app-error';
import { MAX_MESSAGES_PER_SESSION, MAX_OPEN_GROUPS } from './breakout-group.entity';

export const BreakoutErrors = {
  groupNotFound: (id: string, field = 'groupId') => notFound('Breakout group', id, field),
  strategyFields: (strategy: string, field: string, rule: string) =>
    badInput(field, `${field} ${rule} with strategy "${strategy}".`, 'BREAKOUT_STRATEGY_FIELDS'),
  notAParticipant: (field: string, participantId: string) =>
    badInput(
      field,
      `${field} "${participantId}" is not a participant of this session. List participant ids from the session's participants.`,
      'BREAKOUT_PARTICIPANT_NOT_IN_SESSION',
    ),
  notAStudent: (field: string, participantId: string, role: string) =>
    badInput(
      field,
      `${field} "${participantId}" is an ${role}; breakout groups contain students only. Remove it from the list.`,
      'BREAKOUT_PARTICIPANT_NOT_STUDENT',
    ),
  removedParticipant: (field: string, participantId: string) =>
    badInput(
      field,
      `${field} "${participantId}" was removed from the session and cannot be put in a group. Remove it from the list.`,
      'BREAKOUT_PARTICIPANT_REMOVED',
    ),
  duplicateParticipant: (field: string, participantId: string, firstField: string) =>
    badInput(
      field,
      `${field} "${participantId}" is already listed at ${firstField}. Put each student in one group only.`,
      'BREAKOUT_DUPLICATE_PARTICIPANT',
    ),
  tooManyGroups: (field: string, requested: number, open: number) =>
    badInput(
      field,
      `${field} asks for ${requested} groups while ${open} are open, but a session has at most ${MAX_OPEN_GROUPS} open groups. Ask for fewer groups or close some first.`,
      'BREAKOUT_TOO_MANY_GROUPS',
    ),
  moreGroupsThanStudents: (field: string, groups: number, students: number) =>
    badInput(
      field,
      `${field} makes ${groups} groups, but only ${students} students can be assigned, so some groups would be empty. Ask for at most ${students} groups.`,
      'BREAKOUT_EMPTY_GROUP',
    ),
  noStudents: () =>
    new AppError(
      ErrorCode.Conflict,
      'No student of this session can be assigned: every student is removed or already in an open group. Close the open groups first.',
      { reason: 'BREAKOUT_NO_STUDENTS' },
    ),
  activityNotInSession: (activityId: string) =>
    badInput(
      'activityId',
      `activityId "${activityId}" is not an activity of this session. Link an activity created for this session, or leave it out.`,
      'BREAKOUT_ACTIVITY_NOT_IN_SESSION',
    ),
  alreadyInOpenGroup: (assigned: { participantId: string; groupName: string }[]) =>
    new AppError(
      ErrorCode.Conflict,
      `Participants are already in an open group: ${assigned
        .map((entry) => `${entry.participantId} (${entry.groupName})`)
        .join(', ')}. Close that group first; a participant is in at most one open group.`,
      {
        reason: 'BREAKOUT_ALREADY_ASSIGNED',
        details: { participantIds: assigned.map((entry) => entry.participantId) },
      },
    ),
  sessionNotLive: (status: string) =>
    new AppError(
      ErrorCode.Conflict,
      `Session is ${status}; breakout groups are created, joined and changed only while the session is live.`,
      { reason: 'SESSION_NOT_LIVE', details: { currentStatus: status } },
    ),
  groupClosed: (groupId: string) =>
    new AppError(
      ErrorCode.Conflict,
      `Breakout group "${groupId}" is closed. Its members are back in the main session.`,
      { reason: 'BREAKOUT_GROUP_CLOSED', field: 'groupId' },
    ),
  tooManyMessages: () =>
    new AppError(
      ErrorCode.Conflict,
      `The session already has ${MAX_MESSAGES_PER_SESSION} breakout messages, the maximum. Tell the groups in the main session instead.`,
      { reason: 'BREAKOUT_TOO_MANY_MESSAGES' },
    ),
  noOpenGroups: () =>
    new AppError(
      ErrorCode.Conflict,
      'The session has no open breakout groups to send a message to.',
      {
        reason: 'BREAKOUT_NO_OPEN_GROUPS',
      },
    ),
  instructorsOnly: (action: string) =>
    new AppError(
      ErrorCode.Forbidden,
      `Only the session's instructors and API keys can ${action}.`,
      { reason: 'INSTRUCTOR_ONLY' },
    ),
  studentsOnly: () =>
    new AppError(
      ErrorCode.Forbidden,
      'Only a student with a participant token (hlp_...) can request help in a breakout group.',
      { reason: 'BREAKOUT_STUDENT_ONLY' },
    ),
  notAMember: (groupId: string) =>
    new AppError(
      ErrorCode.Forbidden,
      `The participant is not a member of breakout group "${groupId}". Use the group the instructor assigned.`,
      { reason: 'BREAKOUT_NOT_A_MEMBER', field: 'groupId' },
    ),
  listenerRole: (role: string) =>
    new AppError(
      ErrorCode.Forbidden,
      `A ${role} cannot listen to a breakout group; only instructors and observers can.`,
      { reason: 'BREAKOUT_LISTENER_ROLE' },
    ),
  participantIdRequired: () =>
    badInput(
      'participantId',
      'participantId is required with an API key: name the participant who joins.',
      'PARTICIPANT_ID_REQUIRED',
    ),
  otherParticipant: () =>
    new AppError(
      ErrorCode.Forbidden,
      'A participant token can request join tokens only for its own participant. Leave participantId out or send your own id.',
      { reason: 'PARTICIPANT_OTHER_IDENTITY', field: 'participantId' },
    ),
};
