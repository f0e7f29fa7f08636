import { useCallback, useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import * as z from 'zod/mini';
import { LegalForm } from '#shared/api/schemas/call.schema.ts';
import { OrganisationProfile, type OrganisationView } from '#shared/api/schemas/organisation.schema.ts';
import { LEGAL_FORM_NAMES } from '#shared/domain/finance-rules.ts';
import { ApiError, api } from '../api.ts';
import { ErrorSummary } from '../components/error-summary.tsx';
import { Field } from '../components/field.tsx';
import { announce } from '../components/live-region.tsx';
import { Page } from '../components/page.tsx';
import { localizedResolver, summaryErrors } from '../forms/zod-form.ts';
import { common } from '../i18n/common.ts';
import { useLanguage } from '../i18n/language.tsx';
import { organisations } from '../i18n/organisations.ts';

/** What creating takes: the profile's name and legal form; the rest is filled in on the profile page. */
const NewOrganisation = z.pick(OrganisationProfile, { legalName: true, legalForm: true });
type NewOrganisation = z.infer<typeof NewOrganisation>;
const FIELDS = ['legalName', 'legalForm'] as const;
const idOf = (name: string) => `organisation-${name}`;

type Load = { state: 'loading' } | { state: 'failed' } | { state: 'loaded'; items: OrganisationView[] };

/** /organisations: the caller's organisations (GET /api/organisations) and creating one (POST). */
export function OrganisationsPage() {
  const { language } = useLanguage();
  const t = organisations[language];
  const c = common[language];
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [formError, setFormError] = useState<string>();

  const fetchOrganisations = useCallback(async () => {
    try {
      const { body } = await api<{ items: OrganisationView[] }>('GET', '/api/organisations');
      setLoad({ state: 'loaded', items: body.items });
    } catch {
      setLoad({ state: 'failed' });
    }
  }, []);
  useEffect(() => {
    void fetchOrganisations();
  }, [fetchOrganisations]);

  const form = useForm<NewOrganisation>({
    resolver: localizedResolver(NewOrganisation, language),
    shouldFocusError: false,
    defaultValues: { legalName: '' },
  });
  const { errors, isSubmitting, submitCount } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    try {
      const { body } = await api<OrganisationView>('POST', '/api/organisations', { body: values });
      announce(t.created(body.legalName));
      form.reset();
      await fetchOrganisations();
    } catch (error) {
      if (error instanceof ApiError && error.problem.errors?.length) {
        for (const [path, message] of Object.entries(error.fieldErrors)) {
          if ((FIELDS as readonly string[]).includes(path))
            form.setError(path as keyof NewOrganisation, { message });
          else setFormError(message);
        }
      } else {
        setFormError(error instanceof ApiError ? (error.problem.detail ?? t.saveFailed) : c.networkError);
      }
    }
  });

  return (
    <Page title={t.title}>
      <p>{t.intro}</p>
      {load.state === 'loading' ? <p aria-busy="true">{c.loading}</p> : null}
      {load.state === 'failed' ? (
        <p className="notice notice--error" role="alert">
          {t.loadFailed}
        </p>
      ) : null}
      {load.state === 'loaded' && load.items.length === 0 ? <p>{t.empty}</p> : null}
      {load.state === 'loaded' && load.items.length > 0 ? (
        <ul className="card-list">
          {load.items.map((organisation) => (
            <li key={organisation.id} className="card">
              <h2>{organisation.legalName}</h2>
              <p>
                {LEGAL_FORM_NAMES[organisation.legalForm][language]} ·{' '}
                {organisation.role === 'owner' ? t.owner : t.member}
              </p>
              <p>
                {organisation.profileGaps.length > 0
                  ? t.profileIncomplete(organisation.profileGaps.length)
                  : t.profileComplete}
              </p>
            </li>
          ))}
        </ul>
      ) : null}

      <h2>{t.createHeading}</h2>
      <p>{t.createIntro}</p>
      <form onSubmit={submit} noValidate>
        <ErrorSummary errors={summaryErrors(errors, FIELDS, idOf, formError)} submitCount={submitCount} />
        <Field id={idOf('legalName')} label={t.legalName} error={errors.legalName?.message} required>
          {(control) => <input {...control} autoComplete="organization" {...form.register('legalName')} />}
        </Field>
        <Field id={idOf('legalForm')} label={t.legalForm} error={errors.legalForm?.message} required>
          {(control) => (
            <select {...control} defaultValue="" {...form.register('legalForm')}>
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
        <button type="submit" className="button" disabled={isSubmitting}>
          {isSubmitting ? t.creating : t.create}
        </button>
      </form>
    </Page>
  );
}
