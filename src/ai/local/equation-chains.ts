import { EqualsToken, MathToken } from './arithmetic-lexer';
import { RESULT_FILLER_WORDS } from './math-phrases';
import { Expression, parseExpression, skipBracketedWords } from './arithmetic-parser';

/** Sides joined by `=` or by words such as `is`: `16 x 60 + 8 x 30 = 1200 + 240 = 1440`. */
export interface EquationChain {
  sides: Expression[];
  links: EqualsToken[];
  /** A value withdrawn right after the chain, as in `8 x 5 is actually 40, not 64`. */
  withdrawnValue?: number;
  /** Token index after the chain. */
  end: number;
}

const MAX_TRAILING_UNIT_WORDS = 3;
const MAX_FILLER_WORDS = 4;

/**
 * Finds every chain of two or more sides in a lexed sentence. A side joined by a word
 * such as `is` must contain an operator or `x` on its left, so `Noah is 8` is no claim.
 */
export function findEquationChains(tokens: MathToken[]): EquationChain[] {
  const chains: EquationChain[] = [];
  let index = 0;
  while (index < tokens.length) {
    const first = parseSide(tokens, index);
    if (!first) {
      index += 1;
      continue;
    }
    const chain = extendChain(tokens, first);
    chains.push(...splitAtWeakLinks(chain));
    index = Math.max(chain.end, index + 1);
  }

  return chains.filter((chain) => chain.sides.length >= 2);
}

function extendChain(tokens: MathToken[], first: Expression): EquationChain {
  const sides = [first];
  const links: EqualsToken[] = [];
  let end = first.end;
  for (;;) {
    const link = tokens[end];
    if (link?.kind !== 'equals') {
      break;
    }
    const sideStart = link.word ? skipFillerWords(tokens, end + 1) : end + 1;
    const side = parseSide(tokens, sideStart);
    if (!side) {
      break;
    }
    sides.push(side);
    links.push(link);
    end = side.end;
  }

  return { sides, links, end, withdrawnValue: readWithdrawnValue(tokens, end) };
}

/** Splits a chain where a word link has a plain number on its left. */
function splitAtWeakLinks(chain: EquationChain): EquationChain[] {
  const parts: EquationChain[] = [];
  let current: EquationChain = { sides: [chain.sides[0]], links: [], end: chain.sides[0].end };
  chain.links.forEach((link, k) => {
    const left = chain.sides[k];
    const right = chain.sides[k + 1];
    const weak = link.word && left.operatorCount === 0 && !left.hasVariable;
    if (weak) {
      parts.push(current);
      current = { sides: [right], links: [], end: right.end };
    } else {
      current.sides.push(right);
      current.links.push(link);
      current.end = right.end;
    }
  });
  current.withdrawnValue = chain.withdrawnValue;
  parts.push(current);

  return parts;
}

/** Parses one side. A side with an operator may end in unit words before the next `=`. */
function parseSide(tokens: MathToken[], start: number): Expression | undefined {
  const side = parseExpression(tokens, start);
  if (!side) {
    return undefined;
  }
  let probe = side.end;
  let words = 0;
  while (tokens[probe]?.kind === 'word' && words < MAX_TRAILING_UNIT_WORDS) {
    probe += 1;
    words += 1;
  }
  probe = skipBracketedWords(tokens, probe);
  const canTakeUnits = side.operatorCount > 0 || side.hasVariable;
  if (probe > side.end && tokens[probe]?.kind === 'equals' && canTakeUnits) {
    return { ...side, end: probe };
  }

  return side;
}

function skipFillerWords(tokens: MathToken[], start: number): number {
  let index = start;
  while (index - start < MAX_FILLER_WORDS) {
    const token = tokens[index];
    if (token?.kind !== 'word' || !RESULT_FILLER_WORDS.has(token.text)) {
      break;
    }
    index += 1;
  }

  return index;
}

function readWithdrawnValue(tokens: MathToken[], end: number): number | undefined {
  let index = end;
  if (tokens[index]?.kind === 'punct' && (tokens[index] as { text: string }).text === ',') {
    index += 1;
  }
  const word = tokens[index];
  const number = tokens[index + 1];
  if (word?.kind === 'word' && word.text === 'not' && number?.kind === 'number') {
    return number.value;
  }

  return undefined;
}
