import { type FieldErrors, type Resolver, set } from 'react-hook-form';
import { DraftContent } from '#shared/api/schemas/draft.schema.ts';
import { formatEuro } from '../../format.ts';
import { localizedResolver } from '../../forms/zod-form.ts';
import { applicationForm } from '../../i18n/application-form.ts';
import type { Language } from '../../i18n/messages.ts';
import { type DraftFormValues, type InputProblem, toDraftContent } from './draft-form.ts';

/**
 * react-hook-form validation of the application form with the shared DraftContent schema: the typed
 * values are read into a draft (euros → cents, percent → basis points), the schema checks the draft
 * (localizedResolver, the same schema the API parses with), and what could not even be read gets its own
 * message at the same path. Field names are the draft's paths, so errors land on the right fields.
 */
export function draftResolver(languages: {
  /** The language messages are written in. */
  ui(): Language;
  /** The language the amounts in the form are written in. */
  format(): Language;
}): Resolver<DraftFormValues> {
  const schemaResolvers = {
    de: localizedResolver(DraftContent, 'de'),
    en: localizedResolver(DraftContent, 'en'),
  };
  return async (values, context, options) => {
    const language = languages.ui();
    const { content, inputErrors } = toDraftContent(values, languages.format());
    const result = await schemaResolvers[language](content, context, options as never);
    const errors = { ...(result.errors as FieldErrors<DraftFormValues>) };
    for (const { path, problem } of inputErrors) {
      set(errors, path, { type: 'input', message: inputProblemMessage(problem, language) });
    }
    if (Object.keys(errors).length === 0) return { values, errors: {} };
    return { values: {}, errors };
  };
}

/** What to say about input that cannot be read. */
export function inputProblemMessage(problem: InputProblem, language: Language): string {
  const t = applicationForm[language];
  if (problem.kind === 'whole-number') return t.wholeNumber;
  if (problem.kind === 'percent') {
    if (problem.problem === 'decimals') return t.amountDecimals;
    if (problem.problem === 'range' || problem.problem === 'negative' || problem.problem === 'too-large') {
      return t.percentRange;
    }
    return t.percentFormat;
  }
  switch (problem.problem) {
    case 'decimals':
      return t.amountDecimals;
    case 'negative':
      return t.amountNegative;
    case 'too-large':
      return t.amountTooLarge(formatEuro(problem.maxCents ?? 100_000_000_000, language));
    default:
      return t.amountFormat;
  }
}
