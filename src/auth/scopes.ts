import { ApiScope } from '../common/request-context';

const IMPLIED: Record<ApiScope, ApiScope[]> = {
  admin: [
    'admin',
    'read',
    'write',
    'sessions:write',
    'transcripts:write',
    'recaps:write',
    'operations:read',
  ],
  write: ['read', 'write', 'sessions:write', 'transcripts:write', 'recaps:write'],
  read: ['read'],
  'sessions:write': ['read', 'sessions:write'],
  'transcripts:write': ['read', 'transcripts:write'],
  'recaps:write': ['read', 'recaps:write'],
  // Dashboards across instructors and students; a `read` key does not see them.
  'operations:read': ['operations:read'],
};

/** Checks whether granted scopes cover the required one. `admin` covers all, and `write` covers every write. */
export function hasScope(granted: ApiScope[], required: ApiScope): boolean {
  return granted.some((scope) => IMPLIED[scope]?.includes(required));
}
