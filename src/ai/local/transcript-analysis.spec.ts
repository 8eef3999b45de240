import { RecapTranscriptSegment } from '../ai-provider';
import { analyzeTranscript, quoteSentence, turnAnswer } from './transcript-analysis';

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
