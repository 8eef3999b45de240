import { BenchFixtures, SESSION_QUERY } from './fixtures';
import { LoadResult, LoadSpec, probeOnce, runLoad } from './load';
import { Baseline, ratioRow, ResultRow, RunSettings } from './report';
import { segmentBatch } from './transcript-data';

/** Minimum ratios to the baselines, per path. */
export const TARGETS = {
  liveRoute: 0.8,
  sessionQueryToEcho: 0.1,
  sessionQueryToGraphql: 0.6,
  joinToken: 0.15,
  ingestToCopy: 0.25,
};

/** The GraphQL baseline: parsed, validated and executed by Apollo, but it reads no rows. */
export const GRAPHQL_BASELINE_QUERY = '{ __typename }';

const ECHO_BODY = JSON.stringify({
  sessionId: '7a0c4a5e-2f4b-4b7e-9a57-2d7f0f1c9b11',
  text: 'Hello',
});

export interface Target {
  url: string;
  adminKey: string;
}

function httpSpec(
  settings: RunSettings,
  spec: Omit<LoadSpec, 'connections' | 'durationSeconds' | 'warmupSeconds'>,
): LoadSpec {
  return {
    connections: settings.connections,
    durationSeconds: settings.durationSeconds,
    warmupSeconds: settings.warmupSeconds,
    ...spec,
  };
}

/** Sends the request once to check it, then runs the load. */
async function probeAndLoad(spec: LoadSpec): Promise<LoadResult> {
  await probeOnce(spec);

  return runLoad(spec);
}

function jsonHeaders(adminKey?: string): Record<string, string> {
  return adminKey
    ? { 'content-type': 'application/json', authorization: `Bearer ${adminKey}` }
    : { 'content-type': 'application/json' };
}

function loadBaseline(name: string, load: LoadResult, note: string): Baseline {
  return {
    name,
    value: load.requestsPerSecond,
    unit: 'req/s',
    p99Ms: load.p99Ms,
    failed: load.failed,
    note,
  };
}

/** Baseline 1: POST of a small JSON body to a bare Fastify server that returns it. */
export async function measureEcho(settings: RunSettings, echoUrl: string): Promise<Baseline> {
  const load = await runLoad(
    httpSpec(settings, {
      title: 'echo',
      url: `${echoUrl}/echo`,
      method: 'POST',
      headers: jsonHeaders(),
      body: ECHO_BODY,
    }),
  );

  return loadBaseline(
    'Bare Fastify JSON echo (POST /echo)',
    load,
    'Separate process; no framework beyond Fastify 5.',
  );
}

/** Path (a): a NestJS route that reads nothing, through HiLink's global guard, response serialization and request logging. */
export async function measureLiveRoute(
  settings: RunSettings,
  target: Target,
  echo: Baseline,
): Promise<ResultRow> {
  const load = await probeAndLoad(
    httpSpec(settings, { title: 'live', url: `${target.url}/health/live`, method: 'GET' }),
  );

  return ratioRow('a. NestJS route, no database (GET /health/live)', load, echo, TARGETS.liveRoute);
}

/** GraphQL baseline for path (b), measured against the same HiLink process. */
export async function measureGraphqlBaseline(
  settings: RunSettings,
  target: Target,
): Promise<Baseline> {
  const load = await probeAndLoad(
    httpSpec(settings, {
      title: 'graphql-typename',
      url: `${target.url}/graphql`,
      method: 'POST',
      headers: jsonHeaders(target.adminKey),
      body: JSON.stringify({ query: GRAPHQL_BASELINE_QUERY }),
      graphql: true,
    }),
  );

  return loadBaseline(
    `GraphQL \`${GRAPHQL_BASELINE_QUERY}\` on HiLink`,
    load,
    'Same HiLink process; Apollo parses, validates and executes it, no resolver reads the database.',
  );
}

/** Path (b): the `session` query with its room and participants. */
export async function measureSessionQuery(
  settings: RunSettings,
  target: Target,
  fixtures: BenchFixtures,
  baselines: { echo: Baseline; graphql: Baseline },
): Promise<ResultRow[]> {
  const load = await probeAndLoad(
    httpSpec(settings, {
      title: 'session-query',
      url: `${target.url}/graphql`,
      method: 'POST',
      headers: jsonHeaders(target.adminKey),
      body: JSON.stringify({ query: SESSION_QUERY, variables: { id: fixtures.sessionId } }),
      graphql: true,
    }),
  );
  const path = `b. GraphQL session query, room and ${fixtures.participantCount} participants`;
  // The same query over 50 sessions in turn: reads of one event-loop turn still share a
  // statement, but rarely a session's rows.
  const sessionIds = [fixtures.sessionId, ...fixtures.otherSessionIds];
  const rotation = await probeAndLoad(
    httpSpec(settings, {
      title: 'session-query-rotation',
      url: `${target.url}/graphql`,
      method: 'POST',
      headers: jsonHeaders(target.adminKey),
      bodies: sessionIds.map((id) => JSON.stringify({ query: SESSION_QUERY, variables: { id } })),
      graphql: true,
    }),
  );
  const rotationPath = `b. (for comparison) the same query over ${sessionIds.length} sessions in turn`;

  return [
    ratioRow(path, load, baselines.echo, TARGETS.sessionQueryToEcho),
    ratioRow(path, load, baselines.graphql, TARGETS.sessionQueryToGraphql),
    ratioRow(rotationPath, rotation, baselines.graphql, undefined),
  ];
}

/** Path (c): REST join tokens for one student participant. */
export async function measureJoin(
  settings: RunSettings,
  target: Target,
  fixtures: BenchFixtures,
  echo: Baseline,
): Promise<ResultRow> {
  const load = await probeAndLoad(
    httpSpec(settings, {
      title: 'join',
      url: `${target.url}/v1/sessions/${fixtures.sessionId}/join`,
      method: 'POST',
      headers: jsonHeaders(target.adminKey),
      body: JSON.stringify({ participantId: fixtures.participantId }),
    }),
  );

  return ratioRow(
    'c. REST join tokens (POST /v1/sessions/:id/join)',
    load,
    echo,
    TARGETS.joinToken,
  );
}

/** Builds the request body of one ingest batch. Each `[<id>]` becomes a new UUID in every request. */
export function ingestBody(batchSize: number): string {
  const segments = segmentBatch(batchSize).map((segment, index) => ({
    clientSegmentId: `[<id>]-${index}`,
    ...segment,
    isFinal: true,
  }));

  return JSON.stringify({ segments });
}

/** Path (d): REST batch ingest of transcript segments, compared with COPY in segments per second. */
export async function measureIngest(
  settings: RunSettings,
  target: Target,
  fixtures: BenchFixtures,
  copy: Baseline,
): Promise<ResultRow> {
  const load = await probeAndLoad({
    title: 'ingest',
    url: `${target.url}/v1/sessions/${fixtures.sessionId}/transcript/segments/batch`,
    method: 'POST',
    headers: jsonHeaders(target.adminKey),
    body: ingestBody(settings.batchSize),
    uniqueIds: true,
    connections: settings.ingestConnections,
    durationSeconds: settings.durationSeconds,
    warmupSeconds: settings.warmupSeconds,
  });

  return ratioRow(
    `d. REST transcript ingest, ${settings.batchSize} segments per request`,
    load,
    copy,
    TARGETS.ingestToCopy,
    settings.batchSize,
  );
}
