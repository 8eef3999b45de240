/** A read waiting for the statement of its turn. */
interface PendingLoad<K, V> {
  key: K;
  resolve: (value: V | undefined) => void;
  reject: (error: unknown) => void;
}

/**
 * Sends the reads that arrive in one event-loop turn, from any request, as one statement. The
 * statement starts after every read of the turn arrived, so a client still reads its own
 * committed writes. Equal keys are read once.
 */
export class TurnBatch<K, V> {
  private pending: PendingLoad<K, V>[] = [];

  /**
   * @param keyOf a string that identifies a key, organization included, so reads of different
   *   tenants never share a result
   * @param loadMany reads the distinct keys and returns the values found, by `keyOf`
   */
  constructor(
    private readonly keyOf: (key: K) => string,
    private readonly loadMany: (keys: K[]) => Promise<Map<string, V>>,
  ) {}

  /** Resolves to undefined when `loadMany` returned nothing for the key. */
  load(key: K): Promise<V | undefined> {
    return new Promise((resolve, reject) => {
      if (this.pending.length === 0) {
        setImmediate(() => void this.flush());
      }
      this.pending.push({ key, resolve, reject });
    });
  }

  private async flush(): Promise<void> {
    const loads = this.pending;
    this.pending = [];
    const distinct = new Map<string, K>();
    for (const load of loads) {
      distinct.set(this.keyOf(load.key), load.key);
    }
    try {
      const values = await this.loadMany([...distinct.values()]);
      for (const load of loads) {
        load.resolve(values.get(this.keyOf(load.key)));
      }
    } catch (error) {
      for (const load of loads) {
        load.reject(error);
      }
    }
  }
}
