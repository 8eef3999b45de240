import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { MAX_QUERY_COST, MAX_QUERY_DEPTH, queryLimitsRule } from './graphql-limits';

const TREE = buildSchema(`
  type Node { id: ID! child: Node items(first: Int): [Node!]! }
  type Query { root: Node }
`);

function errorsOf(query: string, schema = TREE) {
  return validate(schema, parse(query), [queryLimitsRule]);
}

describe('queryLimitsRule', () => {
  it('accepts a shallow, cheap query', () => {
    expect(errorsOf('{ root { id items(first: 10) { id } } }')).toEqual([]);
  });

  it('refuses a query deeper than the limit', () => {
    const deep = `{ root { ${'child { '.repeat(MAX_QUERY_DEPTH)}id${' }'.repeat(MAX_QUERY_DEPTH)} } }`;
    const [error] = errorsOf(deep);

    expect(error?.extensions).toMatchObject({ reason: 'QUERY_TOO_DEEP', limit: MAX_QUERY_DEPTH });
    expect(error?.message).toMatch(/levels deep; the limit is 12/);
  });

  it('multiplies nested list sizes', () => {
    const [error] = errorsOf(
      '{ root { items(first: 100) { items(first: 100) { items(first: 100) { id } } } } }',
    );

    expect(error?.extensions).toMatchObject({ reason: 'QUERY_TOO_COSTLY', limit: MAX_QUERY_COST });
  });

  it('counts fields through fragments', () => {
    const query = `
      query big { root { items(first: 500) { ...More } } }
      fragment More on Node { items(first: 500) { id } }
    `;

    expect(errorsOf(query)[0]?.message).toMatch(/^big has an estimated cost of \d+/);
  });

  it('accepts every operation of the SDK', () => {
    const schema = buildSchema(readFileSync(join(__dirname, '..', '..', 'schema.graphql'), 'utf8'));
    const folder = join(__dirname, '..', '..', 'sdk', 'src', 'operations');
    const source = readdirSync(folder)
      .filter((name) => name.endsWith('.graphql'))
      .map((name) => readFileSync(join(folder, name), 'utf8'))
      .join('\n');

    expect(
      validate(schema, parse(source), [queryLimitsRule]).map((error) => error.message),
    ).toEqual([]);
  });
});
