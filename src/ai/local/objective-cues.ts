import { AnalyzedSentence, AnalyzedTranscript } from './transcript-analysis';

/**
 * Surface forms of tutoring talk mapped to the vocabulary that curriculum standards use:
 * a student says `20%` or `$2 each` where a standard says `percent` or `unit rate`.
 * The added terms are lemmas as `contentTerms` returns them.
 */
const SENTENCE_CUES: { pattern: RegExp; terms: string[] }[] = [
  { pattern: /%|\bpercent/i, terms: ['percent', 'rate'] },
  {
    pattern: /\b(interest|tax|discount|tip|commission|mark-?ups?|mark-?downs?)\b/i,
    terms: ['interest', 'tax', 'markup', 'percent'],
  },
  { pattern: /\bper\b|\$\s?\d[\d.,]*\s+(each|apiece)\b/i, terms: ['rate', 'unit', 'pricing'] },
  {
    pattern: /\b(twice as|times (as|more|less)|half as|ratio|for every)\b/i,
    terms: ['ratio'],
  },
  {
    pattern: /\b\d+\s*\/\s*\d+\b|\b(half|halves|third|quarter|fifth|sixth|seventh|eighth)s?\b/i,
    terms: ['fraction', 'rational'],
  },
  { pattern: /\b\d+\.\d+\b/, terms: ['decimal', 'rational'] },
  { pattern: /\b(probabilit\w*|chances?|likel\w*)\b/i, terms: ['probability', 'event', 'chance'] },
  { pattern: /\b(area|perimeter)\b/i, terms: ['area'] },
  { pattern: /\bvolume\b/i, terms: ['volume'] },
  { pattern: /\b(negative|below zero|debt|owe)\b/i, terms: ['negative', 'integer', 'rational'] },
  { pattern: /\b(average|median|the mean)\b/i, terms: ['mean', 'median', 'datum'] },
  { pattern: /\bproportion/i, terms: ['proportional', 'relationship'] },
];

/**
 * Lemmas that name mathematical content. Only these and the cue terms enter the match, so
 * everyday words of a word problem (`join`, `take`, `girl`) cannot match a standard's examples.
 */
export const MATH_TERMS = new Set([
  'ratio',
  'rate',
  'unit',
  'percent',
  'percentage',
  'proportional',
  'proportion',
  'equation',
  'expression',
  'variable',
  'inequality',
  'fraction',
  'decimal',
  'integer',
  'negative',
  'rational',
  'irrational',
  'probability',
  'event',
  'chance',
  'outcome',
  'sample',
  'area',
  'volume',
  'perimeter',
  'circle',
  'circumference',
  'angle',
  'triangle',
  'polygon',
  'prism',
  'median',
  'average',
  'datum',
  'graph',
  'coordinate',
  'slope',
  'linear',
  'function',
  'exponent',
  'multiply',
  'divide',
  'add',
  'subtract',
  'sum',
  'product',
  'quotient',
  'factor',
  'multiple',
  'interest',
  'tax',
  'discount',
  'markup',
  'pricing',
  'measurement',
  'convert',
  'scale',
  'operation',
  'multistep',
  'speed',
]);

/**
 * Operation words. Nearly every transcript of arithmetic uses them, so in the match query they
 * pull each session toward the standards on operation fluency (such as 7.NS.A.1d and 6.NS.B.3)
 * whatever the problem was about. They only tie evidence sentences to an objective.
 */
const OPERATION_WORDS = new Set([
  'add',
  'subtract',
  'multiply',
  'divide',
  'sum',
  'product',
  'quotient',
]);

/** Terms for the operations a sentence states, matching `add`, `subtract`, … in standards. */
const OPERATION_TERMS: Record<string, string> = {
  '+': 'add',
  '-': 'subtract',
  '*': 'multiply',
  '/': 'divide',
  '×': 'multiply',
  '÷': 'divide',
};

/** Claims in a transcript from which on it counts as a multi-step problem. */
const MULTISTEP_CLAIMS = 3;

/** The wording of standards on multi-step word problems, such as 7.EE.B.3 and 7.NS.A.3. */
const MULTISTEP_TERMS = [
  'multistep',
  'problem',
  'solve',
  'real',
  'world',
  'operation',
  'computation',
];

/**
 * Returns the curriculum terms of one sentence for the match query: its math words other
 * than operation words, and what its wording implies.
 */
export function sentenceCueTerms(sentence: AnalyzedSentence): string[] {
  const terms = sentence.terms.filter((term) => MATH_TERMS.has(term) && !OPERATION_WORDS.has(term));
  for (const cue of SENTENCE_CUES) {
    if (cue.pattern.test(sentence.text)) {
      terms.push(...cue.terms);
    }
  }
  for (const claim of sentence.claims) {
    if (claim.kind === 'solution' || claim.kind === 'rewrite') {
      terms.push('equation', 'variable', 'expression', 'solve');
    }
  }

  return terms;
}

/**
 * Returns the terms that tie one sentence to an objective as evidence: its cue terms, its
 * operation words and the operations it computes. A sentence with checked arithmetic also
 * gets the multi-step wording, because its calculations are the steps that wording refers to.
 */
export function sentenceEvidenceTerms(sentence: AnalyzedSentence): string[] {
  const signs = sentence.claims.flatMap((claim) => claim.expression.match(/[+\-*/×÷]/g) ?? []);
  const operations = sentence.terms.filter((term) => OPERATION_WORDS.has(term));

  return [
    ...sentenceCueTerms(sentence),
    ...operations,
    ...signs.map((sign) => OPERATION_TERMS[sign]),
    ...(sentence.claims.length > 0 ? MULTISTEP_TERMS : []),
  ];
}

/**
 * Returns curriculum terms that the transcript as a whole implies: the wording of multi-step
 * word problems when it checks three or more calculations.
 */
export function transcriptCueTerms(transcript: AnalyzedTranscript): string[] {
  const claims = transcript.sentences.flatMap((sentence) => sentence.claims);
  if (claims.length < MULTISTEP_CLAIMS) {
    return [];
  }

  return MULTISTEP_TERMS;
}
