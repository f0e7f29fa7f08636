import { ProblemError } from './problem.ts';

/**
 * The version a client edited, from `If-Match: "<version>"` (the ETag it was given). Required on every
 * update, so an edit can never silently overwrite a newer one: missing is 428, unreadable is 412 (it
 * matches no version we ever issued).
 */
export function versionFromIfMatch(headers: Readonly<Record<string, string | undefined>>): number {
  const raw = headers['if-match'];
  if (raw === undefined || raw.trim() === '') throw new ProblemError(428);
  const match = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(raw);
  if (!match?.[1]) throw new ProblemError(412);
  return Number(match[1]);
}

/** The ETag of a versioned record. */
export const etagOf = (version: number) => `"${version}"`;
