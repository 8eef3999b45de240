import { EventIterator, MAX_BUFFERED_EVENTS, SubscriberOverflowError } from './event-iterator';
import { InProcessPubSub } from './pubsub';

describe('InProcessPubSub', () => {
  it('delivers to every subscriber of the channel only', async () => {
    const pubsub = new InProcessPubSub();
    const first = await pubsub.subscribe<{ n: number }>('org:a:session:1:event');
    const second = await pubsub.subscribe<{ n: number }>('org:a:session:1:event');
    const other = await pubsub.subscribe<{ n: number }>('org:b:session:1:event');

    await pubsub.publish('org:a:session:1:event', { n: 1 });
    await pubsub.publish('org:a:session:1:event', { n: 2 });

    expect(await first.next()).toEqual({ value: { n: 1 }, done: false });
    expect(await first.next()).toEqual({ value: { n: 2 }, done: false });
    expect(await second.next()).toEqual({ value: { n: 1 }, done: false });
    expect(pubsub.subscriberCount('org:b:session:1:event')).toBe(1);
    await pubsub.close();
    expect(await other.next()).toEqual({ value: undefined, done: true });
  });

  it('delivers the JSON form of the payload', async () => {
    const pubsub = new InProcessPubSub();
    const iterator = await pubsub.subscribe<{ at: string }>('channel');

    await pubsub.publish('channel', { at: new Date('2026-03-02T15:00:00Z') });

    expect((await iterator.next()).value).toEqual({ at: '2026-03-02T15:00:00.000Z' });
  });

  it('forgets a subscriber once it returns', async () => {
    const pubsub = new InProcessPubSub();
    const iterator = await pubsub.subscribe('channel');

    await iterator.return();

    expect(pubsub.subscriberCount('channel')).toBe(0);
    expect(pubsub.mayHaveSubscribers('channel')).toBe(false);
  });

  it('resolves a waiting next when a message arrives', async () => {
    const pubsub = new InProcessPubSub();
    const iterator = await pubsub.subscribe<string>('channel');
    const pending = iterator.next();

    await pubsub.publish('channel', 'hello');

    await expect(pending).resolves.toEqual({ value: 'hello', done: false });
  });
});

describe('EventIterator', () => {
  it('fails a subscriber that falls too far behind', async () => {
    const onFinish = jest.fn();
    const iterator = new EventIterator<number>('channel', onFinish);
    for (let n = 0; n <= MAX_BUFFERED_EVENTS; n += 1) {
      iterator.push(n);
    }

    await expect(iterator.next()).rejects.toBeInstanceOf(SubscriberOverflowError);
    expect(onFinish).toHaveBeenCalledTimes(1);
  });

  it('ends waiting consumers on return', async () => {
    const iterator = new EventIterator<number>('channel', () => undefined);
    const pending = iterator.next();

    await iterator.return();

    await expect(pending).resolves.toEqual({ value: undefined, done: true });
    iterator.push(1);
    await expect(iterator.next()).resolves.toEqual({ value: undefined, done: true });
  });
});
