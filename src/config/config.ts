import { isIP } from 'node:net';

export type AiProviderName = 'local' | 'openai';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Validated settings read once from the environment at boot. */
export interface AppConfig {
  port: number;
  host: string;
  /** PostgreSQL connection string; when absent the embedded PGlite database is used. */
  databaseUrl?: string;
  /** Folder of the embedded PGlite database; `memory://` keeps it in memory only. */
  dataDir: string;
  /** Key material for participant tokens; generated and stored in the database when unset. */
  secret?: string;
  migrateOnStart: boolean;
  /** `url` serves HiLink's own calls to LiveKit; `publicUrl` is the address sent to browsers. */
  livekit?: { url: string; publicUrl: string; apiKey: string; apiSecret: string };
  ai: {
    provider: AiProviderName;
    openaiApiKey?: string;
    openaiBaseUrl?: string;
    openaiModel: string;
  };
  logLevel: LogLevel;
  /** Seconds a participant join token stays valid. */
  joinTokenTtlSeconds: number;
  /** Background job polling; disabled in processes that only serve requests. */
  jobs: { enabled: boolean; pollIntervalMs: number };
  /**
   * Redis for subscription events shared between replicas; when absent, events reach only the
   * subscribers connected to the process that wrote the change.
   */
  redis?: { url: string; channelPrefix: string };
  /** SMTP for parent update emails; when absent, approved updates wait with delivery `pending`. */
  mail?: { smtpUrl: string; from: string };
  webhooks: {
    /** Whether targets on loopback, private and link-local addresses are allowed. */
    allowPrivateTargets: boolean;
    /** Seconds after which a failing delivery is dead-lettered instead of retried. */
    retryWindowSeconds: number;
    /** Delay before the first retry, doubled for each further one (with jitter), in ms. */
    retryBaseMs: number;
    /** Limit of one delivery request, response included, in ms. */
    timeoutMs: number;
    /** Delivery requests in flight at once per process. */
    concurrency: number;
    /** Whether requests are signed and sent from a worker thread instead of the main thread. */
    sendThread: boolean;
    /** Days after which events whose deliveries all finished are deleted with their log. */
    eventRetentionDays: number;
  };
  /** Requests per minute per credential; 0 turns a limit off. */
  rateLimits: { apiKeyPerMinute: number; participantPerMinute: number };
  /** Minutes before a session's scheduled start at which its brief is drafted. */
  briefs: { leadMinutes: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const AI_PROVIDERS: AiProviderName[] = ['local', 'openai'];

type Env = Record<string, string | undefined>;

function readEnv(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();

  return value === '' ? undefined : value;
}

function parseInteger(
  env: Env,
  name: string,
  fallback: number,
  range: [number, number],
  problems: string[],
): number {
  const raw = readEnv(env, name);
  if (raw === undefined) {
    return fallback;
  }
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < range[0] || value > range[1]) {
    problems.push(
      `${name}="${raw}" is invalid: expected an integer from ${range[0]} to ${range[1]}.`,
    );

    return fallback;
  }

  return value;
}

function parseBoolean(env: Env, name: string, fallback: boolean, problems: string[]): boolean {
  const raw = readEnv(env, name)?.toLowerCase();
  if (raw === undefined) {
    return fallback;
  }
  if (['1', 'true', 'yes'].includes(raw)) {
    return true;
  }
  if (['0', 'false', 'no'].includes(raw)) {
    return false;
  }
  problems.push(`${name}="${raw}" is invalid: expected true or false.`);

  return fallback;
}

function parseUrl(
  env: Env,
  name: string,
  protocols: string[],
  problems: string[],
): string | undefined {
  const raw = readEnv(env, name);
  if (raw === undefined) {
    return undefined;
  }
  try {
    const url = new URL(raw);
    if (!protocols.includes(url.protocol)) {
      problems.push(
        `${name} has protocol "${url.protocol}": expected one of ${protocols.join(', ')}.`,
      );
    }
  } catch {
    // The value may carry a password, so only its name is reported.
    problems.push(`${name} is not a valid URL: expected the form ${protocols[0]}//host[:port]/...`);
  }

  return raw;
}

function parseEnum<T extends string>(
  env: Env,
  name: string,
  allowed: T[],
  fallback: T,
  problems: string[],
): T {
  const raw = readEnv(env, name)?.toLowerCase();
  if (raw === undefined) {
    return fallback;
  }
  if (!allowed.includes(raw as T)) {
    problems.push(`${name}="${raw}" is invalid: expected one of ${allowed.join(', ')}.`);

    return fallback;
  }

  return raw as T;
}

function parseLivekit(env: Env, problems: string[]): AppConfig['livekit'] {
  const url = parseUrl(env, 'LIVEKIT_URL', ['wss:', 'ws:', 'https:', 'http:'], problems);
  const apiKey = readEnv(env, 'LIVEKIT_API_KEY');
  const apiSecret = readEnv(env, 'LIVEKIT_API_SECRET');
  const given = [url, apiKey, apiSecret].filter((value) => value !== undefined).length;
  if (given === 0) {
    return undefined;
  }
  if (given < 3 || !url || !apiKey || !apiSecret) {
    problems.push(
      'LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET must be set together, or none of them.',
    );

    return undefined;
  }
  if (apiSecret.length < 32) {
    problems.push('LIVEKIT_API_SECRET is too short: expected at least 32 characters.');
  }
  const publicUrl = parseUrl(
    env,
    'LIVEKIT_PUBLIC_URL',
    ['wss:', 'ws:', 'https:', 'http:'],
    problems,
  );

  return { url, publicUrl: publicUrl ?? url, apiKey, apiSecret };
}

function parseAi(env: Env, problems: string[]): AppConfig['ai'] {
  const openaiApiKey = readEnv(env, 'OPENAI_API_KEY');
  const openaiBaseUrl = parseUrl(env, 'OPENAI_BASE_URL', ['https:', 'http:'], problems);
  const fallback: AiProviderName = openaiApiKey ? 'openai' : 'local';
  const provider = parseEnum(env, 'AI_PROVIDER', AI_PROVIDERS, fallback, problems);
  if (provider === 'openai' && !openaiApiKey) {
    problems.push(
      'AI_PROVIDER=openai requires OPENAI_API_KEY: set the key or use AI_PROVIDER=local.',
    );
  }
  const openaiModel = readEnv(env, 'OPENAI_MODEL') ?? 'gpt-4o-mini';
  if (!/^[\w.:/-]{1,100}$/.test(openaiModel)) {
    problems.push(
      `OPENAI_MODEL="${openaiModel}" is invalid: expected a model name such as gpt-4o-mini.`,
    );
  }

  return { provider, openaiApiKey, openaiBaseUrl, openaiModel };
}

const REDIS_CHANNEL_PREFIX_PATTERN = /^[A-Za-z0-9_.:-]{1,64}$/;

function parseRedis(env: Env, problems: string[]): AppConfig['redis'] {
  const url = parseUrl(env, 'REDIS_URL', ['redis:', 'rediss:'], problems);
  const channelPrefix = readEnv(env, 'REDIS_CHANNEL_PREFIX') ?? 'hilink:';
  if (!REDIS_CHANNEL_PREFIX_PATTERN.test(channelPrefix)) {
    problems.push(
      `REDIS_CHANNEL_PREFIX="${channelPrefix}" is invalid: expected 1 to 64 letters, digits, "_", ".", ":" or "-".`,
    );
  }

  return url === undefined ? undefined : { url, channelPrefix };
}

/** A bare address or a display name with an address: `a@b.org` or `Name <a@b.org>`. */
const MAIL_FROM_PATTERN = /^(?:[^<>@\r\n]{0,100}<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/;

function parseMail(env: Env, problems: string[]): AppConfig['mail'] {
  const smtpUrl = parseUrl(env, 'SMTP_URL', ['smtp:', 'smtps:'], problems);
  const from = readEnv(env, 'MAIL_FROM');
  if (from !== undefined && !MAIL_FROM_PATTERN.test(from)) {
    problems.push(
      `MAIL_FROM="${from}" is invalid: expected an address such as updates@school.example or "School <updates@school.example>".`,
    );
  }
  if (smtpUrl === undefined) {
    return undefined;
  }
  if (from === undefined) {
    problems.push('SMTP_URL requires MAIL_FROM: set the sender address of parent update emails.');

    return undefined;
  }

  return { smtpUrl, from };
}

/** Reads and validates every setting, and raises one ConfigError listing all invalid ones. */
export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const port = parseInteger(env, 'PORT', 3000, [0, 65535], problems);
  const host = readEnv(env, 'HOST') ?? '127.0.0.1';
  if (host !== 'localhost' && isIP(host) === 0) {
    problems.push(
      `HOST="${host}" is invalid: expected an IP address such as 0.0.0.0 or 127.0.0.1.`,
    );
  }
  const databaseUrl = parseUrl(env, 'DATABASE_URL', ['postgres:', 'postgresql:'], problems);
  const dataDir = readEnv(env, 'HILINK_DATA_DIR') ?? './.hilink';
  const secret = readEnv(env, 'HILINK_SECRET');
  if (secret !== undefined && secret.length < 32) {
    problems.push(
      'HILINK_SECRET is too short: expected at least 32 characters (openssl rand -hex 32).',
    );
  }
  const config: AppConfig = {
    port,
    host,
    databaseUrl,
    dataDir,
    secret,
    migrateOnStart: parseBoolean(env, 'HILINK_MIGRATE_ON_START', true, problems),
    livekit: parseLivekit(env, problems),
    ai: parseAi(env, problems),
    logLevel: parseEnum(env, 'LOG_LEVEL', LOG_LEVELS, 'info', problems),
    joinTokenTtlSeconds: parseInteger(
      env,
      'HILINK_JOIN_TOKEN_TTL',
      4 * 3600,
      [60, 86400],
      problems,
    ),
    jobs: {
      enabled: parseBoolean(env, 'HILINK_JOBS_ENABLED', true, problems),
      pollIntervalMs: parseInteger(env, 'HILINK_JOBS_POLL_MS', 500, [10, 60000], problems),
    },
    redis: parseRedis(env, problems),
    mail: parseMail(env, problems),
    webhooks: {
      allowPrivateTargets: parseBoolean(env, 'WEBHOOK_ALLOW_PRIVATE_TARGETS', false, problems),
      retryWindowSeconds: parseInteger(
        env,
        'WEBHOOK_RETRY_WINDOW_SECONDS',
        86400,
        [1, 7 * 86400],
        problems,
      ),
      retryBaseMs: parseInteger(env, 'WEBHOOK_RETRY_BASE_MS', 30_000, [10, 3_600_000], problems),
      timeoutMs: parseInteger(env, 'WEBHOOK_TIMEOUT_MS', 10_000, [100, 60_000], problems),
      // A remote target responds in tens to hundreds of ms, so the requests in flight bound a
      // process's delivery rate: 64 at 100 ms is 640 deliveries/s. A request in flight costs a
      // socket and a few kB in the send thread.
      concurrency: parseInteger(env, 'WEBHOOK_CONCURRENCY', 64, [1, 1_000], problems),
      sendThread: parseBoolean(env, 'WEBHOOK_SEND_THREAD', true, problems),
      eventRetentionDays: parseInteger(
        env,
        'WEBHOOK_EVENT_RETENTION_DAYS',
        30,
        [1, 3_650],
        problems,
      ),
    },
    rateLimits: {
      apiKeyPerMinute: parseInteger(
        env,
        'RATE_LIMIT_API_KEY_PER_MINUTE',
        6000,
        [0, 1_000_000],
        problems,
      ),
      participantPerMinute: parseInteger(
        env,
        'RATE_LIMIT_PARTICIPANT_PER_MINUTE',
        600,
        [0, 1_000_000],
        problems,
      ),
    },
    briefs: {
      leadMinutes: parseInteger(env, 'HILINK_BRIEF_LEAD_MINUTES', 120, [5, 20160], problems),
    },
  };
  if (problems.length > 0) {
    throw new ConfigError(problems);
  }

  return config;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
