import { RecapInput, RecapResult } from '../ai/ai-provider';

/** Provider name recorded on a draft that was built without an AI call. */
export const NO_PROVIDER = 'none';

/**
 * Builds the sparse draft of a session without final transcript segments. No provider is
 * called, because there is nothing to summarize, so the provenance names no model.
 */
export function buildEmptyTranscriptDraft(input: RecapInput): RecapResult {
  return {
    provider: NO_PROVIDER,
    model: NO_PROVIDER,
    promptVersion: 'empty-transcript-1',
    usage: { promptTokens: 0, completionTokens: 0, totalTokens: 0, requests: 0, costUsd: 0 },
    draft: {
      summary:
        'The session has no final transcript segments, so the recap has no content from the lesson.',
      objectivesCovered: [],
      misconceptions: [],
      studentPerformance: {
        summary: 'Not available without a transcript.',
        studentTurns: 0,
        instructorTurns: 0,
        studentTalkShare: 0,
        errorsFound: 0,
        errorsCorrected: 0,
      },
      nextSteps: ['Upload the session transcript, then request a new recap.'],
      followUps: input.studentNames
        .map((name) => `Check in with ${name} about the lesson.`)
        .slice(0, 30),
    },
  };
}
