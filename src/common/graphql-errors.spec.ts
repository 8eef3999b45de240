import { formatGraphQLError } from './graphql-errors';

describe('formatGraphQLError', () => {
  it('names the field of an invalid nested variable', () => {
    const formatted = formatGraphQLError({
      message:
        'Variable "$input" got invalid value "waved" at "input.events[0].type"; Value "waved" does not exist in "EngagementEventType" enum.',
      extensions: { code: 'BAD_USER_INPUT' },
    });

    expect(formatted.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_VARIABLE',
      field: 'input.events[0].type',
    });
  });

  it('names a missing variable', () => {
    const formatted = formatGraphQLError({
      message: 'Variable "$id" of required type "ID!" was not provided.',
      extensions: { code: 'BAD_USER_INPUT' },
    });

    expect(formatted.extensions).toMatchObject({ reason: 'INVALID_VARIABLE', field: 'id' });
  });

  it('reports a query that does not fit the schema as bad input', () => {
    const formatted = formatGraphQLError({
      message: 'Cannot query field "nope" on type "Query".',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });

    expect(formatted.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'GRAPHQL_VALIDATION_FAILED',
    });
  });

  it('keeps errors that carry a reason', () => {
    const error = {
      message: 'Session not found.',
      extensions: { code: 'NOT_FOUND', reason: 'SESSION_NOT_FOUND', field: 'id' },
    };

    expect(formatGraphQLError(error)).toBe(error);
  });
});
