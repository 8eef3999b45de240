import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, GraphQLObjectType, Kind, parse } from 'graphql';

const ROOT = join(__dirname, '..', '..');
const OPERATIONS_DIR = join(ROOT, 'sdk', 'src', 'operations');

function rootFieldNames(type: GraphQLObjectType | null | undefined): string[] {
  return Object.keys(type?.getFields() ?? {}).sort();
}

/** Returns the root fields that the SDK's operation documents select, by operation type. */
function coveredFields(): { query: string[]; mutation: string[]; subscription: string[] } {
  const covered = {
    query: new Set<string>(),
    mutation: new Set<string>(),
    subscription: new Set<string>(),
  };
  for (const file of readdirSync(OPERATIONS_DIR).filter((name) => name.endsWith('.graphql'))) {
    const document = parse(readFileSync(join(OPERATIONS_DIR, file), 'utf8'));
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) {
        continue;
      }
      for (const selection of definition.selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          covered[definition.operation].add(selection.name.value);
        }
      }
    }
  }

  return {
    query: [...covered.query].sort(),
    mutation: [...covered.mutation].sort(),
    subscription: [...covered.subscription].sort(),
  };
}

describe('SDK operation documents', () => {
  const schema = buildSchema(readFileSync(join(ROOT, 'schema.graphql'), 'utf8'));
  const covered = coveredFields();

  it('cover every query', () => {
    const missing = rootFieldNames(schema.getQueryType()).filter(
      (name) => !covered.query.includes(name),
    );

    expect(missing).toEqual([]);
  });

  it('cover every mutation', () => {
    const missing = rootFieldNames(schema.getMutationType()).filter(
      (name) => !covered.mutation.includes(name),
    );

    expect(missing).toEqual([]);
  });

  it('cover every subscription', () => {
    const missing = rootFieldNames(schema.getSubscriptionType()).filter(
      (name) => !covered.subscription.includes(name),
    );

    expect(missing).toEqual([]);
  });
});

describe('SDK README', () => {
  it('lists every method', () => {
    const readme = readFileSync(join(ROOT, 'sdk', 'README.md'), 'utf8');
    const missing: string[] = [];
    for (const file of readdirSync(OPERATIONS_DIR).filter((name) => name.endsWith('.graphql'))) {
      const document = parse(readFileSync(join(OPERATIONS_DIR, file), 'utf8'));
      for (const definition of document.definitions) {
        if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) {
          const method = `\`${definition.name.value}\``;
          if (!readme.includes(method)) {
            missing.push(`${file}: ${definition.name.value}`);
          }
        }
      }
    }

    expect(missing).toEqual([]);
  });
});
