import { RecapTranscriptSegment } from '../ai-provider';
import {
  analyzeTranscript,
  isTurnAccepted,
  quoteSentence,
  turnAnswer,
} from './transcript-analysis';

function studentSegment(text: string, startMs = 0, endMs = 10_000): RecapTranscriptSegment {
  return { index: 7, speakerRole: 'student', speakerName: 'Student A', startMs, endMs, text };
}

describe('analyzeTranscript', () => {
  it('splits turns into sentences with offsets', () => {
    const text = 'Oh, I see. 960 + 240 is 1200. So the total is $1200.';
    const [turn] = analyzeTranscript([studentSegment(text)]).turns;

    expect(turn.sentences.map((sentence) => sentence.text)).toEqual([
      'Oh, I see.',
      '960 + 240 is 1200.',
      'So the total is $1200.',
    ]);
    for (const sentence of turn.sentences) {
      expect(text.slice(sentence.charStart, sentence.charEnd)).toBe(sentence.text);
    }
  });

  it('maps number words to numbers', () => {
    const [sentence] = analyzeTranscript([
      studentSegment('There were nine other customers.'),
    ]).sentences;

    expect(sentence.numberTerms).toEqual(['9']);
  });

  it('gives rare terms more weight', () => {
    const transcript = analyzeTranscript([
      studentSegment('The cabin cost $45. The hostel cost $45. The cabin was shared.'),
    ]);

    expect(transcript.idf('hostel')).toBeGreaterThan(transcript.idf('cabin'));
  });
});

describe('quoteSentence', () => {
  it('interpolates times by character position', () => {
    const text = 'First part here. Second part here.';
    const [, second] = analyzeTranscript([studentSegment(text, 1_000, 4_400)]).sentences;
    const quote = quoteSentence(second);

    expect(quote.segmentIndex).toBe(7);
    expect(quote.speakerRole).toBe('student');
    expect(quote.text).toBe('Second part here.');
    expect(quote.startMs).toBe(1_000 + Math.round((3_400 * 17) / text.length));
    expect(quote.endMs).toBe(4_400);
  });
});

describe('turnAnswer', () => {
  it('takes the last stated result', () => {
    const [turn] = analyzeTranscript([
      studentSegment('He spent 2 x 2 = $4. In total 1 + 4 + 6 = $11.'),
    ]).turns;

    expect(turnAnswer(turn)?.value).toBe(11);
  });

  it('quotes the context of a bare number', () => {
    const [turn] = analyzeTranscript([
      studentSegment('So he sold 11 sets and still has 2 left. 2'),
    ]).turns;
    const answer = turnAnswer(turn);

    expect(answer?.value).toBe(2);
    expect(answer?.sentence.text).toBe('So he sold 11 sets and still has 2 left.');
  });

  it('reads an answer phrase', () => {
    const [turn] = analyzeTranscript([studentSegment('I think the answer is 22 guests.')]).turns;

    expect(turnAnswer(turn)?.value).toBe(22);
  });

  it('finds no answer in talk without numbers', () => {
    const [turn] = analyzeTranscript([studentSegment('Okay, what did I misunderstand?')]).turns;

    expect(turnAnswer(turn)).toBeUndefined();
  });
});

describe('turnAnswer with fractions and stated values', () => {
  it.each([
    ['It is 3/8.', 0.375],
    ['So the answer is 3/8.', 0.375],
    ['3/8', 0.375],
    ['So it is 3 / 8 of the pizza.', 0.375],
    ['The answer is 2 1/2.', 2.5],
    ['50% of her salary would be $25,000.', 25_000],
  ])('reads "%s"', (text, expected) => {
    const [turn] = analyzeTranscript([studentSegment(text)]).turns;

    expect(turnAnswer(turn)?.value).toBeCloseTo(expected);
  });
});

describe('isTurnAccepted for a final student turn', () => {
  function segment(
    index: number,
    speakerRole: 'student' | 'instructor',
    text: string,
  ): RecapTranscriptSegment {
    const speakerName = speakerRole === 'student' ? 'Student A' : 'Tutor';

    return {
      index,
      speakerRole,
      speakerName,
      startMs: index * 1000,
      endMs: index * 1000 + 900,
      text,
    };
  }

  function finalTurnAccepted(instructorText: string, studentText: string): boolean {
    const transcript = analyzeTranscript([
      segment(0, 'student', 'Leah lost 28-1 = 27 dollars.'),
      segment(1, 'instructor', instructorText),
      segment(2, 'student', studentText),
    ]);

    return isTurnAccepted(transcript, transcript.turns[2]);
  }

  it('rejects an answer that contradicts the stated answer', () => {
    expect(
      finalTurnAccepted(
        'Yes you forgot to subtract the $1, but Leah lost $11 dollars',
        'Yes, Leah lost 28-11 = 17 dollars.',
      ),
    ).toBe(false);
  });

  it('accepts an answer that repeats the stated answer', () => {
    expect(finalTurnAccepted('No, the answer is 11 dollars.', 'Oh, I see. So it is 11.')).toBe(
      true,
    );
  });

  it('accepts a changed answer after a question', () => {
    expect(finalTurnAccepted('What is 12 - 1?', 'Leah lost 12 - 1 = 11 dollars.')).toBe(true);
  });

  it('accepts a result that the instructor computed', () => {
    expect(
      finalTurnAccepted(
        '20.25 + 15.75 + 66 = 102 not 102.25',
        'Oh, right. The total is 20.25 + 15.75 + 66 = 102 dollars, so each pays 102/3 = 34 dollars.',
      ),
    ).toBe(true);
  });
});
