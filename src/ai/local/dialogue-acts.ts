/**
 * Cue phrases for what an instructor turn does to the student's last answer (challenge it
 * or accept it) and for a student turn that revises or explains an earlier answer.
 * The lists are matched on lowercase text with word boundaries.
 */

/** Phrases that call an answer wrong or ask to redo it. */
const STRONG_CHALLENGES = [
  /\bnot quite\b/,
  /\b(is ?n[o']t|not) (quite )?(right|correct)\b/,
  /\bincorrect\b/,
  /\bwrong\b/,
  /\bmistake\b/,
  /\berror\b/,
  /^\W*no\b/,
  /\bthink (again|more carefully)\b/,
  /\btry (again|that again)\b/,
  /\b(double[ -])?check\b/,
  /\bre-?read\b|\bre read\b|\bread the question\b|\blook again\b/,
  /\bare you sure\b/,
  /\bmisunderst/,
  /\bmixed up\b/,
  /\bforg[eo]t/,
  /\byou('re| are) missing\b/,
  /\bcontradict/,
  /\bdo ?n'?t see\b|\bdo not see\b/,
  /\bnot \$?\d/,
  /\bcannot be\b|\bcan'?t be\b/,
];

/**
 * Prompts to reflect on an error that is already fixed, such as `can you see where you
 * went wrong?`. They contain `wrong` or `mistake` but do not challenge the last answer.
 */
const REFLECTION_PROMPTS = [
  /\b(can|do) you (now )?(see|identify|spot|tell me)\b[^.?!]*\b(mistake|error|wrong|went|did not do)\b[^.?!]*/g,
  /\bhave you been able to identify\b[^.?!]*/g,
  /\b(your|the) original (error|mistake|calculation)\b/g,
  /\bwhere you (went|were going) wrong\b/g,
];

/** Questions and hedges that probe an answer without calling it wrong. */
const PROBES = [
  /\bwhy (did|are|do|would) you\b/,
  /\bwhy (divide|multiply|add|subtract)\b/,
  /\bhow did you (decide|get|calculate|work)\b/,
  /\bwhere (did|are you getting)\b/,
  /\bdoes the question say\b/,
  /\bis that (correct|right)\b/,
  /\bisn'?t it\b/,
  /\bdon'?t you think\b/,
  /\bwhat about\b/,
  /\binstead\b/,
  /\bbut\b/,
  /\bhowever\b/,
  /\b(do not|don'?t) need\b/,
  /\bno\?/,
  /\bperhaps\b/,
  /\bstill\b/,
  /\bnullif/,
  /\bcount\w*\b[^.?!]*\btwice\b/,
];

/** Phrases that point back at an earlier, accepted statement: `you told me there are 20`. */
const BACK_REFERENCES = /\b(you (told me|said|stated|wrote|calculated)|remember)\b/;

/** Phrases that accept an answer. */
const PRAISES = [
  /\bcorrect\b/,
  /\bexcellent\b/,
  /\bwell done\b/,
  /\bgood\b/,
  /\bgreat\b/,
  /\bperfect\b/,
  /\byou got it\b/,
  /\bbrill/,
  /\bthat'?s it\b/,
  /\bexactly\b/,
  /\bfantastic\b/,
  /\bthere you go\b/,
  /^\W*(yes|right)\b/,
  /\bnice\b/,
  /\bthat'?s true\b/,
  /\bvery well\b/,
  /\bspot on\b/,
  /\bcongratulations\b/,
];

/** Student phrases that take back or rethink an earlier answer. */
const REVISIONS = [
  /^\W*(oh|ah)\b/,
  /\bi see\b/,
  /\byou('re| are) (right|correct)\b/,
  /\bi (made|make) a mistake\b/,
  /\bi reali[sz]e/,
  /\bi understand( now)?\b/,
  /\bmakes sense\b/,
  /\bi was wrong\b/,
  /\bthat'?s (incorrect|wrong)\b/,
  /\bi forgot\b/,
  /\bi should have\b/,
  /\binstead of\b/,
  /\boriginally\b/,
  /\bmy (original )?(error|mistake)\b/,
  /\bactually\b/,
];

/** Student phrases that describe their own earlier error. */
const SELF_REPORTS = [
  /\bi originally\b/,
  /\bi thought (i|that|it)\b/,
  /\bi was (adding|subtracting|multiplying|dividing|thinking|forgetting|counting|using|trying)\b/,
  /\bi forgot to\b/,
  /\bi should have\b/,
  /\bi made a mistake\b/,
  /\bmy (original )?(error|mistake) was\b/,
  /\bi didn'?t realize\b/,
  /\bis actually\b.*\bnot\b/,
];

/** Response of an instructor turn to the student's previous answer, each score 0..1. */
export interface InstructorAct {
  challenge: number;
  praise: number;
  /** Whether a phrase such as `not quite` or `check` calls the answer wrong. */
  strong: boolean;
  isQuestion: boolean;
}

const STRONG_WEIGHT = 0.6;
const PROBE_WEIGHT = 0.3;
const PRAISE_WEIGHT = 0.5;

/** Scores an instructor turn as a challenge to, or an acceptance of, the last answer. */
export function classifyInstructorTurn(text: string): InstructorAct {
  let lower = normalize(text);
  for (const pattern of REFLECTION_PROMPTS) {
    lower = lower.replace(pattern, ' ');
  }
  const strongCount = countMatches(lower, STRONG_CHALLENGES);
  // Drops the matched challenges so `not quite correct` does not also count as praise.
  for (const pattern of STRONG_CHALLENGES) {
    lower = lower.replace(new RegExp(pattern.source, 'g'), ' ');
  }
  const probeCount = countMatches(lower, PROBES);
  const praiseCount = countMatches(lower, PRAISES);
  const isQuestion = text.includes('?');
  const challenge = Math.min(1, strongCount * STRONG_WEIGHT + probeCount * PROBE_WEIGHT);
  const praise = Math.min(1, praiseCount * PRAISE_WEIGHT);

  return { challenge, praise, strong: strongCount > 0, isQuestion };
}

/**
 * Returns how strongly an instructor turn challenges the student, 0..1: praise without a
 * strong cue halves a probe, so `Great. So what should be the total?` is no challenge.
 */
export function challengeStrength(act: InstructorAct): number {
  if (act.strong) {
    return act.challenge;
  }

  return act.praise > 0 ? act.challenge * 0.5 : act.challenge;
}

/**
 * Returns how strongly an instructor turn challenges the student: the strongest of its
 * sentences, so praise for one part does not hide a challenge to another.
 */
export function turnChallengeStrength(sentences: string[]): number {
  return Math.max(
    0,
    ...sentences.map((sentence) => challengeStrength(classifyInstructorTurn(sentence))),
  );
}

/** Checks whether an instructor text points back at an earlier student statement. */
export function refersBack(text: string): boolean {
  return BACK_REFERENCES.test(normalize(text));
}

/**
 * Checks whether an instructor turn accepts the student's last answer: it opens with praise and
 * no challenge (`Correct. 5. Not 20.`), or it praises and challenges nothing at all.
 */
export function isAcceptance(turnAct: InstructorAct, openingAct: InstructorAct): boolean {
  const opensWithPraise = openingAct.praise > 0 && !openingAct.strong;

  return opensWithPraise || (turnAct.praise > 0 && turnAct.challenge === 0);
}

/** Checks whether a student text takes back or rethinks an earlier answer. */
export function isRevision(text: string): boolean {
  return countMatches(normalize(text), REVISIONS) > 0;
}

/** Checks whether a student sentence describes the student's own earlier error. */
export function isSelfReport(text: string): boolean {
  return countMatches(normalize(text), SELF_REPORTS) > 0;
}

/** Lowercases a text and writes curly apostrophes as `'`, as the cue patterns expect. */
function normalize(text: string): string {
  return text.toLowerCase().replace(/[‘’]/g, "'");
}

function countMatches(text: string, patterns: RegExp[]): number {
  return patterns.filter((pattern) => pattern.test(text)).length;
}
