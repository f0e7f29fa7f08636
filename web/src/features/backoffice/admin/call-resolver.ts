import { type FieldErrors, get, type Resolver, set } from 'react-hook-form';
import { type Call, CallDefinition } from '#shared/api/schemas/call.schema.ts';
import { callRuleViolations, lockedChanges } from '#shared/domain/call-rules.ts';
import { localizedResolver } from '../../../forms/zod-form.ts';
import { adminCalls } from '../../../i18n/admin.ts';
import type { Language } from '../../../i18n/messages.ts';
import { type CallFormValues, formPathOf, type InputProblem, toCallDefinition } from './call-form-model.ts';

export interface CallResolverContext {
  /** The language messages are written in. */
  ui(): Language;
  /** The language the amounts in the form are written in. */
  format(): Language;
  /** Editing: the stored call, and whether applications have frozen its terms. */
  editing(): { original: Call; locked: boolean } | undefined;
}

/**
 * react-hook-form validation of the call form with the API's own rules, in the browser: the typed values
 * are read into a definition (call-form-model.ts), the shared CallDefinition schema checks it
 * (localizedResolver), then the rules that relate its fields (callRuleViolations) and, for a call with
 * applications, the changes its frozen terms forbid (lockedChanges) — the functions the API runs. What
 * could not even be read gets its own message at the same path. Valid input yields the definition.
 */
export function callResolver(context: CallResolverContext): Resolver<CallFormValues, unknown, Call> {
  const schemaResolvers = {
    de: localizedResolver(CallDefinition, 'de'),
    en: localizedResolver(CallDefinition, 'en'),
  };
  return async (values, resolverContext, options) => {
    const language = context.ui();
    const t = adminCalls[language];
    const editing = context.editing();
    const { definition, inputErrors } = toCallDefinition(values, context.format(), editing?.original);
    const result = await schemaResolvers[language](definition as never, resolverContext, options as never);
    const errors: FieldErrors<CallFormValues> = {};
    // Schema errors at the form's paths (ids are shown at their labels).
    for (const [path, message] of flatten(result.errors as FieldErrors)) {
      set(errors, formPathOf(path), { type: 'schema', message });
    }
    if (Object.keys(errors).length === 0 && inputErrors.length === 0) {
      const call = result.values as unknown as Call;
      for (const violation of callRuleViolations(call)) {
        set(errors, formPathOf(violation.path), { type: 'rule', message: violation.message[language] });
      }
      if (editing?.locked) {
        for (const path of lockedChanges(editing.original, call)) {
          const message =
            path === 'closesAt'
              ? t.deadlineOnlyLater
              : path === 'budgetCents'
                ? t.budgetOnlyHigher
                : t.lockedChange;
          set(errors, formPathOf(path), { type: 'locked', message });
        }
      }
      if (Object.keys(errors).length === 0) return { values: call, errors: {} };
    } else {
      // Other fields are still wrong, but the rules relating the ones given are told now, not after the
      // next round (missing values stand in as ones that break no rule).
      let violations: ReturnType<typeof callRuleViolations> = [];
      try {
        violations = callRuleViolations(withNeutralValues(definition));
      } catch {
        // A malformed date the schema already names: nothing more to say about its relations.
      }
      for (const violation of violations) {
        const path = formPathOf(violation.path);
        if (!get(errors, path)) set(errors, path, { type: 'rule', message: violation.message[language] });
      }
    }
    for (const { path, problem } of inputErrors) {
      set(errors, path, { type: 'input', message: inputProblemMessage(problem, language) });
    }
    return { values: {}, errors };
  };
}

/** Nested react-hook-form errors as (dotted path, message) pairs; a list's own error (`rubric`) too. */
export function flatten(errors: FieldErrors, prefix = ''): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [key, value] of Object.entries(errors ?? {})) {
    // An error's own members (its control, its type, all its messages) are not nested fields.
    if (!value || typeof value !== 'object' || ['ref', 'types', 'type', 'message'].includes(key)) continue;
    const path = prefix ? `${prefix}.${key}` : key;
    const message = (value as { message?: unknown }).message;
    if (typeof message === 'string') pairs.push([path, message]);
    // Nested fields; react-hook-form keeps a list's own error under `root` as well.
    for (const [childPath, childMessage] of flatten(value as FieldErrors, path)) {
      pairs.push([childPath.replace(/\.root$/, ''), childMessage]);
    }
  }
  return pairs;
}

/** What to say about input that cannot be read. */
export function inputProblemMessage(problem: InputProblem, language: Language): string {
  const t = adminCalls[language];
  switch (problem.kind) {
    case 'whole-number':
      return t.wholeNumber;
    case 'date-time':
      return t.dateTime;
    case 'percent':
      if (problem.problem === 'decimals') return t.amountDecimals;
      if (problem.problem === 'format') return t.percentFormat;
      return t.percentRange;
    default:
      if (problem.problem === 'decimals') return t.amountDecimals;
      if (problem.problem === 'negative') return t.amountNegative;
      if (problem.problem === 'too-large') return t.amountTooLarge;
      return t.amountFormat;
  }
}

/**
 * A partly filled definition completed with values that break none of the call rules (the widest dates,
 * no rates, one month), so callRuleViolations can judge the fields that are given.
 */
function withNeutralValues(definition: Record<string, unknown>): Call {
  const period = (definition.projectPeriod ?? {}) as Record<string, unknown>;
  const rules = (definition.rules ?? {}) as Record<string, unknown>;
  const list = (value: unknown) => (Array.isArray(value) ? value : []);
  return {
    ...(definition as unknown as Call),
    opensAt: (definition.opensAt as string | undefined) ?? '1970-01-01T00:00:00Z',
    closesAt: (definition.closesAt as string | undefined) ?? '9999-12-31T23:59:59Z',
    projectPeriod: {
      earliestStart: (period.earliestStart as string | undefined) ?? '2000-01-01',
      latestEnd: (period.latestEnd as string | undefined) ?? '2999-12-31',
      maxMonths: (period.maxMonths as number | undefined) ?? 1,
    },
    rules: {
      maxGrantCents: (rules.maxGrantCents as number | undefined) ?? 0,
      maxFundingRateBps: (rules.maxFundingRateBps as number | undefined) ?? 0,
      minOwnShareBps: (rules.minOwnShareBps as number | undefined) ?? 0,
      adminFlatRateBps: (rules.adminFlatRateBps as number | undefined) ?? 0,
    },
    rubric: list(definition.rubric),
    requiredDocuments: list(definition.requiredDocuments),
  };
}
