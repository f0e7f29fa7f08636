import type * as z from 'zod/mini';
import de from 'zod/v4/locales/de.js';
import en from 'zod/v4/locales/en.js';
import type { Language } from './language.ts';
import type { FieldError } from './problem.ts';

const errorMaps = { de: de().localeError, en: en().localeError };

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** Validates with a zod schema and reports every violation as a field error in the caller's language. */
export function validate<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
  language: Language,
  location: FieldError['in'] = 'body',
): ValidationResult<z.output<S>> {
  const result = schema.safeParse(input, { error: errorMaps[language] });
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issue.message,
      code: issue.code,
      in: location,
    })),
  };
}
