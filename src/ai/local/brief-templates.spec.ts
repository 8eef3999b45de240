import { BriefInput } from '../ai-provider';
import { LocalAiProvider } from './local-ai.provider';
import { buildLocalBrief, objectiveQuestion } from './brief-templates';

const MISCONCEPTION = 'Adds the denominators when adding fractions.';

const INPUT: BriefInput = {
  sessionId: '20000000-0000-4000-8000-000000000000',
  sessionTitle: 'Fractions, week 5',
  scheduledStart: '2026-03-30T15:00:00.000Z',
  plannedObjectives: [
    { code: 'OBJ.1', title: 'Add fractions' },
    { code: 'OBJ.2', title: 'Compare fractions' },
  ],
  recentSessions: [
    {
      recapId: '00000000-0000-4000-8000-000000000001',
      sessionId: '10000000-0000-4000-8000-000000000001',
      sessionTitle: 'Fractions, week 4',
      startedAt: '2026-03-23T15:00:00.000Z',
      summary: 'Sam added fractions with like denominators.',
      nextSteps: [],
      objectiveCodes: ['OBJ.1'],
    },
  ],
  openMisconceptions: [
    {
      description: MISCONCEPTION,
      recapId: '00000000-0000-4000-8000-000000000001',
      sessionId: '10000000-0000-4000-8000-000000000001',
      sessionTitle: 'Fractions, week 4',
      startedAt: '2026-03-23T15:00:00.000Z',
    },
  ],
  students: [
    {
      studentId: '30000000-0000-4000-8000-000000000000',
      name: 'Sam',
      progress: [
        { objectiveCode: 'OBJ.1', objectiveTitle: 'Add fractions', status: 'practicing' },
        { objectiveCode: 'OBJ.2', objectiveTitle: 'Compare fractions', status: 'mastered' },
      ],
      attendance: { sessions: 4, attended: 3, late: 1, absent: 1 },
      engagement: { scores: [80, 60, 40], slope: -20, trend: 'falling' },
    },
  ],
};

describe('local brief', () => {
  it('quotes the last recap in the summary', () => {
    const brief = buildLocalBrief(INPUT);

    expect(brief.summary).toContain('Fractions, week 5 on 2026-03-30. Students: Sam.');
    expect(brief.summary).toContain(
      'Last approved recap (Fractions, week 4, 2026-03-23): Sam added fractions with like denominators.',
    );
    expect(brief.summary).toContain('1 misconception(s) are still open.');
  });

  it('lists the gaps as focus points', () => {
    const brief = buildLocalBrief(INPUT);

    expect(brief.focusPoints).toEqual([
      `Open misconception from Fractions, week 4 (2026-03-23): ${MISCONCEPTION}`,
      'Sam has not mastered planned objectives: OBJ.1 practising.',
      "Sam's participation trended down over the last 3 sessions (scores 80, 60, 40 of 100).",
      'Sam missed 1 and joined late to 1 of the last 4 session(s).',
    ]);
  });

  it('asks about misconceptions, then unmastered objectives', () => {
    const brief = buildLocalBrief(INPUT);

    expect(brief.warmUpQuestions).toEqual([
      {
        question: `Last time this came up: "${MISCONCEPTION}" Work one short example of that kind and explain each step.`,
        gap: MISCONCEPTION,
      },
      {
        question:
          'Think back to "Add fractions". What do you remember about it? Give one example you could solve now.',
        gap: 'OBJ.1 Add fractions',
      },
    ]);
  });

  it('labels the student list', () => {
    const brief = buildLocalBrief({ ...INPUT, sessionTitle: 'Next session of Sam' });

    expect(brief.summary.startsWith('Next session of Sam on 2026-03-30. Students: Sam.')).toBe(
      true,
    );
  });

  it('ends planned objective titles once', () => {
    const brief = buildLocalBrief({
      ...INPUT,
      plannedObjectives: [{ code: '7.RP.A.2', title: 'Recognize proportional relationships.' }],
    });

    expect(brief.summary).toContain(
      'Planned objectives: 7.RP.A.2 Recognize proportional relationships.',
    );
    expect(brief.summary).not.toContain('..');
  });

  it('says when no student is enrolled', () => {
    const brief = buildLocalBrief({ ...INPUT, students: [] });

    expect(brief.summary).toContain('Fractions, week 5 on 2026-03-30. No students are enrolled.');
  });

  it.each([
    [
      'Recognize and represent proportional relationships between quantities.',
      'Recognize and represent proportional relationships between quantities',
    ],
    ['Add fractions', 'Add fractions'],
    ['  Compare fractions!  ', 'Compare fractions'],
    ['What is a ratio?', 'What is a ratio'],
  ])('quotes objective title %j', (title, quoted) => {
    const question = objectiveQuestion(title);

    expect(question).toBe(
      `Think back to "${quoted}". What do you remember about it? Give one example you could solve now.`,
    );
    expect(question).not.toMatch(/[.!?]"/);
  });

  it('says when no recap exists', () => {
    const brief = buildLocalBrief({ ...INPUT, recentSessions: [], openMisconceptions: [] });

    expect(brief.summary).toContain('No earlier session of these enrollments has an approved recap.');
    expect(brief.warmUpQuestions.map((item) => item.gap)).toEqual(['OBJ.1 Add fractions']);
  });

  it('is deterministic through the provider', async () => {
    const provider = new LocalAiProvider();

    const first = await provider.generateBrief(INPUT);
    const second = await provider.generateBrief(INPUT);

    expect(first).toEqual(second);
    expect(first.promptVersion).toBe('local-brief-v2');
    expect(first.usage.totalTokens).toBe(0);
  });
});
