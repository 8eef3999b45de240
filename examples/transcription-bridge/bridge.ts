import { HiLinkClient, TranscriptSegmentInput } from '../../sdk/src';

/** One result of a streaming speech-to-text service, as most of them report it. */
export interface SpeechResult {
  /** The utterance's id in the stream; interim results of one utterance share it with the final. */
  utteranceId: string;
  speaker: string;
  text: string;
  startMs: number;
  endMs: number;
  /** false while the service may still revise the text. */
  isFinal: boolean;
}

export interface BridgeOptions {
  /** Prefix of the client segment ids, unique per stream, so two streams never collide. */
  streamId: string;
  /** Maximum wait before buffered results are posted, in ms. Default 500. */
  flushMs?: number;
  /** Results per request, at most the API's batch limit. Default 100. */
  maxBatch?: number;
}

/**
 * Posts a speech-to-text stream to a session's transcript in batches. Each utterance keeps one
 * client segment id, so its interim results replace each other and the final one replaces them
 * all. A batch that failed is sent again unchanged. The ids make resending safe, so a network
 * error loses nothing.
 */
export class TranscriptionBridge {
  private readonly pending = new Map<string, TranscriptSegmentInput>();
  private timer?: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();
  private readonly flushMs: number;
  private readonly maxBatch: number;
  /** Segments the API has stored, interim ones included. */
  posted = 0;

  constructor(
    private readonly client: HiLinkClient,
    private readonly sessionId: string,
    private readonly options: BridgeOptions,
  ) {
    this.flushMs = options.flushMs ?? 500;
    this.maxBatch = options.maxBatch ?? 100;
  }

  /** Buffers one result; a newer result of the same utterance replaces an unsent older one. */
  push(result: SpeechResult): void {
    const id = `${this.options.streamId}:${result.utteranceId}`;
    this.pending.delete(id);
    this.pending.set(id, {
      clientSegmentId: id,
      speakerLabel: result.speaker,
      text: result.text,
      startMs: result.startMs,
      endMs: result.endMs,
      isFinal: result.isFinal,
    });
    if (this.pending.size >= this.maxBatch) {
      this.flushInBackground();
    } else {
      this.timer ??= setTimeout(() => this.flushInBackground(), this.flushMs);
    }
  }

  /** The last error of a background post; the results stay buffered and are posted again. */
  lastError?: unknown;

  private flushInBackground(): void {
    this.flush().catch((error: unknown) => {
      this.lastError = error;
      this.timer ??= setTimeout(() => this.flushInBackground(), this.flushMs);
    });
  }

  /** Posts what is buffered; resolves when the API has stored it, and raises when posting failed. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(
      () => this.post(),
      () => this.post(),
    );

    return this.flushing;
  }

  /** Reads a whole stream, then posts the rest. */
  async run(stream: AsyncIterable<SpeechResult>): Promise<void> {
    for await (const result of stream) {
      this.push(result);
    }
    await this.flush();
  }

  private async post(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.pending.size > 0) {
      const batch = [...this.pending.values()].slice(0, this.maxBatch);
      // Sent segments leave the buffer only after the API stored them; a newer result of the same
      // utterance that arrived meanwhile stays.
      await this.client.addTranscriptSegments({
        sessionId: this.sessionId,
        input: { segments: batch },
      });
      for (const segment of batch) {
        if (this.pending.get(segment.clientSegmentId) === segment) {
          this.pending.delete(segment.clientSegmentId);
        }
      }
      this.posted += batch.length;
    }
  }
}

/**
 * Plays a dialogue as a speech-to-text service would stream it: for each turn, interim results
 * that grow word by word and then the final one, timed at about 150 words a minute. `speed`
 * divides the real-time waits.
 */
export async function* simulatedStream(
  turns: { speaker: string; text: string }[],
  speed = 1,
): AsyncGenerator<SpeechResult> {
  let clock = 0;
  for (const [index, turn] of turns.entries()) {
    const words = turn.text.split(/\s+/).filter(Boolean);
    const durationMs = Math.max(1, words.length) * 400;
    const partials = [Math.ceil(words.length / 3), Math.ceil((2 * words.length) / 3)];
    for (const count of [...new Set(partials)].filter((n) => n > 0 && n < words.length)) {
      await new Promise((resolve) => setTimeout(resolve, durationMs / 3 / speed));
      yield {
        utteranceId: String(index),
        speaker: turn.speaker,
        text: words.slice(0, count).join(' '),
        startMs: clock,
        endMs: clock + Math.round((durationMs * count) / words.length),
        isFinal: false,
      };
    }
    yield {
      utteranceId: String(index),
      speaker: turn.speaker,
      text: turn.text,
      startMs: clock,
      endMs: clock + durationMs,
      isFinal: true,
    };
    clock += durationMs + 300;
  }
}
