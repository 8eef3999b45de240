import {
  assignBalanced,
  assignRandom,
  countGroups,
  dealSerpentine,
  GroupCandidate,
  shuffled,
} from './group-assignment';

/** Keeps the order unchanged: Fisher–Yates swaps each item with itself. */
const identity = (max: number) => max - 1;

function candidates(shares: (number | null)[]): GroupCandidate[] {
  return shares.map((correctShare, index) => ({ participantId: `p${index}`, correctShare }));
}

describe('group assignment', () => {
  it('counts groups from a count or a size', () => {
    expect(countGroups(7, { groupCount: 2 })).toBe(2);
    expect(countGroups(7, { groupSize: 3 })).toBe(3);
    expect(countGroups(6, { groupSize: 3 })).toBe(2);
    expect(countGroups(1, { groupSize: 4 })).toBe(1);
  });

  it('deals serpentine order', () => {
    expect(dealSerpentine(['a', 'b', 'c', 'd', 'e', 'f', 'g'], 3)).toEqual([
      ['a', 'f', 'g'],
      ['b', 'e'],
      ['c', 'd'],
    ]);
  });

  it('shuffles a copy', () => {
    const items = ['a', 'b', 'c', 'd'];
    const result = shuffled(items);

    expect(result.sort()).toEqual(items);
    expect(shuffled(items, identity)).toEqual(items);
  });

  it('spreads strong and weak students', () => {
    // Ranked p1 (1.0), p3 (0.9), p0 (0.2), p2 (0.1); serpentine order pairs the strongest with the weakest.
    const groups = assignBalanced(candidates([0.2, 1, 0.1, 0.9]), 2, identity);

    expect(groups).toEqual([
      ['p1', 'p2'],
      ['p3', 'p0'],
    ]);
  });

  it('puts students without responses last', () => {
    const groups = assignBalanced(candidates([null, 1, 0, null]), 2, identity);

    expect(groups[0]).toEqual(['p1', 'p3']);
    expect(groups[1]).toEqual(['p2', 'p0']);
  });

  it('assigns every student once at random', () => {
    const input = candidates([null, null, null, null, null]);
    const groups = assignRandom(input, 2);

    expect(groups.map((group) => group.length).sort()).toEqual([2, 3]);
    expect(groups.flat().sort()).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
  });
});
