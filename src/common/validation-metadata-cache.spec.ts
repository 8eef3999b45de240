import { IsInt, IsString, Min, validate } from 'class-validator';
import { cacheValidationMetadata } from './validation-metadata-cache';

class LessonInput {
  @IsString()
  title!: string;
}

class TimedLessonInput extends LessonInput {
  @IsInt()
  @Min(1)
  minutes!: number;
}

function errorFields(errors: { property: string }[]): string[] {
  return errors.map((error) => error.property).sort();
}

describe('cacheValidationMetadata', () => {
  beforeAll(() => cacheValidationMetadata());

  it('keeps inherited rules', async () => {
    const input = Object.assign(new TimedLessonInput(), { title: 7, minutes: 0 });

    const first = await validate(input);
    const second = await validate(input);

    expect(errorFields(first)).toEqual(['minutes', 'title']);
    expect(errorFields(second)).toEqual(['minutes', 'title']);
  });

  it('keeps rule groups apart', async () => {
    const input = Object.assign(new LessonInput(), { title: 7 });

    const ungrouped = await validate(input);
    const grouped = await validate(input, { groups: ['draft'] });

    expect(errorFields(ungrouped)).toEqual(['title']);
    expect(errorFields(grouped)).toEqual([]);
  });

  it('sees rules of classes defined later', async () => {
    await validate(new LessonInput());
    class NoteInput extends LessonInput {
      @IsString()
      note!: string;
    }

    const errors = await validate(Object.assign(new NoteInput(), { title: 'Fractions', note: 3 }));

    expect(errorFields(errors)).toEqual(['note']);
  });
});
