import {
  ArithmeticClaim,
  calculationClaim,
  expressionKey,
  operationClaim,
  rewriteClaim,
  textOf,
} from './arithmetic-claims';
import { lexMath, MathToken } from './arithmetic-lexer';
import { Expression, parseExpression } from './arithmetic-parser';
import { EquationChain, findEquationChains } from './equation-chains';
import { formatNumber } from './text-utils';
import { findVerbalOperations, OperandHistory } from './verbal-arithmetic';

/**
 * Returns the identities of the operations written in a text, with or without a result,
 * such as `16*60` for the question `What is 16 x 60?`.
 */
export function findExpressionKeys(text: string): string[] {
  const tokens = lexMath(text);
  const keys: string[] = [];
  let index = 0;
  while (index < tokens.length) {
    const expression = parseExpression(tokens, index);
    if (expression && expression.operatorCount > 0) {
      keys.push(expressionKey(tokens.slice(expression.start, expression.end)));
    }
    index = expression ? Math.max(expression.end, index + 1) : index + 1;
  }

  return keys;
}

/** Checks the arithmetic of one sentence on its own. */
export function checkArithmetic(sentence: string): ArithmeticClaim[] {
  return checkTurnArithmetic([sentence])[0];
}

/**
 * Checks the arithmetic of the sentences of one speaker turn in order. Sentences share
 * context, so `x = 200` is checked against the equation before it and `from that` refers
 * to the last number of an earlier sentence. Returns the claims of each sentence.
 */
export function checkTurnArithmetic(sentences: string[]): ArithmeticClaim[][] {
  const checker = new TurnChecker();
  const lexed = sentences.map((sentence) => lexMath(sentence));

  return sentences.map((sentence, i) => checker.check(sentence, lexed[i], lexed[i + 1]));
}

class TurnChecker {
  private readonly history: OperandHistory = { numbers: [], results: [] };
  private openEquation?: { text: string; solution: number };

  check(sentence: string, tokens: MathToken[], next: MathToken[] = []): ArithmeticClaim[] {
    const claims: ArithmeticClaim[] = [];
    for (const chain of findEquationChains(tokens)) {
      claims.push(...this.checkChain(sentence, tokens, chain));
    }
    for (const operation of findVerbalOperations(tokens, this.history, next)) {
      const stated = operation.result.start;
      const checkedAlready =
        operation.resultInSentence &&
        claims.some((claim) => stated >= claim.charStart && stated < claim.charEnd);
      if (!checkedAlready) {
        claims.push(operationClaim(sentence, operation));
      }
    }
    this.remember(tokens, claims);

    return claims.sort((a, b) => a.charStart - b.charStart);
  }

  private remember(tokens: MathToken[], claims: ArithmeticClaim[]): void {
    for (const token of tokens) {
      if (token.kind === 'number') {
        this.history.numbers.push(token.value);
      }
    }
    for (const claim of claims) {
      if (claim.claimedValue !== undefined) {
        this.history.results.push(claim.claimedValue);
      }
    }
  }

  private checkChain(
    sentence: string,
    tokens: MathToken[],
    chain: EquationChain,
  ): ArithmeticClaim[] {
    const claims: ArithmeticClaim[] = [];
    for (let k = 0; k + 1 < chain.sides.length; k += 1) {
      const claim = this.checkPair(sentence, tokens, chain.sides[k], chain.sides[k + 1]);
      if (claim) {
        claims.push(claim);
      }
    }
    const last = claims[claims.length - 1];
    if (last && chain.withdrawnValue !== undefined) {
      last.withdrawnValue = chain.withdrawnValue;
    }

    return claims;
  }

  private checkPair(
    sentence: string,
    tokens: MathToken[],
    left: Expression,
    right: Expression,
  ): ArithmeticClaim | undefined {
    if (!left.hasVariable && !right.hasVariable) {
      return left.operatorCount > 0 ? calculationClaim(sentence, tokens, left, right) : undefined;
    }
    if (isBareVariable(left) && !right.hasVariable) {
      return this.solutionClaim(sentence, left, right);
    }
    const { coefficient: a, constant: b } = left.value;
    const { coefficient: c, constant: d } = right.value;
    if (a === c || (b === 0 && d === 0)) {
      return rewriteClaim(sentence, left, right);
    }
    this.openEquation = { text: textOf(sentence, left, right), solution: (d - b) / (a - c) };

    return undefined;
  }

  private solutionClaim(sentence: string, left: Expression, right: Expression) {
    if (!this.openEquation) {
      return undefined;
    }
    const { text, solution } = this.openEquation;
    const claimedValue = right.value.constant;
    const correct = Math.abs(solution - claimedValue) <= 1e-6 * Math.max(1, Math.abs(solution));
    const claim: ArithmeticClaim = {
      kind: 'solution',
      text: textOf(sentence, left, right),
      expression: text,
      claimed: `x = ${formatNumber(claimedValue)}`,
      actual: `x = ${formatNumber(solution)}`,
      claimedValue,
      correct,
      key: `solve:${text.replace(/\s+/g, '')}`,
      charStart: left.charStart,
      charEnd: right.charEnd,
    };

    return claim;
  }
}
function isBareVariable(side: Expression): boolean {
  return side.operatorCount === 0 && side.value.coefficient === 1 && side.value.constant === 0;
}
