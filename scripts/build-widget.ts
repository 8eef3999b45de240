import { build, BuildOptions } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

/** Bundle folder that src/widget serves from. */
export const WIDGET_OUT_DIR = join(ROOT, 'dist', 'widget');

const COMMON: BuildOptions = {
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'iife',
  target: ['es2020'],
  platform: 'browser',
  legalComments: 'none',
  logLevel: 'warning',
  write: false,
};

/**
 * Bundles one entry point and replaces the output file by a rename, which is atomic, so a
 * server or a parallel test run never reads a half-written bundle.
 */
async function bundle(entry: string, file: string, options: BuildOptions = {}): Promise<void> {
  const outfile = join(WIDGET_OUT_DIR, file);
  const result = await build({
    ...COMMON,
    ...options,
    entryPoints: [join(ROOT, 'widget', 'src', entry)],
    outfile,
  });
  mkdirSync(WIDGET_OUT_DIR, { recursive: true });
  for (const output of result.outputFiles ?? []) {
    const temporary = `${output.path}.${process.pid}.tmp`;
    writeFileSync(temporary, output.contents);
    renameSync(temporary, output.path);
  }
}

/**
 * Bundles the browser widget into dist/widget: widget.js (global `HiLink`) and
 * widget-media.js (livekit-client), which widget.js loads only when media is available.
 */
export async function buildWidget(): Promise<void> {
  await bundle('index.ts', 'widget.js', { globalName: 'HiLink' });
  await bundle('media.ts', 'widget-media.js');
}

if (require.main === module) {
  buildWidget().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
