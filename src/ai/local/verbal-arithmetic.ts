import { MathToken, NumberToken, Operator } from './arithmetic-lexer';
import { RESULT_FILLER_WORDS } from './math-phrases';

/** An operation stated in words: `I divided 20 by 25, which equals 0.8`. */
export interface VerbalOperation {
  op: Operator;
  left: number;
  right: number;
  result: NumberToken;
  /** False when the result comes from the next sentence, as in `That gave me 48`. */
  resultInSentence: boolean;
  /** Character range in the sentence, from the verb to the result. */
  charStart: number;
  charEnd: number;
}

/** Numbers earlier in the same turn, for `subtracted 4.50 from that`. */
export interface OperandHistory {
  /** Every number mentioned so far, in order. */
  numbers: number[];
  /** Results stated so far, for `added these two figures together`. */
  results: number[];
}

interface VerbRule {
  op: Operator;
  pattern: RegExp;
  connectors: string[];
  /** True when the operand after the connector comes first, as in `subtract A from B`. */
  reversed: boolean;
}

const VERB_RULES: VerbRule[] = [
  { op: '*', pattern: /^multipl(y|ied|ies|ying)$/, connectors: ['by'], reversed: false },
  { op: '/', pattern: /^divid(e|ed|es|ing)$/, connectors: ['by'], reversed: false },
  { op: '+', pattern: /^add(ed|s|ing)?$/, connectors: ['and', 'to', 'with'], reversed: false },
  { op: '-', pattern: /^subtract(ed|s|ing)?$/, connectors: ['from'], reversed: true },
];

const ANAPHORS = new Set(['that', 'it', 'this', 'them']);
const OPERAND_WINDOW = 10;
const RESULT_WINDOW = 14;

/**
 * Finds operations stated in words in one lexed sentence. `nextSentence` supplies the
 * result when it starts with `That gave me 48`. Returns only operations with a stated result.
 */
export function findVerbalOperations(
  tokens: MathToken[],
  history: OperandHistory,
  nextSentence: MathToken[] = [],
): VerbalOperation[] {
  const operations: VerbalOperation[] = [];
  tokens.forEach((token, index) => {
    if (token.kind !== 'word') {
      return;
    }
    const rule = VERB_RULES.find((candidate) => candidate.pattern.test(token.text));
    const operation = rule && readOperation(tokens, index, rule, history, nextSentence);
    if (operation) {
      operations.push(operation);
    }
  });

  return operations;
}

function readOperation(
  tokens: MathToken[],
  verbIndex: number,
  rule: VerbRule,
  history: OperandHistory,
  nextSentence: MathToken[],
): VerbalOperation | undefined {
  const operands = readOperands(tokens, verbIndex, rule, history);
  if (!operands) {
    return undefined;
  }
  const resultInSentence = findResult(tokens, operands.end);
  const result = resultInSentence ?? findResultAtStart(nextSentence);
  if (!result) {
    return undefined;
  }
  const [first, second] = rule.reversed
    ? [operands.right, operands.left]
    : [operands.left, operands.right];

  return {
    op: rule.op,
    left: first,
    right: second,
    result,
    resultInSentence: resultInSentence !== undefined,
    charStart: tokens[verbIndex].start,
    charEnd: resultInSentence ? resultInSentence.end : tokens[tokens.length - 1].end,
  };
}

interface Operands {
  left: number;
  right: number;
  /** Token index after the second operand. */
  end: number;
}

function readOperands(
  tokens: MathToken[],
  verbIndex: number,
  rule: VerbRule,
  history: OperandHistory,
): Operands | undefined {
  const afterVerb = tokens[verbIndex + 1];
  if (afterVerb?.kind === 'word' && afterVerb.text === 'these' && rule.op === '+') {
    return readPairFromHistory(tokens, verbIndex, history);
  }
  const left = findOperand(tokens, verbIndex + 1, rule.connectors, history);
  if (!left || tokens[left.end]?.kind === 'operator') {
    return undefined;
  }
  const connector = findConnector(tokens, left.end, rule.connectors);
  if (connector === undefined) {
    return undefined;
  }
  const right = findOperand(tokens, connector + 1, [], history);

  return right && { left: left.value, right: right.value, end: right.end };
}

/** Reads `added these two figures together` as the sum of the last two results of the turn. */
function readPairFromHistory(
  tokens: MathToken[],
  verbIndex: number,
  history: OperandHistory,
): Operands | undefined {
  const count = tokens[verbIndex + 2];
  if (count?.kind !== 'number' || count.value !== 2 || history.results.length < 2) {
    return undefined;
  }
  const [left, right] = history.results.slice(-2);

  return { left, right, end: verbIndex + 3 };
}

function findOperand(
  tokens: MathToken[],
  start: number,
  stopWords: string[],
  history: OperandHistory,
): { value: number; end: number } | undefined {
  for (let index = start; index < Math.min(tokens.length, start + OPERAND_WINDOW); index += 1) {
    const token = tokens[index];
    if (token.kind === 'number') {
      return { value: token.value, end: index + 1 };
    }
    if (token.kind === 'word' && index === start && ANAPHORS.has(token.text)) {
      const previous = history.numbers[history.numbers.length - 1];

      return previous === undefined ? undefined : { value: previous, end: index + 1 };
    }
    if (isStop(token, stopWords)) {
      return undefined;
    }
  }

  return undefined;
}

function isStop(token: MathToken, stopWords: string[]): boolean {
  if (token.kind === 'word') {
    return stopWords.includes(token.text);
  }

  return token.kind === 'equals' || (token.kind === 'punct' && token.text !== ',');
}

function findConnector(
  tokens: MathToken[],
  start: number,
  connectors: string[],
): number | undefined {
  for (let index = start; index < Math.min(tokens.length, start + OPERAND_WINDOW); index += 1) {
    const token = tokens[index];
    if (token.kind === 'word' && connectors.includes(token.text)) {
      return index;
    }
    if (token.kind === 'number' || token.kind === 'equals') {
      return undefined;
    }
  }

  return undefined;
}

/** Finds `to get 20`, `which gave me 960` or `= 8` after the operands. */
function findResult(tokens: MathToken[], start: number): NumberToken | undefined {
  const limit = Math.min(tokens.length, start + RESULT_WINDOW);
  for (let index = start; index < limit; index += 1) {
    const token = tokens[index];
    if (token.kind === 'word' && VERB_RULES.some((rule) => rule.pattern.test(token.text))) {
      return undefined;
    }
    if (token.kind !== 'equals') {
      continue;
    }
    const value = numberAfterFiller(tokens, index + 1);
    if (value) {
      return value;
    }
  }

  return undefined;
}

function findResultAtStart(tokens: MathToken[]): NumberToken | undefined {
  const first = tokens[0];
  const link = tokens[1];
  const opensWithReference =
    first?.kind === 'word' && ['that', 'this', 'which', 'it'].includes(first.text);
  if (!opensWithReference || link?.kind !== 'equals') {
    return undefined;
  }

  return numberAfterFiller(tokens, 2);
}

function numberAfterFiller(tokens: MathToken[], start: number): NumberToken | undefined {
  let index = start;
  while (
    tokens[index]?.kind === 'word' &&
    RESULT_FILLER_WORDS.has((tokens[index] as { text: string }).text)
  ) {
    index += 1;
  }
  const token = tokens[index];
  const startsExpression = tokens[index + 1]?.kind === 'operator';

  return token?.kind === 'number' && !startsExpression ? token : undefined;
}
