/** A quoted stretch of the transcript that supports a statement in a recap. */
export interface EvidenceQuote {
  /** Index of the transcript segment, in transcript order. */
  segmentIndex: number;
  speaker: string;
  speakerRole: SpeakerRole;
  startMs: number;
  endMs: number;
  text: string;
}

export type SpeakerRole = 'instructor' | 'student' | 'other';

export interface RecapTranscriptSegment {
  index: number;
  speakerRole: SpeakerRole;
  speakerName: string;
  participantId?: string;
  startMs: number;
  endMs: number;
  text: string;
}

export interface RecapObjective {
  code: string;
  title: string;
  description: string;
}

/** Everything a provider may read to draft a recap of one session. */
export interface RecapInput {
  sessionId: string;
  /** Final transcript segments in time order. */
  transcript: RecapTranscriptSegment[];
  /** Objectives of the enrollments' curricula that the recap may match against. */
  objectives: RecapObjective[];
  /** Codes the lesson plan intended to cover; matches among them are preferred. */
  plannedObjectiveCodes: string[];
  /** Display names of the students in the session. */
  studentNames: string[];
}

export interface ObjectiveCoverage {
  code: string;
  /** 0..1: how strongly the transcript supports that the objective was worked on. */
  confidence: number;
  evidence: EvidenceQuote[];
}

export interface Misconception {
  description: string;
  evidence: EvidenceQuote[];
  /** Whether the dialogue shows the student correcting it. */
  resolved: boolean;
  correction?: EvidenceQuote;
}

export interface StudentPerformance {
  summary: string;
  studentTurns: number;
  instructorTurns: number;
  /** Share of words spoken by students, 0..1. */
  studentTalkShare: number;
  errorsFound: number;
  errorsCorrected: number;
}

/** The structured draft that an instructor reviews before it becomes final. */
export interface RecapDraft {
  summary: string;
  objectivesCovered: ObjectiveCoverage[];
  misconceptions: Misconception[];
  studentPerformance: StudentPerformance;
  nextSteps: string[];
  followUps: string[];
}

export interface AiUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  /** Estimated cost in US dollars from the model's list price, when known. */
  costUsd?: number;
  requests: number;
}

export interface RecapResult {
  draft: RecapDraft;
  provider: string;
  model: string;
  promptVersion: string;
  usage: AiUsage;
}

/** What a provider may read to draft one parent update: an approved recap for one guardian. */
export interface ParentUpdateInput {
  /** BCP 47 tag of the guardian's preferred language, such as en or es-MX. */
  language: string;
  studentName: string;
  guardianName: string;
  sessionTitle: string;
  /** The approved recap's summary, next steps and objectives, as the instructor approved them. */
  recapSummary: string;
  nextSteps: string[];
  objectiveTitles: string[];
  /** The student's share of words spoken, 0..1, when the recap measured it. */
  studentTalkShare?: number;
  /** The student's standing on each objective covered, from their progress records. */
  progress?: {
    objective: string;
    status: 'not_started' | 'introduced' | 'practicing' | 'mastered';
  }[];
}

/** A plain-language message for a guardian, before a person approves it. */
export interface ParentUpdateDraft {
  subject: string;
  body: string;
  /** The BCP 47 tag of the language the draft is written in. */
  language: string;
  /** Set when the draft is not in the requested language, saying why. */
  languageNote?: string;
}

export interface ParentUpdateResult {
  draft: ParentUpdateDraft;
  provider: string;
  model: string;
  promptVersion: string;
  usage: AiUsage;
}

/** A recap and parent update generator. `local` is offline and deterministic; `openai` calls a chat model. */
export interface AiProvider {
  readonly name: 'local' | 'openai';
  readonly model: string;
  generateRecap(input: RecapInput, options?: { signal?: AbortSignal }): Promise<RecapResult>;
  generateParentUpdate(
    input: ParentUpdateInput,
    options?: { signal?: AbortSignal },
  ): Promise<ParentUpdateResult>;
}

/** A provider failure that retrying will not fix (invalid output after retries, bad request). */
export class AiProviderError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly usage?: AiUsage,
  ) {
    super(message);
    this.name = 'AiProviderError';
  }
}
