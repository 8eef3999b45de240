import { randomFillSync } from 'node:crypto';

/** Random bytes drawn in blocks, since one call per id costs more than the id itself. */
const pool = Buffer.alloc(10 * 512);
let offset = pool.length;

/**
 * Returns a version 7 UUID (RFC 9562): the Unix time in milliseconds, then 74 random bits. Ids
 * made later sort after earlier ones at millisecond resolution, so rows keyed by them are
 * appended at the end of a B-tree index instead of at random places in it.
 */
export function uuid7(now = Date.now()): string {
  if (offset === pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const random = pool.toString('hex', offset, offset + 10);
  offset += 10;
  const time = now.toString(16).padStart(12, '0');
  // The two high bits of the fourth group are the RFC 9562 variant, binary 10.
  const variant = (8 | (parseInt(random[3]!, 16) & 3)).toString(16);

  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(0, 3)}-${variant}${random.slice(4, 7)}-${random.slice(7, 19)}`;
}
