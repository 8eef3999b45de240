import type { MathToken } from './arithmetic-lexer';

/** Word sequences that state a result, longest first so `is equal to` wins over `is`. */
const EQUALS_PHRASES = [
  'is equal to',
  'are equal to',
  'which gives me',
  'which gave me',
  'which equals',
  'must be',
  'would be',
  'will be',
  'gives me',
  'gave me',
  'to get',
  'and got',
  'and get',
  'i get',
  'we get',
  'you get',
  'equals',
  'is',
  'are',
  'was',
  'makes',
  'gives',
].map((phrase) => phrase.split(' '));

/** Replaces word runs such as `is equal to` or `to get` with one equals token. */
export function mergeEqualsPhrases(tokens: MathToken[]): MathToken[] {
  const merged: MathToken[] = [];
  let i = 0;
  while (i < tokens.length) {
    const length = matchEqualsPhrase(tokens, i);
    if (length > 0) {
      const first = tokens[i];
      const last = tokens[i + length - 1];
      merged.push({
        kind: 'equals',
        word: true,
        start: first.start,
        end: last.end,
        spaceBefore: first.spaceBefore,
      });
      i += length;
    } else {
      merged.push(tokens[i]);
      i += 1;
    }
  }

  return merged;
}

function matchEqualsPhrase(tokens: MathToken[], index: number): number {
  for (const phrase of EQUALS_PHRASES) {
    const matches = phrase.every((word, offset) => {
      const token = tokens[index + offset];

      return token?.kind === 'word' && token.text === word;
    });
    if (matches) {
      return phrase.length;
    }
  }

  return 0;
}

/** Words allowed between an equals word and its number, as in `to get a total of 45`. */
export const RESULT_FILLER_WORDS = new Set([
  'a',
  'an',
  'the',
  'total',
  'answer',
  'result',
  'of',
  'me',
  'us',
  'final',
  'sum',
  'product',
  'difference',
  'quotient',
  'same',
  'as',
  'actually',
  'only',
  'just',
  'about',
  'approximately',
  'still',
  'now',
  'then',
]);
