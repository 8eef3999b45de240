import { SpeakerRole } from './transcript-limits';
import { TranscriptErrors } from './transcripts.errors';

/** The stored content of a segment, compared with a repeat of its clientSegmentId. */
export interface SegmentContent {
  clientSegmentId: string;
  speakerLabel: string;
  speakerRole: SpeakerRole;
  participantId: string | null;
  startMs: number;
  endMs: number;
  text: string;
  isFinal: boolean;
}

/** A validated, attributed segment ready to write. */
export interface SegmentRow extends SegmentContent {
  /** Whether the sender set the role or participant; only those are compared with a final segment. */
  explicitRole: boolean;
  explicitParticipant: boolean;
  /** The input path of this segment's clientSegmentId, named in a conflict, e.g. `segments.3.clientSegmentId`. */
  field: string;
}

export type MergeDecision = 'insert' | 'replace' | 'unchanged';

function sameSpeech(stored: SegmentContent, incoming: SegmentRow): boolean {
  return (
    stored.speakerLabel === incoming.speakerLabel &&
    stored.startMs === incoming.startMs &&
    stored.endMs === incoming.endMs &&
    stored.text === incoming.text &&
    (!incoming.explicitRole || stored.speakerRole === incoming.speakerRole) &&
    (!incoming.explicitParticipant || stored.participantId === incoming.participantId)
  );
}

function identical(stored: SegmentContent, incoming: SegmentRow): boolean {
  return (
    sameSpeech(stored, incoming) &&
    stored.isFinal === incoming.isFinal &&
    stored.speakerRole === incoming.speakerRole &&
    stored.participantId === incoming.participantId
  );
}

/**
 * Applies the idempotency rule to a segment whose clientSegmentId is already stored. A final
 * segment is immutable: a repeat of the same speech changes nothing, different speech raises
 * CONFLICT. An interim segment is replaced unless the repeat is identical.
 */
export function decideMerge(
  stored: SegmentContent | undefined,
  incoming: SegmentRow,
): MergeDecision {
  if (!stored) {
    return 'insert';
  }
  if (stored.isFinal) {
    if (!sameSpeech(stored, incoming)) {
      throw TranscriptErrors.finalSegmentChanged(incoming.clientSegmentId, incoming.field);
    }

    return 'unchanged';
  }

  return identical(stored, incoming) ? 'unchanged' : 'replace';
}

export interface MergedBatch {
  /** The last accepted version of each clientSegmentId, in order of first appearance. */
  rows: SegmentRow[];
  /** Earlier interim segments of the batch that a later one replaced. */
  replaced: number;
  unchanged: number;
}

/** Collapses repeats of one clientSegmentId inside a batch with the same rule as for stored rows. */
export function mergeWithinBatch(rows: SegmentRow[]): MergedBatch {
  const latest = new Map<string, SegmentRow>();
  let replaced = 0;
  let unchanged = 0;
  for (const row of rows) {
    const decision = decideMerge(latest.get(row.clientSegmentId), row);
    if (decision === 'unchanged') {
      unchanged += 1;
    } else {
      replaced += decision === 'replace' ? 1 : 0;
      latest.set(row.clientSegmentId, row);
    }
  }

  return { rows: [...latest.values()], replaced, unchanged };
}
