const BEARER_PATTERN = /^Bearer\s+(\S+)$/i;

/** Returns the credential of an `Authorization: Bearer <credential>` value, or undefined. */
export function bearerCredential(header: unknown): string | undefined {
  if (typeof header !== 'string') {
    return undefined;
  }

  return BEARER_PATTERN.exec(header)?.[1];
}
