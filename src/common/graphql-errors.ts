import { GraphQLEnumType, GraphQLSchema, type GraphQLFormattedError } from 'graphql';

/** Apollo's codes for a query that does not parse or does not fit the schema. */
const QUERY_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED']);

/** graphql-js names the variable and, for a nested value, its path: `at "input.events[3].type"`. */
const VARIABLE_PATTERN = /^Variable "\$(\w+)" got invalid value .*? at "([^"]+)"/;
const WHOLE_VARIABLE_PATTERN = /^Variable "\$(\w+)"/;

/** graphql-js's message for an enum value that the schema does not define. */
const UNKNOWN_ENUM_VALUE = /Value "[^"]*" does not exist in "(\w+)" enum\./;

/** The values of each enum type of the served schema, for the message about an unknown one. */
const enumValues = new Map<string, string[]>();

/** Keeps the enum values of the schema that the server serves, and returns the schema. */
export function rememberEnumValues(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (type instanceof GraphQLEnumType && !type.name.startsWith('__')) {
      enumValues.set(
        type.name,
        type.getValues().map((value) => value.name),
      );
    }
  }

  return schema;
}

/** Appends the allowed values to graphql-js's message about an unknown enum value. */
function withEnumValues(message: string): string {
  const match = UNKNOWN_ENUM_VALUE.exec(message);
  const values = match ? enumValues.get(match[1]!) : undefined;

  return values ? `${message} Expected one of: ${values.join(', ')}.` : message;
}

/**
 * Formats the errors that Apollo and graphql-js raise before any resolver runs like HiLink's
 * own: the code BAD_USER_INPUT, a reason, and the field when the message names one. Errors
 * that already carry a reason pass unchanged.
 */
export function formatGraphQLError(error: GraphQLFormattedError): GraphQLFormattedError {
  const extensions = error.extensions ?? {};
  if (extensions.reason !== undefined) {
    return error;
  }
  const formatted = { ...error, message: withEnumValues(error.message) };
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
