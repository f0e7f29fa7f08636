import { useSyncExternalStore } from 'react';
import { WITHHELD_GROUPS_CLAIM, withheldGroupsFromClaim } from '#shared/domain/staff-mfa.ts';
import {
  initiateAuth,
  type NewPasswordRequiredError,
  refreshTokens,
  respondNewPassword,
  respondSoftwareTokenMfa,
  type SoftwareTokenMfaRequiredError,
  type Tokens,
} from './cognito.ts';

/**
 * Who is signed in. Tokens live in memory and in sessionStorage (so a reload keeps the session, a closed
 * tab ends it). A plain module store, because the API client needs it outside React; components read it
 * with useSession().
 *
 * When a request finds the session over, requestSignIn() opens the sign-in dialog over the current page
 * (SignInDialog in the shell) and resolves once the person has signed in again: the page stays mounted,
 * so whatever was typed is still there, and the request is retried.
 */

export interface SessionUser {
  sub: string;
  email: string;
  groups: string[];
  /** Staff groups the token generation withheld because no second factor is set up (AWS only). */
  withheldGroups: string[];
}

export interface Session {
  tokens: Tokens;
  user: SessionUser;
}

const STORAGE_KEY = 'foerderflow.session';
/** Refresh a little before the ID token expires, so a request in flight does not meet a dead token. */
const EXPIRY_MARGIN_MS = 60_000;

let session: Session | null = restore();
const listeners = new Set<() => void>();

function restore(): Session | null {
  try {
    const stored = globalThis.sessionStorage?.getItem(STORAGE_KEY);
    return stored ? toSession(JSON.parse(stored) as Tokens) : null;
  } catch {
    return null;
  }
}

/** The last signed-in address, kept after the session ends so the sign-in dialog can offer it again. */
let lastEmail = session?.user.email;
export function getLastEmail(): string | undefined {
  return lastEmail;
}

function setSession(next: Session | null): void {
  session = next;
  if (next) lastEmail = next.user.email;
  if (next) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next.tokens));
  else sessionStorage.removeItem(STORAGE_KEY);
  for (const listener of listeners) listener();
}

/** The ID token's claims (not verified here: the API gateway does that). */
function toSession(tokens: Tokens): Session {
  const [, payload = ''] = tokens.idToken.split('.');
  const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as {
    sub: string;
    email?: string;
    'cognito:groups'?: string[];
    [WITHHELD_GROUPS_CLAIM]?: string;
  };
  return {
    tokens,
    user: {
      sub: claims.sub,
      email: claims.email ?? '',
      groups: claims['cognito:groups'] ?? [],
      withheldGroups: withheldGroupsFromClaim(claims[WITHHELD_GROUPS_CLAIM]),
    },
  };
}

export function getSession(): Session | null {
  return session;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSession(): Session | null {
  return useSyncExternalStore(subscribe, getSession);
}

export async function signIn(email: string, password: string): Promise<void> {
  setSession(toSession(await initiateAuth(email, password)));
}

/** Completes a first sign-in with a temporary password by setting the person's own (see cognito.ts). */
export async function signInWithNewPassword(
  challenge: NewPasswordRequiredError,
  newPassword: string,
): Promise<void> {
  setSession(toSession(await respondNewPassword(challenge, newPassword)));
}

/** Completes a sign-in with the code from the person's authenticator app (see cognito.ts). */
export async function signInWithSoftwareToken(
  challenge: SoftwareTokenMfaRequiredError,
  code: string,
): Promise<void> {
  setSession(toSession(await respondSoftwareTokenMfa(challenge, code)));
}

export function signOut(): void {
  setSession(null);
}

let refreshing: Promise<boolean> | undefined;

/** Trades the refresh token for a new ID token; false when there is no session or it has run out. */
export function refreshSession(): Promise<boolean> {
  const current = session;
  if (!current) return Promise.resolve(false);
  // Requests that find the token expired at the same time share one refresh.
  refreshing ??= refreshTokens(current.tokens.refreshToken)
    .then((tokens) => {
      setSession(toSession(tokens));
      return true;
    })
    .catch(() => {
      setSession(null);
      return false;
    })
    .finally(() => {
      refreshing = undefined;
    });
  return refreshing;
}

/** A usable access token (for calls on the person's own account), refreshed first like the ID token. */
export async function validAccessToken(): Promise<string | undefined> {
  // A session stored before the portal kept the access token gets one from the refresh token.
  const stale = session && session.tokens.expiresAt - EXPIRY_MARGIN_MS < Date.now();
  if (session && (stale || !session.tokens.accessToken)) await refreshSession();
  return session?.tokens.accessToken;
}

/** A usable ID token, refreshed first if it is about to expire; undefined when signed out. */
export async function validIdToken(): Promise<string | undefined> {
  if (session && session.tokens.expiresAt - EXPIRY_MARGIN_MS < Date.now()) await refreshSession();
  return session?.tokens.idToken;
}

// --- the sign-in prompt over the current page ---------------------------------------------------------

export class SignInCancelledError extends Error {
  constructor() {
    super('sign-in was cancelled');
    this.name = 'SignInCancelledError';
  }
}

interface Prompt {
  promise: Promise<void>;
  settle(signedIn: boolean): void;
}
let prompt: Prompt | undefined;
const promptListeners = new Set<() => void>();

/** Opens the sign-in dialog (once, however many requests ask) and resolves when signed in again. */
export function requestSignIn(): Promise<void> {
  if (!prompt) {
    let settle: (signedIn: boolean) => void = () => {};
    const promise = new Promise<void>((resolve, reject) => {
      settle = (signedIn) => {
        prompt = undefined;
        for (const listener of promptListeners) listener();
        if (signedIn) resolve();
        else reject(new SignInCancelledError());
      };
    });
    prompt = { promise, settle };
    for (const listener of promptListeners) listener();
  }
  return prompt.promise;
}

/** For the dialog: whether a sign-in is asked for, and how to answer it. */
export function useSignInPrompt(): { open: boolean; settle(signedIn: boolean): void } {
  const open = useSyncExternalStore(
    (listener) => {
      promptListeners.add(listener);
      return () => promptListeners.delete(listener);
    },
    () => prompt !== undefined,
  );
  return { open, settle: (signedIn) => prompt?.settle(signedIn) };
}
