import {
  EvidenceQuote,
  Misconception,
  ObjectiveCoverage,
  RecapDraft,
  RecapTranscriptSegment,
  StudentPerformance,
} from '../ai-provider';
import { AnswerEvidence, RecapAnswer } from './recap-schema';

/** The recap of one transcript part, with evidence mapped to transcript segments. */
export interface PartialRecap {
  summary: string;
  objectivesCovered: ObjectiveCoverage[];
  misconceptions: Misconception[];
  studentPerformanceSummary: string;
  nextSteps: string[];
  followUps: string[];
}

/** Maximum number of evidence quotes kept per objective or misconception. */
const MAX_EVIDENCE_QUOTES = 5;

/**
 * Maps a validated answer to a partial recap. Evidence that cites a segment index outside
 * `segments` (the part that the model was sent) is dropped.
 */
export function toPartialRecap(
  answer: RecapAnswer,
  segments: RecapTranscriptSegment[],
): PartialRecap {
  const segmentsByIndex = new Map(segments.map((segment) => [segment.index, segment]));
  const cite = (evidence: AnswerEvidence[]): EvidenceQuote[] =>
    evidence.flatMap((item) => toEvidenceQuote(item, segmentsByIndex) ?? []);

  return {
    summary: answer.summary.trim(),
    objectivesCovered: answer.objectivesCovered.map((objective) => ({
      code: objective.code,
      confidence: objective.confidence,
      evidence: cite(objective.evidence),
    })),
    misconceptions: answer.misconceptions.map((misconception) => {
      const correction = misconception.correction
        ? toEvidenceQuote(misconception.correction, segmentsByIndex)
        : undefined;

      return {
        description: misconception.description.trim(),
        evidence: cite(misconception.evidence),
        resolved: misconception.resolved,
        ...(correction ? { correction } : {}),
      };
    }),
    studentPerformanceSummary: answer.studentPerformanceSummary.trim(),
    nextSteps: answer.nextSteps,
    followUps: answer.followUps,
  };
}

function toEvidenceQuote(
  evidence: AnswerEvidence,
  segmentsByIndex: Map<number, RecapTranscriptSegment>,
): EvidenceQuote | undefined {
  const segment = segmentsByIndex.get(evidence.segmentIndex);
  if (!segment) {
    return undefined;
  }

  return {
    segmentIndex: segment.index,
    speaker: segment.speakerName,
    speakerRole: segment.speakerRole,
    startMs: segment.startMs,
    endMs: segment.endMs,
    text: selectQuoteText(evidence.quote, segment.text),
  };
}

/** Keeps the model's quote only when the segment contains it verbatim, else the segment text. */
function selectQuoteText(quote: string, segmentText: string): string {
  const foldedQuote = foldWhitespace(quote);

  return foldedQuote !== '' && foldWhitespace(segmentText).includes(foldedQuote)
    ? foldedQuote
    : segmentText;
}

/**
 * Merges the partial recaps of a split transcript without another model call. Objectives
 * are joined by code with the maximum confidence, misconceptions with the same description
 * are joined, and summaries are concatenated in transcript order.
 */
export function buildRecapDraft(
  partials: PartialRecap[],
  transcript: RecapTranscriptSegment[],
): RecapDraft {
  const misconceptions = mergeMisconceptions(partials.flatMap((partial) => partial.misconceptions));
  const performanceSummary = joinTexts(
    partials.map((partial) => partial.studentPerformanceSummary),
  );

  return {
    summary: joinTexts(partials.map((partial) => partial.summary)),
    objectivesCovered: mergeObjectives(partials.flatMap((partial) => partial.objectivesCovered)),
    misconceptions,
    studentPerformance: measureStudentPerformance(transcript, performanceSummary, misconceptions),
    nextSteps: uniqueTexts(partials.flatMap((partial) => partial.nextSteps)),
    followUps: uniqueTexts(partials.flatMap((partial) => partial.followUps)),
  };
}

/**
 * Joins objectives by code. The merged entry has the maximum confidence and lists the
 * evidence of the most confident entry first. The result is sorted by confidence.
 */
export function mergeObjectives(objectives: ObjectiveCoverage[]): ObjectiveCoverage[] {
  const byCode = new Map<string, ObjectiveCoverage>();
  for (const objective of objectives) {
    const current = byCode.get(objective.code);
    const [best, other] =
      current && current.confidence >= objective.confidence
        ? [current, objective]
        : [objective, current];
    byCode.set(objective.code, {
      code: objective.code,
      confidence: best.confidence,
      evidence: uniqueEvidence([...best.evidence, ...(other?.evidence ?? [])]),
    });
  }

  return [...byCode.values()].sort((a, b) => b.confidence - a.confidence);
}

/** Joins misconceptions whose descriptions match after case and punctuation are ignored. */
export function mergeMisconceptions(misconceptions: Misconception[]): Misconception[] {
  const byDescription = new Map<string, Misconception>();
  for (const misconception of misconceptions) {
    const key = normalizeText(misconception.description);
    const current = byDescription.get(key);
    if (!current) {
      byDescription.set(key, {
        ...misconception,
        evidence: uniqueEvidence(misconception.evidence),
      });
      continue;
    }

    const correction = current.correction ?? misconception.correction;
    byDescription.set(key, {
      description: current.description,
      evidence: uniqueEvidence([...current.evidence, ...misconception.evidence]),
      resolved: current.resolved || misconception.resolved,
      ...(correction ? { correction } : {}),
    });
  }

  return [...byDescription.values()];
}

/**
 * Counts one turn per transcript segment and measures the students' share of all words.
 * errorsFound and errorsCorrected count the misconceptions and the resolved ones.
 */
export function measureStudentPerformance(
  transcript: RecapTranscriptSegment[],
  summary: string,
  misconceptions: Misconception[],
): StudentPerformance {
  let studentTurns = 0;
  let instructorTurns = 0;
  let studentWords = 0;
  let totalWords = 0;
  for (const segment of transcript) {
    const words = countWords(segment.text);
    totalWords += words;
    if (segment.speakerRole === 'student') {
      studentTurns += 1;
      studentWords += words;
    } else if (segment.speakerRole === 'instructor') {
      instructorTurns += 1;
    }
  }

  return {
    summary,
    studentTurns,
    instructorTurns,
    studentTalkShare: totalWords > 0 ? studentWords / totalWords : 0,
    errorsFound: misconceptions.length,
    errorsCorrected: misconceptions.filter((misconception) => misconception.resolved).length,
  };
}

function uniqueEvidence(evidence: EvidenceQuote[]): EvidenceQuote[] {
  const seen = new Set<number>();
  const unique = evidence.filter((quote) => {
    const isNew = !seen.has(quote.segmentIndex);
    seen.add(quote.segmentIndex);

    return isNew;
  });

  return unique.slice(0, MAX_EVIDENCE_QUOTES);
}

function uniqueTexts(texts: string[]): string[] {
  const byKey = new Map<string, string>();
  for (const text of texts) {
    const key = normalizeText(text);
    if (key !== '' && !byKey.has(key)) {
      byKey.set(key, text.trim());
    }
  }

  return [...byKey.values()];
}

function joinTexts(texts: string[]): string {
  return texts
    .map((text) => text.trim())
    .filter((text) => text !== '')
    .join(' ');
}

function normalizeText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function foldWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => word !== '').length;
}
