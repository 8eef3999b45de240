import { AppError } from '../common/app-error';
import { checkElementId, checkProperties, mergeProperties } from './element-rules';
import { MAX_ELEMENT_BYTES, MAX_POINTS } from './whiteboard-limits';

function failure(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected an error');
}

describe('element rules', () => {
  it('accepts a valid element of each kind', () => {
    const valid = {
      stroke: {
        points: [
          [0, 0],
          [1, 1, 0.5],
        ],
        color: 'black',
      },
      rectangle: { x: 1, y: 2, width: 3, height: 4 },
      ellipse: { x: -1, y: -2, width: 0, height: 4 },
      line: {
        points: [
          [0, 0],
          [10, 0],
        ],
      },
      arrow: {
        points: [
          [0, 0],
          [10, 10],
        ],
      },
      text: { x: 0, y: 0, text: 'Hello', fontSize: 16 },
      sticky_note: { x: 0, y: 0, text: '' },
      image: { x: 0, y: 0, width: 100, height: 50, url: 'https://example.org/a.png' },
    } as const;

    for (const [kind, properties] of Object.entries(valid)) {
      expect(
        checkProperties('properties', kind as keyof typeof valid, { ...properties }),
      ).toBeGreaterThan(0);
    }
  });

  it('names a missing required property', () => {
    const error = failure(() =>
      checkProperties('operations.0.properties', 'rectangle', { x: 1, y: 2, width: 3 }),
    );

    expect(error.reason).toBe('MISSING_PROPERTY');
    expect(error.field).toBe('operations.0.properties.height');
  });

  it('rejects too many points', () => {
    const points = Array.from({ length: MAX_POINTS + 1 }, (_, index) => [index, index]);

    const error = failure(() => checkProperties('properties', 'stroke', { points }));

    expect(error.reason).toBe('TOO_MANY_POINTS');
    expect(error.field).toBe('properties.points');
  });

  it('rejects a malformed point', () => {
    const error = failure(() =>
      checkProperties('properties', 'stroke', {
        points: [
          [0, 0],
          [1, 'a'],
        ],
      }),
    );

    expect(error.field).toBe('properties.points.1');
  });

  it('rejects a line with one point', () => {
    const error = failure(() => checkProperties('properties', 'line', { points: [[0, 0]] }));

    expect(error.field).toBe('properties.points');
  });

  it('rejects a non-http image url', () => {
    const error = failure(() =>
      checkProperties('properties', 'image', {
        x: 0,
        y: 0,
        width: 1,
        height: 1,
        url: 'javascript:alert(1)',
      }),
    );

    expect(error.field).toBe('properties.url');
  });

  it('rejects an opacity above 1', () => {
    const error = failure(() =>
      checkProperties('properties', 'rectangle', { x: 0, y: 0, width: 1, height: 1, opacity: 2 }),
    );

    expect(error.field).toBe('properties.opacity');
  });

  it('rejects an invalid property key', () => {
    const error = failure(() =>
      checkProperties('properties', 'stroke', { points: [[0, 0]], '1bad key': 1 }),
    );

    expect(error.reason).toBe('INVALID_PROPERTY_KEY');
  });

  it('rejects an element over the size limit', () => {
    const error = failure(() =>
      checkProperties('properties', 'stroke', {
        points: [[0, 0]],
        note: 'x'.repeat(MAX_ELEMENT_BYTES),
      }),
    );

    expect(error.reason).toBe('ELEMENT_TOO_LARGE');
  });

  it('rejects invalid element ids', () => {
    for (const id of ['', 'has space', 'x'.repeat(101), 'semi;colon']) {
      expect(failure(() => checkElementId('elementId', id)).reason).toBe('INVALID_ELEMENT_ID');
    }
    expect(() => checkElementId('elementId', 'shape:a1_b-2.c')).not.toThrow();
  });

  it('merges an update and removes null keys', () => {
    const merged = mergeProperties({ x: 1, y: 2, color: 'red' }, { x: 5, color: null });

    expect(merged).toEqual({ x: 5, y: 2 });
  });
});
