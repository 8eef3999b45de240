/**
 * Writes the API contract files that are generated from the code and committed:
 * `schema.graphql` and `openapi/openapi.json`.
 *
 *   ts-node --transpile-only scripts/generate.ts           write them at the repository root
 *   ts-node --transpile-only scripts/generate.ts --check   regenerate them and the SDK's generated
 *                                                           code in a temporary folder, and exit 1
 *                                                           when a committed file differs
 *
 * The app boots on an in-memory PGlite database and never listens, so no server and no real
 * database is touched.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { buildOpenApiDocument, createApp, migrate } from '../src/bootstrap';
import { loadConfig } from '../src/config/config';

const ROOT = join(__dirname, '..');
const SDK_DIR = join(ROOT, 'sdk');
const SDK_GENERATED_FILES = ['graphql.ts', 'rest.ts', 'operations.ts'];

/** Orders strings by UTF-16 code units, so the order does not depend on the machine's locale. */
function compareCodeUnits(a: string, b: string): number {
  if (a === b) {
    return 0;
  }

  return a < b ? -1 : 1;
}

/** Sorts object keys recursively, so the document does not depend on module import order. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(sortKeys);
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }
  const keys = Object.keys(value).sort(compareCodeUnits);
  const entries = keys.map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]);

  return Object.fromEntries(entries);
}

/** Boots the app without listening and writes schema.graphql and openapi/openapi.json under `outDir`. */
async function writeContractFiles(outDir: string): Promise<void> {
  // An explicit environment, so a DATABASE_URL or API key in the shell cannot change the output.
  const config = loadConfig({
    HILINK_DATA_DIR: 'memory://',
    LOG_LEVEL: 'silent',
    HILINK_JOBS_ENABLED: 'false',
  });
  const schemaFile = join(outDir, 'schema.graphql');
  const app = await createApp(config, { schemaFile });
  try {
    // Some modules read their tables while they initialize, so the empty database needs them.
    await migrate(app);
    // GraphQLModule writes the schema file while the modules initialize.
    await app.init();
    const document = sortKeys(buildOpenApiDocument(app));
    const openApiFile = join(outDir, 'openapi', 'openapi.json');
    mkdirSync(dirname(openApiFile), { recursive: true });
    writeFileSync(openApiFile, `${JSON.stringify(document, null, 2)}\n`);
  } finally {
    await app.close();
  }
}

/** Runs the SDK's code generators on the contract files in `contractDir`, writing into `outDir`. */
function runSdkCodegen(contractDir: string, outDir: string): void {
  execFileSync('npm', ['run', '--silent', 'codegen', '-w', 'sdk'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, HILINK_CONTRACT_DIR: contractDir, HILINK_SDK_GENERATED_DIR: outDir },
  });
}

function readIfExists(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** Returns the committed files that differ from a fresh generation. */
async function findOutdatedFiles(): Promise<string[]> {
  const tempDir = mkdtempSync(join(tmpdir(), 'hilink-generate-'));
  try {
    await writeContractFiles(tempDir);
    const sdkOutDir = join(tempDir, 'sdk-generated');
    runSdkCodegen(tempDir, sdkOutDir);
    const pairs: [string, string][] = [
      [join(ROOT, 'schema.graphql'), join(tempDir, 'schema.graphql')],
      [join(ROOT, 'openapi', 'openapi.json'), join(tempDir, 'openapi', 'openapi.json')],
      ...SDK_GENERATED_FILES.map((name): [string, string] => [
        join(SDK_DIR, 'src', 'generated', name),
        join(sdkOutDir, name),
      ]),
    ];

    return pairs
      .filter(([committed, fresh]) => readIfExists(committed) !== readFileSync(fresh, 'utf8'))
      .map(([committed]) => relative(ROOT, committed));
  } finally {
    rmSync(tempDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (!process.argv.includes('--check')) {
    await writeContractFiles(ROOT);
    process.stdout.write('Wrote schema.graphql and openapi/openapi.json.\n');

    return;
  }
  const outdated = await findOutdatedFiles();
  for (const file of outdated) {
    process.stderr.write(`${file} is out of date: run npm run generate and commit the result\n`);
  }
  if (outdated.length > 0) {
    process.exit(1);
  }
  process.stdout.write('Generated files are up to date.\n');
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `Generation failed: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exit(1);
  });
}
