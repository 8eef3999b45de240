import { classifyTrend, findOpenMisconceptions } from './brief-input-builder';

function recap(index: number, misconceptions: { description: string; resolved: boolean }[]) {
  return {
    recapId: `recap-${index}`,
    sessionId: `session-${index}`,
    sessionTitle: `Week ${index}`,
    startedAt: `2026-03-0${index}T15:00:00.000Z`,
    summary: '',
    nextSteps: [],
    objectiveCodes: [],
    misconceptions,
  };
}

describe('findOpenMisconceptions', () => {
  it('keeps unresolved ones from their first recap', () => {
    const open = findOpenMisconceptions([
      recap(1, [{ description: 'Adds denominators.', resolved: false }]),
      recap(2, [{ description: 'adds  denominators', resolved: false }]),
    ]);

    expect(open).toEqual([expect.objectContaining({ description: 'Adds denominators.', recapId: 'recap-1' })]);
  });

  it('drops one resolved in a later recap', () => {
    const open = findOpenMisconceptions([
      recap(1, [{ description: 'Adds denominators.', resolved: false }]),
      recap(2, [{ description: 'Adds denominators', resolved: true }]),
    ]);

    expect(open).toEqual([]);
  });

  it('drops one marked resolved', () => {
    expect(findOpenMisconceptions([recap(1, [{ description: 'Flips signs.', resolved: true }])])).toEqual(
      [],
    );
  });

  it('reopens one that comes back', () => {
    const open = findOpenMisconceptions([
      recap(1, [{ description: 'Flips signs.', resolved: true }]),
      recap(2, [{ description: 'Flips signs.', resolved: false }]),
    ]);

    expect(open.map((item) => item.recapId)).toEqual(['recap-2']);
  });
});

describe('classifyTrend', () => {
  it.each([
    [[], 'unknown', null],
    [[50], 'unknown', null],
    [[40, 50, 60], 'rising', 10],
    [[60, 50, 40], 'falling', -10],
    [[50, 51, 50], 'steady', 0],
  ])('classifies %j as %s', (scores, trend, slope) => {
    expect(classifyTrend(scores as number[])).toEqual({ trend, slope });
  });
});
