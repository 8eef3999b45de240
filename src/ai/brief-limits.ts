/** Size limits of a brief's content; a generated or edited brief must stay within them. */
export const BRIEF_CONTENT_LIMITS = {
  summaryLength: 2_000,
  focusPoints: 12,
  focusPointLength: 500,
  warmUpQuestions: 6,
  questionLength: 500,
  gapLength: 500,
} as const;
