import { randomUUID } from 'node:crypto';
import { MemoryCounter, RedisCounter, WINDOW_MS } from './rate-limiter';

describe('MemoryCounter', () => {
  it('counts per key and starts again each window', async () => {
    const counter = new MemoryCounter();

    expect(await counter.increment('a', 0)).toBe(1);
    expect(await counter.increment('a', 0)).toBe(2);
    expect(await counter.increment('b', 0)).toBe(1);
    expect(await counter.increment('a', WINDOW_MS)).toBe(1);
  });
});

const describeWithRedis = process.env.REDIS_URL ? describe : describe.skip;

describeWithRedis('RedisCounter', () => {
  it('shares one count between instances', async () => {
    const prefix = `hilink-test-${randomUUID()}:`;
    const first = new RedisCounter(process.env.REDIS_URL!, prefix);
    const second = new RedisCounter(process.env.REDIS_URL!, prefix);
    try {
      await first.increment('api_key:k', 0);

      expect(await second.increment('api_key:k', 0)).toBe(2);
    } finally {
      await first.close();
      await second.close();
    }
  });
});
