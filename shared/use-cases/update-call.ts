import { CallDefinition } from '../api/schemas/call.schema.ts';
import { type CallRecord, callDefinitionOf } from '../domain/call.ts';
import { callChanges, callRuleViolations, lockedChanges } from '../domain/call-rules.ts';
import type { Clock } from '../domain/clock.ts';
import {
  ConcurrentChangeError,
  ConflictError,
  NotFoundError,
  type RuleViolation,
  RuleViolationError,
  SchemaViolationError,
  StaleVersionError,
} from '../domain/errors.ts';
import { applyMergePatch } from '../domain/merge-patch.ts';
import type { CallRecordRepository } from '../ports/call-repository.ts';

/**
 * An admin changes a call (JSON merge patch on its definition).
 * Primary course:
 * 1. The call exists (else 404) and the admin edited the stored version (If-Match; else 412, nothing
 *    written).
 * 2. The patched definition fits the call schema (422 naming the fields), keeps its id, and keeps the
 *    rules relating its fields (call-rules.ts; 422).
 * 3. Once anyone has applied in the call, only the changes `lockedChanges` allows go through (a later
 *    deadline, display texts, a larger budget); anything else is 409 naming the locked fields.
 * 4. The new definition and version are written on the condition that the version is still the one
 *    edited and, when locked fields change, that the application count is still 0. That condition, not
 *    step 3, is what holds against a draft created meanwhile: draft creation increments the count in
 *    the same transaction that stores the draft, so either the draft or the rule change comes first.
 *    A failed condition is read again and answered 412 (someone saved) or 409 (someone applied).
 * A patch that changes nothing writes nothing and answers the stored call.
 */
export async function updateCall(
  deps: { calls: Pick<CallRecordRepository, 'find' | 'update'>; clock: Clock },
  actor: { sub: string },
  input: { callId: string; expectedVersion: number; patch: Record<string, unknown> },
): Promise<CallRecord> {
  const current = await deps.calls.find(input.callId);
  if (!current) throw new NotFoundError('call');
  if (current.version !== input.expectedVersion) throw new StaleVersionError(current.version);

  const before = callDefinitionOf(current);
  const merged = applyMergePatch(before, input.patch);
  const parsed = CallDefinition.safeParse(merged);
  if (!parsed.success) throw new SchemaViolationError(CallDefinition, merged);
  const after = parsed.data;

  const violations: RuleViolation[] = [];
  if (after.id !== input.callId) {
    violations.push({
      path: 'id',
      code: 'id-immutable',
      message: {
        de: 'Die Kennung eines Förderaufrufs kann nicht geändert werden.',
        en: 'The id of a call cannot be changed.',
      },
    });
  }
  violations.push(...callRuleViolations(after));
  if (violations.length > 0) throw new RuleViolationError(violations);

  if (callChanges(before, after).length === 0) return current;
  const locked = lockedChanges(before, after);
  if (locked.length > 0 && current.applicationCount > 0) throw rulesLocked(locked, current.applicationCount);

  const { applicationCount: _count, ...bookkeeping } = current;
  const next = {
    ...bookkeeping,
    ...after,
    version: current.version + 1,
    updatedAt: deps.clock.now().toISOString(),
    updatedBy: actor.sub,
  };
  try {
    return await deps.calls.update(next, {
      expectedVersion: current.version,
      onlyWithoutApplications: locked.length > 0,
    });
  } catch (error) {
    if (!(error instanceof ConcurrentChangeError)) throw error;
    const latest = await deps.calls.find(input.callId);
    if (!latest) throw new NotFoundError('call');
    if (latest.version !== current.version) throw new StaleVersionError(latest.version);
    if (latest.applicationCount > 0) throw rulesLocked(locked, latest.applicationCount);
    throw error;
  }
}

function rulesLocked(lockedFields: string[], applicationCount: number): ConflictError {
  const list = lockedFields.join(', ');
  return new ConflictError(
    {
      de: `Für diesen Förderaufruf gibt es bereits Anträge. Seine Bedingungen sind daher festgeschrieben: Die Frist kann nur verlängert, Titel und Beschreibung können angepasst und das Budget kann erhöht werden. Nicht mehr änderbar: ${list}.`,
      en: `This call has applications already, so its terms are fixed: the deadline can only be extended, title and summary can be edited and the budget can be increased. Locked: ${list}.`,
    },
    { lockedFields, applicationCount },
  );
}
