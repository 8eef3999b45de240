import { ParsedSegment } from './parsers/parsed-segment';
import { SegmentRow } from './segment-merge';
import { SpeakerAttributor } from './speaker-attribution';
import { TranscriptSegmentInput } from './dto/transcript-segment.input';
import { TranscriptErrors } from './transcripts.errors';

/**
 * Checks what class-validator cannot (end before start, a participant of another session) and
 * attributes each segment. `fieldPrefix` is `segments.<i>.` for a batch and empty for one segment.
 */
export function rowFromInput(
  input: TranscriptSegmentInput,
  attributor: SpeakerAttributor,
  sessionId: string,
  fieldPrefix: string,
): SegmentRow {
  if (input.endMs < input.startMs) {
    throw TranscriptErrors.endBeforeStart(`${fieldPrefix}endMs`, input.startMs, input.endMs);
  }
  if (input.participantId && !attributor.hasParticipant(input.participantId)) {
    throw TranscriptErrors.participantNotInSession(
      input.participantId,
      sessionId,
      `${fieldPrefix}participantId`,
    );
  }
  const attribution = attributor.attribute(
    input.speakerLabel,
    input.speakerRole,
    input.participantId,
  );

  return {
    clientSegmentId: input.clientSegmentId,
    speakerLabel: input.speakerLabel,
    text: input.text,
    startMs: input.startMs,
    endMs: input.endMs,
    isFinal: input.isFinal ?? true,
    ...attribution,
    explicitRole: input.speakerRole !== undefined && input.speakerRole !== null,
    explicitParticipant: Boolean(input.participantId),
    field: `${fieldPrefix}clientSegmentId`,
  };
}

/** Prefix of the clientSegmentId of uploaded segments. */
export const UPLOAD_ID_PREFIX = 'upload:';

/** Numbers uploaded segments `upload:1`, `upload:2`, ... in file order, so a re-upload is idempotent. */
export function rowFromParsed(
  segment: ParsedSegment,
  index: number,
  attributor: SpeakerAttributor,
): SegmentRow {
  const clientSegmentId = `${UPLOAD_ID_PREFIX}${index + 1}`;

  return {
    clientSegmentId,
    speakerLabel: segment.speakerLabel,
    text: segment.text,
    startMs: segment.startMs,
    endMs: segment.endMs,
    isFinal: true,
    ...attributor.attribute(segment.speakerLabel, segment.speakerRole),
    explicitRole: segment.speakerRole !== null,
    explicitParticipant: false,
    field: 'content',
  };
}
