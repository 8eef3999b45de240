import { EntityManager } from 'typeorm';
import { TimelineEvent } from './attendance';

/** Timeline events of one participant in one session. */
export interface ParticipantTimeline {
  sessionId: string;
  participantId: string;
  events: TimelineEvent[];
}

interface TimelineRow {
  session_id: string;
  participant_id: string;
  type: TimelineEvent['type'];
  at_ms: string;
  connection_id: string | null;
  focused: boolean | null;
}

/**
 * Reads the `joined`, `left` and, unless `presenceOnly`, `attention_changed` events of
 * standard connections, in time order, grouped by session and participant. Events of
 * screen_share, recorder and agent connections never count toward attendance.
 */
export async function readTimelines(
  manager: EntityManager,
  organizationId: string,
  sessionIds: readonly string[],
  options: { participantIds?: readonly string[]; presenceOnly?: boolean } = {},
): Promise<ParticipantTimeline[]> {
  const types = options.presenceOnly ? ['joined', 'left'] : ['joined', 'left', 'attention_changed'];
  const params: unknown[] = [organizationId, [...sessionIds], types];
  let participantFilter = '';
  if (options.participantIds) {
    params.push([...options.participantIds]);
    participantFilter = 'AND participant_id = ANY($4)';
  }
  const rows: TimelineRow[] = await manager.query(
    `SELECT session_id, participant_id, type,
            (extract(epoch FROM occurred_at) * 1000)::bigint AS at_ms,
            data->>'connectionId' AS connection_id,
            CASE WHEN jsonb_typeof(data->'focused') = 'boolean' THEN (data->>'focused')::boolean END AS focused
       FROM engagement_events
      WHERE organization_id = $1 AND session_id = ANY($2) AND type = ANY($3)
        AND participant_kind = 'standard' ${participantFilter}
      ORDER BY session_id, participant_id, occurred_at, sequence`,
    params,
  );
  const timelines: ParticipantTimeline[] = [];
  let current: ParticipantTimeline | undefined;
  for (const row of rows) {
    if (
      !current ||
      current.sessionId !== row.session_id ||
      current.participantId !== row.participant_id
    ) {
      current = { sessionId: row.session_id, participantId: row.participant_id, events: [] };
      timelines.push(current);
    }
    current.events.push({
      type: row.type,
      at: Number(row.at_ms),
      connectionId: row.connection_id,
      focused: row.focused,
    });
  }

  return timelines;
}

/** Counts and sums of one participant's events in one session, from standard connections. */
export interface ActivityCounts {
  sessionId: string;
  participantId: string;
  talkMs: number;
  responses: number;
  gradedResponses: number;
  correctResponses: number;
  boardOperations: number;
  handRaises: number;
  chatMessages: number;
  reactions: number;
  helpRequests: number;
}

interface CountRow {
  session_id: string;
  participant_id: string;
  talk_ms: string;
  responses: string;
  graded_responses: string;
  correct_responses: string;
  board_operations: string;
  hand_raises: string;
  chat_messages: string;
  reactions: string;
  help_requests: string;
}

/** Aggregates every participant's activity in the sessions in one statement. */
export async function readActivityCounts(
  manager: EntityManager,
  organizationId: string,
  sessionIds: readonly string[],
): Promise<ActivityCounts[]> {
  const rows: CountRow[] = await manager.query(
    `SELECT session_id, participant_id,
            coalesce(sum(duration_ms) FILTER (WHERE type = 'spoke'), 0) AS talk_ms,
            count(*) FILTER (WHERE type = 'responded') AS responses,
            count(*) FILTER (WHERE type = 'responded' AND jsonb_typeof(data->'correct') = 'boolean') AS graded_responses,
            count(*) FILTER (WHERE type = 'responded' AND data->'correct' = 'true'::jsonb) AS correct_responses,
            count(*) FILTER (WHERE type = 'board_operation') AS board_operations,
            count(*) FILTER (WHERE type = 'hand_raised' AND data->'raised' IS DISTINCT FROM 'false'::jsonb) AS hand_raises,
            count(*) FILTER (WHERE type = 'chat_message') AS chat_messages,
            count(*) FILTER (WHERE type = 'reaction') AS reactions,
            count(*) FILTER (WHERE type = 'help_requested') AS help_requests
       FROM engagement_events
      WHERE organization_id = $1 AND session_id = ANY($2) AND participant_kind = 'standard'
        AND type IN ('spoke', 'responded', 'board_operation', 'hand_raised', 'chat_message', 'reaction', 'help_requested')
      GROUP BY session_id, participant_id`,
    [organizationId, [...sessionIds]],
  );

  return rows.map((row) => ({
    sessionId: row.session_id,
    participantId: row.participant_id,
    talkMs: Number(row.talk_ms),
    responses: Number(row.responses),
    gradedResponses: Number(row.graded_responses),
    correctResponses: Number(row.correct_responses),
    boardOperations: Number(row.board_operations),
    handRaises: Number(row.hand_raises),
    chatMessages: Number(row.chat_messages),
    reactions: Number(row.reactions),
    helpRequests: Number(row.help_requests),
  }));
}
