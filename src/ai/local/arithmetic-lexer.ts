import { mergeEqualsPhrases } from './math-phrases';
import { numberWordValue, parseNumber } from './text-utils';

export type Operator = '+' | '-' | '*' | '/';

interface TokenBase {
  /** Character offsets of the token in the lexed text. */
  start: number;
  end: number;
  /** Whether whitespace separates the token from the previous one. */
  spaceBefore: boolean;
}

export interface NumberToken extends TokenBase {
  kind: 'number';
  value: number;
  /** Whether the number carries `%` or `percent`, in which case `value` is already divided by 100. */
  percent: boolean;
  /** Digits after the decimal point as written, used to judge rounding. */
  decimals: number;
  /** Whether the number was written with a `$` sign. */
  dollar: boolean;
}

export interface OperatorToken extends TokenBase {
  kind: 'operator';
  op: Operator;
}

export interface EqualsToken extends TokenBase {
  kind: 'equals';
  /** True for words such as `is` or `to get`, false for `=`. */
  word: boolean;
}

export interface SimpleToken extends TokenBase {
  kind: 'variable' | 'lparen' | 'rparen' | 'word' | 'punct';
  /** Lowercase text of the token. */
  text: string;
}

export type MathToken = NumberToken | OperatorToken | EqualsToken | SimpleToken;

/** A token before the lexer adds `spaceBefore`, with `end` defaulting to the read position. */
type TokenDraft = MathToken extends infer T
  ? T extends MathToken
    ? Omit<T, 'spaceBefore' | 'end'> & { end?: number }
    : never
  : never;

/** Multipliers that may follow a number, as in `two dozen`. */
const NUMBER_SCALES: Record<string, number> = {
  dozen: 12,
  dozens: 12,
  hundred: 100,
  thousand: 1000,
  million: 1_000_000,
};

const NUMBER_PATTERN = /(\$\s?)?(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?/y;
const WORD_PATTERN = /[A-Za-z]+(?:['’][A-Za-z]+)?/y;

/** Lexes a sentence of math talk into numbers, operators, `=` and words. */
export function lexMath(text: string): MathToken[] {
  const lexer = new MathLexer(text);

  return lexer.run();
}

class MathLexer {
  private readonly tokens: MathToken[] = [];
  private position = 0;
  private spaceBefore = false;

  constructor(private readonly text: string) {}

  run(): MathToken[] {
    while (this.position < this.text.length) {
      const char = this.text[this.position];
      if (/\s/.test(char)) {
        this.position += 1;
        this.spaceBefore = true;
        continue;
      }
      this.readToken(char);
      this.spaceBefore = false;
    }

    return mergeEqualsPhrases(groupFractionsAroundDivision(this.tokens, this.text));
  }

  private readToken(char: string): void {
    if (/[\d$.]/.test(char) && this.readNumber()) {
      return;
    }
    if (/[A-Za-z]/.test(char)) {
      this.readWord();

      return;
    }
    this.readSymbol(char);
  }

  private readNumber(): boolean {
    NUMBER_PATTERN.lastIndex = this.position;
    const match = NUMBER_PATTERN.exec(this.text);
    if (!match || (match[2] === undefined && match[3] === undefined)) {
      return false;
    }
    const start = this.position;
    const value = parseNumber(`${match[2] ?? '0'}${match[3] ?? ''}`) ?? 0;
    this.position += match[0].length;
    const percent = this.readPercentSign();
    this.skipOrdinalSuffix();
    this.push({
      kind: 'number',
      value: percent ? value / 100 : value,
      percent,
      decimals: match[3] ? match[3].length - 1 : 0,
      dollar: match[1] !== undefined,
      start,
      end: this.position,
    });

    return true;
  }

  private readPercentSign(): boolean {
    const rest = this.text.slice(this.position);
    const match = /^(\s?%|\s+percent\b)/i.exec(rest);
    if (match) {
      this.position += match[0].length;
    }

    return match !== null;
  }

  /** Drops `rd` in `1/3rd` and `th` in `5th` so the number stays a plain number. */
  private skipOrdinalSuffix(): void {
    const match = /^(st|nd|rd|th)\b/.exec(this.text.slice(this.position));
    if (match) {
      this.position += match[0].length;
    }
  }

  private readWord(): void {
    WORD_PATTERN.lastIndex = this.position;
    const match = WORD_PATTERN.exec(this.text);
    const raw = match ? match[0] : this.text[this.position];
    const start = this.position;
    this.position += raw.length;
    const text = raw.toLowerCase().replace('’', "'");
    this.classifyWord(text, start);
  }

  private classifyWord(text: string, start: number): void {
    const end = this.position;
    const previous = this.tokens[this.tokens.length - 1];
    if (text === 'x' && this.isTimesSign(previous)) {
      this.push({ kind: 'operator', op: '*', start, end });
    } else if (text === 'x') {
      this.push({ kind: 'variable', text, start, end });
    } else if (previous?.kind === 'number' && NUMBER_SCALES[text] !== undefined) {
      previous.value *= NUMBER_SCALES[text];
      previous.end = end;
    } else if (!this.readWordNumber(text, start, previous)) {
      this.pushWordOperator(text, start, previous);
    }
  }

  /**
   * Decides whether `x` is a times sign: it must follow an operand (a number, `)`, or a
   * unit word right after a number) with a space, and come before another operand.
   * `2x`, `x + 8` and `3x/2` use `x` as a variable.
   */
  private isTimesSign(previous: MathToken | undefined): boolean {
    const rest = this.text.slice(this.position);
    const nextIsOperand = /^\s*(\$|\d|\(|\.\d)/.test(rest);
    if (!nextIsOperand || previous === undefined) {
      return false;
    }
    const gluedToNumber = !this.spaceBefore && previous.kind === 'number';
    if (gluedToNumber && !/^\d/.test(rest)) {
      return false;
    }

    return previous.kind === 'number' || previous.kind === 'rparen' || this.followsUnitWords();
  }

  /** Checks whether the last tokens are at most three words that follow a number. */
  private followsUnitWords(): boolean {
    for (let back = 1; back <= 4; back += 1) {
      const token = this.tokens[this.tokens.length - back];
      if (token === undefined) {
        return false;
      }
      if (token.kind === 'number') {
        return back > 1;
      }
      if (token.kind !== 'word') {
        return false;
      }
    }

    return false;
  }

  /** Reads `nine`, `half` (before `of` or `dozen`) and `and a half` as numbers. */
  private readWordNumber(text: string, start: number, previous: MathToken | undefined): boolean {
    const rest = this.text.slice(this.position).toLowerCase();
    if (text === 'and' && previous?.kind === 'number') {
      const half = /^\s+(a|one)[\s-]half\b/.exec(rest);
      if (half) {
        previous.value += 0.5;
        this.position += half[0].length;
        previous.end = this.position;

        return true;
      }
    }
    if (text === 'half' && !/^\s+(of|a dozen|dozen)\b/.test(rest)) {
      return false;
    }
    const value = text === 'half' ? 0.5 : numberWordValue(text);
    if (value === undefined) {
      return false;
    }
    this.push({ kind: 'number', value, percent: false, decimals: 0, dollar: false, start });

    return true;
  }

  private pushWordOperator(text: string, start: number, previous: MathToken | undefined): void {
    const end = this.position;
    const rest = this.text.slice(this.position).toLowerCase();
    const nextIsOperand =
      /^\s*(\$|\d|\()/.test(rest) ||
      numberWordValue(/^\s*([a-z]+)/.exec(rest)?.[1] ?? '') !== undefined;
    const afterNumber = previous?.kind === 'number' || previous?.kind === 'rparen';
    const wordOperators: Record<string, Operator> = { plus: '+', minus: '-', times: '*' };
    if (wordOperators[text] && afterNumber && nextIsOperand) {
      this.push({ kind: 'operator', op: wordOperators[text], start, end });
    } else if (
      (text === 'divided' || text === 'multiplied') &&
      afterNumber &&
      /^\s+by\b/.test(rest)
    ) {
      this.position += /^\s+by/.exec(rest)?.[0].length ?? 0;
      this.push({ kind: 'operator', op: text === 'divided' ? '/' : '*', start });
    } else if (text === 'of' && this.isOfAsTimes(previous)) {
      this.push({ kind: 'operator', op: '*', start, end });
    } else {
      this.push({ kind: 'word', text, start, end });
    }
  }

  /** `of` multiplies after a percent, a fraction such as `1/3`, or `half`. */
  private isOfAsTimes(previous: MathToken | undefined): boolean {
    const rest = this.text.slice(this.position);
    const nextWord = /^\s*([a-z]+)/i.exec(rest)?.[1] ?? '';
    const nextIsNumber = /^\s*(\$|\d|\.\d)/.test(rest) || numberWordValue(nextWord) !== undefined;
    if (previous?.kind !== 'number' || !nextIsNumber) {
      return false;
    }
    const beforeSlash = this.tokens[this.tokens.length - 2];
    const isFraction = beforeSlash?.kind === 'operator' && beforeSlash.op === '/';

    return previous.percent || isFraction || previous.value === 0.5;
  }

  private readSymbol(char: string): void {
    const start = this.position;
    this.position += 1;
    const end = this.position;
    const operators: Record<string, Operator> = {
      '+': '+',
      '-': '-',
      '−': '-',
      '–': '-',
      '*': '*',
      '×': '*',
      '·': '*',
      '/': '/',
      '÷': '/',
    };
    if (operators[char]) {
      this.push({ kind: 'operator', op: operators[char], start, end });
    } else if (char === '=') {
      this.push({ kind: 'equals', word: false, start, end });
    } else if (char === '(' || char === ')') {
      this.push({ kind: char === '(' ? 'lparen' : 'rparen', text: char, start, end });
    } else {
      this.push({ kind: 'punct', text: char, start, end });
    }
  }

  private push(token: TokenDraft): void {
    const complete = { ...token, end: token.end ?? this.position, spaceBefore: this.spaceBefore };
    this.tokens.push(complete as MathToken);
  }
}

/** Checks whether `tokens[index]` starts a fraction written as `3/4`, with no spaces. */
function isGluedFraction(tokens: MathToken[], index: number): boolean {
  const [numerator, slash, denominator] = tokens.slice(index, index + 3);

  return (
    numerator?.kind === 'number' &&
    slash?.kind === 'operator' &&
    slash.op === '/' &&
    !slash.spaceBefore &&
    denominator?.kind === 'number' &&
    !denominator.spaceBefore
  );
}

function parenthesize(fraction: MathToken[]): MathToken[] {
  const first = fraction[0];
  const last = fraction[fraction.length - 1];
  const open: MathToken = {
    kind: 'lparen',
    text: '(',
    start: first.start,
    end: first.start,
    spaceBefore: first.spaceBefore,
  };
  const close: MathToken = {
    kind: 'rparen',
    text: ')',
    start: last.end,
    end: last.end,
    spaceBefore: false,
  };

  return [open, ...fraction, close];
}

/**
 * Puts fractions written as `1/2` on either side of `divided by` or `÷` in parentheses, so
 * `1/2 divided by 1/4` reads as (1/2) / (1/4) = 2 and not as 1 / 2 / 1 / 4. Speakers mean a
 * fraction there, while a bare `/` between two fractions keeps its left-to-right reading.
 */
function groupFractionsAroundDivision(tokens: MathToken[], text: string): MathToken[] {
  const isSpokenDivision = (token: MathToken | undefined): boolean =>
    token?.kind === 'operator' && token.op === '/' && text.slice(token.start, token.end) !== '/';
  const grouped: MathToken[] = [];
  let index = 0;
  while (index < tokens.length) {
    const nextToDivision =
      isSpokenDivision(tokens[index + 3]) || isSpokenDivision(tokens[index - 1]);
    if (nextToDivision && isGluedFraction(tokens, index)) {
      grouped.push(...parenthesize(tokens.slice(index, index + 3)));
      index += 3;
      continue;
    }
    grouped.push(tokens[index]);
    index += 1;
  }

  return grouped;
}
