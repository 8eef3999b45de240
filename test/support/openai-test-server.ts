import { createServer, IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';

/** How the server responds to one request. Without a queued behaviour it uses `recap`. */
export type OpenAiTestBehaviour =
  /** 200 with this content (an object is sent as JSON) and finish_reason 'stop'. */
  | { kind: 'ok'; content: string | object }
  /** An error status with an OpenAI error body and the given headers, e.g. retry-after. */
  | { kind: 'status'; status: number; headers?: Record<string, string>; message?: string }
  /** 200 with half of a valid recap and finish_reason 'length'. */
  | { kind: 'truncated' }
  /** 200 whose message content is not JSON. */
  | { kind: 'invalid_json' }
  /** 200 with a structured-outputs refusal and no content. */
  | { kind: 'refusal'; refusal?: string }
  /** Never responds; the connection stays open until the client gives up or the server closes. */
  | { kind: 'hang' }
  /** 200 with a valid recap built from the request (see buildRecapFromRequest). */
  | { kind: 'recap' };

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: ChatCompletionCreateParamsNonStreaming;
}

export interface OpenAiTestServer {
  /** Base URL for the `openai` client, e.g. http://127.0.0.1:41234/v1. */
  url: string;
  /** Requests received so far, in arrival order, including those that got an error status. */
  requests: RecordedRequest[];
  /** Queues behaviours for the next requests, first in first out. */
  enqueue(...behaviours: OpenAiTestBehaviour[]): void;
  close(): Promise<void>;
}

interface TranscriptLine {
  index: number;
  role: string;
  name: string;
  text: string;
}

const TRANSCRIPT_LINE = /^\[(\d+)\] \((\d+):(\d{2})\) (Instructor|Student|Other) (.+?): (.*)$/;

/**
 * Starts an HTTP server on 127.0.0.1 with a free port that implements
 * `POST /v1/chat/completions` in the OpenAI wire format, with scripted behaviours.
 */
export async function startOpenAiTestServer(): Promise<OpenAiTestServer> {
  const requests: RecordedRequest[] = [];
  const queue: OpenAiTestBehaviour[] = [];
  const server = createServer((request, response) => {
    // A client that aborts mid-body (a timeout) leaves nothing to respond to.
    handleRequest(request, response, requests, queue).catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue: (...behaviours) => queue.push(...behaviours),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

async function handleRequest(
  request: IncomingMessage,
  response: ServerResponse,
  requests: RecordedRequest[],
  queue: OpenAiTestBehaviour[],
): Promise<void> {
  const raw = await readBody(request);
  if (request.method !== 'POST' || request.url !== '/v1/chat/completions') {
    sendError(response, 404, `No route for ${request.method} ${request.url}`);

    return;
  }

  let body: ChatCompletionCreateParamsNonStreaming;
  try {
    body = JSON.parse(raw) as ChatCompletionCreateParamsNonStreaming;
  } catch {
    sendError(response, 400, 'Request body is not valid JSON');

    return;
  }
  requests.push({ method: request.method, url: request.url, headers: request.headers, body });
  respond(response, body, queue.shift() ?? { kind: 'recap' });
}

function respond(
  response: ServerResponse,
  body: ChatCompletionCreateParamsNonStreaming,
  behaviour: OpenAiTestBehaviour,
): void {
  switch (behaviour.kind) {
    case 'ok': {
      const content =
        typeof behaviour.content === 'string'
          ? behaviour.content
          : JSON.stringify(behaviour.content);
      sendCompletion(response, body, { content, finishReason: 'stop' });

      return;
    }
    case 'status':
      sendError(
        response,
        behaviour.status,
        behaviour.message ?? `Scripted HTTP ${behaviour.status}`,
        behaviour.headers,
      );

      return;
    case 'truncated': {
      const content = JSON.stringify(buildRecapFromRequest(body));
      sendCompletion(response, body, {
        content: content.slice(0, content.length / 2),
        finishReason: 'length',
      });

      return;
    }
    case 'invalid_json':
      sendCompletion(response, body, {
        content: 'Here is the recap: {summary: unquoted',
        finishReason: 'stop',
      });

      return;
    case 'refusal':
      sendCompletion(response, body, {
        refusal: behaviour.refusal ?? 'I cannot help with that.',
        finishReason: 'stop',
      });

      return;
    case 'hang':
      return;
    case 'recap':
      sendCompletion(response, body, {
        content: JSON.stringify(buildRecapFromRequest(body)),
        finishReason: 'stop',
      });
  }
}

function sendCompletion(
  response: ServerResponse,
  body: ChatCompletionCreateParamsNonStreaming,
  message: { content?: string; refusal?: string; finishReason: 'stop' | 'length' },
): void {
  const promptChars = body.messages.reduce(
    (sum, item) => sum + JSON.stringify(item.content).length,
    0,
  );
  const promptTokens = Math.ceil(promptChars / 4);
  const completionTokens =
    message.finishReason === 'length'
      ? (body.max_completion_tokens ?? body.max_tokens ?? 16)
      : Math.ceil((message.content ?? message.refusal ?? '').length / 4);

  sendJson(response, 200, {
    id: `chatcmpl-test-${Date.now()}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: body.model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: message.content ?? null,
          refusal: message.refusal ?? null,
        },
        logprobs: null,
        finish_reason: message.finishReason,
      },
    ],
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
    },
  });
}

function sendError(
  response: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  const type =
    status === 429
      ? 'rate_limit_exceeded'
      : status >= 500
        ? 'server_error'
        : 'invalid_request_error';
  sendJson(response, status, { error: { message, type, param: null, code: null } }, headers);
}

function sendJson(
  response: ServerResponse,
  status: number,
  payload: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(payload));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }

  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Builds a valid recap answer from the user message: it cites the first student and
 * instructor lines of the transcript and the first objective code in the objectives JSON.
 */
export function buildRecapFromRequest(body: ChatCompletionCreateParamsNonStreaming): object {
  const userMessage = body.messages.find((message) => message.role === 'user');
  const text = typeof userMessage?.content === 'string' ? userMessage.content : '';
  const lines = text.split('\n');
  const transcript = lines.flatMap((line) => parseTranscriptLine(line) ?? []);
  const code = findFirstObjectiveCode(lines);
  const students = transcript.filter((line) => line.role === 'Student');
  const firstStudent = students[0];
  const lastStudent = students[students.length - 1];
  const opening = transcript.find((line) => line.role === 'Instructor') ?? transcript[0];
  const studentNames =
    [...new Set(students.map((line) => line.name))].join(' and ') || 'the student';

  return {
    summary: `The instructor and ${studentNames} worked through ${transcript.length} transcript segments.`,
    objectivesCovered:
      code && opening
        ? [
            {
              code,
              confidence: 0.8,
              evidence: [quoteLine(opening), ...(firstStudent ? [quoteLine(firstStudent)] : [])],
            },
          ]
        : [],
    misconceptions: firstStudent
      ? [
          {
            description: `${firstStudent.name} made an error in the first solution attempt.`,
            evidence: [quoteLine(firstStudent)],
            resolved: lastStudent !== firstStudent,
            correction: lastStudent !== firstStudent ? quoteLine(lastStudent) : null,
          },
        ]
      : [],
    studentPerformanceSummary: `${studentNames} answered ${students.length} times.`,
    nextSteps: ['Practise two more problems of the same kind.'],
    followUps: ['Check the next homework for the same error.'],
  };
}

function parseTranscriptLine(line: string): TranscriptLine | undefined {
  const match = TRANSCRIPT_LINE.exec(line);
  if (!match) {
    return undefined;
  }

  return { index: Number(match[1]), role: match[4], name: match[5], text: match[6] };
}

function findFirstObjectiveCode(lines: string[]): string | undefined {
  const json = lines.find((line) => line.startsWith('[{"code":'));
  if (!json) {
    return undefined;
  }
  const objectives = JSON.parse(json) as { code: string }[];

  return objectives[0]?.code;
}

/** Quotes the first eight words of a line, which the line contains verbatim. */
function quoteLine(line: TranscriptLine): { segmentIndex: number; quote: string } {
  return { segmentIndex: line.index, quote: line.text.split(' ').slice(0, 8).join(' ') };
}
