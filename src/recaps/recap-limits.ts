/** Size limits of recap content; an edited recap must stay within them. */
export const RECAP_LIMITS = {
  summaryLength: 5_000,
  objectives: 100,
  evidencePerItem: 20,
  misconceptions: 50,
  descriptionLength: 2_000,
  listItems: 30,
  listItemLength: 1_000,
  noteLength: 500,
  reasonLength: 2_000,
  /** Versions per recap, the generated one included. */
  versions: 100,
} as const;

export const RECAP_STATUSES = ['pending', 'draft', 'approved', 'rejected', 'failed'] as const;
export type RecapStatus = (typeof RECAP_STATUSES)[number];

export const RECAP_TRIGGERS = ['session_ended', 'requested'] as const;
export type RecapTrigger = (typeof RECAP_TRIGGERS)[number];

export const RECAP_VERSION_SOURCES = ['generated', 'edited'] as const;
export type RecapVersionSource = (typeof RECAP_VERSION_SOURCES)[number];

export const ACTOR_KINDS = ['api_key', 'member', 'participant', 'system'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** Job kind of recap generation. */
export const RECAP_GENERATE_JOB = 'recap.generate';
