import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { RedisPubSub } from './redis-pubsub';

const redisUrl = process.env.REDIS_URL;
const describeWithRedis = redisUrl ? describe : describe.skip;

// Runs against the Redis server in REDIS_URL, on channels under a random prefix.
describeWithRedis('RedisPubSub', () => {
  const channelPrefix = `hilink-test-${randomBytes(6).toString('hex')}:`;
  let publisher: RedisPubSub;
  let subscriber: RedisPubSub;

  beforeAll(async () => {
    publisher = new RedisPubSub({ url: redisUrl!, channelPrefix });
    subscriber = new RedisPubSub({ url: redisUrl!, channelPrefix });
    await Promise.all([publisher.connect(), subscriber.connect()]);
  });

  afterAll(async () => {
    await Promise.all([publisher?.close(), subscriber?.close()]);
  });

  it('delivers a message published by another instance', async () => {
    const iterator = await subscriber.subscribe<{ n: number; at: string }>('org:a:session:1:event');

    await publisher.publish('org:a:session:1:event', { n: 1, at: new Date('2026-03-02T15:00:00Z') });

    await expect(iterator.next()).resolves.toEqual({
      value: { n: 1, at: '2026-03-02T15:00:00.000Z' },
      done: false,
    });
    await iterator.return();
  });

  it('subscribes under the channel prefix and unsubscribes after the last subscriber', async () => {
    const probe = new Redis(redisUrl!);
    const channel = 'org:a:session:2:event';
    const first = await subscriber.subscribe(channel);
    const second = await subscriber.subscribe(channel);
    const [, during] = (await probe.pubsub('NUMSUB', `${channelPrefix}${channel}`)) as [string, number];

    await first.return();
    await second.return();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const [, after] = (await probe.pubsub('NUMSUB', `${channelPrefix}${channel}`)) as [string, number];
    await probe.quit();

    expect(during).toBe(1);
    expect(after).toBe(0);
    expect(subscriber.subscriberCount(channel)).toBe(0);
  });

  it('fails to connect with a clear error', async () => {
    const unreachable = new RedisPubSub({ url: 'redis://127.0.0.1:1', channelPrefix });

    await expect(unreachable.connect()).rejects.toThrow(/Failed to connect to Redis at REDIS_URL \(redis:\/\/127\.0\.0\.1:1\)/);
    await unreachable.close();
  });
});
