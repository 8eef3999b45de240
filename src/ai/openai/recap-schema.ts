import type { ResponseFormatJSONSchema } from 'openai/resources/shared';

/** A cited transcript segment in the model's answer. */
export interface AnswerEvidence {
  segmentIndex: number;
  quote: string;
}

export interface AnswerObjective {
  code: string;
  confidence: number;
  evidence: AnswerEvidence[];
}

export interface AnswerMisconception {
  description: string;
  evidence: AnswerEvidence[];
  resolved: boolean;
  correction: AnswerEvidence | null;
}

/**
 * The recap as the model writes it. Evidence cites segment indexes, which the provider maps
 * back to times and speakers. Turn counts and talk share are measured from the transcript.
 */
export interface RecapAnswer {
  summary: string;
  objectivesCovered: AnswerObjective[];
  misconceptions: AnswerMisconception[];
  studentPerformanceSummary: string;
  nextSteps: string[];
  followUps: string[];
}

export const RECAP_SCHEMA_NAME = 'session_recap';

const EVIDENCE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['segmentIndex', 'quote'],
  properties: {
    segmentIndex: { type: 'integer', description: 'The [index] of the cited transcript segment.' },
    quote: { type: 'string', description: 'A short verbatim quote from that segment.' },
  },
};

const STRING_LIST_SCHEMA = { type: 'array', items: { type: 'string' } };

/**
 * Builds the strict JSON schema of RecapAnswer. Strict mode requires every property to be
 * listed in `required` and `additionalProperties: false` on every object, so optional
 * values are nullable instead of missing.
 */
export function buildRecapJsonSchema(objectiveCodes: string[]): Record<string, unknown> {
  // An empty enum is an invalid schema, so with no objectives the validator rejects any code.
  const uniqueCodes = [...new Set(objectiveCodes)];
  const code = uniqueCodes.length > 0 ? { type: 'string', enum: uniqueCodes } : { type: 'string' };

  return {
    type: 'object',
    additionalProperties: false,
    required: [
      'summary',
      'objectivesCovered',
      'misconceptions',
      'studentPerformanceSummary',
      'nextSteps',
      'followUps',
    ],
    properties: {
      summary: { type: 'string' },
      objectivesCovered: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['code', 'confidence', 'evidence'],
          properties: {
            code,
            confidence: { type: 'number', description: 'From 0 to 1.' },
            evidence: { type: 'array', items: EVIDENCE_SCHEMA },
          },
        },
      },
      misconceptions: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['description', 'evidence', 'resolved', 'correction'],
          properties: {
            description: { type: 'string' },
            evidence: { type: 'array', items: EVIDENCE_SCHEMA },
            resolved: { type: 'boolean' },
            correction: { anyOf: [EVIDENCE_SCHEMA, { type: 'null' }] },
          },
        },
      },
      studentPerformanceSummary: { type: 'string' },
      nextSteps: STRING_LIST_SCHEMA,
      followUps: STRING_LIST_SCHEMA,
    },
  };
}

/** Builds the `response_format` that requests a RecapAnswer with structured outputs. */
export function buildRecapResponseFormat(objectiveCodes: string[]): ResponseFormatJSONSchema {
  return {
    type: 'json_schema',
    json_schema: {
      name: RECAP_SCHEMA_NAME,
      strict: true,
      schema: buildRecapJsonSchema(objectiveCodes),
    },
  };
}
