/** The scopes an API key may carry. `admin` implies every other scope. */
export const API_SCOPES = [
  'admin',
  'read',
  'write',
  'sessions:write',
  'transcripts:write',
  'recaps:write',
  'operations:read',
] as const;

export type ApiScope = (typeof API_SCOPES)[number];

/** Who is calling, for which organization: passed explicitly into every service call. */
export interface RequestContext {
  organizationId: string;
  requestId: string;
  actor:
    | { kind: 'api_key'; apiKeyId: string; scopes: ApiScope[] }
    | {
        kind: 'participant';
        participantId: string;
        sessionId: string;
        identity: string;
        /** The participant's role in the session: `instructor`, `student` or `observer`. */
        role: string;
      }
    | { kind: 'system' };
}

/** A context for background work done on behalf of an organization. */
export function systemContext(organizationId: string, requestId = 'system'): RequestContext {
  return { organizationId, requestId, actor: { kind: 'system' } };
}
