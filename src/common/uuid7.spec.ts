import { uuid7 } from './uuid7';

describe('uuid7', () => {
  it('has the version 7 layout and variant', () => {
    for (let index = 0; index < 1_000; index += 1) {
      expect(uuid7()).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    }
  });

  it('starts with the time in milliseconds', () => {
    const time = Date.UTC(2026, 11, 5, 12, 0, 0, 123);
    const id = uuid7(time);

    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(time);
  });

  it('sorts later ids after earlier ones', () => {
    const earlier = uuid7(1_800_000_000_000);
    const later = uuid7(1_800_000_000_001);

    expect(earlier < later).toBe(true);
  });

  it('does not repeat within one millisecond', () => {
    const ids = new Set(Array.from({ length: 20_000 }, () => uuid7(1_800_000_000_000)));

    expect(ids.size).toBe(20_000);
  });
});
