import { registerDecorator, ValidationOptions } from 'class-validator';

/**
 * A well-formed BCP 47 language tag: a 2-3 letter language, then optional script, region
 * and variant subtags (`en`, `es-419`, `pt-BR`, `zh-Hant-TW`). Private-use and grandfathered
 * tags are not accepted.
 */
const LANGUAGE_TAG_PATTERN =
  /^[a-z]{2,3}(-[a-z]{4})?(-([a-z]{2}|[0-9]{3}))?(-([a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*$/i;

/** Returns the canonical form of a language tag (`pt-br` becomes `pt-BR`), or undefined when it is invalid. */
export function canonicalLanguageTag(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 35 || !LANGUAGE_TAG_PATTERN.test(value)) {
    return undefined;
  }
  try {
    return Intl.getCanonicalLocales(value)[0];
  } catch {
    // Intl rejects tags the pattern lets through, such as repeated variants.
    return undefined;
  }
}

export function IsLanguageTag(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isLanguageTag',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: `${String(propertyName)} must be a BCP 47 language tag such as en, es or pt-BR`,
        ...options,
      },
      validator: { validate: (value: unknown) => canonicalLanguageTag(value) !== undefined },
    });
}
