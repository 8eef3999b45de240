import {
  challengeStrength,
  classifyInstructorTurn,
  isAcceptance,
  isRevision,
  isSelfReport,
  refersBack,
  turnChallengeStrength,
} from './dialogue-acts';

function strength(text: string): number {
  return challengeStrength(classifyInstructorTurn(text));
}

describe('classifyInstructorTurn', () => {
  it.each([
    'Not quite no.',
    'No - re read the question and then come back to me.',
    'Check your calculation there, what is $960 + $240?',
    'That isn’t quite right.',
    'You have made a mistake in your adding. Check again!',
    'Are you sure you need to multiply 1/5 with 100?',
    '20.25 + 15.75 + 66 = 102 not 102.25',
  ])('challenges "%s"', (text) => {
    expect(strength(text)).toBeGreaterThanOrEqual(0.5);
  });

  it.each([
    'Excellent! You got it!',
    'Good work! So what does that make the total?',
    'Correct. 5. Not 20.',
    'Perfect, can you see where you went wrong?',
    'have you been able to identify your original error?',
  ])('accepts "%s"', (text) => {
    const act = classifyInstructorTurn(text);
    const opening = classifyInstructorTurn(text.split(/(?<=[.!?])\s/)[0]);

    expect(isAcceptance(act, opening) || strength(text) < 0.3).toBe(true);
  });

  it('halves a probe that comes with praise', () => {
    expect(strength('Why did you add the sales from last month?')).toBeCloseTo(0.3);
    expect(strength('Great. Why did you add the sales from last month?')).toBeCloseTo(0.15);
  });

  it('takes the strongest sentence of a turn', () => {
    const sentences = [
      'very well then after subtracting 17 you got 31.',
      'if you add that 17 again, it nullifies your subtraction isn’t it?',
    ];

    expect(turnChallengeStrength(sentences)).toBeGreaterThanOrEqual(0.3);
  });

  it('finds references to earlier statements', () => {
    expect(refersBack('You are forgeting that you told me there are 20 windows total')).toBe(true);
    expect(refersBack('How many windows total?')).toBe(false);
  });
});

describe('student cues', () => {
  it('detects revisions', () => {
    expect(isRevision('Oh, I see. I made a mistake.')).toBe(true);
    expect(isRevision('The total would be 4 + 8 + 40 = 52 years.')).toBe(false);
  });

  it('detects self-reports of an error', () => {
    expect(isSelfReport('I thought I needed to double the 220 hours each month.')).toBe(true);
    expect(
      isSelfReport('Yes, I originally multiplied the cost of one bottle by 3 instead of 2.'),
    ).toBe(true);
    expect(isSelfReport('I first found out how many tickets Connie spent.')).toBe(false);
  });
});
