import { BreakoutGroup, BreakoutMessage } from './breakout-group.entity';
import { reviveOutput } from './breakout-output';
import {
  BreakoutGroupLiveStatus,
  BreakoutMemberStatus,
  BreakoutStatus,
} from './dto/breakout-views';

/** A date as it arrives from the pub/sub: a Date in process, an ISO string through Redis. */
type DateLike = Date | string;

function toDate(value: DateLike): Date;
function toDate(value: DateLike | null | undefined): Date | null;
function toDate(value: DateLike | null | undefined): Date | null {
  return value === null || value === undefined ? null : new Date(value);
}

/** Restores a group's dates after it travelled through the pub/sub. */
export function reviveGroup(group: BreakoutGroup): BreakoutGroup {
  return Object.assign(new BreakoutGroup(), group, {
    closesAt: toDate(group.closesAt),
    closedAt: toDate(group.closedAt),
    createdAt: toDate(group.createdAt),
    updatedAt: toDate(group.updatedAt),
    output: reviveOutput(group.output),
  });
}

/** Restores a published `breakoutStatusChanged` payload. */
export function reviveStatus(status: BreakoutStatus): BreakoutStatus {
  return Object.assign(new BreakoutStatus(), status, {
    readAt: toDate(status.readAt),
    groups: status.groups.map((entry) =>
      Object.assign(new BreakoutGroupLiveStatus(), entry, {
        group: reviveGroup(entry.group),
        lastHelpRequestAt: toDate(entry.lastHelpRequestAt),
        members: entry.members.map((member) =>
          Object.assign(new BreakoutMemberStatus(), member, {
            lastSeenAt: toDate(member.lastSeenAt),
          }),
        ),
      }),
    ),
  });
}

/** Restores a published `breakoutMessagePosted` payload. */
export function reviveMessage(message: BreakoutMessage): BreakoutMessage {
  return Object.assign(new BreakoutMessage(), message, { sentAt: toDate(message.sentAt) });
}
