import { useCallback, useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { OrganisationProfile, OrganisationView } from '#shared/api/schemas/organisation.schema.ts';
import { LEGAL_FORM_NAMES } from '#shared/domain/finance-rules.ts';
import { api } from '../api.ts';
import { ErrorSummary } from '../components/error-summary.tsx';
import { announce } from '../components/live-region.tsx';
import { Page } from '../components/page.tsx';
import {
  applyServerErrors,
  emptyProfileValues,
  ProfileFields,
  ProfileForm,
  type ProfileFormValues,
  profileSummaryErrors,
} from '../features/organisations/profile-form.tsx';
import { localizedResolver } from '../forms/zod-form.ts';
import { common } from '../i18n/common.ts';
import { useLanguage } from '../i18n/language.tsx';
import { organisations } from '../i18n/organisations.ts';

const PREFIX = 'organisation';

type Load = { state: 'loading' } | { state: 'failed' } | { state: 'loaded'; items: OrganisationView[] };

/** A path of the portal to continue with after creating (e.g. starting an application), else none. */
function portalPath(value: string | null): string | undefined {
  return value?.startsWith('/') && !value.startsWith('//') ? value : undefined;
}

/**
 * /organisations: the caller's organisations (GET /api/organisations), each linking to its profile page,
 * and creating one (POST) with as much of the profile as is known — only name and legal form are needed.
 * `?next=/path` (from "Antrag stellen") goes on there once the organisation exists.
 */
export function OrganisationsPage() {
  const { language } = useLanguage();
  const t = organisations[language];
  const c = common[language];
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = portalPath(params.get('next'));
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [formErrors, setFormErrors] = useState<string[]>([]);
  // Bumped when the server refuses, so the error summary takes focus then too (not only on submit).
  const [refusals, setRefusals] = useState(0);

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

  const form = useForm<ProfileFormValues, unknown, OrganisationProfile>({
    resolver: localizedResolver(ProfileForm, language),
    shouldFocusError: false,
    defaultValues: emptyProfileValues(),
  });
  const { errors, isSubmitting, submitCount } = form.formState;

  const submit = form.handleSubmit(async (profile) => {
    setFormErrors([]);
    try {
      const { body } = await api<OrganisationView>('POST', '/api/organisations', { body: profile });
      announce(t.created(body.legalName));
      form.reset(emptyProfileValues());
      if (next) {
        navigate(next);
        return;
      }
      await fetchOrganisations();
    } catch (error) {
      setFormErrors(applyServerErrors(form, error, language, t.saveFailed, c.networkError));
      setRefusals((count) => count + 1);
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
              <h2>
                <Link to={`/organisations/${organisation.id}`}>{organisation.legalName}</Link>
              </h2>
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
      {next && load.state === 'loaded' && load.items.length > 0 ? (
        <p>
          <Link to={next}>{t.continueApplying}</Link>
        </p>
      ) : null}

      <h2>{t.createHeading}</h2>
      <p>{t.createIntro}</p>
      <form onSubmit={submit} noValidate>
        <ErrorSummary
          errors={profileSummaryErrors(errors, PREFIX, formErrors)}
          submitCount={submitCount + refusals}
        />
        <ProfileFields form={form} prefix={PREFIX} language={language} />
        <button type="submit" className="button" disabled={isSubmitting}>
          {isSubmitting ? t.creating : t.create}
        </button>
      </form>
    </Page>
  );
}
