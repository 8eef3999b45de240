import { AppError, badInput, conflict, ErrorCode } from '../common/app-error';
import {
  CHAT_RATE_WINDOW_SECONDS,
  MAX_CHAT_MESSAGES_PER_SESSION,
  MAX_CHAT_MESSAGES_PER_WINDOW,
} from './chat-limits';

export const ChatErrors = {
  blankBody: () =>
    badInput(
      'body',
      'body contains only whitespace. Send at least one visible character.',
      'CHAT_MESSAGE_BLANK',
    ),
  participantIdRequired: () =>
    badInput(
      'participantId',
      'participantId is missing. An API key sends a chat message on behalf of a participant of the session; name that participant.',
      'PARTICIPANT_ID_REQUIRED',
    ),
  otherParticipant: () =>
    new AppError(
      ErrorCode.Forbidden,
      'A participant token sends chat messages only as itself. Leave participantId out, or set it to your own participant id.',
      { reason: 'CHAT_OTHER_PARTICIPANT', field: 'participantId' },
    ),
  removedParticipant: (participantId: string) =>
    new AppError(
      ErrorCode.Forbidden,
      `Participant "${participantId}" was removed from the session and cannot send chat messages.`,
      { reason: 'PARTICIPANT_REMOVED', field: 'participantId' },
    ),
  observerCannotSend: () =>
    new AppError(ErrorCode.Forbidden, 'Observers read the session chat but cannot send messages.', {
      reason: 'OBSERVER_CANNOT_CHAT',
    }),
  sessionNotLive: (status: string) =>
    conflict(
      `The session is ${status}; chat messages can be sent only while it is live. Start the session first.`,
      'CHAT_SESSION_NOT_LIVE',
      { status },
    ),
  tooManyMessages: () =>
    conflict(
      `The session already has ${MAX_CHAT_MESSAGES_PER_SESSION} chat messages, the maximum per session.`,
      'CHAT_SESSION_FULL',
    ),
  rateLimited: () =>
    new AppError(
      ErrorCode.TooManyRequests,
      `A participant sends at most ${MAX_CHAT_MESSAGES_PER_WINDOW} chat messages in ${CHAT_RATE_WINDOW_SECONDS} seconds. Wait a few seconds and send again.`,
      { reason: 'RATE_LIMITED' },
    ),
};
