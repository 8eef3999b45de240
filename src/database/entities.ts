import { ApiKey } from '../organizations/api-key.entity';
import { Organization } from '../organizations/organization.entity';

/** Every TypeORM entity; the modules register their own repositories with forFeature. */
export const ENTITIES = [Organization, ApiKey];
