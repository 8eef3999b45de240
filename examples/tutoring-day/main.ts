/**
 * The tutoring-day demo: `npm run demo`.
 *
 * With HILINK_URL and HILINK_API_KEY set it uses that server. Otherwise it starts the compiled
 * server on the embedded database in a temporary data folder and stops it at the end.
 *
 * Settings (environment variables):
 *   HILINK_DEMO_SESSIONS              number of dialogues, one session each, 1 to 30 (default 20)
 *   HILINK_DEMO_SESSIONS_PER_STUDENT  weekly sessions of each student, 1 to 10 (default 4)
 *   HILINK_DEMO_TIME_ZONE             IANA time zone of the sessions (default America/New_York)
 *   HILINK_DEMO_OUT                   folder for the Markdown reports (default examples/out)
 */
import { join } from 'node:path';
import { HiLinkClient } from '../../sdk/src';
import { startLocalServer, StartedServer } from '../shared/local-server';
import { addDays } from './schedule';
import { formatSummaryTable, runTutoringDay } from './tutoring-day';

const MAX_DIALOGUES = 30;

function readCount(name: string, fallback: number, max: number): number {
  const raw = process.env[name] ?? String(fallback);
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 1 || count > max) {
    throw new Error(`${name}="${raw}" is invalid: expected a whole number from 1 to ${max}.`);
  }

  return count;
}

function readTimeZone(): string {
  const timeZone = process.env.HILINK_DEMO_TIME_ZONE ?? 'America/New_York';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new Error(
      `HILINK_DEMO_TIME_ZONE="${timeZone}" is invalid: expected an IANA time zone such as Europe/Berlin.`,
    );
  }

  return timeZone;
}

/** Returns tomorrow's date in `timeZone`, YYYY-MM-DD. */
function tomorrow(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(
    new Date(Date.now() + 24 * 3600 * 1000),
  );
}

async function connect(): Promise<{ client: HiLinkClient; server?: StartedServer }> {
  const url = process.env.HILINK_URL;
  const apiKey = process.env.HILINK_API_KEY;
  if (url && apiKey) {
    process.stdout.write(`Using the HiLink server at ${url}\n`);

    return { client: new HiLinkClient({ url, apiKey }) };
  }
  process.stdout.write(
    'HILINK_URL and HILINK_API_KEY are not both set: starting HiLink on the embedded database\n',
  );
  const server = await startLocalServer();
  process.stdout.write(`HiLink is running at ${server.url}\n`);

  return { client: new HiLinkClient({ url: server.url, apiKey: server.adminKey }), server };
}

async function main(): Promise<void> {
  const dialogueCount = readCount('HILINK_DEMO_SESSIONS', 20, MAX_DIALOGUES);
  const sessionsPerStudent = readCount('HILINK_DEMO_SESSIONS_PER_STUDENT', 4, 10);
  const timeZone = readTimeZone();
  // npm runs scripts from the repository root.
  const outDir = process.env.HILINK_DEMO_OUT ?? join(process.cwd(), 'examples', 'out');
  const { client, server } = await connect();
  try {
    const result = await runTutoringDay({
      client,
      dialogueCount,
      sessionsPerStudent,
      outDir,
      timeZone,
      // Weekly sessions that end a week before tomorrow, so the next ones fall tomorrow and the
      // dashboards' default period, the last 30 days, contains the documented ones.
      date: addDays(tomorrow(timeZone), -7 * sessionsPerStudent),
      log: (line) => process.stdout.write(`  ${line}\n`),
    });
    process.stdout.write(
      `\n${result.sessions.length} sessions of ${result.students.length} students for ${result.organizationName} (${timeZone})\n\n`,
    );
    process.stdout.write(`${formatSummaryTable(result.sessions)}\n\n`);
    process.stdout.write(
      `Session reports: ${outDir}\nLearning thread: ${result.threadReportFile}\n`,
    );
  } finally {
    await server?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `The tutoring-day demo failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
