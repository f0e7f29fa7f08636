import { useEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useNavigate, useSearchParams } from 'react-router';
import * as z from 'zod/mini';
import { type ApplicationView, CreateDraftBody } from '#shared/api/schemas/application.schema.ts';
import type { CallView } from '#shared/api/schemas/call.schema.ts';
import type { OrganisationView } from '#shared/api/schemas/organisation.schema.ts';
import { checkDraft, LEGAL_FORM_NAMES } from '#shared/domain/finance-rules.ts';
import { ApiError, api } from '../api.ts';
import { ErrorSummary } from '../components/error-summary.tsx';
import { Field } from '../components/field.tsx';
import { announce } from '../components/live-region.tsx';
import { Page } from '../components/page.tsx';
import { formatDateTime } from '../format.ts';
import { localizedResolver, pickLanguage, summaryErrors } from '../forms/zod-form.ts';
import { common } from '../i18n/common.ts';
import { useLanguage } from '../i18n/language.tsx';
import type { Language } from '../i18n/messages.ts';
import { myApplications } from '../i18n/my-applications.ts';

type Load =
  | { state: 'loading' }
  | { state: 'no-call' }
  | { state: 'not-found' }
  | { state: 'failed' }
  | { state: 'loaded'; call: CallView; organisations: OrganisationView[] };

const FIELDS = ['orgId', 'title'] as const;
const idOf = (name: string) => `new-application-${name}`;

/**
 * /applications/new?call=<callId> — "Antrag stellen" from a call: pick one of my organisations (or
 * create one first) and a title, POST /api/applications, and go on to the form. An organisation whose
 * legal form the call does not admit is refused here with the finance rules' own message, rather than
 * at submit after all the work.
 */
export function NewApplicationPage() {
  const { language } = useLanguage();
  const t = myApplications[language];
  const [params] = useSearchParams();
  const callId = params.get('call');
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  useEffect(() => {
    if (!callId) {
      setLoad({ state: 'no-call' });
      return;
    }
    setLoad({ state: 'loading' });
    Promise.all([
      api<CallView>('GET', `/api/calls/${encodeURIComponent(callId)}`, { auth: false }),
      api<{ items: OrganisationView[] }>('GET', '/api/organisations'),
    ]).then(
      ([call, organisations]) =>
        setLoad({ state: 'loaded', call: call.body, organisations: organisations.body.items }),
      (error: unknown) => {
        const missing = error instanceof ApiError && (error.status === 404 || error.status === 400);
        setLoad({ state: missing ? 'not-found' : 'failed' });
      },
    );
  }, [callId]);

  return (
    <Page title={t.newTitle}>
      {load.state === 'loading' ? <p aria-busy="true">{common[language].loading}</p> : null}
      {load.state === 'no-call' || load.state === 'not-found' ? (
        <>
          <p className="notice notice--error">{load.state === 'no-call' ? t.noCall : t.callNotFound}</p>
          <p>
            <Link to="/">{t.toCalls}</Link>
          </p>
        </>
      ) : null}
      {load.state === 'failed' ? (
        <p className="notice notice--error" role="alert">
          {t.callLoadFailed}
        </p>
      ) : null}
      {load.state === 'loaded' ? (
        <StartForm call={load.call} organisations={load.organisations} language={language} />
      ) : null}
    </Page>
  );
}

function StartForm({
  call,
  organisations,
  language,
}: {
  call: CallView;
  organisations: OrganisationView[];
  language: Language;
}) {
  const t = myApplications[language];
  const c = common[language];
  const navigate = useNavigate();
  const [formError, setFormError] = useState<string>();
  const [refusals, setRefusals] = useState(0);
  const here = `/applications/new?call=${encodeURIComponent(call.id)}`;
  const createLink = `/organisations?next=${encodeURIComponent(here)}`;

  // The shared body schema for the two fields, and the call's eligibility rule from the finance rules.
  const schema = useMemo(
    () =>
      z.pick(CreateDraftBody, { orgId: true, title: true }).check(
        z.superRefine((values, context) => {
          const organisation = organisations.find((o) => o.id === values.orgId);
          if (!organisation) return;
          const [ineligible] = checkDraft({ title: values.title }, call, {
            legalForm: organisation.legalForm,
          }).violations.filter((violation) => violation.path === 'orgId');
          if (ineligible) {
            context.issues.push({
              code: 'custom',
              path: ['orgId'],
              message: ineligible.message[language],
              input: values.orgId,
            });
          }
        }),
      ),
    [organisations, call, language],
  );
  const form = useForm({
    resolver: localizedResolver(schema, language),
    shouldFocusError: false,
    defaultValues: { orgId: organisations.length === 1 ? (organisations[0]?.id ?? '') : '', title: '' },
  });
  const { errors, isSubmitting, submitCount } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    try {
      const { body } = await api<ApplicationView>('POST', '/api/applications', {
        body: { ...values, callId: call.id },
      });
      announce(t.started);
      navigate(`/applications/${body.id}/edit`);
    } catch (error) {
      if (error instanceof ApiError && error.problem.errors?.length) {
        for (const { path, message } of error.problem.errors) {
          const text = pickLanguage(message, language);
          if (path === 'orgId' || path === 'title') form.setError(path, { message: text });
          else setFormError(text);
        }
      } else {
        setFormError(error instanceof ApiError ? (error.problem.detail ?? t.startFailed) : c.networkError);
      }
      setRefusals((count) => count + 1);
    }
  });

  const eligible = call.eligibleLegalForms.map((form) => LEGAL_FORM_NAMES[form][language]).join(', ');
  return (
    <>
      <p>{t.newIntro(call.title[language])}</p>
      <p>
        <strong>{t.deadline(formatDateTime(call.closesAt, language))}</strong>
      </p>
      {call.phase !== 'open' ? (
        <p className="notice notice--error">{t.callNotOpen}</p>
      ) : organisations.length === 0 ? (
        <div className="notice">
          <p>{t.noOrganisations}</p>
          <p>
            <Link className="button" to={createLink}>
              {t.createOrganisation}
            </Link>
          </p>
        </div>
      ) : (
        <form onSubmit={submit} noValidate>
          <ErrorSummary
            errors={summaryErrors(errors, FIELDS, idOf, formError)}
            submitCount={submitCount + refusals}
          />
          <Field
            id={idOf('orgId')}
            label={t.organisationField}
            hint={t.organisationHint(eligible)}
            error={errors.orgId?.message}
            required
          >
            {(control) => (
              <select {...control} {...form.register('orgId')}>
                <option value="" disabled>
                  {t.chooseOrganisation}
                </option>
                {organisations.map((organisation) => (
                  <option key={organisation.id} value={organisation.id}>
                    {organisation.legalName} ({LEGAL_FORM_NAMES[organisation.legalForm][language]})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <p>
            <Link to={createLink}>{t.createAnotherOrganisation}</Link>
          </p>
          <Field
            id={idOf('title')}
            label={t.titleField}
            hint={t.titleHint}
            error={errors.title?.message}
            required
          >
            {(control) => <input {...control} {...form.register('title')} />}
          </Field>
          <button type="submit" className="button" disabled={isSubmitting}>
            {isSubmitting ? t.starting : t.start}
          </button>
        </form>
      )}
    </>
  );
}
