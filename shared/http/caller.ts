import { type Group, isGroup } from '../domain/roles.ts';

/** The signed-in person behind a request, as the JWT authorizer describes them. */
export interface Caller {
  sub: string;
  email?: string;
  /** Present (true) only when the token says Cognito verified the email: invitations trust only that. */
  emailVerified?: true;
  groups: Group[];
}

/**
 * Reads `cognito:groups` in every form it arrives in. The HttpApi JWT authorizer flattens arrays to a
 * string like "[applicant reviewer]"; a direct invocation (tests, other integrations) passes an array;
 * some tools pass a JSON array string.
 */
export function parseGroups(raw: unknown): Group[] {
  let names: string[] = [];
  if (Array.isArray(raw)) {
    names = raw.map(String);
  } else if (typeof raw === 'string') {
    const text = raw.trim();
    if (text.startsWith('[') && text.includes('"')) {
      try {
        const parsed: unknown = JSON.parse(text);
        if (Array.isArray(parsed)) names = parsed.map(String);
      } catch {
        names = [];
      }
    } else {
      names = text
        .replace(/^\[/, '')
        .replace(/\]$/, '')
        .split(/[\s,]+/)
        .filter(Boolean);
    }
  }
  return [...new Set(names.filter(isGroup))];
}

/** Builds the caller from authorizer claims; undefined when the route had no authorizer or no subject. */
export function callerFromClaims(claims: Record<string, unknown> | undefined): Caller | undefined {
  const sub = claims?.sub;
  if (typeof sub !== 'string' || sub === '') return undefined;
  const email = typeof claims?.email === 'string' ? claims.email : undefined;
  // The HttpApi authorizer passes every claim as a string ("true"); a direct invocation may pass a boolean.
  const verified = claims?.email_verified === true || claims?.email_verified === 'true';
  return {
    sub,
    ...(email ? { email } : {}),
    ...(email && verified ? { emailVerified: true as const } : {}),
    groups: parseGroups(claims?.['cognito:groups']),
  };
}
