import { heapFlagIsExplicit } from './heap-flags';

describe('heapFlagIsExplicit', () => {
  it('finds the flag on the command line', () => {
    expect(heapFlagIsExplicit(['--no-optimize-for-size'], undefined)).toBe(true);
  });

  it('finds the flag in NODE_OPTIONS', () => {
    expect(heapFlagIsExplicit([], '--enable-source-maps --optimize_for_size')).toBe(true);
  });

  it('ignores other flags', () => {
    expect(heapFlagIsExplicit(['--max-old-space-size=512'], '--enable-source-maps')).toBe(false);
  });
});
