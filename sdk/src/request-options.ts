/** Per-call options accepted by every `HiLinkClient` method. */
export interface RequestOptions {
  /** Aborts the request when this signal fires. */
  signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for this call, in milliseconds. */
  timeoutMs?: number;
  /** Extra HTTP headers for this call, which override the client's headers. */
  headers?: Record<string, string>;
}
