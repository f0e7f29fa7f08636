import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { get, useForm } from 'react-hook-form';
import { Link, useParams } from 'react-router';
import type * as z from 'zod/mini';
import {
  type InvitationView,
  InviteMemberBody,
  type MembersView,
} from '#shared/api/schemas/membership.schema.ts';
import type { OrganisationProfile, OrganisationView } from '#shared/api/schemas/organisation.schema.ts';
import { LEGAL_FORM_NAMES, type LegalForm } from '#shared/domain/finance-rules.ts';
import { ApiError, api } from '../api.ts';
import { ErrorSummary } from '../components/error-summary.tsx';
import { Field } from '../components/field.tsx';
import { announce } from '../components/live-region.tsx';
import { Page } from '../components/page.tsx';
import {
  applyServerErrors,
  fieldId,
  PROFILE_FIELDS,
  ProfileFields,
  ProfileForm,
  type ProfileFormValues,
  profileSummaryErrors,
  valuesFromProfile,
} from '../features/organisations/profile-form.tsx';
import { formatDateTime, formatInstantDate } from '../format.ts';
import { localizedResolver, pickLanguage, summaryErrors } from '../forms/zod-form.ts';
import { common } from '../i18n/common.ts';
import { useLanguage } from '../i18n/language.tsx';
import type { Language } from '../i18n/messages.ts';
import { organisations } from '../i18n/organisations.ts';

const PREFIX = 'profile';

type Load =
  | { state: 'loading' }
  | { state: 'not-found' }
  | { state: 'failed' }
  | { state: 'loaded'; organisation: OrganisationView };

/**
 * /organisations/:orgId — one organisation for its members: what its profile still lacks, the profile
 * to edit (PUT with If-Match; when someone else saved first, the typed values stay and the differences
 * are shown, to save over them or load the saved version), its members and open invitations, and
 * inviting someone by email.
 */
export function OrganisationPage() {
  const { orgId = '' } = useParams();
  const { language } = useLanguage();
  const t = organisations[language];
  const c = common[language];
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  useEffect(() => {
    setLoad({ state: 'loading' });
    getOrganisation(orgId).then(
      (organisation) => setLoad({ state: 'loaded', organisation }),
      (error: unknown) => {
        // A foreign or malformed id is answered like a missing one, so ids cannot be probed.
        const missing = error instanceof ApiError && (error.status === 404 || error.status === 400);
        setLoad({ state: missing ? 'not-found' : 'failed' });
      },
    );
  }, [orgId]);

  const title = load.state === 'loaded' ? load.organisation.legalName : t.organisationTitle;
  return (
    <Page title={title}>
      {load.state === 'loading' ? <p aria-busy="true">{c.loading}</p> : null}
      {load.state === 'not-found' ? <p className="notice notice--error">{t.notFound}</p> : null}
      {load.state === 'failed' ? (
        <p className="notice notice--error" role="alert">
          {t.loadFailed}
        </p>
      ) : null}
      {load.state === 'loaded' ? (
        <>
          <p>
            {LEGAL_FORM_NAMES[load.organisation.legalForm][language]} ·{' '}
            {t.yourRole(load.organisation.role === 'owner' ? t.owner : t.member)}
          </p>
          <ProfileSection
            organisation={load.organisation}
            onSaved={(organisation) => setLoad({ state: 'loaded', organisation })}
          />
          <MembersSection orgId={load.organisation.id} />
        </>
      ) : null}
      <p>
        <Link to="/organisations">{t.backToList}</Link>
      </p>
    </Page>
  );
}

function getOrganisation(orgId: string): Promise<OrganisationView> {
  return api<OrganisationView>('GET', `/api/organisations/${encodeURIComponent(orgId)}`).then(
    ({ body }) => body,
  );
}

/** The gaps, the profile form and the conflict resolution. */
function ProfileSection({
  organisation,
  onSaved,
}: {
  organisation: OrganisationView;
  onSaved: (organisation: OrganisationView) => void;
}) {
  const { language } = useLanguage();
  const t = organisations[language];
  const c = common[language];
  const [version, setVersion] = useState(organisation.version);
  const [conflict, setConflict] = useState<OrganisationView>();
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [refusals, setRefusals] = useState(0);
  const [savedNotice, setSavedNotice] = useState(false);

  const form = useForm<ProfileFormValues, unknown, OrganisationProfile>({
    resolver: localizedResolver(ProfileForm, language),
    shouldFocusError: false,
    defaultValues: valuesFromProfile(organisation),
  });
  const { errors, isSubmitting, submitCount } = form.formState;

  const save = (expectedVersion: number) =>
    form.handleSubmit(async (profile) => {
      setFormErrors([]);
      setSavedNotice(false);
      try {
        const { body } = await api<OrganisationView>(
          'PUT',
          `/api/organisations/${encodeURIComponent(organisation.id)}`,
          { body: profile, headers: { 'if-match': `"${expectedVersion}"` } },
        );
        setConflict(undefined);
        setVersion(body.version);
        form.reset(valuesFromProfile(body));
        setSavedNotice(true);
        announce(t.saved);
        onSaved(body);
      } catch (refusal) {
        let error = refusal;
        if (error instanceof ApiError && error.status === 412) {
          // Someone saved first. The form keeps what was typed; fetch what is saved now to compare.
          try {
            setConflict(await getOrganisation(organisation.id));
            return;
          } catch (reloadError) {
            error = reloadError;
          }
        }
        setFormErrors(applyServerErrors(form, error, language, t.updateFailed, c.networkError));
        setRefusals((count) => count + 1);
      }
    });

  const submit = (event: FormEvent) => void save(version)(event);

  const keepMine = () => {
    if (!conflict) return;
    setVersion(conflict.version);
    void save(conflict.version)();
  };
  const reload = () => {
    if (!conflict) return;
    setVersion(conflict.version);
    form.reset(valuesFromProfile(conflict));
    onSaved(conflict);
    setConflict(undefined);
    announce(t.conflictReloaded);
  };

  return (
    <section aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t.profileHeading}</h2>
      <p>
        {t.profileIntro} {t.lastChanged(formatDateTime(organisation.updatedAt, language))}
      </p>
      {organisation.profileGaps.length > 0 ? (
        <div className="notice">
          <p>{t.gapsHeading}</p>
          <ul>
            {organisation.profileGaps.map((gap) => (
              <li key={`${gap.path}-${gap.code}`}>
                <a
                  href={`#${fieldId(PREFIX, gap.path)}`}
                  onClick={(event) => {
                    event.preventDefault();
                    document.getElementById(fieldId(PREFIX, gap.path))?.focus();
                  }}
                >
                  {gap.message[language]}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p>{t.profileComplete}</p>
      )}
      {conflict ? (
        <ConflictNotice
          typed={form.getValues()}
          saved={valuesFromProfile(conflict)}
          language={language}
          onKeepMine={keepMine}
          onReload={reload}
          busy={isSubmitting}
        />
      ) : null}
      {savedNotice ? <p className="notice notice--success">{t.saved}</p> : null}
      <form onSubmit={submit} noValidate>
        <ErrorSummary
          errors={profileSummaryErrors(errors, PREFIX, formErrors)}
          submitCount={submitCount + refusals}
        />
        <ProfileFields form={form} prefix={PREFIX} language={language} />
        <button type="submit" className="button" disabled={isSubmitting}>
          {isSubmitting ? t.saving : t.save}
        </button>
      </form>
    </section>
  );
}

/** How a value reads in the conflict table. */
function display(path: string, value: string, language: Language): string {
  const t = organisations[language];
  if (value.trim() === '') return t.conflictEmpty;
  if (path === 'legalForm') return LEGAL_FORM_NAMES[value as LegalForm]?.[language] ?? value;
  if (path === 'nonProfit.recognised') return value === 'yes' ? t.recognisedYes : t.recognisedNo;
  return value;
}

/** Compared as the server stores them: trimmed, and the IBAN and BIC without spaces and in capitals. */
function comparable(path: string, value: unknown): string {
  const text = typeof value === 'string' ? value.trim() : '';
  return path === 'iban' || path === 'bic' ? text.replace(/\s/g, '').toUpperCase() : text;
}

function ConflictNotice({
  typed,
  saved,
  language,
  onKeepMine,
  onReload,
  busy,
}: {
  typed: ProfileFormValues;
  saved: ProfileFormValues;
  language: Language;
  onKeepMine: () => void;
  onReload: () => void;
  busy: boolean;
}) {
  const t = organisations[language];
  const differences = PROFILE_FIELDS.filter(
    ({ path }) => comparable(path, get(typed, path)) !== comparable(path, get(saved, path)),
  );
  return (
    <div className="notice notice--error profile-conflict" role="alert" aria-labelledby="conflict-heading">
      <h3 id="conflict-heading">{t.conflictHeading}</h3>
      {differences.length > 0 ? (
        <>
          <p>{t.conflictText}</p>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t.conflictField}</th>
                <th scope="col">{t.conflictYours}</th>
                <th scope="col">{t.conflictSaved}</th>
              </tr>
            </thead>
            <tbody>
              {differences.map(({ path, label }) => (
                <tr key={path}>
                  <th scope="row">{t[label] as string}</th>
                  <td>{display(path, String(get(typed, path) ?? ''), language)}</td>
                  <td>{display(path, String(get(saved, path) ?? ''), language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p>{t.conflictNoDifferences}</p>
      )}
      <div className="actions">
        <button type="button" className="button" onClick={onKeepMine} disabled={busy}>
          {t.conflictKeepMine}
        </button>
        <button type="button" className="button button--secondary" onClick={onReload} disabled={busy}>
          {t.conflictReload}
        </button>
      </div>
    </div>
  );
}

type InviteValues = z.infer<typeof InviteMemberBody>;
const INVITE_FIELDS = ['email'] as const;
const inviteId = (name: string) => `invite-${name}`;

/** Members, open invitations and the invitation form. */
function MembersSection({ orgId }: { orgId: string }) {
  const { language } = useLanguage();
  const t = organisations[language];
  const c = common[language];
  const [members, setMembers] = useState<z.infer<typeof MembersView> | 'failed'>();
  const [sent, setSent] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [refusals, setRefusals] = useState(0);

  const fetchMembers = useCallback(async () => {
    try {
      const { body } = await api<z.infer<typeof MembersView>>(
        'GET',
        `/api/organisations/${encodeURIComponent(orgId)}/members`,
      );
      setMembers(body);
    } catch {
      setMembers('failed');
    }
  }, [orgId]);
  useEffect(() => {
    void fetchMembers();
  }, [fetchMembers]);

  const form = useForm<InviteValues>({
    resolver: localizedResolver(InviteMemberBody, language),
    shouldFocusError: false,
    defaultValues: { email: '' },
  });
  const { errors, isSubmitting, submitCount } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    setSent(undefined);
    try {
      const { status, body } = await api<z.infer<typeof InvitationView>>(
        'POST',
        `/api/organisations/${encodeURIComponent(orgId)}/members`,
        { body: values },
      );
      const until = formatDateTime(body.expiresAt, language);
      const message =
        status === 201 ? t.invitationSent(body.email, until) : t.invitationResent(body.email, until);
      setSent(message);
      announce(message);
      form.reset({ email: '' });
      await fetchMembers();
    } catch (error) {
      if (error instanceof ApiError && error.problem.errors?.length) {
        for (const { path, message } of error.problem.errors) {
          if (path === 'email') form.setError('email', { message: pickLanguage(message, language) });
          else setFormError(pickLanguage(message, language));
        }
      } else if (error instanceof ApiError && error.status === 409) {
        // Already a member: about the address typed, so shown at the field.
        form.setError('email', { message: error.problem.detail ?? t.inviteFailed });
      } else {
        setFormError(error instanceof ApiError ? (error.problem.detail ?? t.inviteFailed) : c.networkError);
      }
      setRefusals((count) => count + 1);
    }
  });

  return (
    <>
      <section aria-labelledby="members-heading">
        <h2 id="members-heading">{t.membersHeading}</h2>
        {members === undefined ? <p aria-busy="true">{c.loading}</p> : null}
        {members === 'failed' ? (
          <p className="notice notice--error" role="alert">
            {t.membersLoadFailed}
          </p>
        ) : null}
        {members && members !== 'failed' ? (
          <>
            <table className="data-table">
              <caption className="visually-hidden">{t.membersCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.memberEmail}</th>
                  <th scope="col">{t.memberRole}</th>
                  <th scope="col">{t.memberSince}</th>
                </tr>
              </thead>
              <tbody>
                {members.members.map((member) => (
                  <tr key={member.sub}>
                    <td>{member.email ?? t.unknownEmail}</td>
                    <td>{member.role === 'owner' ? t.owner : t.member}</td>
                    <td>{formatInstantDate(member.joinedAt, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {members.invitations.length > 0 ? (
              <>
                <h3>{t.openInvitationsHeading}</h3>
                <table className="data-table">
                  <caption className="visually-hidden">{t.invitationsCaption}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t.memberEmail}</th>
                      <th scope="col">{t.invitedAt}</th>
                      <th scope="col">{t.validUntil}</th>
                      <th scope="col">{t.emailSent}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {members.invitations.map((invitation) => (
                      <tr key={invitation.id}>
                        <td>{invitation.email}</td>
                        <td>{formatInstantDate(invitation.createdAt, language)}</td>
                        <td>{formatDateTime(invitation.expiresAt, language)}</td>
                        <td>
                          {invitation.lastSentAt
                            ? formatDateTime(invitation.lastSentAt, language)
                            : t.notSent}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            ) : null}
          </>
        ) : null}
      </section>

      <section aria-labelledby="invite-heading">
        <h2 id="invite-heading">{t.inviteHeading}</h2>
        <p>{t.inviteIntro}</p>
        {sent ? <p className="notice notice--success">{sent}</p> : null}
        <form onSubmit={submit} noValidate>
          <ErrorSummary
            errors={summaryErrors(errors, INVITE_FIELDS, inviteId, formError)}
            submitCount={submitCount + refusals}
          />
          <Field id={inviteId('email')} label={t.inviteEmail} error={errors.email?.message} required>
            {(control) => <input {...control} type="email" autoComplete="off" {...form.register('email')} />}
          </Field>
          <button type="submit" className="button" disabled={isSubmitting}>
            {isSubmitting ? t.inviting : t.invite}
          </button>
        </form>
      </section>
    </>
  );
}
