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

/** Fields that may carry a preloaded value, by GraphQL type name. */
const preloadableFields = new Map<string, Set<string>>();

/** Declares fields of a GraphQL type that setPreloadedField may fill, before the schema is built. */
export function declarePreloadableFields(typeName: string, ...fields: string[]): void {
  const known = preloadableFields.get(typeName) ?? new Set<string>();
  fields.forEach((field) => known.add(field));
  preloadableFields.set(typeName, known);
}

/**
 * Wraps the resolvers of the declared fields so that a value stored with setPreloadedField wins.
 * Skipping the resolver changes no behaviour because field resolvers run no guards or
 * interceptors here (`fieldResolverEnhancers` is unset).
 */
export function resolvePreloadedFields(schema: GraphQLSchema): GraphQLSchema {
  for (const [typeName, fieldNames] of preloadableFields) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) {
      throw new Error(`The preloadable fields of ${typeName} need an object type of that name.`);
    }
    const fields = type.getFields();
    for (const name of fieldNames) {
      const field = fields[name];
      const resolve = field?.resolve;
      if (resolve === undefined) {
        throw new Error(`${typeName}.${name} was declared preloadable but has no resolver.`);
      }
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
