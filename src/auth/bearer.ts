const BEARER_PATTERN = /^Bearer\s+(\S+)$/i;

/** Returns the credential of an `Authorization: Bearer <credential>` value, or undefined. */
export function bearerCredential(header: unknown): string | undefined {
  if (typeof header !== 'string') {
    return undefined;
  }

  return BEARER_PATTERN.exec(header)?.[1];
}

/**
 * Returns why `header` carries no bearer credential, for a value where bearerCredential
 * returned undefined. Each message fits the 123 bytes of a WebSocket close reason.
 */
export function missingBearerReason(header: unknown): string {
  const value = typeof header === 'string' ? header.trim() : '';
  if (value === '') {
    return 'Missing credentials: send "Authorization: Bearer <API key>".';
  }
  if (/^Bearer$/i.test(value)) {
    return 'The Authorization header has no key after "Bearer": send "Authorization: Bearer <API key>".';
  }
  if (/^hl[kp]_\S+$/.test(value)) {
    return 'The Authorization value lacks the Bearer scheme: send "Bearer <key>", not the key alone.';
  }

  return 'The Authorization header must use the Bearer scheme: send "Authorization: Bearer <API key>".';
}
