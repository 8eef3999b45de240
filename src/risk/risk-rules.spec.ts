import {
  absencesAndLateJoins,
  decliningParticipation,
  fallingTalkShare,
  repeatedIncorrectChecks,
  riskLevel,
  riskScore,
  stalledObjectives,
  StudentSessionFacts,
} from './risk-rules';

const START = new Date('2026-03-02T15:00:00Z');

function session(index: number, overrides: Partial<StudentSessionFacts> = {}): StudentSessionFacts {
  return {
    sessionId: `s${index}`,
    startedAt: START,
    joinedAt: START,
    participationScore: 70,
    talkShare: 0.4,
    checksAnswered: 0,
    checksIncorrect: 0,
    ...overrides,
  };
}

const minutesAfterStart = (minutes: number) => new Date(START.getTime() + minutes * 60_000);

describe('risk rules', () => {
  describe('declining participation', () => {
    it('scores 0 with fewer than 3 sessions', () => {
      const signal = decliningParticipation([session(1), session(2, { participationScore: 10 })]);

      expect(signal.score).toBe(0);
      expect(signal.evidence).toHaveLength(2);
    });

    it('scores a drop of 20 points per session as 1', () => {
      const signal = decliningParticipation(
        [80, 60, 40].map((score, i) => session(i, { participationScore: score })),
      );

      expect(signal.score).toBe(1);
      expect(signal.explanation).toContain('from 80 to 40');
      expect(signal.evidence.map((e) => e.value)).toEqual([80, 60, 40]);
    });

    it('scores a half drop as 0.5', () => {
      const signal = decliningParticipation(
        [80, 70, 60].map((score, i) => session(i, { participationScore: score })),
      );

      expect(signal.score).toBe(0.5);
    });

    it('scores a rise as 0', () => {
      const signal = decliningParticipation(
        [40, 60, 80].map((score, i) => session(i, { participationScore: score })),
      );

      expect(signal.score).toBe(0);
    });

    it('describes a downward slope with a higher last score', () => {
      const signal = decliningParticipation(
        [68, 40, 75, 20, 69].map((score, i) => session(i, { participationScore: score })),
      );

      expect(signal.score).toBeGreaterThan(0);
      expect(signal.explanation).not.toContain('fell');
      expect(signal.explanation).toContain('trended down by 1.8 points per session');
      expect(signal.explanation).toContain('the last score (69) is not below the first (68)');
    });

    it('describes a drop as a fall', () => {
      const signal = decliningParticipation(
        [80, 60, 40].map((score, i) => session(i, { participationScore: score })),
      );

      expect(signal.explanation).toBe(
        'Participation fell from 80 to 40 over the last 3 sessions (a trend of -20 points per session).',
      );
    });

    it('skips sessions without a participant', () => {
      const signal = decliningParticipation([
        session(1, { participationScore: 80 }),
        session(2, { participationScore: null }),
        session(3, { participationScore: 60 }),
      ]);

      expect(signal.score).toBe(0);
      expect(signal.evidence.map((e) => e.sessionId)).toEqual(['s1', 's3']);
    });
  });

  describe('repeated incorrect checks', () => {
    it('scores 0 below 3 graded answers', () => {
      const signal = repeatedIncorrectChecks([session(1, { checksAnswered: 2, checksIncorrect: 2 })]);

      expect(signal.score).toBe(0);
    });

    it('scores the incorrect share', () => {
      const signal = repeatedIncorrectChecks([
        session(1, { checksAnswered: 2, checksIncorrect: 1 }),
        session(2, { checksAnswered: 2, checksIncorrect: 2 }),
        session(3),
      ]);

      expect(signal.score).toBe(0.75);
      expect(signal.explanation).toContain('3 of 4');
      expect(signal.evidence).toEqual([
        { sessionId: 's1', value: 0.5, objectiveCode: null },
        { sessionId: 's2', value: 1, objectiveCode: null },
      ]);
    });
  });

  describe('absences and late joins', () => {
    it('counts a join after 10 minutes as late', () => {
      const signal = absencesAndLateJoins([
        session(1, { joinedAt: minutesAfterStart(10) }),
        session(2, { joinedAt: minutesAfterStart(25) }),
      ]);

      expect(signal.score).toBe(0.25);
      expect(signal.evidence).toEqual([{ sessionId: 's2', value: 25, objectiveCode: null }]);
    });

    it('counts a session never joined as absent', () => {
      const signal = absencesAndLateJoins([session(1), session(2, { joinedAt: null })]);

      expect(signal.score).toBe(0.5);
      expect(signal.evidence).toEqual([{ sessionId: 's2', value: null, objectiveCode: null }]);
      expect(signal.explanation).toContain('never joined 1');
    });

    it('scores 0 without sessions', () => {
      expect(absencesAndLateJoins([]).score).toBe(0);
    });
  });

  describe('falling talk share', () => {
    it('scores a drop of 0.15 per session as 1', () => {
      const signal = fallingTalkShare(
        [0.5, 0.35, 0.2].map((share, i) => session(i, { talkShare: share })),
      );

      expect(signal.score).toBe(1);
    });

    it('describes a downward slope with a higher last share', () => {
      const signal = fallingTalkShare(
        [0.4, 0.2, 0.45, 0.1, 0.41].map((share, i) => session(i, { talkShare: share })),
      );

      expect(signal.score).toBeGreaterThan(0);
      expect(signal.explanation).not.toContain('fell');
      expect(signal.explanation).toContain('the last share (41%) is not below the first (40%)');
    });

    it('leaves out sessions the student never joined', () => {
      const signal = fallingTalkShare([
        session(1, { talkShare: 0.5 }),
        session(2, { talkShare: 0, joinedAt: null }),
        session(3, { talkShare: 0.2 }),
      ]);

      expect(signal.score).toBe(0);
      expect(signal.evidence).toHaveLength(2);
    });
  });

  describe('stalled objectives', () => {
    it('ignores objectives under 3 sessions', () => {
      const signal = stalledObjectives([
        { objectiveCode: 'OBJ.1', status: 'introduced', sessionIds: ['s1', 's2'] },
      ]);

      expect(signal.score).toBe(0);
      expect(signal.evidence).toEqual([]);
    });

    it('scores 3 sessions as 0.5 and 5 as 1', () => {
      const three = stalledObjectives([
        { objectiveCode: 'OBJ.1', status: 'practicing', sessionIds: ['s1', 's2', 's3'] },
      ]);
      const five = stalledObjectives([
        { objectiveCode: 'OBJ.2', status: 'introduced', sessionIds: ['s1', 's2', 's3', 's4', 's5'] },
      ]);

      expect(three.score).toBe(0.5);
      expect(three.evidence.map((e) => e.objectiveCode)).toEqual(['OBJ.1', 'OBJ.1', 'OBJ.1']);
      expect(three.explanation).toContain('OBJ.1 (practicing, 3 sessions)');
      expect(five.score).toBe(1);
    });
  });

  describe('level', () => {
    it.each([
      [[0, 0.1, 0.39], 'low'],
      [[0.4], 'medium'],
      [[0.69, 0.2], 'medium'],
      [[0.7], 'high'],
      [[0.5, 0.5], 'high'],
      [[0.5, 0.49], 'medium'],
      [[], 'low'],
    ])('maps scores %j to %s', (scores, level) => {
      expect(riskLevel(scores.map((score) => ({ score })))).toBe(level);
    });

    it('uses the maximum as the score', () => {
      expect(riskScore([{ score: 0.2 }, { score: 0.6 }])).toBe(0.6);
      expect(riskScore([])).toBe(0);
    });
  });
});
