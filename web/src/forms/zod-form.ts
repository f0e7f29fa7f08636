import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type * as z from 'zod/mini';
import type { SummaryError } from '../components/error-summary.tsx';
import { common } from '../i18n/common.ts';
import type { Language } from '../i18n/messages.ts';

/**
 * react-hook-form validation with a zod schema — the same schemas the API parses with
 * (`#shared/api/schemas/*`), so a rule is written once. Messages come out in the chosen language:
 * the shared schemas' own messages are written "Deutsch / English" and are split here; zod's built-in
 * checks (too short, too long, …) get the portal's texts from the common dictionary.
 *
 *   const form = useForm({ resolver: localizedResolver(DraftContent, language) });
 */
export function localizedResolver<Input extends FieldValues, Output>(
  schema: z.ZodMiniType<Output, Input>,
  language: Language,
): Resolver<Input, unknown, Output> {
  const t = common[language];
  const resolver = zodResolver(schema as never, {
    // Used only where the schema gives no message of its own.
    error: (issue: z.core.$ZodRawIssue) => builtInMessage(issue, t),
  }) as unknown as Resolver<Input, unknown, Output>;
  return async (values, context, options) => {
    const result = await resolver(values, context, options);
    localizeMessages(result.errors as FieldErrors, language);
    return result;
  };
}

function builtInMessage(issue: z.core.$ZodRawIssue, t: (typeof common)['de']): string {
  // Nothing entered (or nothing chosen) says so, whatever check it failed.
  if (issue.input === undefined || issue.input === '') return t.fieldRequired;
  const origin = (issue as { origin?: string }).origin;
  if (issue.code === 'too_small') {
    const minimum = Number((issue as { minimum?: number | bigint }).minimum ?? 0);
    return origin === 'string' ? t.tooShort(minimum) : t.tooSmall(String(minimum));
  }
  if (issue.code === 'too_big') {
    const maximum = Number((issue as { maximum?: number | bigint }).maximum ?? 0);
    return origin === 'string' ? t.tooLong(maximum) : t.tooBig(String(maximum));
  }
  if (issue.code === 'invalid_format' && (issue as { format?: string }).format === 'email')
    return t.invalidEmail;
  return t.invalidValue;
}

/** "Deutsch / English" → the chosen half; other messages stay as they are. */
export function pickLanguage(message: string, language: Language): string {
  const parts = message.split(' / ');
  if (parts.length !== 2) return message;
  return (language === 'de' ? parts[0] : parts[1]) ?? message;
}

function localizeMessages(errors: FieldErrors, language: Language): void {
  for (const error of Object.values(errors)) {
    if (!error || typeof error !== 'object') continue;
    if (typeof error.message === 'string') error.message = pickLanguage(error.message, language);
    else localizeMessages(error as FieldErrors, language);
  }
}

/**
 * A form's errors for its ErrorSummary, in the order of `fields` (the page's field order), each linking
 * to the control whose id `idOf(name)` gives.
 */
export function summaryErrors(
  errors: FieldErrors,
  fields: readonly string[],
  idOf: (name: string) => string,
  formError?: string,
): SummaryError[] {
  const list: SummaryError[] = [];
  if (formError) list.push({ message: formError });
  for (const name of fields) {
    const message = errors[name]?.message;
    if (typeof message === 'string') list.push({ fieldId: idOf(name), message });
  }
  return list;
}
