import type { WebhookEvent } from 'livekit-server-sdk';
import { ParticipantKind } from '../engagement/engagement-event.entity';
import {
  MAX_CLIENT_EVENT_ID_LENGTH,
  RESERVED_CLIENT_EVENT_ID_PREFIX,
} from '../engagement/engagement-limits';

/**
 * LiveKit participant kinds (ParticipantInfo.Kind in @livekit/protocol) as HiLink participant
 * kinds. Only people count toward attendance: web clients (STANDARD) and phone callers (SIP).
 * INGRESS streams outside media in, such as a screen or a broadcast, EGRESS records, and AGENT,
 * CONNECTOR and BRIDGE are programs. A kind this table does not know counts as an agent.
 */
const KIND_BY_LIVEKIT_KIND: Record<number, ParticipantKind> = {
  0: 'standard',
  1: 'screen_share',
  2: 'recorder',
  3: 'standard',
  4: 'agent',
};

export function participantKindOf(livekitKind: number | undefined): ParticipantKind {
  return KIND_BY_LIVEKIT_KIND[livekitKind ?? 0] ?? 'agent';
}

/** LiveKit webhook events that become engagement events, and the type they become. */
export const PRESENCE_EVENTS: Record<string, 'joined' | 'left'> = {
  participant_joined: 'joined',
  participant_left: 'left',
  participant_connection_aborted: 'left',
};

/** Converts LiveKit's seconds or milliseconds, which protobuf-es reads as bigint, to a Date. */
function dateFrom(value: bigint | undefined, unitMs: number): Date | undefined {
  return value !== undefined && value > 0n ? new Date(Number(value) * unitMs) : undefined;
}

/**
 * When a presence event happened: a join at the participant's joinedAt, a leave at the
 * webhook's createdAt, and `receivedAt` when LiveKit sent neither.
 */
export function occurredAtOf(event: WebhookEvent, type: 'joined' | 'left', receivedAt: Date): Date {
  const created = dateFrom(event.createdAt, 1000);
  if (type === 'joined') {
    return (
      dateFrom(event.participant?.joinedAtMs, 1) ??
      dateFrom(event.participant?.joinedAt, 1000) ??
      created ??
      receivedAt
    );
  }

  return created ?? receivedAt;
}

/**
 * The client event id of a webhook, unique per session: LiveKit's event id, or, when an event
 * has none, the event name and the connection, which LiveKit reports once each.
 */
export function clientEventIdOf(event: WebhookEvent): string {
  const key = event.id !== '' ? event.id : `${event.event}:${event.participant?.sid ?? ''}`;

  return `${RESERVED_CLIENT_EVENT_ID_PREFIX}${key}`.slice(0, MAX_CLIENT_EVENT_ID_LENGTH);
}
