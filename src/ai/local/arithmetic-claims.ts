import { MathToken, NumberToken, Operator } from './arithmetic-lexer';
import { Expression, Linear } from './arithmetic-parser';
import { formatNumber } from './text-utils';
import { VerbalOperation } from './verbal-arithmetic';

/**
 * What a claim states: a `calculation` (`960 + 240 is 1440`), a `solution` of a linear
 * equation (`x + 8 = 18 … x = 10`), a `rewrite` of an expression in `x`
 * (`1.5(2/3x) = 3x/2`), or an `operation` stated in words (`divided 20 by 25, which equals 0.8`).
 */
export type ClaimKind = 'calculation' | 'solution' | 'rewrite' | 'operation';

/** One checked statement of arithmetic in a sentence. */
export interface ArithmeticClaim {
  kind: ClaimKind;
  /** The claim as written, such as `960 + 240 is 1440`. */
  text: string;
  /** The part whose value is claimed, such as `16 x $60` or `x + 10 = 2x`. */
  expression: string;
  /** The value as the speaker stated it, such as `$1200` or `x = 4`. */
  claimed: string;
  /** The value the expression has, formatted like `claimed`. */
  actual: string;
  /** The stated number, when the claim states one. */
  claimedValue?: number;
  correct: boolean;
  /** Identity of the expression, the same for `2 x 10` and `10 x 2`, to find repeats. */
  key: string;
  /** A value the speaker withdrew in the same breath, as in `is actually 40, not 64`. */
  withdrawnValue?: number;
  /** Character range of `text` in the sentence. */
  charStart: number;
  charEnd: number;
}
const OPERATOR_SIGNS: Record<Operator, string> = { '+': '+', '-': '-', '*': '×', '/': '÷' };

export function calculationClaim(
  sentence: string,
  tokens: MathToken[],
  left: Expression,
  right: Expression,
): ArithmeticClaim {
  const actual = left.value.constant;
  const correct = sidesAgree(left, right);
  const base: ArithmeticClaim = {
    kind: 'calculation',
    text: textOf(sentence, left, right),
    expression: sentence.slice(left.charStart, left.charEnd),
    claimed: sentence.slice(right.charStart, right.charEnd),
    actual: formatLike(actual, left, right),
    claimedValue: right.value.constant,
    correct,
    key: expressionKey(tokens.slice(left.start, left.end)),
    charStart: left.charStart,
    charEnd: right.charEnd,
  };

  return correct ? base : narrowToWrongTerm(sentence, tokens, base, left, right);
}

/**
 * Points an error at the first wrong term when both sides have the same number of terms:
 * in `16 x 60 + 8 x 30 = 1200 + 240` the wrong part is `16 x 60` written as `1200`.
 */
function narrowToWrongTerm(
  sentence: string,
  tokens: MathToken[],
  claim: ArithmeticClaim,
  left: Expression,
  right: Expression,
): ArithmeticClaim {
  if (left.terms.length < 2 || left.terms.length !== right.terms.length) {
    return claim;
  }
  const index = left.terms.findIndex(
    (term, k) =>
      term.operatorCount > 0 &&
      !numbersAgree(term.value.constant, right.terms[k].value.constant, 0),
  );
  if (index < 0) {
    return claim;
  }
  const term = left.terms[index];
  const claimedTerm = right.terms[index];
  const termTokens = tokens.filter(
    (token) => token.start >= term.charStart && token.end <= term.charEnd,
  );

  return {
    ...claim,
    expression: sentence.slice(term.charStart, term.charEnd).trim(),
    claimed: sentence.slice(claimedTerm.charStart, claimedTerm.charEnd).replace(/^[+\s]+/, ''),
    actual: formatLike(term.value.constant, left, right),
    claimedValue: claimedTerm.value.constant,
    key: expressionKey(termTokens),
  };
}

export function rewriteClaim(
  sentence: string,
  left: Expression,
  right: Expression,
): ArithmeticClaim {
  const correct =
    Math.abs(left.value.coefficient - right.value.coefficient) < 1e-9 &&
    Math.abs(left.value.constant - right.value.constant) < 1e-9;

  return {
    kind: 'rewrite',
    text: textOf(sentence, left, right),
    expression: sentence.slice(left.charStart, left.charEnd),
    claimed: sentence.slice(right.charStart, right.charEnd),
    actual: formatLinear(left.value),
    correct,
    key: `rewrite:${sentence.slice(left.charStart, left.charEnd).replace(/\s+/g, '')}`,
    charStart: left.charStart,
    charEnd: right.charEnd,
  };
}

export function operationClaim(sentence: string, operation: VerbalOperation): ArithmeticClaim {
  const { op, left, right, result } = operation;
  const actual = applyOperator(op, left, right);
  const expression = `${formatNumber(left)} ${OPERATOR_SIGNS[op]} ${formatNumber(right)}`;
  const commutative = op === '+' || op === '*';
  const operands = commutative ? [left, right].sort((a, b) => a - b) : [left, right];

  return {
    kind: 'operation',
    text: sentence.slice(operation.charStart, operation.charEnd),
    expression,
    claimed: formatNumber(result.value),
    actual: formatNumber(actual),
    claimedValue: result.value,
    correct: numbersAgree(actual, result.value, result.decimals),
    key: operands.map(formatNumber).join(op),
    charStart: operation.charStart,
    charEnd: operation.charEnd,
  };
}

function applyOperator(op: Operator, left: number, right: number): number {
  switch (op) {
    case '+':
      return left + right;
    case '-':
      return left - right;
    case '*':
      return left * right;
    default:
      return right === 0 ? Number.NaN : left / right;
  }
}

/**
 * Checks whether the right side states the value of the left side. A single number on the right
 * may be rounded or cut to the decimals written. `10 x 5 = 50%` also passes: when only the
 * right side has `%`, its number is read as percentage points.
 */
function sidesAgree(left: Expression, right: Expression): boolean {
  const actual = left.value.constant;
  const single =
    right.operatorCount === 0 && right.numbers.length === 1 ? right.numbers[0] : undefined;
  const decimals = single ? single.decimals : 9;
  if (numbersAgree(actual, right.value.constant, decimals)) {
    return true;
  }

  return single !== undefined && !left.hasPercent && single.percent
    ? numbersAgree(actual, single.value * 100, decimals)
    : false;
}

/** Checks whether `claimed`, written with `decimals` digits, is `actual` rounded or cut to them. */
export function numbersAgree(actual: number, claimed: number, decimals: number): boolean {
  if (!Number.isFinite(actual)) {
    return false;
  }
  const difference = Math.abs(actual - claimed);
  if (difference <= 1e-9 * Math.max(1, Math.abs(actual))) {
    return true;
  }
  const unit = 10 ** -Math.min(decimals, 9);
  if (difference <= unit / 2 + 1e-12) {
    return true;
  }
  const truncated = Math.trunc(actual / unit + 1e-9) * unit;

  return decimals > 0 && Math.abs(truncated - claimed) < unit / 1000;
}

function formatLike(value: number, left: Expression, right: Expression): string {
  const dollars = [...left.numbers, ...right.numbers].some((token: NumberToken) => token.dollar);
  if (left.hasPercent && right.hasPercent) {
    return `${formatNumber(value * 100)}%`;
  }

  return dollars ? `$${formatNumber(value)}` : formatNumber(value);
}

function formatLinear(value: Linear): string {
  const { coefficient, constant } = value;
  const variable = coefficient === 1 ? 'x' : `${formatNumber(coefficient)}x`;
  if (coefficient === 0) {
    return formatNumber(constant);
  }
  if (constant === 0) {
    return variable;
  }

  return `${variable} ${constant < 0 ? '-' : '+'} ${formatNumber(Math.abs(constant))}`;
}
export function textOf(sentence: string, left: Expression, right: Expression): string {
  return sentence.slice(left.charStart, right.charEnd);
}
/**
 * Builds an order-free identity for sums and products of plain numbers (`10*2` and
 * `2*10` give `2*10`) and a canonical token string for anything else.
 */
export function expressionKey(tokens: MathToken[]): string {
  const parts: string[] = [];
  const operators = new Set<string>();
  let grouped = false;
  for (const token of tokens) {
    if (token.kind === 'number') {
      parts.push(token.percent ? `${formatNumber(token.value * 100)}%` : formatNumber(token.value));
    } else if (token.kind === 'operator') {
      parts.push(token.op);
      operators.add(token.op);
    } else if (token.kind === 'lparen' || token.kind === 'rparen' || token.kind === 'variable') {
      parts.push(token.text);
      grouped = true;
    }
  }
  const joined = parts.join('').replace(/\(\)/g, '');
  grouped &&= /[()x]/.test(joined);
  const [onlyOperator] = [...operators];
  if (!grouped && operators.size === 1 && (onlyOperator === '+' || onlyOperator === '*')) {
    const operands = parts.filter((part) => part !== onlyOperator);

    return operands
      .filter((part) => part !== '(' && part !== ')')
      .sort((a, b) => Number.parseFloat(a) - Number.parseFloat(b))
      .join(onlyOperator);
  }

  return joined;
}
