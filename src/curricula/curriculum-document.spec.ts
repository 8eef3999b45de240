import { AppError } from '../common/app-error';
import { parseCurriculumDocument } from './curriculum-document';

const ITEM = { code: '6.RP.A.1', title: 'Understand the concept of a ratio.' };

function messageOf(document: unknown): string {
  try {
    parseCurriculumDocument(document);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the document to be rejected');
}

describe('parseCurriculumDocument', () => {
  it.each([
    ['missing items', { name: 'Math' }],
    ['null items', { name: 'Math', items: null }],
  ])('rejects %s as missing', (_case, document) => {
    expect(messageOf(document)).toBe(
      'Invalid curriculum document: items is missing: send an array of objectives.',
    );
  });

  it.each([
    ['a string', 'many'],
    ['a number', 3],
    ['a boolean', true],
    ['an object', { code: 'A' }],
  ])('names the type of items as %s', (type, items) => {
    expect(messageOf({ name: 'Math', items })).toBe(
      `Invalid curriculum document: items must be an array of objectives, got ${type}.`,
    );
  });

  it('names the type of an item', () => {
    expect(messageOf({ name: 'Math', items: [ITEM, 'text'] })).toBe(
      'Invalid curriculum document: items[1] must be an object, got a string.',
    );
  });

  it('rejects a document that is not an object', () => {
    expect(messageOf(undefined)).toBe(
      'Invalid curriculum document: document must be a JSON object, got undefined.',
    );
  });

  it('puts the field on the error', () => {
    let error: unknown;
    try {
      parseCurriculumDocument({ name: 'Math' });
    } catch (caught) {
      error = caught;
    }

    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).field).toBe('items');
    expect((error as AppError).reason).toBe('INVALID_CURRICULUM_DOCUMENT');
  });

  it('reads name and items', () => {
    const input = parseCurriculumDocument({ name: 'Math', items: [{ ...ITEM, grade: '6' }] });

    expect(input.name).toBe('Math');
    expect(input.gradeLevels).toEqual(['6']);
    expect(input.objectives?.map((objective) => objective.code)).toEqual(['6.RP.A.1']);
  });
});
