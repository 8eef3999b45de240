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

/** A student's standing on one objective, as their progress record states it. */
export type BriefProgressStatus = 'not_started' | 'introduced' | 'practicing' | 'mastered';

/** Direction of a student's participation scores across recent sessions. */
export type BriefEngagementTrend = 'rising' | 'falling' | 'steady' | 'unknown';

/** One approved recap of an earlier session of the same enrollments. */
export interface BriefRecapFacts {
  recapId: string;
  sessionId: string;
  sessionTitle: string;
  /** ISO 8601 start of that session. */
  startedAt: string;
  summary: string;
  nextSteps: string[];
  /** Objective codes that the approved recap lists as covered. */
  objectiveCodes: string[];
}

/** A misconception of an approved recap that no later approved recap marks resolved. */
export interface BriefMisconceptionFacts {
  description: string;
  recapId: string;
  sessionId: string;
  sessionTitle: string;
  /** ISO 8601 start of the session whose recap recorded it. */
  startedAt: string;
}

/** The stored facts about one student of the session before it starts. */
export interface BriefStudentFacts {
  studentId: string;
  name: string;
  /** Progress records on the planned objectives and the objectives of the recent recaps. */
  progress: {
    objectiveCode: string;
    objectiveTitle: string;
    status: BriefProgressStatus;
  }[];
  /** Joins to the student's latest documented sessions; late means more than 10 minutes late. */
  attendance: { sessions: number; attended: number; late: number; absent: number };
  /** Participation scores (0 to 100) of the same sessions, oldest first, and their slope per session. */
  engagement: { scores: number[]; slope: number | null; trend: BriefEngagementTrend };
}

/** Everything a provider may read to draft the brief of one scheduled session. */
export interface BriefInput {
  sessionId: string;
  sessionTitle: string;
  /** ISO 8601 scheduled start. */
  scheduledStart: string;
  /** Objectives of the session's lesson plan, in plan order. */
  plannedObjectives: { code: string; title: string }[];
  /** Approved recaps of earlier sessions, oldest first. */
  recentSessions: BriefRecapFacts[];
  /** Open misconceptions, oldest first. */
  openMisconceptions: BriefMisconceptionFacts[];
  students: BriefStudentFacts[];
}

/** A question to open the session with, aimed at one open gap. */
export interface BriefWarmUpQuestion {
  question: string;
  /** The open misconception or objective that the question revisits. */
  gap: string;
}

/** The instructor's brief before a session, as a provider drafts it. */
export interface BriefDraft {
  summary: string;
  /** Short statements of what needs attention, most important first. */
  focusPoints: string[];
  warmUpQuestions: BriefWarmUpQuestion[];
}

export interface BriefResult {
  draft: BriefDraft;
  provider: string;
  model: string;
  promptVersion: string;
  usage: AiUsage;
  /** The input as sent, after any trimming to fit the model's context window. */
  input: BriefInput;
  /** Recaps left out, oldest first, because the input did not fit the context window. */
  omittedRecapIds: string[];
}

/** A recap, parent update and brief generator. `local` is offline and deterministic; `openai` calls a chat model. */
export interface AiProvider {
  readonly name: 'local' | 'openai';
  readonly model: string;
  generateRecap(input: RecapInput, options?: { signal?: AbortSignal }): Promise<RecapResult>;
  generateParentUpdate(
    input: ParentUpdateInput,
    options?: { signal?: AbortSignal },
  ): Promise<ParentUpdateResult>;
  generateBrief(input: BriefInput, options?: { signal?: AbortSignal }): Promise<BriefResult>;
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
