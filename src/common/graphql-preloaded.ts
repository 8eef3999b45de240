import { GraphQLFieldResolver, GraphQLSchema, isObjectType } from 'graphql';

const PRELOADED = Symbol('hilink.preloadedFields');

type WithPreloaded = { [PRELOADED]?: Record<string, unknown> };

/**
 * Records the value of an object's field that was read in the same statement as the object, such
 * as a session's room and participants. The schema transform below then resolves that field
 * with the value directly, without calling the field's resolver. A NestJS field resolver call
 * costs a chain of promises for its pipes and parameter decorators even when its DataLoader
 * already holds the value; on the `session` query with room and participants that was about a
 * tenth of the request's CPU time. Field resolvers run no guards or interceptors in HiLink
 * (`fieldResolverEnhancers` is not set), so skipping them changes no behaviour.
 */
export function setPreloadedField(object: object, field: string, value: unknown): void {
  const target = object as WithPreloaded;
  (target[PRELOADED] ??= {})[field] = value;
}

/** Wraps every field resolver of the schema so that it returns a value set with setPreloadedField first. */
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
