import { FastifyReply, FastifyRequest } from 'fastify';
import {
  AppLogger,
  createRequestLogger,
  createRootLogger,
  RequestLogController,
  runInRequestScope,
} from './logging';

/** Creates a root logger that keeps its JSON lines in memory. */
function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const root = createRootLogger(
    { logLevel: 'info' },
    { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) },
  );

  return { root, lines };
}

function inRequest(
  requestId: string,
  root: ReturnType<typeof createRootLogger>,
  work: () => void,
): void {
  const request = { log: createRequestLogger(root, { requestId }) } as unknown as FastifyRequest;
  runInRequestScope(request, {} as FastifyReply, work);
}

describe('logging', () => {
  it('adds the request id to application lines', () => {
    const { root, lines } = capturingLogger();

    inRequest('req-1', root, () =>
      new AppLogger(root).log({ sessionId: 's-1' }, 'Join token issued', 'JoinService'),
    );

    expect(lines).toHaveLength(1);
    expect(lines[0].requestId).toBe('req-1');
    expect(lines[0].context).toBe('JoinService');
    expect(lines[0].sessionId).toBe('s-1');
    expect(lines[0].msg).toBe('Join token issued');
  });

  it('omits the request id outside requests', () => {
    const { root, lines } = capturingLogger();

    new AppLogger(root).log('Migrations applied', 'Bootstrap');

    expect(lines[0].requestId).toBeUndefined();
    expect(lines[0].context).toBe('Bootstrap');
    expect(lines[0].msg).toBe('Migrations applied');
  });

  it('redacts secrets in request lines', () => {
    const { root, lines } = capturingLogger();

    inRequest('req-2', root, () =>
      new AppLogger(root).warn(
        { secret: 'hlk_abc', token: 'hlp_def', apiKey: 'k' },
        'Checked',
        'Auth',
      ),
    );

    expect(lines[0].secret).toBe('[redacted]');
    expect(lines[0].token).toBe('[redacted]');
    expect(lines[0].apiKey).toBe('[redacted]');
    expect(JSON.stringify(lines)).not.toContain('hlk_abc');
  });

  it('logs errors with their message', () => {
    const { root, lines } = capturingLogger();
    const requestLog = createRequestLogger(root, { requestId: 'req-3' });

    requestLog.error(new Error('Connection refused'));
    requestLog.info('Route GET:/nowhere not found');

    expect(lines[0].requestId).toBe('req-3');
    expect((lines[0].err as { message?: string }).message).toBe('Connection refused');
    expect(lines[0].msg).toBe('Connection refused');
    expect(lines[1].requestId).toBe('req-3');
    expect(lines[1].msg).toBe('Route GET:/nowhere not found');
  });

  it('skips lines below the level', () => {
    const { root, lines } = capturingLogger();

    inRequest('req-4', root, () => new AppLogger(root).debug('Cache hit', 'ApiKeysService'));

    expect(lines).toHaveLength(0);
  });

  it('writes one completion line', () => {
    const { root, lines } = capturingLogger();
    const log = createRequestLogger(root, { requestId: 'req-5' });
    const request = {
      id: 'req-5',
      method: 'GET',
      url: '/v1/files?token=hlp_secret',
      log,
    } as unknown as FastifyRequest;
    const reply = { statusCode: 200, elapsedTime: 1.5, log } as unknown as FastifyReply;
    const controller = new RequestLogController(root);

    controller.incomingRequest();
    controller.requestCompleted(undefined, request, reply);

    expect(lines).toHaveLength(1);
    expect(lines[0].msg).toBe('request completed');
    expect(lines[0].requestId).toBe('req-5');
    expect(lines[0].req).toEqual({ id: 'req-5', method: 'GET', url: '/v1/files?token=[redacted]' });
    expect(lines[0].res).toEqual({ statusCode: 200 });
    expect(JSON.stringify(lines)).not.toContain('hlp_secret');
  });

  it('logs 5xx completions as errors', () => {
    const { root, lines } = capturingLogger();
    const log = createRequestLogger(root, { requestId: 'req-6' });
    const request = {
      id: 'req-6',
      method: 'POST',
      url: '/v1/sessions',
      log,
    } as unknown as FastifyRequest;
    const reply = { statusCode: 503, elapsedTime: 2, log } as unknown as FastifyReply;

    new RequestLogController(root).requestCompleted(undefined, request, reply);

    expect(lines[0].level).toBe(50);
    expect(lines[0].msg).toBe('request errored');
    expect(lines[0].requestId).toBe('req-6');
  });
});
