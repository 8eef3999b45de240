import type { CodegenConfig } from '@graphql-codegen/cli';
import { join } from 'node:path';

// `npm run generate:check` points both at a temporary folder to compare fresh output with the
// committed files.
const contractDir = process.env.HILINK_CONTRACT_DIR ?? join(__dirname, '..');
const outDir = process.env.HILINK_SDK_GENERATED_DIR ?? join(__dirname, 'src', 'generated');

const config: CodegenConfig = {
  schema: join(contractDir, 'schema.graphql'),
  documents: join(__dirname, 'src', 'operations', '*.graphql'),
  emitLegacyCommonJSImports: false,
  errorsOnly: true,
  generates: {
    [join(outDir, 'graphql.ts')]: {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        skipTypename: true,
        useTypeImports: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        defaultScalarType: 'unknown',
        scalars: { ID: 'string', DateTime: 'string' },
      },
    },
    [join(outDir, 'operations.ts')]: {
      plugins: [join(__dirname, 'codegen', 'client-methods.cjs')],
    },
  },
};

export default config;
