import { randomInt } from 'node:crypto';

/** A student who may be put into a group, with their share of correct check responses. */
export interface GroupCandidate {
  participantId: string;
  /** Correct check responses divided by check responses in this session; null without any. */
  correctShare: number | null;
}

/** Returns an integer from 0 to `max - 1`. */
export type RandomIndex = (max: number) => number;

const cryptoRandom: RandomIndex = (max) => randomInt(max);

/** Returns a shuffled copy (Fisher–Yates). */
export function shuffled<T>(items: readonly T[], random: RandomIndex = cryptoRandom): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = random(index + 1);
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }

  return copy;
}

/**
 * Returns the number of groups for `studentCount` students: `groupCount` as given, or enough
 * groups of at most `groupSize` students.
 */
export function countGroups(
  studentCount: number,
  sizing: { groupCount?: number | null; groupSize?: number | null },
): number {
  if (sizing.groupCount) {
    return sizing.groupCount;
  }

  return Math.ceil(studentCount / (sizing.groupSize ?? 1));
}

/** Deals ids in order to groups 1, 2, …, k, 1, 2, …, so sizes differ by at most one. */
export function dealRoundRobin(ids: readonly string[], groupCount: number): string[][] {
  const groups: string[][] = Array.from({ length: groupCount }, () => []);
  ids.forEach((id, index) => groups[index % groupCount]?.push(id));

  return groups;
}

/**
 * Deals ids in order to groups 1, …, k, then k, …, 1, and so on. Dealt from strongest to
 * weakest, every group gets one of the k strongest, one of the next k, and so forth, and
 * sizes differ by at most one.
 */
export function dealSerpentine(ids: readonly string[], groupCount: number): string[][] {
  const groups: string[][] = Array.from({ length: groupCount }, () => []);
  ids.forEach((id, index) => {
    const round = Math.floor(index / groupCount);
    const offset = index % groupCount;
    const target = round % 2 === 0 ? offset : groupCount - 1 - offset;
    groups[target]?.push(id);
  });

  return groups;
}

/** Puts the candidates into `groupCount` groups in random order. */
export function assignRandom(
  candidates: readonly GroupCandidate[],
  groupCount: number,
  random: RandomIndex = cryptoRandom,
): string[][] {
  const order = shuffled(
    candidates.map((candidate) => candidate.participantId),
    random,
  );

  return dealRoundRobin(order, groupCount);
}

/**
 * Puts the candidates into `groupCount` groups so that strong and weak students are spread.
 * Students with check responses are ranked by their share of correct responses, highest
 * first (ties in random order); students without responses follow in random order. The
 * ranking is then dealt in serpentine order.
 */
export function assignBalanced(
  candidates: readonly GroupCandidate[],
  groupCount: number,
  random: RandomIndex = cryptoRandom,
): string[][] {
  const scored = shuffled(
    candidates.filter((candidate) => candidate.correctShare !== null),
    random,
  ).sort((a, b) => (b.correctShare ?? 0) - (a.correctShare ?? 0));
  const unscored = shuffled(
    candidates.filter((candidate) => candidate.correctShare === null),
    random,
  );
  const order = [...scored, ...unscored].map((candidate) => candidate.participantId);

  return dealSerpentine(order, groupCount);
}
