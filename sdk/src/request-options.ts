/** Per-call options accepted by every `HiLinkClient` method. */
export interface RequestOptions {
  /** Aborts the request when this signal fires. */
  signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for this call, in milliseconds. */
  timeoutMs?: number;
  /** Extra HTTP headers for this call, which override the client's headers. */
  headers?: Record<string, string>;
  /**
   * The `Idempotency-Key` of a mutation, 1 to 200 visible ASCII characters. Default: a new UUID
   * per call. Pass your own, such as an order id, to make a call that you repeat after a crash
   * run only once. Queries ignore it.
   */
  idempotencyKey?: string;
}
