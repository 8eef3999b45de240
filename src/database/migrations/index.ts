import { Organizations1764800000000 } from './1764800000000-organizations';

/** Every migration, in the order it applies. */
export const MIGRATIONS = [Organizations1764800000000];
