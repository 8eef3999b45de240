import { computeParticipantMetrics, MetricOperation } from './board-metrics';

const BOARD = 'board-1';
const START = Date.parse('2026-03-02T15:00:00.000Z');

function at(seconds: number): Date {
  return new Date(START + seconds * 1000);
}

function op(
  participantId: string,
  type: MetricOperation['type'],
  seconds: number,
  boardId = BOARD,
): MetricOperation {
  return { boardId, participantId, type, createdAt: at(seconds) };
}

describe('computeParticipantMetrics', () => {
  const created = new Map([[BOARD, at(0)]]);

  it('counts operations by type', () => {
    const operations = [
      op('p1', 'add', 10),
      op('p1', 'update', 11),
      op('p1', 'delete', 12),
      op('p1', 'clear', 13),
      op('p1', 'undo', 14),
      op('p1', 'add', 15),
    ];

    const [metrics] = computeParticipantMetrics(operations, created, [], 60_000);

    expect(metrics.operations).toBe(6);
    expect(metrics.adds).toBe(2);
    expect(metrics.updates).toBe(1);
    expect(metrics.erasures).toBe(2);
    expect(metrics.undos).toBe(1);
    expect(metrics.firstOperationAt).toEqual(at(10));
    expect(metrics.lastOperationAt).toEqual(at(15));
  });

  it('measures idle gaps at or above the threshold', () => {
    const operations = [
      op('p1', 'add', 0),
      op('p1', 'add', 59),
      op('p1', 'add', 119),
      op('p1', 'add', 300),
    ];

    const [metrics] = computeParticipantMetrics(operations, created, [], 60_000);

    expect(metrics.idleGapCount).toBe(2);
    expect(metrics.longestIdleGapMs).toBe(181_000);
  });

  it('reports no idle gap below the threshold', () => {
    const [metrics] = computeParticipantMetrics(
      [op('p1', 'add', 0), op('p1', 'add', 30)],
      created,
      [],
      60_000,
    );

    expect(metrics.idleGapCount).toBe(0);
    expect(metrics.longestIdleGapMs).toBeNull();
  });

  it('times the first add from board creation', () => {
    const [metrics] = computeParticipantMetrics(
      [op('p1', 'update', 5), op('p1', 'add', 42)],
      created,
      [],
      60_000,
    );

    expect(metrics.timeToFirstAddMs).toBe(42_000);
    expect(metrics.timeToFirstAddFrom).toBe('board_created');
  });

  it('times the first add from a later phase start', () => {
    const phases = [
      { startedAt: at(-100), endedAt: at(20) },
      { startedAt: at(20), endedAt: null },
    ];

    const [metrics] = computeParticipantMetrics([op('p1', 'add', 50)], created, phases, 60_000);

    expect(metrics.timeToFirstAddMs).toBe(30_000);
    expect(metrics.timeToFirstAddFrom).toBe('phase_started');
  });

  it('keeps board creation when the phase started earlier', () => {
    const phases = [{ startedAt: at(-100), endedAt: null }];

    const [metrics] = computeParticipantMetrics([op('p1', 'add', 8)], created, phases, 60_000);

    expect(metrics.timeToFirstAddMs).toBe(8_000);
    expect(metrics.timeToFirstAddFrom).toBe('board_created');
  });

  it('leaves the first add empty without adds', () => {
    const [metrics] = computeParticipantMetrics([op('p1', 'undo', 8)], created, [], 60_000);

    expect(metrics.timeToFirstAddMs).toBeNull();
    expect(metrics.timeToFirstAddFrom).toBeNull();
  });

  it('merges boards into one timeline per participant', () => {
    const boards = new Map([
      [BOARD, at(0)],
      ['board-2', at(100)],
    ]);
    const operations = [op('p1', 'add', 10), op('p2', 'add', 20), op('p1', 'add', 130, 'board-2')];

    const metrics = computeParticipantMetrics(operations, boards, [], 60_000);
    const first = metrics.find((entry) => entry.participantId === 'p1');
    const second = metrics.find((entry) => entry.participantId === 'p2');

    expect(metrics).toHaveLength(2);
    expect(first?.operations).toBe(2);
    expect(first?.idleGapCount).toBe(1);
    expect(first?.longestIdleGapMs).toBe(120_000);
    expect(first?.timeToFirstAddMs).toBe(10_000);
    expect(second?.timeToFirstAddMs).toBe(20_000);
  });
});
