import type { Call } from '../api/schemas/call.schema.ts';
import type { CallRecord } from '../domain/call.ts';
import { callRuleViolations } from '../domain/call-rules.ts';
import type { Clock } from '../domain/clock.ts';
import { ConflictError, RuleViolationError } from '../domain/errors.ts';
import type { CallRecordRepository } from '../ports/call-repository.ts';

/**
 * An admin publishes a new call.
 * Primary course:
 * 1. The definition keeps the rules that relate its fields (call-rules.ts); else 422 naming the fields.
 * 2. The call is stored as version 1 with who created it when, on the condition that its id is new
 *    (409 otherwise: ids appear in URLs and Aktenzeichen prefixes, so an existing call is never replaced).
 */
export async function createCall(
  deps: { calls: Pick<CallRecordRepository, 'create'>; clock: Clock },
  actor: { sub: string },
  definition: Call,
): Promise<CallRecord> {
  const violations = callRuleViolations(definition);
  if (violations.length > 0) throw new RuleViolationError(violations);

  const at = deps.clock.now().toISOString();
  const record = {
    ...definition,
    version: 1,
    createdAt: at,
    createdBy: actor.sub,
    updatedAt: at,
    updatedBy: actor.sub,
  };
  if (!(await deps.calls.create(record))) {
    throw new ConflictError(
      {
        de: `Einen Förderaufruf mit der Kennung „${definition.id}“ gibt es bereits.`,
        en: `A call with the id "${definition.id}" exists already.`,
      },
      { callId: definition.id },
    );
  }
  return { ...record, applicationCount: 0, committedCents: 0 };
}
