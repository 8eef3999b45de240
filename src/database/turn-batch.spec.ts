import { TurnBatch } from './turn-batch';

describe('TurnBatch', () => {
  it('reads distinct keys once per turn', async () => {
    const calls: string[][] = [];
    const batch = new TurnBatch<string, number>(
      (key) => key,
      async (keys) => {
        calls.push(keys);

        return new Map(keys.filter((key) => key !== 'missing').map((key) => [key, key.length]));
      },
    );

    const first = await Promise.all([
      batch.load('a'),
      batch.load('bb'),
      batch.load('a'),
      batch.load('missing'),
    ]);
    const second = await batch.load('ccc');

    expect(first).toEqual([1, 2, 1, undefined]);
    expect(second).toBe(3);
    expect(calls).toEqual([['a', 'bb', 'missing'], ['ccc']]);
  });

  it('rejects a failed turn, then recovers', async () => {
    let fail = true;
    const batch = new TurnBatch<string, string>(
      (key) => key,
      async (keys) => {
        if (fail) {
          throw new Error('connection lost');
        }

        return new Map(keys.map((key) => [key, key]));
      },
    );

    const failed = await Promise.allSettled([batch.load('a'), batch.load('b')]);
    fail = false;
    const recovered = await batch.load('a');

    expect(failed.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(recovered).toBe('a');
  });

  it('calls after the turn’s reads', async () => {
    const order: string[] = [];
    const batch = new TurnBatch<string, string>(
      (key) => key,
      async (keys) => {
        order.push(`call ${keys.join(',')}`);

        return new Map(keys.map((key) => [key, key]));
      },
    );

    const reads = [batch.load('a')];
    await Promise.resolve();
    order.push('after a microtask');
    reads.push(batch.load('b'));
    await Promise.all(reads);

    expect(order).toEqual(['after a microtask', 'call a,b']);
  });
});
