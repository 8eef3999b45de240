import {
  AiProvider,
  AiProviderError,
  AiUsage,
  BriefInput,
  BriefResult,
  ParentUpdateInput,
  ParentUpdateResult,
  RecapDraft,
  RecapInput,
  RecapResult,
  RecapTranscriptSegment,
} from '../ai-provider';
import { buildLocalBrief, LOCAL_BRIEF_PROMPT_VERSION } from './brief-templates';
import { detectMisconceptions } from './misconception-detector';
import { buildNextSteps } from './next-steps';
import {
  buildLocalParentUpdate,
  LOCAL_PARENT_UPDATE_PROMPT_VERSION,
} from './parent-update-templates';
import { matchObjectives } from './objective-matcher';
import { buildPerformance, buildSummary, studentLabel } from './summary-builder';
import { analyzeTranscript } from './transcript-analysis';

/** Model name reported for recaps built by extraction from the transcript. */
export const LOCAL_MODEL = 'hilink-extractive-1';

/** Version of the extraction rules. Change it when the output for the same input changes. */
export const LOCAL_PROMPT_VERSION = 'local-recap-v2';

const NO_USAGE: AiUsage = {
  promptTokens: 0,
  completionTokens: 0,
  totalTokens: 0,
  costUsd: 0,
  requests: 0,
};

/**
 * Builds recaps offline from the transcript alone: objectives by BM25 similarity to the
 * curriculum, student errors from checked arithmetic and instructor challenges, and a
 * summary of quoted sentences. The same input always gives the same output.
 */
export class LocalAiProvider implements AiProvider {
  readonly name = 'local' as const;
  readonly model = LOCAL_MODEL;

  async generateRecap(
    input: RecapInput,
    options: { signal?: AbortSignal } = {},
  ): Promise<RecapResult> {
    if (options.signal?.aborted) {
      throw new AiProviderError(
        `Local recap of session ${input.sessionId} was aborted by the caller`,
        false,
      );
    }

    return {
      draft: buildLocalRecapDraft(input),
      provider: this.name,
      model: this.model,
      promptVersion: LOCAL_PROMPT_VERSION,
      usage: { ...NO_USAGE },
    };
  }

  async generateParentUpdate(
    input: ParentUpdateInput,
    options: { signal?: AbortSignal } = {},
  ): Promise<ParentUpdateResult> {
    if (options.signal?.aborted) {
      throw new AiProviderError('Local parent update was aborted by the caller', false);
    }

    return {
      draft: buildLocalParentUpdate(input),
      provider: this.name,
      model: this.model,
      promptVersion: LOCAL_PARENT_UPDATE_PROMPT_VERSION,
      usage: { ...NO_USAGE },
    };
  }

  async generateBrief(
    input: BriefInput,
    options: { signal?: AbortSignal } = {},
  ): Promise<BriefResult> {
    if (options.signal?.aborted) {
      throw new AiProviderError(
        `Local brief of session ${input.sessionId} was aborted by the caller`,
        false,
      );
    }

    return {
      draft: buildLocalBrief(input),
      provider: this.name,
      model: this.model,
      promptVersion: LOCAL_BRIEF_PROMPT_VERSION,
      usage: { ...NO_USAGE },
      input,
      omittedRecapIds: [],
    };
  }
}

/** Builds the recap draft of one session, for callers that need no provider instance. */
export function buildLocalRecapDraft(input: RecapInput): RecapDraft {
  const transcript = analyzeTranscript(inTimeOrder(input.transcript));
  const student = studentLabel(transcript, input.studentNames);
  const detected = detectMisconceptions(transcript);
  const matches = matchObjectives(transcript, input.objectives, input.plannedObjectiveCodes);
  const { nextSteps, followUps } = buildNextSteps(detected, matches, student);

  return {
    summary: buildSummary(transcript, student),
    objectivesCovered: matches.map((match) => match.coverage),
    misconceptions: detected.map((item) => item.misconception),
    studentPerformance: buildPerformance(transcript, detected, student),
    nextSteps,
    followUps,
  };
}

/** Sorts segments by start time, keeping transcript order for equal times. */
function inTimeOrder(segments: RecapTranscriptSegment[]): RecapTranscriptSegment[] {
  return segments
    .map((segment, position) => ({ segment, position }))
    .sort((a, b) => a.segment.startMs - b.segment.startMs || a.position - b.position)
    .map(({ segment }) => segment);
}
