import { heapFlagIsExplicit } from './heap-flags';

describe('heapFlagIsExplicit', () => {
  it('finds the flag on the command line', () => {
    expect(heapFlagIsExplicit(['--heap-growing-percent=50'], undefined)).toBe(true);
  });

  it('finds the flag in NODE_OPTIONS', () => {
    expect(heapFlagIsExplicit([], '--enable-source-maps --heap_growing_percent=10')).toBe(true);
  });

  it('ignores other flags', () => {
    expect(heapFlagIsExplicit(['--max-old-space-size=512'], '--enable-source-maps')).toBe(false);
  });
});
