import { AppError, badInput, ErrorCode, notFound } from '../common/app-error';
import { PhaseStatus } from './session-phase.entity';
import { SessionStatus } from './session.entity';

export type SessionAction =
  'start' | 'end' | 'cancel' | 'document' | 'join' | 'change participants' | 'change phases';

/** The one status each action requires, and the wording of its rejection. */
const REQUIRED_STATUS: Record<
  SessionAction,
  { from: SessionStatus[]; verb: string; rule: string }
> = {
  start: { from: ['scheduled'], verb: 'start again', rule: 'Only scheduled sessions can start.' },
  end: { from: ['live'], verb: 'end', rule: 'Only live sessions can end.' },
  cancel: {
    from: ['scheduled'],
    verb: 'be cancelled',
    rule: 'Only scheduled sessions can be cancelled.',
  },
  document: {
    from: ['ended'],
    verb: 'be documented',
    rule: 'Only ended sessions can be documented.',
  },
  join: {
    from: ['scheduled', 'live'],
    verb: 'be joined',
    rule: 'Only scheduled or live sessions can be joined.',
  },
  'change participants': {
    from: ['scheduled', 'live'],
    verb: 'change participants',
    rule: 'Only scheduled or live sessions can change participants.',
  },
  'change phases': {
    from: ['live'],
    verb: 'change phases',
    rule: 'Lesson phases are started, advanced, skipped and reordered only while the session is live.',
  },
};

export const SessionErrors = {
  notFound: (id: string, field = 'id') => notFound('Session', id, field),
  participantNotFound: (id: string, field = 'participantId') => notFound('Participant', id, field),
  phaseNotFound: (id: string, field = 'phaseId') =>
    new AppError(
      ErrorCode.NotFound,
      `Phase "${id}" is not in this session's lesson plan. Check the ${field}.`,
      { field, reason: 'PHASE_NOT_FOUND' },
    ),
  /** Rejects a start or skip of a phase that is no longer planned, naming its status. */
  phaseNotPlanned: (id: string, status: PhaseStatus, action: 'start' | 'skip') =>
    new AppError(
      ErrorCode.Conflict,
      `Phase "${id}" is ${status}; it cannot ${action}. Only planned phases can ${action}.`,
      {
        reason: 'PHASE_ILLEGAL_TRANSITION',
        field: 'phaseId',
        details: { currentStatus: status, requestedAction: action },
      },
    ),
  noPhaseToAdvance: () =>
    new AppError(
      ErrorCode.Conflict,
      'No phase is active and none is planned, so there is nothing to advance. End the session instead.',
      { reason: 'NO_PHASE_TO_ADVANCE' },
    ),
  /** Rejects a reorder whose ids are not exactly the session's planned phases. */
  phaseOrderMismatch: (missing: string[], unexpected: string[], duplicates: string[]) => {
    const parts = [
      missing.length > 0 ? `missing planned phases: ${missing.join(', ')}` : '',
      unexpected.length > 0
        ? `ids that are not planned phases of this session: ${unexpected.join(', ')}`
        : '',
      duplicates.length > 0 ? `repeated ids: ${duplicates.join(', ')}` : '',
    ].filter((part) => part !== '');

    return new AppError(
      ErrorCode.BadUserInput,
      `phaseIds must list each planned phase of the session exactly once; ${parts.join('; ')}. ` +
        'Read the phases with status planned and send all of their ids in the new order.',
      {
        field: 'phaseIds',
        reason: 'PHASE_ORDER_MISMATCH',
        details: { missing, unexpected, duplicates },
      },
    );
  },
  /** Rejects an action that the session's current status does not allow, naming both. */
  assertAllowed(action: SessionAction, status: SessionStatus): void {
    const rule = REQUIRED_STATUS[action];
    if (rule.from.includes(status)) {
      return;
    }
    throw new AppError(
      ErrorCode.Conflict,
      `Session is ${status}; it cannot ${rule.verb}. ${rule.rule}`,
      {
        reason: 'SESSION_ILLEGAL_TRANSITION',
        details: { currentStatus: status, requestedAction: action },
      },
    );
  },
  endNotAfterStart: (start: string, end: string) =>
    badInput(
      'scheduledEnd',
      `scheduledEnd "${end}" must be after scheduledStart "${start}". Set an end later than the start.`,
      'SESSION_END_BEFORE_START',
    ),
  tooLong: (hours: number) =>
    badInput(
      'scheduledEnd',
      `The session lasts ${hours.toFixed(1)} hours, but the maximum is 12. Move scheduledEnd earlier.`,
      'SESSION_TOO_LONG',
    ),
  missingOffset: (field: string, value: string) =>
    badInput(
      field,
      `${field} "${value}" has no UTC offset. Add one, e.g. "2026-03-02T16:00:00+01:00" or a trailing "Z".`,
      'MISSING_UTC_OFFSET',
    ),
  unknownEnrollments: (ids: string[]) =>
    new AppError(
      ErrorCode.NotFound,
      `Enrollments not found in this organization: ${ids.join(', ')}. Check enrollmentIds.`,
      { reason: 'ENROLLMENT_NOT_FOUND', field: 'enrollmentIds', details: { enrollmentIds: ids } },
    ),
  unknownObjectives: (phaseIndex: number, codes: string[]) =>
    badInput(
      `phases.${phaseIndex}.objectiveCodes`,
      `phases.${phaseIndex}.objectiveCodes contains codes that are in none of the enrollments' curricula: ` +
        `${codes.join(', ')}. Use objective codes of those curricula.`,
      'UNKNOWN_OBJECTIVE_CODES',
    ),
  toolsNotInRoom: (phaseIndex: number, tools: string[], roomTools: string[]) =>
    badInput(
      `phases.${phaseIndex}.tools`,
      `phases.${phaseIndex}.tools lists tools the room does not enable: ${tools.join(', ')}. ` +
        `The room enables: ${roomTools.join(', ') || 'no tools'}. Enable them on the room first, or leave them out.`,
      'TOOL_NOT_IN_ROOM',
    ),
  toolNotEnabled: (tool: string, phase: { title: string; kind: string } | null) =>
    new AppError(
      ErrorCode.Forbidden,
      phase
        ? `The current lesson phase "${phase.title}" (${phase.kind}) does not enable the ${tool} tool for students. ` +
            'Wait until the instructor starts a phase that enables it.'
        : `This session's room does not enable the ${tool} tool. An admin can enable it on the room.`,
      { reason: 'TOOL_NOT_ENABLED', details: { tool } },
    ),
  tooManyParticipants: (count: number, capacity: number) =>
    new AppError(
      ErrorCode.Conflict,
      `The session would have ${count} participants but the room capacity is ${capacity}. ` +
        'Raise the room capacity or move people to another session.',
      { reason: 'ROOM_CAPACITY_EXCEEDED', details: { capacity } },
    ),
  participantExists: (identity: string) =>
    new AppError(
      ErrorCode.Conflict,
      `A participant with identity "${identity}" is already in this session.`,
      { reason: 'PARTICIPANT_EXISTS', field: 'identity' },
    ),
  observerIdentityMissing: () =>
    badInput(
      'identity',
      'Give memberId or identity, so the observer has a stable identity.',
      'IDENTITY_MISSING',
    ),
  participantRemoved: (id: string) =>
    new AppError(
      ErrorCode.Forbidden,
      `Participant "${id}" was removed from this session and cannot join it.`,
      { reason: 'PARTICIPANT_REMOVED', field: 'participantId' },
    ),
  participantAlreadyRemoved: (id: string) =>
    new AppError(ErrorCode.Conflict, `Participant "${id}" is already removed.`, {
      reason: 'PARTICIPANT_ALREADY_REMOVED',
      field: 'participantId',
    }),
  participantTokenRequired: () =>
    new AppError(
      ErrorCode.Forbidden,
      'This operation needs a participant token (hlp_...): call joinSession and send its participantToken.',
      { reason: 'PARTICIPANT_TOKEN_REQUIRED' },
    ),
  mediaTokenNeedsParticipant: () =>
    new AppError(
      ErrorCode.Forbidden,
      'issueMediaToken (POST /v1/sessions/:id/media-token) needs the participant token (hlp_...) of the ' +
        'participant who connects, not an API key. With an API key, call joinSession: its response carries media.',
      { reason: 'PARTICIPANT_TOKEN_REQUIRED' },
    ),
  /** Rejects a media token request for a session that has ended or was cancelled. */
  mediaSessionClosed: (sessionId: string, status: SessionStatus) =>
    new AppError(
      ErrorCode.Conflict,
      `Session "${sessionId}" is ${status}, so it has no video and audio. ` +
        'Media access is issued only while a session is scheduled or live.',
      { field: 'sessionId', reason: 'SESSION_CLOSED', details: { currentStatus: status } },
    ),
  wrongSession: () =>
    new AppError(ErrorCode.Forbidden, 'This participant token belongs to another session.', {
      reason: 'PARTICIPANT_WRONG_SESSION',
    }),
};
