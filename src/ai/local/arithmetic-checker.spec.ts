import { numbersAgree } from './arithmetic-claims';
import { checkArithmetic, checkTurnArithmetic } from './arithmetic-checker';

interface Case {
  sentence: string;
  expression: string;
  claimed: string;
  actual: string;
  correct: boolean;
}

const CASES: Case[] = [
  {
    sentence: 'His total would be 16 x $60 + 8 x $30 = $1200 + $240 = $1440.',
    expression: '16 x $60',
    claimed: '$1200',
    actual: '$960',
    correct: false,
  },
  {
    sentence: '960 + 240 is 1440.',
    expression: '960 + 240',
    claimed: '1440',
    actual: '1200',
    correct: false,
  },
  {
    sentence: '8 x 30 is 240.',
    expression: '8 x 30',
    claimed: '240',
    actual: '240',
    correct: true,
  },
  { sentence: '2 × 8 = 16', expression: '2 × 8', claimed: '16', actual: '16', correct: true },
  {
    sentence: '1,500 - 180 = 1320 hours.',
    expression: '1,500 - 180',
    claimed: '1320',
    actual: '1320',
    correct: true,
  },
  {
    sentence: 'That is 7 ÷ 2 = 3.5.',
    expression: '7 ÷ 2',
    claimed: '3.5',
    actual: '3.5',
    correct: true,
  },
  {
    sentence: 'So 40 - 54 = 14 guests.',
    expression: '40 - 54',
    claimed: '14',
    actual: '-14',
    correct: false,
  },
  {
    sentence: '5% x 20 = 100%.',
    expression: '5% x 20',
    claimed: '100%',
    actual: '100%',
    correct: true,
  },
  { sentence: '10 x 5 = 50%.', expression: '10 x 5', claimed: '50%', actual: '50', correct: true },
  {
    sentence: 'So, 0.05% of 50000 is 2500 candles.',
    expression: '0.05% of 50000',
    claimed: '2500',
    actual: '25',
    correct: false,
  },
  {
    sentence: 'Each pays 102.25/3 = 34.075 dollars.',
    expression: '102.25/3',
    claimed: '34.075',
    actual: '34.0833',
    correct: false,
  },
  {
    sentence: 'Then (1/2) x 150 = 75 sprout.',
    expression: '(1/2) x 150',
    claimed: '75',
    actual: '75',
    correct: true,
  },
  {
    sentence: 'Half of two dozen is equal to 12.',
    expression: 'Half of two dozen',
    claimed: '12',
    actual: '12',
    correct: true,
  },
  {
    sentence: '465000 minus 20000 is 445000.',
    expression: '465000 minus 20000',
    claimed: '445000',
    actual: '445000',
    correct: true,
  },
  {
    sentence: 'So he pays $35000 + $3000 (interest) = $58000.',
    expression: '$35000 + $3000',
    claimed: '$58000',
    actual: '$38000',
    correct: false,
  },
  {
    sentence: 'There are 12 double windows x 4 glass panels x 2 = 96 glass panels.',
    expression: '12 double windows x 4 glass panels x 2',
    claimed: '96',
    actual: '96',
    correct: true,
  },
  {
    sentence: 'I multiplied 4 weeks by 0.5 pounds per week to get 8 weeks.',
    expression: '4 × 0.5',
    claimed: '8',
    actual: '2',
    correct: false,
  },
  {
    sentence: 'I divided 20 by 25, which equals 0.8.',
    expression: '20 ÷ 25',
    claimed: '0.8',
    actual: '0.8',
    correct: true,
  },
  {
    sentence:
      'I added the sales from last month ($600) to the sales from this month ($1200) to get a total of $1440.',
    expression: '600 + 1200',
    claimed: '1440',
    actual: '1800',
    correct: false,
  },
  {
    sentence: 'He earned 1.5(2/3x) = 3x/2 dollars.',
    expression: '1.5(2/3x)',
    claimed: '3x/2',
    actual: 'x',
    correct: false,
  },
  {
    sentence: 'Audrey will be x+7+3 = x+10 years old.',
    expression: 'x+7+3',
    claimed: 'x+10',
    actual: 'x + 10',
    correct: true,
  },
];

describe('checkArithmetic', () => {
  it.each([
    ['1/2 divided by 1/4 is 2, so 2 miles per hour.', true],
    ['3/4 divided by 1/2 is 1.5.', true],
    ['6 divided by 2/3 is 9.', true],
    ['3/4 ÷ 1/2 = 1.5', true],
    ['3/4 divided by 1/2 is 3/8.', false],
  ])('reads fractions around a division in "%s"', (sentence, correct) => {
    const claims = checkArithmetic(sentence);

    expect(claims).toHaveLength(1);
    expect(claims[0].correct).toBe(correct);
  });

  it.each(CASES)('checks "$sentence"', ({ sentence, expression, claimed, actual, correct }) => {
    const claims = checkArithmetic(sentence);
    const claim = claims.find((candidate) => candidate.expression === expression);

    expect(claim).toBeDefined();
    expect(claim?.claimed).toBe(claimed);
    expect(claim?.actual).toBe(actual);
    expect(claim?.correct).toBe(correct);
  });

  it('ignores sentences without arithmetic', () => {
    expect(checkArithmetic('Noah is 8 and he sold nine paintings for $18.')).toEqual([]);
    expect(checkArithmetic('Let x be the number of girls who joined.')).toEqual([]);
    expect(checkArithmetic('No - re read the question.')).toEqual([]);
  });

  it('keeps a withdrawn value', () => {
    const [claim] = checkArithmetic('Oh, I see. 8 x 5 is actually 40, not 64');

    expect(claim.correct).toBe(true);
    expect(claim.withdrawnValue).toBe(64);
  });

  it('gives equal keys to reordered products', () => {
    const [first] = checkArithmetic('2 x 10 = 20');
    const [second] = checkArithmetic('10 * 2 = 20');

    expect(first.key).toBe(second.key);
  });

  it('splits a chain at each equals sign', () => {
    const claims = checkArithmetic(
      'Week one: 20 + 10 = 30 Week two: 30 + 10 = 40 Total: 20 + 30 = 50',
    );

    expect(claims.map((claim) => claim.expression)).toEqual(['20 + 10', '30 + 10', '20 + 30']);
    expect(claims.every((claim) => claim.correct)).toBe(true);
  });
});

describe('checkTurnArithmetic', () => {
  it('checks a solution against the equation before it', () => {
    const [equation, solution] = checkTurnArithmetic([
      'Therefore, 3x/2 = $150.',
      'Solving for x, we get x = 200.',
    ]);

    expect(equation).toEqual([]);
    expect(solution).toHaveLength(1);
    expect(solution[0].kind).toBe('solution');
    expect(solution[0].actual).toBe('x = 100');
    expect(solution[0].correct).toBe(false);
  });

  it('accepts a correct solution', () => {
    const [claims] = checkTurnArithmetic(['The equation should be x + 8 = 10. So, x = 2.']);

    expect(claims[0].correct).toBe(true);
  });

  it('rejects a wrong solution in words', () => {
    const [claims] = checkTurnArithmetic(['No, if x + 10 = 2x, then x must be 4.']);

    expect(claims[0].claimed).toBe('x = 4');
    expect(claims[0].actual).toBe('x = 10');
  });

  it('resolves an operand from an earlier sentence', () => {
    const [, claims] = checkTurnArithmetic([
      'Each ticket cost 6.75 dollars.',
      'Then I subtracted 4.50 from that to get the food cost, which was 2.25 dollars.',
    ]);

    expect(claims[0].expression).toBe('6.75 - 4.5');
    expect(claims[0].correct).toBe(true);
  });

  it('adds the last two results for these two', () => {
    const [, claims] = checkTurnArithmetic([
      'Multiplying 16 by $60 gives me $960, and multiplying 8 by $30 gives me $240.',
      'I then add these two figures together to get a total of $1440.',
    ]);

    expect(claims[0].expression).toBe('960 + 240');
    expect(claims[0].correct).toBe(false);
  });

  it('takes a result from the next sentence', () => {
    const [claims] = checkTurnArithmetic(['I added 26 and 22.', 'That gave me a total of 48.']);

    expect(claims[0].claimedValue).toBe(48);
    expect(claims[0].correct).toBe(true);
  });
});

describe('numbersAgree', () => {
  it('accepts rounded and cut decimals', () => {
    expect(numbersAgree(35 / 15, 2.3, 1)).toBe(true);
    expect(numbersAgree(190 / 15, 12.6, 1)).toBe(true);
    expect(numbersAgree(190 / 15, 12.7, 1)).toBe(true);
  });

  it('rejects a wrong last digit', () => {
    expect(numbersAgree(102.25 / 3, 34.075, 3)).toBe(false);
    expect(numbersAgree(12.5, 12.3, 1)).toBe(false);
  });
});
