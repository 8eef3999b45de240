import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

type TargetLookup = (
  targetConstructor: (...args: unknown[]) => unknown,
  targetSchema: string,
  always: boolean,
  strictGroups: boolean,
  groups?: string[],
) => ValidationMetadata[];

let installed = false;

/**
 * Caches class-validator's per-class rule lookup, which scans every decorated class on each
 * `validate` call (about 13 µs per join request in a CPU profile). Adding a rule clears the cache.
 */
export function cacheValidationMetadata(): void {
  if (installed) {
    return;
  }
  installed = true;
  const storage = getMetadataStorage() as unknown as {
    getTargetValidationMetadatas: TargetLookup;
    addValidationMetadata: (metadata: ValidationMetadata) => void;
  };
  const lookup = storage.getTargetValidationMetadatas.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  const cache = new Map<unknown, Map<string, ValidationMetadata[]>>();
  storage.addValidationMetadata = (metadata) => {
    cache.clear();
    add(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0000') ?? ''}`;
    let byOptions = cache.get(target);
    if (byOptions === undefined) {
      byOptions = new Map();
      cache.set(target, byOptions);
    }
    let metadatas = byOptions.get(key);
    if (metadatas === undefined) {
      metadatas = lookup(target, schema, always, strictGroups, groups);
      byOptions.set(key, metadatas);
    }

    return metadatas;
  };
}
