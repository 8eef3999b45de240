import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RequestContext } from '../common/request-context';
import { BreakoutActivitySummary } from './breakout-output';

interface ShareRow {
  participant_id: string;
  correct: string;
  answered: string;
}

interface SummaryRow {
  group_id: string;
  responses: string;
  respondents: string;
  correct: string;
}

/**
 * Reads the activity responses that breakouts use: check correctness for balanced groups and
 * the responses of a group's members to its linked activity. Read-only.
 */
@Injectable()
export class BreakoutActivityResults {
  /** Returns true when the activity belongs to the session and the caller's organization. */
  async isSessionActivity(
    manager: EntityManager,
    ctx: RequestContext,
    sessionId: string,
    activityId: string,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM activities WHERE id = $1 AND session_id = $2 AND organization_id = $3`,
      [activityId, sessionId, ctx.organizationId],
    );

    return rows.length > 0;
  }

  /**
   * Returns each participant's share of correct responses to the session's checks, counting only
   * responses that have a correctness, which checks without a correct answer lack. Participants
   * without such responses are missing from the map.
   */
  async correctShares(
    manager: EntityManager,
    ctx: RequestContext,
    sessionId: string,
  ): Promise<Map<string, number>> {
    const rows: ShareRow[] = await manager.query(
      `SELECT r.participant_id, count(*) FILTER (WHERE r.correct) AS correct, count(*) AS answered
         FROM activity_responses r
         JOIN activities a ON a.id = r.activity_id AND a.organization_id = r.organization_id
        WHERE r.organization_id = $1 AND r.session_id = $2 AND a.kind = 'check'
          AND r.correct IS NOT NULL AND r.participant_id IS NOT NULL
        GROUP BY r.participant_id`,
      [ctx.organizationId, sessionId],
    );

    return new Map(
      rows.map((row) => [row.participant_id, Number(row.correct) / Number(row.answered)]),
    );
  }

  /** Summarizes, per group, the responses of the group's members to the group's linked activity. */
  async summarize(
    manager: EntityManager,
    ctx: RequestContext,
    groupIds: readonly string[],
  ): Promise<Map<string, BreakoutActivitySummary>> {
    if (groupIds.length === 0) {
      return new Map();
    }
    const rows: (SummaryRow & { activity_id: string })[] = await manager.query(
      `SELECT g.id AS group_id, g.activity_id,
              count(r.id) AS responses,
              count(DISTINCT r.participant_id) AS respondents,
              count(r.id) FILTER (WHERE r.correct) AS correct
         FROM breakout_groups g
         JOIN breakout_members m ON m.group_id = g.id AND m.organization_id = g.organization_id
         LEFT JOIN activity_responses r
           ON r.activity_id = g.activity_id AND r.participant_id = m.participant_id
          AND r.organization_id = g.organization_id
        WHERE g.organization_id = $1 AND g.id = ANY($2::uuid[]) AND g.activity_id IS NOT NULL
        GROUP BY g.id, g.activity_id`,
      [ctx.organizationId, [...groupIds]],
    );

    return new Map(
      rows.map((row) => [
        row.group_id,
        Object.assign(new BreakoutActivitySummary(), {
          activityId: row.activity_id,
          responseCount: Number(row.responses),
          respondentCount: Number(row.respondents),
          correctCount: Number(row.correct),
        }),
      ]),
    );
  }
}
