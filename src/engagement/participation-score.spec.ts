import { movingAverages, participationScore, ScoreInput, slope } from './participation-score';

const FULL: ScoreInput = {
  attendanceShare: 1,
  attentionShare: 1,
  talkShare: 0.5,
  speakers: 2,
  responses: 4,
  maxResponses: 4,
  interactions: 5,
};

describe('participation score', () => {
  it('gives 100 for full participation', () => {
    expect(participationScore(FULL)).toBe(100);
  });

  it('gives 0 for an absent participant', () => {
    const absent = {
      ...FULL,
      attendanceShare: 0,
      attentionShare: null,
      talkShare: 0,
      responses: 0,
      interactions: 0,
    };

    expect(participationScore(absent)).toBe(0);
  });

  it('weights each component', () => {
    // Attendance 0.35 * 1, responses 0.2 * 0.5, attention 0.2 * 0.5, talk 0.15 * 0, interaction 0.1 * 0.4.
    const input = { ...FULL, responses: 2, attentionShare: 0.5, talkShare: 0, interactions: 2 };

    expect(participationScore(input)).toBe(Math.round(100 * (0.35 + 0.1 + 0.1 + 0 + 0.04)));
  });

  it('leaves out components without data', () => {
    // Only attendance, talk and interaction have data; their weights sum to 0.6.
    const input = { ...FULL, attentionShare: null, maxResponses: 0, responses: 0, interactions: 0 };

    expect(participationScore(input)).toBe(Math.round((100 * (0.35 + 0.15)) / 0.6));
  });

  it('computes slope and moving averages', () => {
    expect(slope([10, 20, 30])).toBeCloseTo(10);
    expect(slope([50])).toBeNull();
    expect(movingAverages([10, 20, 30, 40], 3)).toEqual([10, 15, 20, 30]);
  });
});
