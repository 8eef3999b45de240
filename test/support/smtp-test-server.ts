import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** How the server replies to one message: accept it, or reject it with an SMTP reply code. */
export type SmtpTestBehaviour =
  { kind: 'accept' } | { kind: 'reject'; code: number; message: string };

export interface ReceivedEmail {
  from: string;
  to: string[];
  /** The whole message as received, headers and body. */
  raw: string;
  headers: Record<string, string>;
}

export interface SmtpTestServer {
  /** SMTP_URL for the application, e.g. smtp://127.0.0.1:41234. */
  url: string;
  /** Accepted messages, in arrival order. */
  received: ReceivedEmail[];
  /** Messages the server was sent, accepted or rejected. */
  attempts: number;
  /** Queues behaviours for the next messages; without one the server accepts. */
  enqueue(...behaviours: SmtpTestBehaviour[]): void;
  close(): Promise<void>;
}

/** Parses the top-level headers of a message, unfolding continuation lines. */
function parseHeaders(raw: string): Record<string, string> {
  const head = raw.split(/\r?\n\r?\n/)[0] ?? '';
  const headers: Record<string, string> = {};
  let last: string | undefined;
  for (const line of head.split(/\r?\n/)) {
    if (/^\s/.test(line) && last) {
      headers[last] += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon > 0) {
      last = line.slice(0, colon).toLowerCase();
      headers[last] = line.slice(colon + 1).trim();
    }
  }

  return headers;
}

/**
 * Starts an SMTP server on 127.0.0.1 with a free port, without TLS or authentication, that
 * records accepted messages and rejects messages with scripted reply codes.
 */
export async function startSmtpTestServer(): Promise<SmtpTestServer> {
  const received: ReceivedEmail[] = [];
  const queue: SmtpTestBehaviour[] = [];
  const state = { attempts: 0 };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        state.attempts += 1;
        const behaviour = queue.shift() ?? { kind: 'accept' };
        if (behaviour.kind === 'reject') {
          const error = Object.assign(new Error(behaviour.message), {
            responseCode: behaviour.code,
          });
          callback(error);

          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        const to = session.envelope.rcptTo.map((address) => address.address);
        received.push({ from, to, raw, headers: parseHeaders(raw) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    get attempts() {
      return state.attempts;
    },
    enqueue: (...behaviours) => queue.push(...behaviours),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
