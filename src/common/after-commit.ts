import { Logger } from '@nestjs/common';

/**
 * Runs the listeners that other modules registered for a change that has committed. A failing
 * listener is logged with `ids` and the others still run, because the change is already stored.
 */
export async function runAfterCommit<A extends unknown[]>(
  listeners: readonly ((...args: A) => Promise<void>)[],
  args: A,
  logger: Logger,
  ids: Record<string, unknown>,
  message: string,
): Promise<void> {
  for (const listener of listeners) {
    try {
      await listener(...args);
    } catch (error) {
      logger.error({ err: error, ...ids }, message);
    }
  }
}
