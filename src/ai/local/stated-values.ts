import { formatNumber, parseNumber } from './text-utils';
import type { AnalyzedTurn } from './transcript-analysis';

/**
 * A number as written in digits: a mixed number (`2 1/2`), a fraction (`3/8`, `3 / 8`) or a
 * plain number (`12`, `$1,500`, `0.5`). The mixed form comes first so that `2 1/2` is one number.
 */
export const WRITTEN_NUMBER_SOURCE = String.raw`\d+\s+\d+\s*\/\s*\d+|\$?\d[\d,]*(?:\.\d+)?(?:\s*\/\s*\d+(?:\.\d+)?)?|\$?\.\d+`;

const WRITTEN_NUMBER = new RegExp(WRITTEN_NUMBER_SOURCE, 'g');
const MIXED_NUMBER = /^(\d+)\s+(\d+)\s*\/\s*(\d+)$/;
const FRACTION = /^(.+?)\s*\/\s*(.+)$/;

/** A number found in a text, with its character range. */
export interface WrittenNumber {
  value: number;
  start: number;
  end: number;
  isFraction: boolean;
}

/** Parses `2 1/2`, `3/8`, `$1,500` or `0.5`; undefined for other text and a zero denominator. */
export function parseWrittenNumber(text: string): number | undefined {
  const trimmed = text.trim();
  const mixed = MIXED_NUMBER.exec(trimmed);
  if (mixed) {
    const denominator = Number(mixed[3]);

    return denominator === 0 ? undefined : Number(mixed[1]) + Number(mixed[2]) / denominator;
  }
  const fraction = FRACTION.exec(trimmed);
  if (fraction) {
    const numerator = parseNumber(fraction[1]);
    const denominator = parseNumber(fraction[2]);

    return numerator === undefined || !denominator ? undefined : numerator / denominator;
  }

  return parseNumber(trimmed);
}

/** Returns every number written in digits in a text, in order. */
export function findWrittenNumbers(text: string): WrittenNumber[] {
  const numbers: WrittenNumber[] = [];
  for (const match of text.matchAll(WRITTEN_NUMBER)) {
    const value = parseWrittenNumber(match[0]);
    if (value !== undefined) {
      const start = match.index ?? 0;
      numbers.push({
        value,
        start,
        end: start + match[0].length,
        isFraction: match[0].includes('/'),
      });
    }
  }

  return numbers;
}

/** Values that an instructor turn states, each formatted with `formatNumber`. */
export interface InstructorValues {
  /** Results of the turn's correct arithmetic, such as 26 in `40-14=26`. */
  results: Set<string>;
  /** The only number of a statement without arithmetic: `The answer is 16 weeks.` */
  answers: Set<string>;
}

/** Splits a sentence at a contrast, so that `You forgot the $1, but Leah lost $11` gives two parts. */
const CONTRAST = /,?\s+but\s+|;\s*/i;

/** Returns the values an instructor turn states in its statements; questions are skipped. */
export function instructorStatedValues(turn: AnalyzedTurn): InstructorValues {
  const values: InstructorValues = { results: new Set(), answers: new Set() };
  for (const sentence of turn.sentences) {
    if (sentence.text.includes('?')) {
      continue;
    }
    for (const claim of sentence.claims) {
      if (claim.correct && claim.claimedValue !== undefined) {
        values.results.add(formatNumber(claim.claimedValue));
      }
    }
    if (sentence.claims.length > 0) {
      continue;
    }
    for (const part of sentence.text.split(CONTRAST)) {
      const numbers = findWrittenNumbers(part);
      if (numbers.length === 1) {
        values.answers.add(formatNumber(numbers[0].value));
      }
    }
  }

  return values;
}

/**
 * Checks whether a turn states one of `values` as a result: the result of one of its claims,
 * or a number outside its arithmetic. An operand does not count, so `28-11 = 17` does not
 * state 11.
 */
export function statesAnyValue(turn: AnalyzedTurn, values: Set<string>): boolean {
  for (const sentence of turn.sentences) {
    for (const claim of sentence.claims) {
      if (claim.claimedValue !== undefined && values.has(formatNumber(claim.claimedValue))) {
        return true;
      }
    }
    let outside = sentence.text;
    for (const claim of sentence.claims) {
      const blank = ' '.repeat(claim.charEnd - claim.charStart);
      outside = outside.slice(0, claim.charStart) + blank + outside.slice(claim.charEnd);
    }
    if (findWrittenNumbers(outside).some((number) => values.has(formatNumber(number.value)))) {
      return true;
    }
  }

  return false;
}
