import * as z from 'zod/mini';
import { pickLanguage } from '../../../forms/zod-form.ts';
import { common } from '../../../i18n/common.ts';
import type { Language } from '../../../i18n/messages.ts';

/**
 * What the shared request schema (the one the API parses with) finds in a body the page built, by
 * dotted path, in the UI language: the first finding per path. Lengths get the portal's common texts;
 * the schemas' own messages ("Deutsch / English") are split.
 */
export function schemaErrors(
  schema: z.ZodMiniType,
  body: unknown,
  language: Language,
): Record<string, string> {
  const result = z.safeParse(schema, body);
  if (result.success) return {};
  const c = common[language];
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.join('.');
    if (errors[path]) continue;
    const origin = (issue as { origin?: string }).origin;
    if (issue.code === 'too_small' && origin === 'string') {
      const minimum = Number((issue as { minimum?: number | bigint }).minimum ?? 0);
      errors[path] = minimum <= 1 ? c.fieldRequired : c.tooShort(minimum);
    } else if (issue.code === 'too_big' && origin === 'string') {
      errors[path] = c.tooLong(Number((issue as { maximum?: number | bigint }).maximum ?? 0));
    } else if (issue.message.includes(' / ')) {
      errors[path] = pickLanguage(issue.message, language);
    } else {
      errors[path] = c.invalidValue;
    }
  }
  return errors;
}
