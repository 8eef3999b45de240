/**
 * Weights of the participation score's components; they sum to 1. A component without data
 * is left out and the other weights are scaled up to sum to 1 again.
 */
export const SCORE_WEIGHTS = {
  attendance: 0.35,
  responses: 0.2,
  attention: 0.2,
  talk: 0.15,
  interaction: 0.1,
} as const;

/** Interactions (hand raises, chat messages, reactions, board operations) that give full marks. */
export const FULL_INTERACTIONS = 5;

/** Inputs of the score of one participant in one session. */
export interface ScoreInput {
  /** Attended minutes over session minutes, 0 to 1; null when the session has no length yet. */
  attendanceShare: number | null;
  /** Share of attended time focused, 0 to 1; null without attention data. */
  attentionShare: number | null;
  /** Share of the session's talk, 0 to 1. */
  talkShare: number;
  /** Participants expected to talk (instructors and students); an even share is 1 / speakers. */
  speakers: number;
  responses: number;
  /** The maximum responses of any participant of the session. */
  maxResponses: number;
  interactions: number;
}

/** Returns the components of the score, each 0 to 1, or null when it has no data. */
export function scoreComponents(
  input: ScoreInput,
): Record<keyof typeof SCORE_WEIGHTS, number | null> {
  return {
    attendance: input.attendanceShare === null ? null : clamp(input.attendanceShare),
    responses: input.maxResponses === 0 ? null : clamp(input.responses / input.maxResponses),
    attention: input.attentionShare === null ? null : clamp(input.attentionShare),
    talk: clamp(input.talkShare * Math.max(1, input.speakers)),
    interaction: clamp(input.interactions / FULL_INTERACTIONS),
  };
}

/**
 * Computes the participation score, 0 to 100: the weighted mean of the components that have
 * data, rounded to a whole number.
 */
export function participationScore(input: ScoreInput): number {
  const components = scoreComponents(input);
  let weighted = 0;
  let weights = 0;
  for (const [name, weight] of Object.entries(SCORE_WEIGHTS) as [
    keyof typeof SCORE_WEIGHTS,
    number,
  ][]) {
    const value = components[name];
    if (value !== null) {
      weighted += weight * value;
      weights += weight;
    }
  }

  return weights === 0 ? 0 : Math.round((100 * weighted) / weights);
}

/** Least-squares slope of values over their index; null with fewer than 2 values. */
export function slope(values: readonly number[]): number | null {
  const n = values.length;
  if (n < 2) {
    return null;
  }
  const meanX = (n - 1) / 2;
  const meanY = values.reduce((sum, value) => sum + value, 0) / n;
  let numerator = 0;
  let denominator = 0;
  values.forEach((value, x) => {
    numerator += (x - meanX) * (value - meanY);
    denominator += (x - meanX) ** 2;
  });

  return numerator / denominator;
}

/** Mean of each value and up to `window - 1` values before it. */
export function movingAverages(values: readonly number[], window: number): number[] {
  return values.map((_, index) => {
    const slice = values.slice(Math.max(0, index - window + 1), index + 1);

    return slice.reduce((sum, value) => sum + value, 0) / slice.length;
  });
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}
