import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RequestContext } from '../common/request-context';
import { BreakoutActivityResults } from './activity-results';
import { BreakoutGroup } from './breakout-group.entity';
import { BreakoutHelpRequest } from './breakout-output';
import { BreakoutGroupLiveStatus, BreakoutMemberStatus } from './dto/breakout-views';

interface MemberRow {
  group_id: string;
  participant_id: string;
  display_name: string;
  removed_at: Date | null;
  session_joined_at: Date | null;
  session_left_at: Date | null;
  last_type: 'joined' | 'left' | null;
  last_at: Date | null;
}

interface CountRow {
  group_id: string;
  count: string;
  latest: Date | null;
}

/**
 * Reads what instructors monitor in breakout groups: presence, board activity, progress on
 * the linked activity and help requests.
 */
@Injectable()
export class BreakoutStatusReader {
  constructor(private readonly activityResults: BreakoutActivityResults) {}

  /** Returns the live status of each group, in the order given. */
  async read(
    manager: EntityManager,
    ctx: RequestContext,
    groups: readonly BreakoutGroup[],
  ): Promise<BreakoutGroupLiveStatus[]> {
    const ids = groups.map((group) => group.id);
    const [members, boardCounts, helpCounts, activity] = await Promise.all([
      this.members(manager, ctx, ids),
      this.boardOperationCounts(manager, ctx, ids),
      this.helpCounts(manager, ctx, ids),
      this.activityResults.summarize(manager, ctx, ids),
    ]);

    return groups.map((group) => {
      const groupMembers = members.get(group.id) ?? [];
      const presentCount = groupMembers.filter((member) => member.present).length;
      const help = helpCounts.get(group.id);
      const summary = activity.get(group.id);

      return Object.assign(new BreakoutGroupLiveStatus(), {
        group,
        members: groupMembers,
        presentCount,
        absentCount: groupMembers.length - presentCount,
        boardOperationCount: Number(boardCounts.get(group.id)?.count ?? 0),
        responseCount: summary?.responseCount ?? 0,
        respondentCount: summary?.respondentCount ?? 0,
        helpRequestCount: Number(help?.count ?? 0),
        lastHelpRequestAt: help?.latest ? new Date(help.latest) : null,
      });
    });
  }

  /** Returns the help requests made in one group, oldest first. */
  async helpRequests(
    manager: EntityManager,
    ctx: RequestContext,
    group: BreakoutGroup,
  ): Promise<BreakoutHelpRequest[]> {
    const rows: { participant_id: string; message: string | null; occurred_at: Date }[] =
      await manager.query(
        `SELECT participant_id, data->>'message' AS message, occurred_at
           FROM engagement_events
          WHERE organization_id = $1 AND session_id = $2 AND type = 'help_requested'
            AND data->>'breakoutGroupId' = $3
          ORDER BY occurred_at, sequence`,
        [ctx.organizationId, group.sessionId, group.id],
      );

    return rows.map((row) =>
      Object.assign(new BreakoutHelpRequest(), {
        participantId: row.participant_id,
        message: row.message,
        requestedAt: new Date(row.occurred_at),
      }),
    );
  }

  /**
   * Reads each group's members with their presence. A member is present while the group is open,
   * the member is not removed, and the latest joined or left event for the group's LiveKit room
   * is a join. Without such events, a member is present while connected to the session.
   */
  private async members(
    manager: EntityManager,
    ctx: RequestContext,
    groupIds: string[],
  ): Promise<Map<string, BreakoutMemberStatus[]>> {
    const rows: MemberRow[] = await manager.query(
      `SELECT m.group_id, m.participant_id, p.display_name, p.removed_at,
              p.joined_at AS session_joined_at, p.left_at AS session_left_at,
              ev.type AS last_type, ev.occurred_at AS last_at
         FROM breakout_members m
         JOIN breakout_groups g ON g.id = m.group_id AND g.organization_id = m.organization_id
         JOIN participants p ON p.id = m.participant_id AND p.organization_id = m.organization_id
         LEFT JOIN LATERAL (
           SELECT e.type, e.occurred_at
             FROM engagement_events e
            WHERE e.organization_id = m.organization_id AND e.session_id = m.session_id
              AND e.participant_id = m.participant_id AND e.type IN ('joined', 'left')
              AND (e.data->>'breakoutGroupId' = g.id::text OR e.data->>'roomName' = g.livekit_room_name)
            ORDER BY e.occurred_at DESC, e.sequence DESC
            LIMIT 1
         ) ev ON true
        WHERE m.organization_id = $1 AND m.group_id = ANY($2::uuid[])
        ORDER BY p.display_name, m.participant_id`,
      [ctx.organizationId, groupIds],
    );
    const openGroups = new Set(
      (
        (await manager.query(
          `SELECT id FROM breakout_groups WHERE organization_id = $1 AND id = ANY($2::uuid[]) AND status = 'open'`,
          [ctx.organizationId, groupIds],
        )) as { id: string }[]
      ).map((row) => row.id),
    );
    const byGroup = new Map<string, BreakoutMemberStatus[]>();
    for (const row of rows) {
      const inSession = row.session_joined_at !== null && row.session_left_at === null;
      const inRoom = row.last_type === null ? inSession : row.last_type === 'joined';
      const present = openGroups.has(row.group_id) && row.removed_at === null && inRoom;
      const member = Object.assign(new BreakoutMemberStatus(), {
        participantId: row.participant_id,
        displayName: row.display_name,
        present,
        lastSeenAt: row.last_at ? new Date(row.last_at) : null,
        removed: row.removed_at !== null,
      });
      byGroup.set(row.group_id, [...(byGroup.get(row.group_id) ?? []), member]);
    }

    return byGroup;
  }

  private async boardOperationCounts(
    manager: EntityManager,
    ctx: RequestContext,
    groupIds: string[],
  ): Promise<Map<string, CountRow>> {
    const rows: CountRow[] = await manager.query(
      `SELECT g.id AS group_id, count(o.id) AS count, max(o.created_at) AS latest
         FROM breakout_groups g
         JOIN board_operations o ON o.board_id = g.board_id AND o.organization_id = g.organization_id
        WHERE g.organization_id = $1 AND g.id = ANY($2::uuid[])
        GROUP BY g.id`,
      [ctx.organizationId, groupIds],
    );

    return new Map(rows.map((row) => [row.group_id, row]));
  }

  private async helpCounts(
    manager: EntityManager,
    ctx: RequestContext,
    groupIds: string[],
  ): Promise<Map<string, CountRow>> {
    const rows: CountRow[] = await manager.query(
      `SELECT data->>'breakoutGroupId' AS group_id, count(*) AS count, max(occurred_at) AS latest
         FROM engagement_events
        WHERE organization_id = $1 AND type = 'help_requested'
          AND session_id IN (SELECT session_id FROM breakout_groups WHERE id = ANY($2::uuid[]))
          AND data->>'breakoutGroupId' = ANY($2::text[])
        GROUP BY data->>'breakoutGroupId'`,
      [ctx.organizationId, groupIds],
    );

    return new Map(rows.map((row) => [row.group_id, row]));
  }
}
