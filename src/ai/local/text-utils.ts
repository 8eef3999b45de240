import winkNLP, { ItemSentence, ItsFunction, Tokens, WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** A sentence of a longer text with its character offsets in that text. */
export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
  /** Content terms: lemmas without stop words, canonical numbers, and `percent`. */
  terms: string[];
}

/** Number words that tutoring talk uses in place of digits. */
const NUMBER_WORDS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  thousand: 1000,
};

let nlpInstance: WinkMethods | undefined;

/** Returns the shared wink-nlp instance, loading the English model on first use. */
export function getNlp(): WinkMethods {
  nlpInstance ??= winkNLP(model, ['sbd', 'pos']);

  return nlpInstance;
}

/** Returns the value of a number word such as `nine`, or undefined. */
export function numberWordValue(word: string): number | undefined {
  return NUMBER_WORDS[word.toLowerCase()];
}

/** Parses a numeric token such as `1,500`, `$20.25` or `0.5` into a number. */
export function parseNumber(text: string): number | undefined {
  const cleaned = text.replace(/[$,]/g, '');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(cleaned)) {
    return undefined;
  }

  return Number(cleaned);
}

/** Formats a number without float noise: at most 4 decimals, no trailing zeros. */
export function formatNumber(value: number): string {
  const rounded = Math.round(value * 10_000) / 10_000;

  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/**
 * Maps one wink token to a content term, or undefined for stop words and punctuation.
 * Numbers and number words become canonical numbers, so `nine` and `9` match.
 */
function toTerm(type: string, normal: string, lemma: string | undefined, isStopWord: boolean) {
  if (type === 'number') {
    const value = parseNumber(normal) ?? numberWordValue(normal);

    return value === undefined ? normal : formatNumber(value);
  }
  if (normal === '%') {
    return 'percent';
  }
  if (type !== 'word') {
    return undefined;
  }
  const wordValue = numberWordValue(normal);
  if (wordValue !== undefined) {
    return formatNumber(wordValue);
  }
  if (isStopWord || normal.length < 2) {
    return undefined;
  }

  // NOTE: wink-eng-lite-web-model 1.8.1 returns no lemma for some misspellings (`wont`).
  return (lemma ?? normal).replace(/-/g, '');
}

/** Returns the content terms of a text: lemmas without stop words, and canonical numbers. */
export function contentTerms(text: string): string[] {
  const nlp = getNlp();
  const tokens = nlp.readDoc(text).tokens();

  return termsOf(tokens, nlp);
}

function termsOf(tokens: Tokens, nlp: WinkMethods): string[] {
  const { its } = nlp;
  // The typings of wink-nlp 2.4.0 declare `its.lemma` and `its.stopWordFlag` with a
  // signature that `out()` does not accept, so they are cast to the shape `out()` expects.
  const types = tokens.out(its.type) as string[];
  const normals = tokens.out(its.normal) as string[];
  const lemmas = tokens.out(its.lemma as unknown as ItsFunction<string>) as (string | undefined)[];
  const stopWords = tokens.out(its.stopWordFlag as unknown as ItsFunction<boolean>) as boolean[];
  const terms: string[] = [];
  for (let i = 0; i < types.length; i += 1) {
    const term = toTerm(types[i], normals[i], lemmas[i], stopWords[i]);
    if (term) {
      terms.push(term);
    }
  }

  return terms;
}

/**
 * Splits a text into sentences with wink-nlp and returns each with its character offsets
 * and content terms. Whitespace-only text has no sentences.
 */
export function splitSentences(text: string): SentenceSpan[] {
  if (text.trim() === '') {
    return [];
  }
  const nlp = getNlp();
  const spans: SentenceSpan[] = [];
  let cursor = 0;
  nlp
    .readDoc(text)
    .sentences()
    .each((sentence: ItemSentence) => {
      const sentenceText = sentence.out().trim();
      if (sentenceText === '') {
        return;
      }
      const found = text.indexOf(sentenceText, cursor);
      const start = found >= 0 ? found : cursor;
      const end = Math.min(text.length, start + sentenceText.length);
      cursor = end;
      spans.push({ text: sentenceText, start, end, terms: termsOf(sentence.tokens(), nlp) });
    });

  return spans;
}

/** Counts the whitespace-separated words of a text. */
export function countWords(text: string): number {
  const trimmed = text.trim();

  return trimmed === '' ? 0 : trimmed.split(/\s+/).length;
}

/** Shortens a text to at most `maxLength` characters at a word boundary, adding `…`. */
export function clipText(text: string, maxLength: number): string {
  const trimmed = text.trim();
  if (trimmed.length <= maxLength) {
    return trimmed;
  }
  const cut = trimmed.slice(0, maxLength - 1);
  const lastSpace = cut.lastIndexOf(' ');
  const base = lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut;

  return `${base.replace(/[\s,;:]+$/, '')}…`;
}

/** Jaccard similarity of the distinct terms of two term lists, 0..1. */
export function jaccard(a: readonly string[], b: readonly string[]): number {
  const setA = new Set(a);
  const setB = new Set(b);
  if (setA.size === 0 && setB.size === 0) {
    return 0;
  }
  let shared = 0;
  for (const term of setA) {
    if (setB.has(term)) {
      shared += 1;
    }
  }

  return shared / (setA.size + setB.size - shared);
}

/** Checks whether a term is a canonical number produced by `contentTerms`. */
export function isNumberTerm(term: string): boolean {
  return /^-?\d/.test(term);
}
