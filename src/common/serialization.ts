import { instanceToPlain, TransformationType } from 'class-transformer';
import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';
import { FastifyReply, FastifyRequest } from 'fastify';

// The registry that class-transformer's decorators write to. The package exports its type
// but not the instance from its main entry, so the instance comes from its CommonJS build.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: MetadataStorage;
};

type ClassType = Parameters<MetadataStorage['getStrategy']>[0];

/** Whether each class has `@Exclude`, `@Expose` or a class-wide strategy, cached because metadata is fixed after boot. */
const classRules = new Map<ClassType, boolean>();
/** Whether a class has a `@Transform` for instance-to-plain on a property, cached by class and property. */
const propertyRules = new Map<ClassType, Map<string, boolean>>();

function hasClassRules(type: ClassType): boolean {
  let found = classRules.get(type);
  if (found === undefined) {
    found =
      defaultMetadataStorage.getStrategy(type) !== 'none' ||
      defaultMetadataStorage.getExcludedMetadatas(type).length > 0 ||
      defaultMetadataStorage.getExposedMetadatas(type).length > 0;
    classRules.set(type, found);
  }

  return found;
}

function hasPropertyRule(type: ClassType, property: string): boolean {
  let properties = propertyRules.get(type);
  if (!properties) {
    properties = new Map();
    propertyRules.set(type, properties);
  }
  let found = properties.get(property);
  if (found === undefined) {
    found =
      defaultMetadataStorage.findTransformMetadatas(
        type,
        property,
        TransformationType.CLASS_TO_PLAIN,
      ).length > 0;
    properties.set(property, found);
  }

  return found;
}

/**
 * Returns whether instanceToPlain could change what JSON.stringify writes for `value`: some
 * object in it has class-transformer rules, or is a Map or Set, which instanceToPlain turns
 * into an object and an array. Dates and plain values serialize the same either way.
 */
function needsClassTransformer(value: unknown): boolean {
  if (
    typeof value !== 'object' ||
    value === null ||
    value instanceof Date ||
    Buffer.isBuffer(value)
  ) {
    return false;
  }
  if (value instanceof Map || value instanceof Set) {
    return true;
  }
  if (Array.isArray(value)) {
    return value.some(needsClassTransformer);
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  const type = prototype === Object.prototype || prototype === null ? undefined : value.constructor;
  if (type && hasClassRules(type)) {
    return true;
  }
  for (const [property, child] of Object.entries(value)) {
    if ((type && hasPropertyRule(type, property)) || needsClassTransformer(child)) {
      return true;
    }
  }

  return false;
}

/**
 * Converts a REST response body to plain JSON with class-transformer, so entity fields marked
 * `@Exclude()` (key hashes, job payloads, locks) are never sent. It does what NestJS's
 * ClassSerializerInterceptor does, as a Fastify preSerialization hook: Fastify calls it only
 * for object bodies, and routes pay no interceptor chain. Bodies in which no object has
 * class-transformer rules are sent as they are, because instanceToPlain would copy them
 * unchanged at a high cost. GraphQL responses are strings by then and pass unchanged,
 * because the GraphQL schema already limits their fields.
 */
export function serializeResponse(
  _request: FastifyRequest,
  _reply: FastifyReply,
  payload: unknown,
  done: (error: Error | null, payload: unknown) => void,
): void {
  if (!needsClassTransformer(payload)) {
    done(null, payload);

    return;
  }
  const plain = Array.isArray(payload)
    ? payload.map((item: unknown) => instanceToPlain(item))
    : instanceToPlain(payload);
  done(null, plain);
}
