import { AppError } from '../common/app-error';
import { decideMerge, mergeWithinBatch, SegmentContent, SegmentRow } from './segment-merge';

const STORED: SegmentContent = {
  clientSegmentId: 'a',
  speakerLabel: 'Tutor',
  speakerRole: 'instructor',
  participantId: null,
  startMs: 0,
  endMs: 1000,
  text: 'Hello',
  isFinal: true,
};

function row(overrides: Partial<SegmentRow> = {}): SegmentRow {
  return {
    ...STORED,
    explicitRole: false,
    explicitParticipant: false,
    field: 'clientSegmentId',
    ...overrides,
  };
}

describe('decideMerge', () => {
  it('inserts a new segment', () => {
    expect(decideMerge(undefined, row())).toBe('insert');
  });

  it('ignores an unchanged repeat of a final segment', () => {
    expect(decideMerge(STORED, row())).toBe('unchanged');
  });

  it('ignores a derived role that differs from a final segment', () => {
    expect(decideMerge(STORED, row({ speakerRole: 'other' }))).toBe('unchanged');
  });

  it.each([
    ['text', { text: 'Changed' }],
    ['endMs', { endMs: 1001 }],
    ['explicit role', { speakerRole: 'student' as const, explicitRole: true }],
  ])('rejects a final segment with a different %s', (_name, overrides) => {
    expect(() => decideMerge(STORED, row(overrides))).toThrow(AppError);
  });

  it('replaces a changed interim segment', () => {
    expect(decideMerge({ ...STORED, isFinal: false }, row())).toBe('replace');
  });

  it('ignores an identical interim repeat', () => {
    expect(decideMerge({ ...STORED, isFinal: false }, row({ isFinal: false }))).toBe('unchanged');
  });
});

describe('mergeWithinBatch', () => {
  it('keeps the last interim version and counts repeats', () => {
    const merged = mergeWithinBatch([
      row({ isFinal: false, text: 'Hel' }),
      row({ clientSegmentId: 'b' }),
      row(),
      row(),
    ]);

    expect(merged.rows.map((r) => r.clientSegmentId)).toEqual(['a', 'b']);
    expect(merged.rows[0]?.text).toBe('Hello');
    expect(merged.replaced).toBe(1);
    expect(merged.unchanged).toBe(1);
  });
});
