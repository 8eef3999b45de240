import { EntityManager } from 'typeorm';
import { SegmentSource } from './transcript-limits';
import { decideMerge, mergeWithinBatch, SegmentContent, SegmentRow } from './segment-merge';

export interface WriteOutcome {
  transcriptVersion: number;
  inserted: number;
  replaced: number;
  unchanged: number;
  /** The clientSegmentIds of the inserted and replaced rows, for subscription events. */
  changedClientSegmentIds: string[];
}

const INSERT_COLUMNS = `
  INSERT INTO transcript_segments (
    organization_id, session_id, source, client_segment_id, speaker_label, speaker_role,
    participant_id, start_ms, end_ms, text, is_final
  )
  SELECT $1::uuid, $2::uuid, $3::varchar, * FROM unnest(
    $4::varchar[], $5::varchar[], $6::varchar[], $7::uuid[], $8::int[], $9::int[], $10::text[], $11::boolean[]
  )`;

/**
 * Inserts the segments whose clientSegmentId is new, with one statement over parameter arrays,
 * and returns their ids. A batch of only new segments so needs no lookup query before it.
 */
const INSERT_NEW_SQL = `${INSERT_COLUMNS}
  ON CONFLICT (session_id, client_segment_id) DO NOTHING
  RETURNING client_segment_id AS "clientSegmentId"`;

/** Replaces stored interim segments. The WHERE clause leaves final segments unchanged. */
const REPLACE_INTERIM_SQL = `${INSERT_COLUMNS}
  ON CONFLICT (session_id, client_segment_id) DO UPDATE SET
    speaker_label = EXCLUDED.speaker_label,
    speaker_role = EXCLUDED.speaker_role,
    participant_id = EXCLUDED.participant_id,
    start_ms = EXCLUDED.start_ms,
    end_ms = EXCLUDED.end_ms,
    text = EXCLUDED.text,
    is_final = EXCLUDED.is_final,
    source = EXCLUDED.source,
    received_at = now(),
    updated_at = now()
  WHERE transcript_segments.is_final = false`;

const SELECT_STORED_SQL = `
  SELECT client_segment_id AS "clientSegmentId", speaker_label AS "speakerLabel",
    speaker_role AS "speakerRole", participant_id AS "participantId", start_ms AS "startMs",
    end_ms AS "endMs", text, is_final AS "isFinal"
  FROM transcript_segments
  WHERE session_id = $1 AND organization_id = $2 AND client_segment_id = ANY($3::varchar[])`;

/**
 * Creates the session's transcript row if needed and locks it until the transaction ends, so
 * writers of one session run one after another and the idempotency check reads every stored row.
 */
async function lockTranscript(manager: EntityManager, organizationId: string, sessionId: string) {
  await manager.query(
    `INSERT INTO session_transcripts (session_id, organization_id) VALUES ($1, $2)
     ON CONFLICT (session_id) DO UPDATE SET version = session_transcripts.version`,
    [sessionId, organizationId],
  );
}

type WriteIds = { organizationId: string; sessionId: string; source: SegmentSource };

function runInsert(
  manager: EntityManager,
  sql: string,
  ids: WriteIds,
  rows: SegmentRow[],
): Promise<unknown> {
  return manager.query(sql, [
    ids.organizationId,
    ids.sessionId,
    ids.source,
    rows.map((row) => row.clientSegmentId),
    rows.map((row) => row.speakerLabel),
    rows.map((row) => row.speakerRole),
    rows.map((row) => row.participantId),
    rows.map((row) => row.startMs),
    rows.map((row) => row.endMs),
    rows.map((row) => row.text),
    rows.map((row) => row.isFinal),
  ]);
}

async function bumpVersion(
  manager: EntityManager,
  sessionId: string,
  finalDelta: number,
): Promise<void> {
  await manager.query(
    `UPDATE session_transcripts
     SET version = version + 1, final_segment_count = final_segment_count + $2, updated_at = now()
     WHERE session_id = $1`,
    [sessionId, finalDelta],
  );
}

async function currentVersion(manager: EntityManager, sessionId: string): Promise<number> {
  const rows: { version: number }[] = await manager.query(
    `SELECT version FROM session_transcripts WHERE session_id = $1`,
    [sessionId],
  );

  return Number(rows[0]?.version ?? 0);
}

async function insertNew(
  manager: EntityManager,
  ids: WriteIds,
  rows: SegmentRow[],
): Promise<Set<string>> {
  const inserted = (await runInsert(manager, INSERT_NEW_SQL, ids, rows)) as {
    clientSegmentId: string;
  }[];

  return new Set(inserted.map((row) => row.clientSegmentId));
}

async function loadStored(manager: EntityManager, ids: WriteIds, rows: SegmentRow[]) {
  const stored: SegmentContent[] = await manager.query(SELECT_STORED_SQL, [
    ids.sessionId,
    ids.organizationId,
    rows.map((row) => row.clientSegmentId),
  ]);

  return new Map(stored.map((segment) => [segment.clientSegmentId, segment]));
}

/**
 * Applies the idempotency rule to rows whose clientSegmentId was already stored, replaces the
 * interim ones that changed, and returns how many rows were replaced and how many became final.
 */
async function mergeExisting(manager: EntityManager, ids: WriteIds, rows: SegmentRow[]) {
  const storedById = await loadStored(manager, ids, rows);
  const replacements = rows.filter(
    (row) => decideMerge(storedById.get(row.clientSegmentId), row) !== 'unchanged',
  );
  if (replacements.length > 0) {
    await runInsert(manager, REPLACE_INTERIM_SQL, ids, replacements);
  }

  return {
    replaced: replacements.length,
    replacedIds: replacements.map((row) => row.clientSegmentId),
    unchanged: rows.length - replacements.length,
    newFinals: replacements.filter((row) => row.isFinal).length,
  };
}

/**
 * Writes segments to one session's transcript inside the caller's transaction, applying the
 * idempotency rule within the batch and against stored rows. Raises CONFLICT, and so rolls the
 * whole transaction back, when any final segment would change.
 */
export async function writeSegments(
  manager: EntityManager,
  ids: WriteIds,
  rows: SegmentRow[],
): Promise<WriteOutcome> {
  const batch = mergeWithinBatch(rows);
  await lockTranscript(manager, ids.organizationId, ids.sessionId);
  const insertedIds = await insertNew(manager, ids, batch.rows);
  const existing = batch.rows.filter((row) => !insertedIds.has(row.clientSegmentId));
  const merged =
    existing.length > 0
      ? await mergeExisting(manager, ids, existing)
      : { replaced: 0, replacedIds: [], unchanged: 0, newFinals: 0 };
  const inserted = insertedIds.size;
  const outcome = {
    inserted,
    replaced: batch.replaced + merged.replaced,
    unchanged: batch.unchanged + merged.unchanged,
    changedClientSegmentIds: [...insertedIds, ...merged.replacedIds],
  };
  if (inserted + merged.replaced === 0) {
    return { ...outcome, transcriptVersion: await currentVersion(manager, ids.sessionId) };
  }
  const insertedFinals = batch.rows.filter(
    (row) => row.isFinal && insertedIds.has(row.clientSegmentId),
  ).length;
  await bumpVersion(manager, ids.sessionId, insertedFinals + merged.newFinals);

  return { ...outcome, transcriptVersion: await currentVersion(manager, ids.sessionId) };
}
