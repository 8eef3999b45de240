import { EntityManager, In } from 'typeorm';
import { RequestContext } from '../common/request-context';
import { BreakoutGroup } from './breakout-group.entity';

/**
 * Reads a session's groups, open ones first and then in creation order, with their member ids:
 * current members of open groups, and the members a closed group had.
 */
export async function findGroups(
  manager: EntityManager,
  ctx: RequestContext,
  sessionId: string,
  groupIds?: readonly string[],
): Promise<BreakoutGroup[]> {
  const groups = await manager.find(BreakoutGroup, {
    where: {
      organizationId: ctx.organizationId,
      sessionId,
      ...(groupIds ? { id: In([...groupIds]) } : {}),
    },
    order: { position: 'ASC' },
  });
  if (groups.length === 0) {
    return [];
  }
  const rows: { group_id: string; participant_id: string }[] = await manager.query(
    `SELECT m.group_id, m.participant_id
       FROM breakout_members m
       JOIN breakout_groups g ON g.id = m.group_id
      WHERE m.organization_id = $1 AND m.group_id = ANY($2::uuid[])
        AND (m.ended_at IS NULL OR g.status = 'closed')
      ORDER BY m.assigned_at, m.participant_id`,
    [ctx.organizationId, groups.map((group) => group.id)],
  );
  const members = new Map<string, string[]>();
  for (const row of rows) {
    members.set(row.group_id, [...(members.get(row.group_id) ?? []), row.participant_id]);
  }
  for (const group of groups) {
    group.participantIds = members.get(group.id) ?? [];
  }

  return [
    ...groups.filter((group) => group.status === 'open'),
    ...groups.filter((group) => group.status === 'closed'),
  ];
}
