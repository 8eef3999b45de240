import { GraphQLFieldResolver, GraphQLSchema, isObjectType } from 'graphql';

const PRELOADED = Symbol('hilink.preloadedFields');

type WithPreloaded = { [PRELOADED]?: Record<string, unknown> };

/**
 * Stores a field value read with its parent, such as a session's room, so that the field is
 * resolved without its NestJS resolver and that resolver's chain of pipes and promises.
 */
export function setPreloadedField(object: object, field: string, value: unknown): void {
  const target = object as WithPreloaded;
  (target[PRELOADED] ??= {})[field] = value;
}

/**
 * Wraps every field resolver so that a value stored with setPreloadedField wins. Skipping the
 * resolver changes no behaviour because field resolvers run no guards or interceptors here
 * (`fieldResolverEnhancers` is unset).
 */
export function resolvePreloadedFields(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) {
      continue;
    }
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (resolve === undefined) {
        continue;
      }
      const name = field.name;
      const wrapped: GraphQLFieldResolver<unknown, unknown> = (source, args, context, info) => {
        const preloaded = (source as WithPreloaded | null)?.[PRELOADED];
        if (preloaded !== undefined && name in preloaded) {
          return preloaded[name];
        }

        return resolve(source, args, context, info);
      };
      field.resolve = wrapped;
    }
  }

  return schema;
}
