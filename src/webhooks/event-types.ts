/**
 * Every event type that HiLink delivers to webhook subscriptions, with what it means. A type is
 * `<area>.<change>`, and a subscription names types or patterns: `session.*` or `*`.
 */
export const WEBHOOK_EVENT_TYPES = {
  'session.created': 'A session was scheduled.',
  'session.started': 'A session went live.',
  'session.ended': 'A live session ended.',
  'session.documented': 'A recap of an ended session was approved.',
  'session.cancelled': 'A scheduled session was cancelled.',
  'session.reminder': 'A reminder before a session was sent to a participant or guardian.',
  'phase.started': 'A lesson phase of a live session started.',
  'phase.ended': 'A lesson phase ended, because the next one started or the session ended.',
  'phase.skipped': 'An instructor skipped a planned lesson phase.',
  'phase.reordered': 'An instructor moved the remaining lesson phases of a live session.',
  'activity.opened': 'A poll or comprehension check opened for responses.',
  'activity.response_submitted':
    'A student answered or changed an answer; never sent for anonymous activities.',
  'activity.closed': 'A poll or comprehension check closed, with its aggregate results.',
  'breakout.opened': 'Breakout groups opened, with each group’s assigned students.',
  'breakout.closed': 'Breakout groups closed, with each group’s output.',
  'breakout.help_requested': 'A student in a breakout group asked the instructor for help.',
  'transcript.updated': 'Transcript segments of a session were added or replaced.',
  'recap.drafted': 'A recap draft is ready for review.',
  'recap.approved': 'An instructor approved a recap.',
  'recap.rejected': 'An instructor rejected a recap draft.',
  'recap.failed': 'Drafting a recap failed for good.',
  'session_brief.drafted': 'A pre-session brief draft is ready for the instructor.',
  'session_brief.approved': 'An instructor approved a pre-session brief.',
  'parent_update.drafted': 'A parent update draft is ready for review.',
  'parent_update.approved': 'An instructor approved a parent update; delivery follows.',
  'parent_update.rejected': 'An instructor rejected a parent update draft.',
  'parent_update.delivered': 'An approved parent update was emailed to its guardian.',
  'parent_update.failed': 'Email delivery of an approved parent update failed for good.',
  'progress.updated': 'Progress records of a student changed after a documented session.',
  'risk.level_changed': 'A student’s risk level changed.',
  'webhook.subscription_disabled': 'A webhook subscription was disabled after failing deliveries.',
} as const;

export type WebhookEventType = keyof typeof WEBHOOK_EVENT_TYPES;

const KNOWN_TYPES = Object.keys(WEBHOOK_EVENT_TYPES) as WebhookEventType[];
const PATTERN = /^(?:\*|[a-z_]+\.\*|[a-z_]+\.[a-z_]+)$/;

/** Checks whether `pattern` (a type, `area.*` or `*`) selects `type`. */
export function patternMatches(pattern: string, type: string): boolean {
  if (pattern === '*') {
    return true;
  }
  if (pattern.endsWith('.*')) {
    return type.startsWith(pattern.slice(0, -1));
  }

  return pattern === type;
}

/** Returns a message saying what is wrong with `pattern`, or undefined when it selects a known type. */
export function describePatternProblem(pattern: string): string | undefined {
  if (!PATTERN.test(pattern)) {
    return `"${pattern}" is not an event type or pattern: expected a type such as session.started, an area such as session.*, or *`;
  }
  if (!KNOWN_TYPES.some((type) => patternMatches(pattern, type))) {
    const area = pattern.split('.')[0];
    const inArea = KNOWN_TYPES.filter((type) => type.startsWith(`${area}.`));
    if (inArea.length > 0) {
      return `"${pattern}" matches no event type: the ${area} types are ${inArea.join(', ')}, or use ${area}.*`;
    }
    const areas = [...new Set(KNOWN_TYPES.map((type) => type.split('.')[0]))].join(', ');

    return `"${pattern}" matches no event type: known areas are ${areas}; GET /v1/webhooks/event-types lists every type`;
  }

  return undefined;
}

/** Returns the known event types that the patterns select, in catalogue order. */
export function selectedTypes(patterns: string[]): WebhookEventType[] {
  return KNOWN_TYPES.filter((type) => patterns.some((pattern) => patternMatches(pattern, type)));
}

export function listEventTypes(): { type: WebhookEventType; description: string }[] {
  return KNOWN_TYPES.map((type) => ({ type, description: WEBHOOK_EVENT_TYPES[type] }));
}

/**
 * Returns an SQL condition that is true when the event type in `typeColumn` matches one of the
 * patterns in the text[] parameter `patternsParameter`: `*`, the type itself, or `<area>.*`.
 */
export function typeMatchesPatternsSql(typeColumn: string, patternsParameter: string): string {
  return `EXISTS (
    SELECT 1 FROM unnest(${patternsParameter}::text[]) AS p(pattern)
     WHERE p.pattern = '*' OR p.pattern = ${typeColumn}
        OR (right(p.pattern, 2) = '.*' AND starts_with(${typeColumn}, left(p.pattern, -1))))`;
}
