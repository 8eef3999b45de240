// Marks the module format of each build folder, so Node loads dist/esm as ES modules and
// dist/cjs as CommonJS whatever the package's own "type" is.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const distDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
writeFileSync(join(distDir, 'cjs', 'package.json'), '{ "type": "commonjs" }\n');
writeFileSync(join(distDir, 'esm', 'package.json'), '{ "type": "module" }\n');
