import { ConfigError, loadConfig } from './config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      return error.problems;
    }
    throw error;
  }

  return [];
}

describe('loadConfig', () => {
  it('uses the embedded defaults for an empty environment', () => {
    const config = loadConfig({});

    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toBe('./.hilink');
    expect(config.ai.provider).toBe('local');
    expect(config.livekit).toBeUndefined();
    expect(config.logLevel).toBe('info');
  });

  it('reads the brief lead time', () => {
    expect(loadConfig({}).briefs.leadMinutes).toBe(120);
    expect(loadConfig({ HILINK_BRIEF_LEAD_MINUTES: '1440' }).briefs.leadMinutes).toBe(1440);
  });

  it('rejects an invalid brief lead time', () => {
    for (const value of ['4', '20161', '2h']) {
      expect(problemsOf({ HILINK_BRIEF_LEAD_MINUTES: value })).toEqual([
        `HILINK_BRIEF_LEAD_MINUTES="${value}" is invalid: expected an integer from 5 to 20160.`,
      ]);
    }
  });

  it('selects openai when a key is set', () => {
    const config = loadConfig({ OPENAI_API_KEY: 'sk-test' });

    expect(config.ai.provider).toBe('openai');
    expect(config.ai.openaiModel).toBe('gpt-4o-mini');
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://localhost/db' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ HILINK_SECRET: 'short' }, 'HILINK_SECRET'],
    [{ AI_PROVIDER: 'claude' }, 'AI_PROVIDER'],
    [{ AI_PROVIDER: 'openai' }, 'OPENAI_API_KEY'],
    [{ OPENAI_BASE_URL: 'ftp://x' }, 'OPENAI_BASE_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ LIVEKIT_URL: 'wss://media.example.com' }, 'LIVEKIT_API_KEY'],
    [{ HILINK_MIGRATE_ON_START: 'maybe' }, 'HILINK_MIGRATE_ON_START'],
    [{ HOST: 'my host' }, 'HOST'],
    [{ REDIS_URL: 'http://127.0.0.1:6379' }, 'REDIS_URL'],
    [{ REDIS_URL: 'not a url' }, 'REDIS_URL'],
    [{ REDIS_CHANNEL_PREFIX: 'two words' }, 'REDIS_CHANNEL_PREFIX'],
  ])('rejects %p naming %s', (env, variable) => {
    const problems = problemsOf(env);

    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(variable);
    expect(problems[0]).toMatch(/expected|must|requires/);
  });

  it('reads the webhook concurrency', () => {
    expect(loadConfig({}).webhooks.concurrency).toBe(64);
    expect(loadConfig({ WEBHOOK_CONCURRENCY: '128' }).webhooks.concurrency).toBe(128);
  });

  it('reads the webhook event retention', () => {
    expect(loadConfig({}).webhooks.eventRetentionDays).toBe(30);
    expect(loadConfig({ WEBHOOK_EVENT_RETENTION_DAYS: '90' }).webhooks.eventRetentionDays).toBe(90);
  });

  it('rejects an invalid webhook event retention', () => {
    for (const value of ['0', '3651', 'forever']) {
      expect(problemsOf({ WEBHOOK_EVENT_RETENTION_DAYS: value })).toEqual([
        `WEBHOOK_EVENT_RETENTION_DAYS="${value}" is invalid: expected an integer from 1 to 3650.`,
      ]);
    }
  });

  it('rejects an invalid webhook concurrency', () => {
    for (const value of ['0', '1001', 'many', '-4']) {
      expect(problemsOf({ WEBHOOK_CONCURRENCY: value })).toEqual([
        `WEBHOOK_CONCURRENCY="${value}" is invalid: expected an integer from 1 to 1000.`,
      ]);
    }
  });

  it('reads whether webhooks are sent from a worker thread', () => {
    expect(loadConfig({}).webhooks.sendThread).toBe(true);
    expect(loadConfig({ WEBHOOK_SEND_THREAD: 'false' }).webhooks.sendThread).toBe(false);
    expect(problemsOf({ WEBHOOK_SEND_THREAD: 'sometimes' })).toHaveLength(1);
    expect(problemsOf({ WEBHOOK_SEND_THREAD: 'sometimes' })[0]).toContain('WEBHOOK_SEND_THREAD');
  });

  it('lists every invalid variable at once', () => {
    expect(problemsOf({ PORT: '-1', LOG_LEVEL: 'x' })).toHaveLength(2);
  });

  it('never echoes a database password', () => {
    const problems = problemsOf({ DATABASE_URL: 'mysql://user:hunter2@db/x' });

    expect(problems.join(' ')).not.toContain('hunter2');
  });

  it('accepts a complete LiveKit configuration', () => {
    const config = loadConfig({
      LIVEKIT_URL: 'wss://media.example.com',
      LIVEKIT_API_KEY: 'APIkey',
      LIVEKIT_API_SECRET: 'x'.repeat(32),
    });

    expect(config.livekit?.apiKey).toBe('APIkey');
    expect(config.livekit?.publicUrl).toBe('wss://media.example.com');
  });

  it('sends browsers the public LiveKit URL', () => {
    const config = loadConfig({
      LIVEKIT_URL: 'http://livekit:7880',
      LIVEKIT_PUBLIC_URL: 'wss://media.example.com',
      LIVEKIT_API_KEY: 'APIkey',
      LIVEKIT_API_SECRET: 'x'.repeat(32),
    });

    expect(config.livekit?.url).toBe('http://livekit:7880');
    expect(config.livekit?.publicUrl).toBe('wss://media.example.com');
  });

  it('rejects an invalid public LiveKit URL', () => {
    expect(() =>
      loadConfig({
        LIVEKIT_URL: 'http://livekit:7880',
        LIVEKIT_PUBLIC_URL: 'ftp://media.example.com',
        LIVEKIT_API_KEY: 'APIkey',
        LIVEKIT_API_SECRET: 'x'.repeat(32),
      }),
    ).toThrow(/LIVEKIT_PUBLIC_URL/);
  });

  it('accepts a Redis URL with the default channel prefix', () => {
    const config = loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379/0' });

    expect(config.redis).toEqual({ url: 'redis://127.0.0.1:6379/0', channelPrefix: 'hilink:' });
  });

  it('leaves Redis off without REDIS_URL', () => {
    expect(loadConfig({ REDIS_CHANNEL_PREFIX: 'tenant-a:' }).redis).toBeUndefined();
  });
});
