import { Organizations1764800000000 } from './1764800000000-organizations';
import { IdempotencyKeys1764800000500 } from './1764800000500-idempotency-keys';
import { PeopleAndCurricula1764800001000 } from './1764800001000-people-and-curricula';

/** Every migration, in the order it applies. */
export const MIGRATIONS = [
  Organizations1764800000000,
  IdempotencyKeys1764800000500,
  PeopleAndCurricula1764800001000,
];
