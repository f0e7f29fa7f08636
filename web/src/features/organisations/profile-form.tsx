import { friendlyFormatIBAN } from 'ibantools';
import { type FieldError, type FieldErrors, get, type UseFormReturn } from 'react-hook-form';
import * as z from 'zod/mini';
import { LegalForm } from '#shared/api/schemas/call.schema.ts';
import { OrganisationProfile } from '#shared/api/schemas/organisation.schema.ts';
import { LEGAL_FORM_NAMES } from '#shared/domain/finance-rules.ts';
import { ApiError } from '../../api.ts';
import type { SummaryError } from '../../components/error-summary.tsx';
import { Field } from '../../components/field.tsx';
import { pickLanguage } from '../../forms/zod-form.ts';
import type { Language } from '../../i18n/messages.ts';
import { organisations } from '../../i18n/organisations.ts';

/**
 * The organisation profile as a form: every control holds a string (an empty one means "not given"),
 * and the shared OrganisationProfile schema — the one the API parses with — checks what they make, so the
 * IBAN checksum, register number and postal code rules run in the browser exactly as on the server.
 * Field names are the API's dotted paths (`address.postalCode`), so server field errors land on them.
 */
export interface ProfileFormValues {
  legalName: string;
  legalForm: string;
  register: { court: string; number: string };
  address: { street: string; postalCode: string; city: string };
  nonProfit: { recognised: '' | 'yes' | 'no'; exemptionNoticeDate: string };
  iban: string;
  bic: string;
  representative: { name: string; function: string };
  contactEmail: string;
}

/** The form with the profile as what a valid submit yields. */
export type ProfileFormApi = UseFormReturn<ProfileFormValues, unknown, OrganisationProfile>;

/** The error react-hook-form keeps for a (nested) field. */
export function errorAt(errors: FieldErrors<ProfileFormValues>, path: string): string | undefined {
  return (get(errors, path) as FieldError | undefined)?.message;
}

type Messages = (typeof organisations)['de'];

/** Every field in the page's order, with its label: for the error summary and the conflict table. */
export const PROFILE_FIELDS: readonly { path: string; label: keyof Messages }[] = [
  { path: 'legalName', label: 'legalName' },
  { path: 'legalForm', label: 'legalForm' },
  { path: 'register.court', label: 'registerCourt' },
  { path: 'register.number', label: 'registerNumber' },
  { path: 'address.street', label: 'street' },
  { path: 'address.postalCode', label: 'postalCode' },
  { path: 'address.city', label: 'city' },
  { path: 'nonProfit.recognised', label: 'recognised' },
  { path: 'nonProfit.exemptionNoticeDate', label: 'exemptionNoticeDate' },
  { path: 'iban', label: 'iban' },
  { path: 'bic', label: 'bic' },
  { path: 'representative.name', label: 'representativeName' },
  { path: 'representative.function', label: 'representativeFunction' },
  { path: 'contactEmail', label: 'contactEmail' },
];

export function emptyProfileValues(): ProfileFormValues {
  return {
    legalName: '',
    legalForm: '',
    register: { court: '', number: '' },
    address: { street: '', postalCode: '', city: '' },
    nonProfit: { recognised: '', exemptionNoticeDate: '' },
    iban: '',
    bic: '',
    representative: { name: '', function: '' },
    contactEmail: '',
  };
}

/** A saved profile in the form (the IBAN in groups of four, as people read it). */
export function valuesFromProfile(profile: OrganisationProfile): ProfileFormValues {
  const recognised = profile.nonProfit?.recognised;
  return {
    legalName: profile.legalName,
    legalForm: profile.legalForm,
    register: { court: profile.register?.court ?? '', number: profile.register?.number ?? '' },
    address: {
      street: profile.address?.street ?? '',
      postalCode: profile.address?.postalCode ?? '',
      city: profile.address?.city ?? '',
    },
    nonProfit: {
      recognised: recognised === undefined ? '' : recognised ? 'yes' : 'no',
      exemptionNoticeDate: profile.nonProfit?.exemptionNoticeDate ?? '',
    },
    iban: profile.iban ? (friendlyFormatIBAN(profile.iban) ?? profile.iban) : '',
    bic: profile.bic ?? '',
    representative: {
      name: profile.representative?.name ?? '',
      function: profile.representative?.function ?? '',
    },
    contactEmail: profile.contactEmail ?? '',
  };
}

const given = (value: string) => value.trim() !== '';

/** The fields that were filled in, or nothing when none was (an empty group is not sent at all). */
function group<T extends Record<string, string>>(values: T): Partial<T> | undefined {
  const entries = Object.entries(values).filter(([, value]) => given(value));
  return entries.length > 0 ? (Object.fromEntries(entries) as Partial<T>) : undefined;
}

/** What the form's strings mean as a profile body (not yet validated: the schema does that). */
export function profileFromValues(values: ProfileFormValues): Record<string, unknown> {
  const { recognised, exemptionNoticeDate } = values.nonProfit;
  const nonProfit =
    recognised || given(exemptionNoticeDate)
      ? {
          recognised: recognised === '' ? undefined : recognised === 'yes',
          ...(given(exemptionNoticeDate) ? { exemptionNoticeDate } : {}),
        }
      : undefined;
  const profile: Record<string, unknown> = {
    legalName: values.legalName,
    legalForm: values.legalForm,
    register: group(values.register),
    address: group(values.address),
    nonProfit,
    iban: given(values.iban) ? values.iban : undefined,
    bic: given(values.bic) ? values.bic : undefined,
    representative: group(values.representative),
    contactEmail: given(values.contactEmail) ? values.contactEmail : undefined,
  };
  for (const key of Object.keys(profile)) if (profile[key] === undefined) delete profile[key];
  return profile;
}

/** The form's schema: its strings turned into a profile, checked by the shared OrganisationProfile. */
export const ProfileForm = z.pipe(
  z.transform((values: ProfileFormValues) => profileFromValues(values)),
  OrganisationProfile,
);

/** The control id of a field: `${prefix}-address-postalCode`. */
export const fieldId = (prefix: string, path: string) => `${prefix}-${path.replace(/\./g, '-')}`;

/** The form's errors for its ErrorSummary, in the page's order (nested paths included). */
export function profileSummaryErrors(
  errors: FieldErrors<ProfileFormValues>,
  prefix: string,
  formErrors: readonly string[] = [],
): SummaryError[] {
  const list: SummaryError[] = formErrors.map((message) => ({ message }));
  for (const { path } of PROFILE_FIELDS) {
    const message = errorAt(errors, path);
    if (message) list.push({ fieldId: fieldId(prefix, path), message });
  }
  return list;
}

/**
 * A refusal from the API on the form: field errors on their fields (the API names them with the same
 * paths), anything else returned as messages for the whole form.
 */
export function applyServerErrors(
  form: ProfileFormApi,
  error: unknown,
  language: Language,
  fallback: string,
  networkError: string,
): string[] {
  if (!(error instanceof ApiError)) return [networkError];
  const known = new Set(PROFILE_FIELDS.map((field) => field.path));
  const rest: string[] = [];
  for (const { path, message } of error.problem.errors ?? []) {
    const text = pickLanguage(message, language);
    if (known.has(path)) form.setError(path as 'legalName', { message: text });
    else rest.push(text);
  }
  if ((error.problem.errors ?? []).length === 0) rest.push(error.problem.detail ?? fallback);
  return rest;
}

/** The profile's controls, grouped as the official form groups them. */
export function ProfileFields({
  form,
  prefix,
  language,
}: {
  form: ProfileFormApi;
  prefix: string;
  language: Language;
}) {
  const t = organisations[language];
  const { errors } = form.formState;
  const { register } = form;
  const id = (path: string) => fieldId(prefix, path);
  const error = (path: string) => errorAt(errors, path);

  return (
    <>
      <Field id={id('legalName')} label={t.legalName} error={error('legalName')} required>
        {(control) => <input {...control} autoComplete="organization" {...register('legalName')} />}
      </Field>
      <Field id={id('legalForm')} label={t.legalForm} error={error('legalForm')} required>
        {(control) => (
          <select {...control} {...register('legalForm')}>
            <option value="" disabled>
              {t.chooseLegalForm}
            </option>
            {LegalForm.options.map((legalForm) => (
              <option key={legalForm} value={legalForm}>
                {LEGAL_FORM_NAMES[legalForm][language]}
              </option>
            ))}
          </select>
        )}
      </Field>

      <fieldset className="fieldset" aria-describedby={`${prefix}-register-hint`}>
        <legend>{t.groupRegister}</legend>
        <p className="field__hint" id={`${prefix}-register-hint`}>
          {t.registerHint}
        </p>
        <Field
          id={id('register.court')}
          label={t.registerCourt}
          hint={t.registerCourtHint}
          error={error('register.court')}
        >
          {(control) => <input {...control} {...register('register.court')} />}
        </Field>
        <Field
          id={id('register.number')}
          label={t.registerNumber}
          hint={t.registerNumberHint}
          error={error('register.number')}
        >
          {(control) => <input {...control} className="input--short" {...register('register.number')} />}
        </Field>
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t.groupAddress}</legend>
        <Field id={id('address.street')} label={t.street} error={error('address.street')}>
          {(control) => <input {...control} autoComplete="street-address" {...register('address.street')} />}
        </Field>
        <Field id={id('address.postalCode')} label={t.postalCode} error={error('address.postalCode')}>
          {(control) => (
            <input
              {...control}
              className="input--short"
              inputMode="numeric"
              autoComplete="postal-code"
              {...register('address.postalCode')}
            />
          )}
        </Field>
        <Field id={id('address.city')} label={t.city} error={error('address.city')}>
          {(control) => <input {...control} autoComplete="address-level2" {...register('address.city')} />}
        </Field>
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t.groupNonProfit}</legend>
        <Field id={id('nonProfit.recognised')} label={t.recognised} error={error('nonProfit.recognised')}>
          {(control) => (
            <select {...control} {...register('nonProfit.recognised')}>
              <option value="">{t.recognisedUnset}</option>
              <option value="yes">{t.recognisedYes}</option>
              <option value="no">{t.recognisedNo}</option>
            </select>
          )}
        </Field>
        <Field
          id={id('nonProfit.exemptionNoticeDate')}
          label={t.exemptionNoticeDate}
          hint={t.exemptionNoticeDateHint}
          error={error('nonProfit.exemptionNoticeDate')}
        >
          {(control) => (
            <input
              {...control}
              type="date"
              className="input--short"
              {...register('nonProfit.exemptionNoticeDate')}
            />
          )}
        </Field>
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t.groupBank}</legend>
        <Field id={id('iban')} label={t.iban} hint={t.ibanHint} error={error('iban')}>
          {(control) => <input {...control} spellCheck={false} autoComplete="off" {...register('iban')} />}
        </Field>
        <Field id={id('bic')} label={t.bic} hint={t.bicHint} error={error('bic')}>
          {(control) => (
            <input
              {...control}
              className="input--short"
              spellCheck={false}
              autoComplete="off"
              {...register('bic')}
            />
          )}
        </Field>
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t.groupRepresentative}</legend>
        <Field
          id={id('representative.name')}
          label={t.representativeName}
          error={error('representative.name')}
        >
          {(control) => <input {...control} autoComplete="off" {...register('representative.name')} />}
        </Field>
        <Field
          id={id('representative.function')}
          label={t.representativeFunction}
          hint={t.representativeFunctionHint}
          error={error('representative.function')}
        >
          {(control) => <input {...control} {...register('representative.function')} />}
        </Field>
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t.groupContact}</legend>
        <Field
          id={id('contactEmail')}
          label={t.contactEmail}
          hint={t.contactEmailHint}
          error={error('contactEmail')}
        >
          {(control) => (
            <input {...control} type="email" autoComplete="email" {...register('contactEmail')} />
          )}
        </Field>
      </fieldset>
    </>
  );
}
