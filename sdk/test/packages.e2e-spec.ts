import { execFile, execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTestApp, TestApp } from '../../test/support/test-app';

const SDK_DIR = join(__dirname, '..');
const ROOT = join(SDK_DIR, '..');
const BUILT_ENTRIES = ['cjs/index.js', 'esm/index.js'].map((entry) => join(SDK_DIR, 'dist', entry));
const PUBLIC_NAMES = [
  'HiLinkClient',
  'HiLinkError',
  'HiLinkWebhookError',
  'UNAUTHORIZED_CLOSE_CODE',
  'embedWidgetSnippet',
  'listAll',
  'paginate',
  'verifyWebhook',
  'widgetEmbedUrl',
];

function newestSourceChange(dir: string): number {
  return Math.max(
    ...readdirSync(dir, { withFileTypes: true }).map((entry) => {
      const path = join(dir, entry.name);

      return entry.isDirectory() ? newestSourceChange(path) : statSync(path).mtimeMs;
    }),
  );
}

/** Builds the package unless both builds exist and are newer than every source file. */
function ensureBuilt(): void {
  const sourceChanged = newestSourceChange(join(SDK_DIR, 'src'));
  const fresh = BUILT_ENTRIES.every(
    (entry) => existsSync(entry) && statSync(entry).mtimeMs >= sourceChanged,
  );
  if (!fresh) {
    execFileSync('npm', ['run', '--silent', 'build', '-w', 'sdk'], { cwd: ROOT, stdio: 'pipe' });
  }
}

/**
 * Runs a script in a plain Node process from the repository root, where `@hilink/sdk` resolves
 * through the workspace link to the package's `exports`, and returns its stdout.
 */
async function runScript(
  type: 'commonjs' | 'module',
  script: string,
  env: Record<string, string> = {},
): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [`--input-type=${type}`, '-e', script],
    { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, timeout: 30_000 },
  );

  return stdout;
}

/** Runs a script that prints one JSON value, and returns that value. */
async function runNode(
  type: 'commonjs' | 'module',
  script: string,
  env: Record<string, string> = {},
): Promise<Record<string, unknown>> {
  return JSON.parse(await runScript(type, script, env)) as Record<string, unknown>;
}

/** Returns the code blocks of one language in one section of the README, in order. */
function readmeSnippets(section: string, language: string): string[] {
  const readme = readFileSync(join(SDK_DIR, 'README.md'), 'utf8');
  const start = readme.indexOf(`\n## ${section}\n`);
  const end = readme.indexOf('\n## ', start + 1);
  const blocks = readme.slice(start, end).split(`\n\`\`\`${language}\n`).slice(1);

  return blocks.map((block) => block.slice(0, block.indexOf('\n```')));
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));

  return port;
}

const LIST_NAMES = 'Object.keys(sdk).filter((name) => !/Document$|FragmentDoc$/.test(name)).sort()';

describe('the built @hilink/sdk package', () => {
  let app: TestApp;

  beforeAll(async () => {
    ensureBuilt();
    // The README's quick start receives a webhook on 127.0.0.1.
    app = await startTestApp({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('loads with require() and import() with the same public names', async () => {
    const required = await runNode(
      'commonjs',
      `const sdk = require('@hilink/sdk');
       console.log(JSON.stringify({ names: ${LIST_NAMES}, file: require.resolve('@hilink/sdk') }));`,
    );
    const imported = await runNode(
      'module',
      `const sdk = await import('@hilink/sdk');
       console.log(JSON.stringify({ names: ${LIST_NAMES}, file: import.meta.resolve('@hilink/sdk') }));`,
    );

    expect(required.file).toMatch(/sdk[/\\]dist[/\\]cjs[/\\]index\.js$/);
    expect(imported.file).toMatch(/sdk\/dist\/esm\/index\.js$/);
    expect(imported.names).toEqual(required.names);
    expect(required.names).toEqual(expect.arrayContaining(PUBLIC_NAMES));
  });

  it('calls a running server from the ES module build, with typed errors', async () => {
    const result = await runNode(
      'module',
      `import { HiLinkClient, HiLinkError } from '@hilink/sdk';
       const client = new HiLinkClient({ url: process.env.HILINK_URL, apiKey: process.env.HILINK_API_KEY });
       const organization = await client.organization();
       const error = await client.withApiKey('hlk_invalid').organization().catch((caught) => caught);
       console.log(JSON.stringify({
         id: organization.id,
         isHiLinkError: error instanceof HiLinkError,
         code: error.code,
       }));`,
      { HILINK_URL: app.url, HILINK_API_KEY: app.adminKey },
    );

    expect(result).toEqual({
      id: app.organizationId,
      isHiLinkError: true,
      code: 'UNAUTHENTICATED',
    });
  });

  it('subscribes over graphql-ws from the CommonJS build', async () => {
    const result = await runNode(
      'commonjs',
      `const { HiLinkClient, HiLinkError } = require('@hilink/sdk');
       const WebSocket = require('ws');
       const client = new HiLinkClient({
         url: process.env.HILINK_URL, apiKey: 'hlk_invalid', webSocket: WebSocket, retry: false,
       });
       const events = client.sessionStatusChanged('00000000-0000-4000-8000-000000000000');
       events.next().then(
         () => console.log(JSON.stringify({ ended: true })),
         (error) => console.log(JSON.stringify({ isHiLinkError: error instanceof HiLinkError, code: error.code })),
       ).finally(() => client.close());`,
      { HILINK_URL: app.url },
    );

    expect(result).toEqual({ isHiLinkError: true, code: 'UNAUTHENTICATED' });
  });

  it('types both builds for TypeScript consumers', async () => {
    // Inside the repository, so that `@hilink/sdk` resolves through the workspace link.
    const dir = mkdtempSync(join(SDK_DIR, '.types-check-'));
    try {
      const consumer = `import { HiLinkClient, HiLinkError, listAll, type RestSchemas } from '@hilink/sdk';
        const client = new HiLinkClient({ url: 'http://127.0.0.1:3000', apiKey: 'hlk_x' });
        export const names: Promise<string[]> = listAll((after) => client.members({ first: 10, after }))
          .then((members) => members.map((member) => member.name));
        export const code = (error: HiLinkError): string => error.code;
        export type Problem = RestSchemas['Activity'];`;
      writeFileSync(join(dir, 'esm.mts'), consumer);
      writeFileSync(join(dir, 'cjs.cts'), consumer);
      const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
      const flags = ['--noEmit', '--strict', '--types', 'node', '--module', 'nodenext'];
      await promisify(execFile)(process.execPath, [tsc, ...flags, 'esm.mts', 'cjs.cts'], {
        cwd: dir,
      }).catch((error: { stdout?: string }) => {
        throw new Error(`tsc rejected the consumer:\n${error.stdout}`);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("runs the README's five-minute start", async () => {
    const snippets = readmeSnippets('Five-minute start', 'js');
    const commonjs = snippets.filter((block) => block.includes('require('));
    const module = snippets.filter((block) => !block.includes('require(')).join('\n');
    const env = { HILINK_URL: app.url, HILINK_API_KEY: app.adminKey };
    // The snippet's webhook receiver port may be taken on a shared machine.
    const port = String(await freePort());
    const modular = await runScript('module', module.replaceAll('8787', port), env);
    const required = await runScript('commonjs', commonjs.join('\n'), env);

    expect(commonjs).toHaveLength(1);
    expect(modular).toContain('Connected to ');
    expect(modular).toContain(`<script src="${app.url}/widget.js"></script>`);
    expect(modular).toContain('Session went from scheduled to live');
    expect(modular).toMatch(/Verified webhook session\.ended /);
    expect(required).toContain('Connected to ');
  });
});
