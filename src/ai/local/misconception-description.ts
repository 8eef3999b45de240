import { ArithmeticClaim } from './arithmetic-claims';
import { Candidate } from './misconception-candidates';
import { CandidateGroup } from './misconception-grouping';
import { AnalyzedSentence } from './transcript-analysis';
import { clipText, formatNumber } from './text-utils';

const MAX_CLAUSE_LENGTH = 140;

/** Discourse openers that add nothing to a quoted clause. */
const OPENERS =
  /^((yes|no|so|then|and|but|okay|ok|oh|ah|hi|hello|sure|right|well|first|finally|therefore|thus)\b[\s,.!\-–]*)+/i;

/** Writes a one-sentence description of an error from the evidence that found it. */
export function describeMisconception(primary: Candidate, group: CandidateGroup): string {
  switch (primary.kind) {
    case 'arithmetic':
      return describeClaimError(primary.claim as ArithmeticClaim);
    case 'challenged':
    case 'repeated':
      return describeChallenged(primary, group);
    case 'revised':
      return describeRevised(primary);
    default:
      return describeSelfReport(primary);
  }
}

function describeClaimError(claim: ArithmeticClaim): string {
  switch (claim.kind) {
    case 'solution':
      return `Solved ${claim.expression} as ${claim.claimed}, but the solution is ${claim.actual}.`;
    case 'rewrite':
      return `Rewrote ${claim.expression} as ${claim.claimed}, but ${claim.expression} simplifies to ${claim.actual}.`;
    default:
      return `Computed ${claim.expression} as ${claim.claimed}, but it is ${claim.actual}.`;
  }
}

function describeChallenged(primary: Candidate, group: CandidateGroup): string {
  const statement = `Stated "${clause(primary.sentence)}"`;
  const repeats = group.sentences.length - 1;
  const repeated = repeats > 0 ? ` and repeated it ${repeats} more ${plural(repeats, 'time')}` : '';
  const challenge = primary.challenge ?? group.candidates.find((c) => c.challenge)?.challenge;
  if (!challenge) {
    return `${statement}${repeated}.`;
  }
  const verb = challenge.text.includes('?') ? 'asked' : 'responded';

  return `${statement}${repeated}; the instructor ${verb}: "${clause(challenge)}"`;
}

function describeRevised(primary: Candidate): string {
  const first = formatNumber(primary.firstAnswer ?? Number.NaN);
  const final = formatNumber(primary.finalAnswer ?? Number.NaN);

  return `First answered ${first} ("${clause(primary.sentence)}") and later changed the answer to ${final}.`;
}

function describeSelfReport(primary: Candidate): string {
  const claim = primary.claim;
  if (claim?.withdrawnValue !== undefined) {
    const withdrawn = formatNumber(claim.withdrawnValue);

    return `Had ${claim.expression} as ${withdrawn} before correcting it to ${claim.claimed}.`;
  }

  return `Described the error in their own words: "${clause(primary.sentence)}"`;
}

/** Returns a sentence without its opening filler, shortened for a description. */
export function clause(sentence: AnalyzedSentence): string {
  const trimmed = sentence.text.replace(OPENERS, '').replace(/[.!]+$/, '');
  const text = trimmed === '' ? sentence.text : trimmed;

  return clipText(text, MAX_CLAUSE_LENGTH);
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}
