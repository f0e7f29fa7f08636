import type * as z from 'zod/mini';
import type { LocalizedText } from '../http/language.ts';

/**
 * Errors a use case raises for the caller's mistakes. They carry no HTTP; the handlers' error mapper
 * turns each into its problem+json answer.
 */
export class NotFoundError extends Error {
  constructor(what: string) {
    super(`${what} not found`);
    this.name = 'NotFoundError';
  }
}

export class ForbiddenError extends Error {
  /** Told to the caller when knowing why helps them (e.g. the four-eyes rule); else a generic 403. */
  readonly detail: LocalizedText | undefined;
  constructor(reason: string, detail?: LocalizedText) {
    super(reason);
    this.name = 'ForbiddenError';
    this.detail = detail;
  }
}

export interface RuleViolation {
  path: string;
  code: string;
  message: LocalizedText;
}

/** Input that is well-formed but breaks a rule of the domain (a closed call, an unknown call, …). */
export class RuleViolationError extends Error {
  readonly violations: RuleViolation[];
  constructor(violations: RuleViolation[]) {
    super(violations.map((v) => `${v.path}: ${v.code}`).join('; '));
    this.name = 'RuleViolationError';
    this.violations = violations;
  }
}

/** The action does not fit the current state (e.g. submitting what is already submitted): 409. */
export class ConflictError extends Error {
  readonly detail: LocalizedText;
  readonly extensions: Record<string, unknown>;
  constructor(detail: LocalizedText, extensions: Record<string, unknown> = {}) {
    super(detail.en);
    this.name = 'ConflictError';
    this.detail = detail;
    this.extensions = extensions;
  }
}

/** Someone else changed the record since it was read (optimistic lock): 409, or 412 with If-Match. */
export class ConcurrentChangeError extends Error {
  constructor() {
    super('the record was changed concurrently');
    this.name = 'ConcurrentChangeError';
  }
}

/**
 * The client edited an older version than the stored one (If-Match did not match): 412. Nothing was
 * written; the current version is attached so the client can merge and retry without losing input.
 */
export class StaleVersionError extends Error {
  readonly currentVersion: number;
  constructor(currentVersion: number) {
    super(`stale version; the current version is ${currentVersion}`);
    this.name = 'StaleVersionError';
    this.currentVersion = currentVersion;
  }
}

/**
 * An edit whose result does not fit the record's schema (e.g. a merge patch that removes a required
 * field or puts text where a number belongs): 422 with the field errors, in the caller's language.
 */
export class SchemaViolationError extends Error {
  readonly schema: z.ZodMiniType;
  readonly input: unknown;
  constructor(schema: z.ZodMiniType, input: unknown) {
    super('the edited record does not fit its schema');
    this.name = 'SchemaViolationError';
    this.schema = schema;
    this.input = input;
  }
}

/** A write found an answer already stored under its Idempotency-Key (a concurrent or earlier retry). */
export class IdempotencyKeyTakenError extends Error {
  constructor() {
    super('an answer is already stored under this idempotency key');
    this.name = 'IdempotencyKeyTakenError';
  }
}

/**
 * An approval the call's budget cannot cover: 409 with what remains. Nothing was reserved or changed.
 */
export class BudgetExceededError extends Error {
  readonly remainingCents: number;
  readonly requestedCents: number;
  constructor(remainingCents: number, requestedCents: number) {
    super(`the call's remaining budget (${remainingCents} cents) does not cover ${requestedCents} cents`);
    this.name = 'BudgetExceededError';
    this.remainingCents = remainingCents;
    this.requestedCents = requestedCents;
  }
}

/**
 * DynamoDB cancelled a transaction because another one touched the same item at the same moment
 * (TransactionConflict): nothing was written, and trying again is safe.
 */
export class TransactionConflictError extends ConcurrentChangeError {
  constructor() {
    super();
    this.message = 'a concurrent transaction touched the same item; nothing was written';
    this.name = 'TransactionConflictError';
  }
}
