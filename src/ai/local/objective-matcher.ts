import { createHash } from 'node:crypto';
import { Bow, ItsFunction } from 'wink-nlp';
import bm25Vectorizer from 'wink-nlp/utilities/bm25-vectorizer';
import { ObjectiveCoverage, RecapObjective } from '../ai-provider';
import { sentenceCueTerms, sentenceEvidenceTerms, transcriptCueTerms } from './objective-cues';
import { contentTerms, getNlp, isNumberTerm } from './text-utils';
import { AnalyzedSentence, AnalyzedTranscript, quoteSentence } from './transcript-analysis';

/** BM25 weights of one objective set, built once and reused for every transcript. */
export interface ObjectiveIndex {
  objectives: RecapObjective[];
  /** L2-normalized BM25 term weights of each objective's title and description. */
  documents: Map<string, number>[];
  idf: Map<string, number>;
}

/** A matched objective with the sentences that support it. */
export interface ObjectiveMatch {
  objective: RecapObjective;
  coverage: ObjectiveCoverage;
  /** BM25 weight of each term in the objective, to relate other sentences to it. */
  weights: Map<string, number>;
}

/** Index of the objective sets seen most recently, keyed by a hash of their text. */
const indexCache = new Map<string, ObjectiveIndex>();
const MAX_CACHED_INDEXES = 16;

// NOTE: both thresholds were tuned on the MathDial chats against the grades 6-8 standards
// in examples/data, where the best match of each chat scores a cosine of 0.27 to 0.6.
/** Cosine similarity at which confidence reaches 1. */
const FULL_MATCH_SIMILARITY = 0.5;
const MIN_CONFIDENCE = 0.45;
const MAX_OBJECTIVES = 3;
const MAX_EVIDENCE = 3;
/** Factor on the similarity of objectives the lesson plan names. */
const PLANNED_BOOST = 1.3;

/**
 * Matches the transcript against the objectives with BM25 document vectors and a
 * log-scaled query vector of math lemmas and curriculum cue terms. Returns at most three
 * objectives above the confidence threshold, each with up to three supporting sentences.
 */
export function matchObjectives(
  transcript: AnalyzedTranscript,
  objectives: RecapObjective[],
  plannedCodes: string[],
): ObjectiveMatch[] {
  if (objectives.length === 0 || transcript.sentences.length === 0) {
    return [];
  }
  const index = getObjectiveIndex(objectives);
  const cueTerms = transcript.sentences.flatMap(sentenceCueTerms);
  const query = buildQuery(index, [...cueTerms, ...transcriptCueTerms(transcript)]);
  const sentenceTerms = transcript.sentences.map(sentenceEvidenceTerms);
  const planned = new Set(plannedCodes);
  const scored = index.objectives.map((objective, i) => {
    const similarity = cosine(query, index.documents[i]);
    const boost = planned.has(objective.code) ? PLANNED_BOOST : 1;

    return { objective, document: index.documents[i], score: similarity * boost };
  });
  scored.sort((a, b) => b.score - a.score || a.objective.code.localeCompare(b.objective.code));

  return scored
    .map(({ objective, document, score }) => {
      const confidence = Math.round(Math.min(1, score / FULL_MATCH_SIMILARITY) * 100) / 100;
      const evidence = findEvidence(transcript.sentences, sentenceTerms, document);

      return {
        objective,
        coverage: { code: objective.code, confidence, evidence },
        weights: document,
      };
    })
    .filter(({ coverage }) => coverage.confidence >= MIN_CONFIDENCE && coverage.evidence.length > 0)
    .slice(0, MAX_OBJECTIVES);
}

/** Returns the index for an objective set, building it on the first request for that set. */
export function getObjectiveIndex(objectives: RecapObjective[]): ObjectiveIndex {
  const key = hashObjectives(objectives);
  const cached = indexCache.get(key);
  if (cached) {
    indexCache.delete(key);
    indexCache.set(key, cached);

    return cached;
  }
  const built = buildIndex(objectives);
  indexCache.set(key, built);
  if (indexCache.size > MAX_CACHED_INDEXES) {
    indexCache.delete(indexCache.keys().next().value as string);
  }

  return built;
}

/** Hashes codes, titles and descriptions, so an edited standard text gets a new index. */
function hashObjectives(objectives: RecapObjective[]): string {
  const hash = createHash('sha256');
  for (const { code, title, description } of objectives) {
    hash.update(`${code}\u0000${title}\u0000${description}\u0001`);
  }

  return hash.digest('hex');
}

function buildIndex(objectives: RecapObjective[]): ObjectiveIndex {
  const { its } = getNlp();
  const vectorizer = bm25Vectorizer({ k: 1, k1: 1.2, b: 0.75, norm: 'l2' });
  for (const objective of objectives) {
    // A standard without words still needs a document, so BM25 keeps one per objective.
    const terms = objectiveTerms(objective);
    vectorizer.learn(terms.length > 0 ? terms : ['\u0000']);
  }
  const idfPairs = vectorizer.out(its.idf as unknown as ItsFunction<[string, number][]>);
  const documents = objectives.map((_, i) => {
    const bow = vectorizer.doc(i).out(its.bow as unknown as ItsFunction<Bow>) as Bow;

    return new Map(Object.entries(bow));
  });

  return { objectives, documents, idf: new Map(idfPairs) };
}

/**
 * Returns the lemmas of an objective: the title twice, since it states the standard, and the
 * description without quoted example sentences such as `“How old am I?”`. Numbers are left out.
 */
function objectiveTerms(objective: RecapObjective): string[] {
  const description = objective.description.replace(/[“"][^”"]*[”"]/g, ' ');
  const text = `${objective.title} ${objective.title} ${description}`;

  return contentTerms(text).filter((term) => !isNumberTerm(term));
}

/** Weighs each known term by idf × (1 + ln tf) and normalizes the vector to length 1. */
function buildQuery(index: ObjectiveIndex, terms: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) {
    if (index.idf.has(term)) {
      counts.set(term, (counts.get(term) ?? 0) + 1);
    }
  }
  const query = new Map<string, number>();
  let norm = 0;
  for (const [term, count] of counts) {
    const weight = (index.idf.get(term) ?? 0) * (1 + Math.log(count));
    query.set(term, weight);
    norm += weight * weight;
  }
  const length = Math.sqrt(norm) || 1;
  for (const [term, weight] of query) {
    query.set(term, weight / length);
  }

  return query;
}

/** Returns the cosine of two unit vectors stored as term maps. */
function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  for (const [term, weight] of a) {
    dot += weight * (b.get(term) ?? 0);
  }

  return dot;
}

/**
 * Picks up to three sentences with the largest summed objective weight of their terms,
 * one per segment, and quotes them in transcript order.
 */
function findEvidence(
  sentences: AnalyzedSentence[],
  sentenceTerms: string[][],
  document: Map<string, number>,
) {
  const scored = sentences
    .map((sentence, i) => ({
      sentence,
      score: [...new Set(sentenceTerms[i])].reduce(
        (sum, term) => sum + (document.get(term) ?? 0),
        0,
      ),
    }))
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score || a.sentence.id - b.sentence.id);
  const picked: AnalyzedSentence[] = [];
  const segments = new Set<number>();
  for (const { sentence } of scored) {
    if (picked.length < MAX_EVIDENCE && !segments.has(sentence.turn.position)) {
      picked.push(sentence);
      segments.add(sentence.turn.position);
    }
  }

  return picked.sort((a, b) => a.id - b.id).map(quoteSentence);
}
