import { AppError, badInput, ErrorCode } from '../common/app-error';
import { SessionStatus } from '../sessions/session.entity';
import { TranscriptParseError } from './parsers/parsed-segment';
import { UPLOAD_ID_PREFIX } from './segment-rows';
import {
  MAX_BATCH_SEGMENTS,
  MAX_UPLOAD_BYTES,
  MAX_UPLOAD_SEGMENTS,
  TRANSCRIPT_FORMATS,
} from './transcript-limits';

/** Session statuses in which the transcript still accepts segments. */
export const WRITABLE_SESSION_STATUSES: SessionStatus[] = ['scheduled', 'live', 'ended'];

export const TranscriptErrors = {
  sessionClosed: (sessionId: string, status: SessionStatus) =>
    new AppError(
      ErrorCode.Conflict,
      `Session "${sessionId}" is ${status}; its transcript no longer accepts segments. ` +
        'Only scheduled, live or ended sessions accept transcript segments.',
      { reason: 'TRANSCRIPT_CLOSED', field: 'sessionId', details: { currentStatus: status } },
    ),
  finalSegmentChanged: (clientSegmentId: string, field: string) =>
    new AppError(
      ErrorCode.Conflict,
      clientSegmentId.startsWith(UPLOAD_ID_PREFIX)
        ? `Segment ${clientSegmentId.slice(UPLOAD_ID_PREFIX.length)} of this file differs from the ` +
            'same segment of the transcript uploaded to this session before, and uploaded segments ' +
            'are final. Upload the earlier file unchanged, or send further speech as segments with ' +
            'your own clientSegmentId values (POST /v1/sessions/{id}/transcript/segments/batch).'
        : `Segment "${clientSegmentId}" is final and cannot change: a segment with this ` +
            'clientSegmentId and different content was already accepted. Send new speech with a ' +
            'new clientSegmentId.',
      { reason: 'FINAL_SEGMENT_CHANGED', field, details: { clientSegmentId } },
    ),
  repeatedInBatch: (clientSegmentId: string, first: number, second: number) =>
    badInput(
      `segments.${second}.clientSegmentId`,
      `segments.${second}.clientSegmentId "${clientSegmentId}" repeats the final segment ` +
        `segments.${first} of this batch with other content. Give each segment its own ` +
        'clientSegmentId.',
      'DUPLICATE_SEGMENT_IN_BATCH',
    ),
  endBeforeStart: (field: string, startMs: number, endMs: number) =>
    badInput(
      field,
      `${field} (${endMs}) is before startMs (${startMs}). Set endMs to startMs or later.`,
      'SEGMENT_END_BEFORE_START',
    ),
  participantNotInSession: (participantId: string, sessionId: string, field: string) =>
    new AppError(
      ErrorCode.NotFound,
      `${field} "${participantId}" is not a participant of session "${sessionId}". ` +
        'Pass the id of one of its participants, or omit it to match the speaker by name.',
      { reason: 'PARTICIPANT_NOT_FOUND', field },
    ),
  tooManySegments: (count: number) =>
    badInput(
      'segments',
      `The batch has ${count} segments; the maximum is ${MAX_BATCH_SEGMENTS} per request. Split it into smaller batches.`,
      'TRANSCRIPT_BATCH_TOO_LARGE',
    ),
  emptyUpload: () =>
    badInput(
      'content',
      'The transcript content is empty. Send the file contents.',
      'TRANSCRIPT_EMPTY',
    ),
  uploadTooLarge: (bytes: number) =>
    new AppError(
      ErrorCode.PayloadTooLarge,
      `The transcript is ${bytes} bytes; the maximum is ${MAX_UPLOAD_BYTES} bytes (10 MB). Split it into several uploads.`,
      { reason: 'TRANSCRIPT_TOO_LARGE', field: 'content' },
    ),
  uploadTooManySegments: (count: number) =>
    badInput(
      'content',
      `The transcript has ${count} segments; the maximum is ${MAX_UPLOAD_SEGMENTS} per upload. Split it into several files.`,
      'TRANSCRIPT_TOO_MANY_SEGMENTS',
    ),
  unknownFormat: (value: string) =>
    badInput(
      'format',
      `format "${value.slice(0, 40)}" is not supported: use one of ${TRANSCRIPT_FORMATS.join(', ')}.`,
      'TRANSCRIPT_FORMAT_UNKNOWN',
    ),
  wrongContentType: (format: string) =>
    badInput(
      'content',
      `A ${format} transcript must be sent as text: pass the file contents as a string.`,
      'TRANSCRIPT_CONTENT_NOT_TEXT',
    ),
  unreadable: (error: TranscriptParseError) =>
    new AppError(ErrorCode.BadUserInput, `The transcript cannot be read: ${error.message}`, {
      reason: 'TRANSCRIPT_UNREADABLE',
      field: error.field,
      details: { ...error.location },
    }),
};
