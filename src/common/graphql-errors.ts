import type { GraphQLFormattedError } from 'graphql';

/** Apollo's codes for a query that does not parse or does not fit the schema. */
const QUERY_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED']);

/** graphql-js names the variable and, for a nested value, its path: `at "input.events[3].type"`. */
const VARIABLE_PATTERN = /^Variable "\$(\w+)" got invalid value .*? at "([^"]+)"/;
const WHOLE_VARIABLE_PATTERN = /^Variable "\$(\w+)"/;

/**
 * Formats the errors that Apollo and graphql-js raise before any resolver runs like HiLink's
 * own: the code BAD_USER_INPUT, a reason, and the field when the message names one. Errors
 * that already carry a reason pass unchanged.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const extensions = formatted.extensions ?? {};
  if (extensions.reason !== undefined) {
    return formatted;
  }
  const code = typeof extensions.code === 'string' ? extensions.code : undefined;
  if (code !== undefined && QUERY_ERROR_CODES.has(code)) {
    return {
      ...formatted,
      extensions: { ...extensions, code: 'BAD_USER_INPUT', reason: code },
    };
  }
  if (code === 'BAD_USER_INPUT') {
    const nested = VARIABLE_PATTERN.exec(formatted.message);
    const whole = WHOLE_VARIABLE_PATTERN.exec(formatted.message);
    const field = nested?.[2] ?? whole?.[1];

    return {
      ...formatted,
      extensions: { ...extensions, reason: 'INVALID_VARIABLE', ...(field ? { field } : {}) },
    };
  }

  return formatted;
}
