import { MathToken, NumberToken } from './arithmetic-lexer';

/** A linear form `coefficient · x + constant`. Plain numbers have coefficient 0. */
export interface Linear {
  coefficient: number;
  constant: number;
}

/** One additive term of an expression, kept to compare two sides term by term. */
export interface ExpressionTerm {
  charStart: number;
  charEnd: number;
  value: Linear;
  operatorCount: number;
}

/** A parsed expression: a run of tokens that forms one side of an equation. */
export interface Expression {
  /** Token index of the first token and the index after the last one. */
  start: number;
  end: number;
  charStart: number;
  charEnd: number;
  value: Linear;
  operatorCount: number;
  hasVariable: boolean;
  hasPercent: boolean;
  /** Numbers in the order written, with their tokens for rounding and format checks. */
  numbers: NumberToken[];
  terms: ExpressionTerm[];
}

/** Raised inside the parser when tokens do not form a linear expression. */
class NotAnExpression extends Error {}

const MAX_UNIT_WORDS = 3;

/**
 * Parses the longest linear expression that starts at token `start`, such as
 * `16 x $60 + 8 x $30`, `1.5(2/3x)` or `4 weeks * 2`. Words right after a number are
 * skipped as units when an operator follows them. Returns undefined when no expression
 * starts there or when it is not linear in `x`.
 */
export function parseExpression(tokens: MathToken[], start: number): Expression | undefined {
  const parser = new ExpressionParser(tokens, start);
  try {
    return parser.parse();
  } catch (error) {
    if (error instanceof NotAnExpression) {
      return undefined;
    }
    throw error;
  }
}

class ExpressionParser {
  private index: number;
  private operatorCount = 0;
  private hasVariable = false;
  private hasPercent = false;
  private readonly numbers: NumberToken[] = [];

  constructor(
    private readonly tokens: MathToken[],
    private readonly start: number,
  ) {
    this.index = start;
  }

  parse(): Expression {
    const terms = this.parseSum();
    const value = terms.reduce((sum, term) => add(sum, term.value), constant(0));
    const last = this.tokens[this.index - 1];

    return {
      start: this.start,
      end: this.index,
      charStart: this.tokens[this.start].start,
      charEnd: last.end,
      value,
      operatorCount: this.operatorCount,
      hasVariable: this.hasVariable,
      hasPercent: this.hasPercent,
      numbers: this.numbers,
      terms,
    };
  }

  private parseSum(): ExpressionTerm[] {
    const terms = [this.parseTerm(1)];
    let token = this.peek();
    while (token?.kind === 'operator' && (token.op === '+' || token.op === '-')) {
      const sign = token.op === '+' ? 1 : -1;
      this.index += 1;
      this.operatorCount += 1;
      terms.push(this.parseTerm(sign));
      token = this.peek();
    }

    return terms;
  }

  private parseTerm(sign: number): ExpressionTerm {
    const charStart = this.peek()?.start ?? 0;
    const operatorsBefore = this.operatorCount;
    let value = this.parseUnary();
    for (;;) {
      const token = this.peek();
      if (token?.kind === 'operator' && (token.op === '*' || token.op === '/')) {
        this.index += 1;
        this.operatorCount += 1;
        value =
          token.op === '*' ? multiply(value, this.parseUnary()) : divide(value, this.parseUnary());
      } else if (this.startsImplicitProduct(token)) {
        value = multiply(value, this.parseUnary());
      } else {
        break;
      }
    }

    return {
      charStart,
      charEnd: this.tokens[this.index - 1].end,
      value: scale(value, sign),
      operatorCount: this.operatorCount - operatorsBefore,
    };
  }

  /** `2x`, `2(x + 3)` and `1.5(2/3x)` multiply without a sign. */
  private startsImplicitProduct(token: MathToken | undefined): boolean {
    if (token?.kind === 'variable') {
      return !token.spaceBefore;
    }

    return token?.kind === 'lparen' && this.parenthesesHoldExpression();
  }

  private parenthesesHoldExpression(): boolean {
    const next = this.tokens[this.index + 1];

    return next !== undefined && next.kind !== 'word' && next.kind !== 'punct';
  }

  private parseUnary(): Linear {
    const token = this.peek();
    if (token?.kind === 'operator' && token.op === '-') {
      this.index += 1;

      return scale(this.parseUnary(), -1);
    }

    return this.parsePrimary();
  }

  private parsePrimary(): Linear {
    const token = this.peek();
    if (token?.kind === 'number') {
      this.index += 1;
      this.numbers.push(token);
      this.hasPercent ||= token.percent;
      this.skipUnitWords();

      return constant(token.value);
    }
    if (token?.kind === 'variable') {
      this.index += 1;
      this.hasVariable = true;

      return { coefficient: 1, constant: 0 };
    }
    if (token?.kind === 'lparen' && this.parenthesesHoldExpression()) {
      this.index += 1;
      const inner = this.parseSum().reduce((sum, term) => add(sum, term.value), constant(0));
      this.expect('rparen');

      return inner;
    }
    throw new NotAnExpression();
  }

  /** Skips up to three words, or one bracketed group of words, when an operator follows. */
  private skipUnitWords(): void {
    let probe = this.index;
    let words = 0;
    while (this.tokens[probe]?.kind === 'word' && words < MAX_UNIT_WORDS) {
      probe += 1;
      words += 1;
    }
    probe = skipBracketedWords(this.tokens, probe);
    const next = this.tokens[probe];
    if (probe > this.index && next?.kind === 'operator') {
      this.index = probe;
    }
  }

  private expect(kind: MathToken['kind']): void {
    if (this.peek()?.kind !== kind) {
      throw new NotAnExpression();
    }
    this.index += 1;
  }

  private peek(): MathToken | undefined {
    return this.tokens[this.index];
  }
}

/** Returns the index after a `(word word)` group at `index`, or `index` when there is none. */
export function skipBracketedWords(tokens: MathToken[], index: number): number {
  if (tokens[index]?.kind !== 'lparen') {
    return index;
  }
  let probe = index + 1;
  while (tokens[probe]?.kind === 'word') {
    probe += 1;
  }

  return probe > index + 1 && tokens[probe]?.kind === 'rparen' ? probe + 1 : index;
}

export function constant(value: number): Linear {
  return { coefficient: 0, constant: value };
}

function add(a: Linear, b: Linear): Linear {
  return { coefficient: a.coefficient + b.coefficient, constant: a.constant + b.constant };
}

function scale(a: Linear, factor: number): Linear {
  return { coefficient: a.coefficient * factor, constant: a.constant * factor };
}

function multiply(a: Linear, b: Linear): Linear {
  if (a.coefficient !== 0 && b.coefficient !== 0) {
    throw new NotAnExpression();
  }

  return a.coefficient === 0 ? scale(b, a.constant) : scale(a, b.constant);
}

function divide(a: Linear, b: Linear): Linear {
  if (b.coefficient !== 0 || b.constant === 0) {
    throw new NotAnExpression();
  }

  return scale(a, 1 / b.constant);
}
