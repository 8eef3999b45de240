import { FieldProblem } from '../common/app-error';
import { OFFSET_DATE_TIME } from '../sessions/dto/create-session.input';
import { EngagementEventInput } from './dto/engagement-event.input';
import { EngagementEventType } from './engagement-event.entity';
import { MAX_FUTURE_SKEW_MS, RESERVED_CLIENT_EVENT_ID_PREFIX } from './engagement-limits';

/** The optional input fields that carry type-specific data. */
type DataField =
  | 'connectionId'
  | 'durationMs'
  | 'focused'
  | 'on'
  | 'reaction'
  | 'text'
  | 'raised'
  | 'activityId'
  | 'correct'
  | 'operation'
  | 'phaseId';

const DATA_FIELDS: DataField[] = [
  'connectionId',
  'durationMs',
  'focused',
  'on',
  'reaction',
  'text',
  'raised',
  'activityId',
  'correct',
  'operation',
  'phaseId',
];

interface TypeRule {
  required: DataField[];
  optional: DataField[];
  /** Meaning of the required field, for the error message. */
  hint?: string;
}

/** The data fields each event type requires and allows; every other data field is rejected. */
export const EVENT_TYPE_RULES: Record<EngagementEventType, TypeRule> = {
  joined: { required: [], optional: ['connectionId'] },
  left: { required: [], optional: ['connectionId'] },
  spoke: { required: ['durationMs'], optional: [], hint: 'the speaking time in milliseconds' },
  chat_message: { required: ['text'], optional: [], hint: 'the message text' },
  reaction: { required: ['reaction'], optional: [], hint: 'which reaction' },
  hand_raised: { required: [], optional: ['raised'] },
  responded: { required: [], optional: ['activityId', 'correct'] },
  board_operation: { required: [], optional: ['activityId', 'operation'] },
  phase_changed: { required: [], optional: ['phaseId'] },
  attention_changed: {
    required: ['focused'],
    optional: [],
    hint: 'true when the participant is focused on the session, false when not',
  },
  camera_toggled: { required: ['on'], optional: [], hint: 'true when the camera is on' },
  microphone_toggled: { required: ['on'], optional: [], hint: 'true when the microphone is on' },
  help_requested: { required: [], optional: [] },
};

/** Types that take each data field, for the message that rejects a misplaced field. */
const TYPES_BY_FIELD = new Map<DataField, EngagementEventType[]>(
  DATA_FIELDS.map((field) => [
    field,
    (Object.keys(EVENT_TYPE_RULES) as EngagementEventType[]).filter((type) => {
      const rule = EVENT_TYPE_RULES[type];

      return rule.required.includes(field) || rule.optional.includes(field);
    }),
  ]),
);

/** The time bounds of occurredAt for one session. */
export interface OccurredAtBounds {
  earliest: Date;
  now: Date;
}

/** An event's checked type-specific content, before the participant is resolved. */
export interface CheckedEvent {
  occurredAt: Date;
  durationMs: number | null;
  data: Record<string, unknown>;
}

/**
 * Checks the fields of one event against its type and the session's time bounds. Pushes a
 * problem per invalid field to `problems`, with `prefix` (such as `events.3.`) before the field,
 * and returns the event's stored content when it has none.
 */
export function checkEventFields(
  input: EngagementEventInput,
  prefix: string,
  bounds: OccurredAtBounds,
  options: { mayGrade: boolean },
  problems: FieldProblem[],
): CheckedEvent | undefined {
  const before = problems.length;
  const rule = EVENT_TYPE_RULES[input.type];
  for (const field of DATA_FIELDS) {
    const present = input[field] !== undefined && input[field] !== null;
    if (present && !rule.required.includes(field) && !rule.optional.includes(field)) {
      const types = TYPES_BY_FIELD.get(field) ?? [];
      problems.push({
        field: `${prefix}${field}`,
        message: `${prefix}${field} applies only to ${types.join(' and ')} events, not to ${input.type}; remove it.`,
      });
    }
    if (!present && rule.required.includes(field)) {
      problems.push({
        field: `${prefix}${field}`,
        message: `${prefix}${field} is required for ${input.type} events: ${rule.hint ?? field}.`,
      });
    }
  }
  if (input.correct !== undefined && input.correct !== null && !options.mayGrade) {
    problems.push({
      field: `${prefix}correct`,
      message:
        `${prefix}correct can be reported only with an API key, because a participant cannot grade ` +
        'their own answer; remove it.',
    });
  }
  if (input.clientEventId?.startsWith(RESERVED_CLIENT_EVENT_ID_PREFIX)) {
    problems.push({
      field: `${prefix}clientEventId`,
      message:
        `${prefix}clientEventId may not start with "${RESERVED_CLIENT_EVENT_ID_PREFIX}", which marks ` +
        'events from LiveKit webhooks; choose another id.',
    });
  }
  const occurredAt = checkOccurredAt(input.occurredAt, `${prefix}occurredAt`, bounds, problems);
  if (problems.length > before || !occurredAt) {
    return undefined;
  }

  return { occurredAt, durationMs: input.durationMs ?? null, data: eventData(input) };
}

function checkOccurredAt(
  value: string,
  field: string,
  bounds: OccurredAtBounds,
  problems: FieldProblem[],
): Date | undefined {
  const occurredAt = new Date(value);
  if (!OFFSET_DATE_TIME.test(value) || Number.isNaN(occurredAt.getTime())) {
    problems.push({
      field,
      message:
        `${field} "${value.slice(0, 40)}" is not an ISO 8601 date and time with a UTC offset. ` +
        'Send e.g. "2026-03-02T16:05:00+01:00" or "2026-03-02T15:05:00.250Z".',
    });

    return undefined;
  }
  const latest = bounds.now.getTime() + MAX_FUTURE_SKEW_MS;
  if (occurredAt.getTime() > latest) {
    problems.push({
      field,
      message:
        `${field} "${value}" is more than ${MAX_FUTURE_SKEW_MS / 60_000} minutes in the future ` +
        `(server time ${bounds.now.toISOString()}). Send the time the event happened; check the client clock.`,
    });

    return undefined;
  }
  if (occurredAt.getTime() < bounds.earliest.getTime()) {
    problems.push({
      field,
      message:
        `${field} "${value}" is before ${bounds.earliest.toISOString()}, more than 24 hours before ` +
        'the session was created or scheduled to start. Check the time and its offset.',
    });

    return undefined;
  }

  return occurredAt;
}

/** Builds the stored `data` of an event. A chat message keeps its length and not its text. */
function eventData(input: EngagementEventInput): Record<string, unknown> {
  switch (input.type) {
    case 'joined':
    case 'left':
      return input.connectionId === undefined ? {} : { connectionId: input.connectionId };
    case 'chat_message':
      return { length: [...(input.text ?? '')].length };
    case 'reaction':
      return { reaction: input.reaction };
    case 'hand_raised':
      return { raised: input.raised ?? true };
    case 'responded':
      return withDefined({ activityId: input.activityId, correct: input.correct });
    case 'board_operation':
      return withDefined({ activityId: input.activityId, operation: input.operation });
    case 'phase_changed':
      return withDefined({ phaseId: input.phaseId });
    case 'attention_changed':
      return { focused: input.focused };
    case 'camera_toggled':
    case 'microphone_toggled':
      return { on: input.on };
    default:
      return {};
  }
}

function withDefined(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).filter(([, value]) => value !== undefined && value !== null),
  );
}
