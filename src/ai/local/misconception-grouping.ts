import { Candidate } from './misconception-candidates';
import { AnalyzedSentence, sentenceResult } from './transcript-analysis';
import { formatNumber, jaccard } from './text-utils';

/** Candidates that point at one error, with every student sentence that states it. */
export interface CandidateGroup {
  candidates: Candidate[];
  /** Candidate sentences and later restatements, in transcript order. */
  sentences: AnalyzedSentence[];
  /** How many sentences restate the error without new evidence. */
  restatements: number;
}

/** Jaccard similarity of terms at which two sentences state the same thing. */
const SAME_TEXT_SIMILARITY = 0.6;
/** Lower similarity that suffices when both sentences end on the same result. */
const SAME_RESULT_SIMILARITY = 0.4;
/** Similarity at which a self-report explains the error stated just before it. */
const EXPLAINS_SIMILARITY = 0.15;
/** Turns between a statement and a self-report that explains it. */
const MAX_EXPLANATION_DISTANCE = 4;

/**
 * Groups candidates that state the same error: the same sentence, the same final claim
 * with the same value, or near-identical wording. Self-reports join the error stated in
 * the student turns just before them. Each group then takes in later restatements.
 */
export function groupCandidates(
  candidates: Candidate[],
  student: AnalyzedSentence[],
): CandidateGroup[] {
  const stated = candidates.filter((candidate) => !isExplanation(candidate));
  const groups = unionBySimilarity(stated).map((members) => withRestatements(members, student));
  const explanations = candidates.filter(isExplanation).sort(bySentence);
  for (const explanation of explanations) {
    const host = findExplainedGroup(groups, explanation);
    if (host) {
      host.candidates.push(explanation);
      host.sentences = uniqueSentences([...host.sentences, explanation.sentence]);
    } else {
      groups.push({
        candidates: [explanation],
        sentences: [explanation.sentence],
        restatements: 0,
      });
    }
  }

  return groups;
}

function isExplanation(candidate: Candidate): boolean {
  return candidate.kind === 'self-report' && candidate.claim === undefined;
}

function bySentence(a: Candidate, b: Candidate): number {
  return a.sentence.id - b.sentence.id;
}

function unionBySimilarity(candidates: Candidate[]): Candidate[][] {
  const parent = candidates.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < candidates.length; i += 1) {
    for (let j = i + 1; j < candidates.length; j += 1) {
      if (restates(candidates[i].sentence, candidates[j].sentence)) {
        parent[find(j)] = find(i);
      }
    }
  }
  const groups = new Map<number, Candidate[]>();
  candidates.forEach((candidate, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), candidate]);
  });

  return [...groups.values()];
}

/**
 * Checks whether two sentences state the same thing: the same final claim with the same value,
 * or similar wording without different results (`… 45-5 = 40` does not restate `… 60-5 = 55`).
 */
export function restates(a: AnalyzedSentence, b: AnalyzedSentence): boolean {
  if (a.id === b.id) {
    return true;
  }
  const lastA = a.claims[a.claims.length - 1];
  const lastB = b.claims[b.claims.length - 1];
  if (lastA && lastB && lastA.key === lastB.key && lastA.claimedValue === lastB.claimedValue) {
    return true;
  }
  const valueA = statedValue(a);
  const valueB = statedValue(b);
  if (valueA !== undefined && valueB !== undefined && valueA !== valueB) {
    return false;
  }
  const similarity = jaccard(a.terms, b.terms);
  const sameValue = valueA !== undefined && valueA === valueB;

  return similarity >= SAME_TEXT_SIMILARITY || (sameValue && similarity >= SAME_RESULT_SIMILARITY);
}

/** Returns the value a sentence states, as a term: its last claim result, else its first number. */
function statedValue(sentence: AnalyzedSentence): string | undefined {
  const result = sentenceResult(sentence);

  return result !== undefined ? formatNumber(result) : sentence.numberTerms[0];
}

/**
 * Finds the group that a self-report explains: one that already contains the sentence, one
 * stated in the same turn or the four turns before it, or another self-report of the same
 * turn, with enough shared terms.
 */
function findExplainedGroup(
  groups: CandidateGroup[],
  explanation: Candidate,
): CandidateGroup | undefined {
  const position = explanation.sentence.turn.position;
  let best: { group: CandidateGroup; similarity: number } | undefined;
  for (const group of groups) {
    const explanationsOnly = group.candidates.every(isExplanation);
    for (const sentence of group.sentences) {
      if (sentence.id === explanation.sentence.id) {
        return group;
      }
      const distance = position - sentence.turn.position;
      const near = explanationsOnly
        ? distance === 0
        : distance >= 0 && distance <= MAX_EXPLANATION_DISTANCE;
      const similarity = jaccard(sentence.terms, explanation.sentence.terms);
      if (near && similarity >= EXPLAINS_SIMILARITY && (!best || similarity > best.similarity)) {
        best = { group, similarity };
      }
    }
  }

  return best?.group;
}

/** Adds every other student sentence that restates one of the group's statements. */
function withRestatements(members: Candidate[], student: AnalyzedSentence[]): CandidateGroup {
  const stated = members.map((candidate) => candidate.sentence);
  const ids = new Set(stated.map((sentence) => sentence.id));
  const restated = student.filter(
    (sentence) => !ids.has(sentence.id) && stated.some((s) => restates(s, sentence)),
  );

  return {
    candidates: members,
    sentences: uniqueSentences([...stated, ...restated]),
    restatements: restated.length,
  };
}

function uniqueSentences(sentences: AnalyzedSentence[]): AnalyzedSentence[] {
  const unique = new Map(sentences.map((sentence) => [sentence.id, sentence]));

  return [...unique.values()].sort((a, b) => a.id - b.id);
}
