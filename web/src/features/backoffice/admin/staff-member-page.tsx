import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useLocation, useParams } from 'react-router';
import type { ReviewQueueItem } from '#shared/api/schemas/review-queue.schema.ts';
import { type StaffView, UpdateStaffBody } from '#shared/api/schemas/staff.schema.ts';
import { ApiError, api } from '../../../api.ts';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { Field } from '../../../components/field.tsx';
import { announce } from '../../../components/live-region.tsx';
import { Page } from '../../../components/page.tsx';
import { formatInstantDate } from '../../../format.ts';
import { localizedResolver, pickLanguage, summaryErrors } from '../../../forms/zod-form.ts';
import { adminStaff } from '../../../i18n/admin.ts';
import { common } from '../../../i18n/common.ts';
import { useLanguage } from '../../../i18n/language.tsx';
import type { Language } from '../../../i18n/messages.ts';
import { RolesFieldset } from './roles-fieldset.tsx';
import { roleNames } from './staff-page.tsx';
import './admin.css';

interface Loaded {
  staff: StaffView;
  items: ReviewQueueItem[];
  /** Everyone in the directory: the people an assignment can go to. */
  everyone: StaffView[];
}

type Load =
  | { state: 'loading' }
  | { state: 'not-found' }
  | { state: 'failed' }
  | ({ state: 'loaded' } & Loaded);

/** A refusal in words: the API's own message (field or detail), else what failed. */
function refusalText(error: unknown, language: Language, fallback: string): string {
  if (!(error instanceof ApiError)) return common[language].networkError;
  const [first] = error.problem.errors ?? [];
  if (first) return pickLanguage(first.message, language);
  return error.problem.detail ?? fallback;
}

/**
 * /backoffice/admin/staff/:sub — one staff member: their roles (changed with PATCH), their account
 * (deactivated or reactivated, after a confirmation), and their open assignments, each of which can be
 * handed to another active reviewer (POST /api/admin/applications/{id}/reassign). Refusals — open
 * assignments left, the same person in both roles, a declared conflict — are said where they happen.
 */
export function StaffMemberPage() {
  const { sub = '' } = useParams();
  const { language } = useLanguage();
  const t = adminStaff[language];
  const location = useLocation();
  const created = (location.state as { created?: string } | null)?.created;
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  const fetchAll = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const [assignments, staff] = await Promise.all([
          api<{ staff: StaffView; items: ReviewQueueItem[] }>(
            'GET',
            `/api/admin/staff/${encodeURIComponent(sub)}/assignments`,
            { signal },
          ),
          api<{ items: StaffView[] }>('GET', '/api/admin/staff', { signal }),
        ]);
        setLoad({
          state: 'loaded',
          staff: assignments.body.staff,
          items: assignments.body.items,
          everyone: staff.body.items,
        });
      } catch (error) {
        if (signal?.aborted) return;
        const missing = error instanceof ApiError && (error.status === 404 || error.status === 400);
        setLoad({ state: missing ? 'not-found' : 'failed' });
      }
    },
    [sub],
  );

  useEffect(() => {
    const controller = new AbortController();
    setLoad({ state: 'loading' });
    void fetchAll(controller.signal);
    return () => controller.abort();
  }, [fetchAll]);

  const title = load.state === 'loaded' ? t.personTitle(load.staff.name) : t.listTitle;
  return (
    <Page title={title}>
      <p>
        <Link to="/backoffice/admin/staff">{t.backToList}</Link>
      </p>
      {load.state === 'loading' ? <p aria-busy="true">{common[language].loading}</p> : null}
      {load.state === 'not-found' ? <p className="notice notice--error">{t.notFound}</p> : null}
      {load.state === 'failed' ? (
        <div className="notice notice--error" role="alert">
          <p>{t.personLoadFailed}</p>
          <button type="button" className="button" onClick={() => void fetchAll()}>
            {t.retry}
          </button>
        </div>
      ) : null}
      {load.state === 'loaded' ? (
        <>
          {created ? (
            <p className="notice notice--success" role="status">
              {t.created(created)}
            </p>
          ) : null}
          <dl className="card-facts">
            <div>
              <dt>{t.email}</dt>
              <dd>{load.staff.email}</dd>
            </div>
            <div>
              <dt>{t.roles}</dt>
              <dd>{roleNames(load.staff.groups, language)}</dd>
            </div>
            <div>
              <dt>{t.columnStatus}</dt>
              <dd>{load.staff.active ? t.active : t.deactivated}</dd>
            </div>
          </dl>
          <Assignments loaded={load} onChanged={() => void fetchAll()} />
          <RolesSection
            key={load.staff.groups.join()}
            staff={load.staff}
            onSaved={(staff) => setLoad({ ...load, staff })}
          />
          <AccountSection staff={load.staff} onSaved={(staff) => setLoad({ ...load, staff })} />
        </>
      ) : null}
    </Page>
  );
}

function Assignments({ loaded, onChanged }: { loaded: Loaded; onChanged(): void }) {
  const { language } = useLanguage();
  const t = adminStaff[language];
  const [done, setDone] = useState<string>();
  const candidates = loaded.everyone.filter(
    (member) => member.active && member.groups.includes('reviewer') && member.sub !== loaded.staff.sub,
  );
  return (
    <section aria-labelledby="staff-assignments">
      <h2 id="staff-assignments">{t.assignmentsHeading(loaded.items.length)}</h2>
      <p>{t.assignmentsIntro}</p>
      {done ? <p className="notice notice--success">{done}</p> : null}
      {loaded.items.length === 0 ? <p>{t.noAssignments}</p> : null}
      {loaded.items.length > 0 && candidates.length === 0 ? (
        <p className="notice">{t.noOtherReviewers}</p>
      ) : null}
      {loaded.items.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table assignments-table">
            <caption className="visually-hidden">{t.assignmentsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.columnApplication}</th>
                <th scope="col">{t.columnRole}</th>
                <th scope="col">{t.columnDue}</th>
                <th scope="col">{t.columnReassign}</th>
              </tr>
            </thead>
            <tbody>
              {loaded.items.map((item) => (
                <tr key={`${item.id}-${item.assignment?.role}`}>
                  <th scope="row">
                    {item.title}
                    <br />
                    <span className="muted">
                      {item.reference ?? t.noReference}
                      {item.organisationName ? ` · ${item.organisationName}` : ''}
                    </span>
                  </th>
                  <td>{item.assignment ? t.reviewRoles[item.assignment.role] : ''}</td>
                  <td>{item.assignment ? formatInstantDate(item.assignment.dueAt, language) : ''}</td>
                  <td>
                    {item.assignment && candidates.length > 0 ? (
                      <ReassignForm
                        item={item}
                        role={item.assignment.role}
                        candidates={candidates}
                        onReassigned={(name) => {
                          const message = t.reassigned(item.title, name);
                          setDone(message);
                          announce(message);
                          onChanged();
                        }}
                      />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function ReassignForm({
  item,
  role,
  candidates,
  onReassigned,
}: {
  item: ReviewQueueItem;
  role: 'content' | 'financial';
  candidates: StaffView[];
  onReassigned(name: string): void;
}) {
  const { language } = useLanguage();
  const t = adminStaff[language];
  const id = useId();
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const select = useRef<HTMLSelectElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const target = candidates.find((member) => member.sub === chosen);
    if (!target) {
      setError(t.chooseSomeone);
      select.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await api('POST', `/api/admin/applications/${encodeURIComponent(item.id)}/reassign`, {
        body: { role, reviewerSub: target.sub },
      });
      onReassigned(target.name);
    } catch (refusal) {
      setError(refusalText(refusal, language, t.failed));
      select.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="reassign-form" onSubmit={(event) => void submit(event)} noValidate>
      <Field
        id={`${id}-reviewer`}
        label={
          <>
            {t.reassignTo}
            <span className="visually-hidden"> ({item.title})</span>
          </>
        }
        error={error}
      >
        {(control) => (
          <select
            {...control}
            ref={select}
            value={chosen}
            onChange={(event) => setChosen(event.target.value)}
          >
            <option value="">{t.chooseReviewer}</option>
            {candidates.map((member) => (
              <option key={member.sub} value={member.sub}>
                {t.reviewerOption(member.name, member.openAssignments)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" className="button button--small" disabled={busy}>
        {busy ? t.reassigning : t.reassign}
        <span className="visually-hidden"> ({item.title})</span>
      </button>
    </form>
  );
}

function RolesSection({ staff, onSaved }: { staff: StaffView; onSaved(staff: StaffView): void }) {
  const { language } = useLanguage();
  const t = adminStaff[language];
  const [formError, setFormError] = useState<string>();
  const [refusals, setRefusals] = useState(0);
  const [saved, setSaved] = useState(false);
  const form = useForm<{ groups: string[] }, unknown, UpdateStaffBody>({
    shouldFocusError: false,
    resolver: localizedResolver(UpdateStaffBody, language) as never,
    defaultValues: { groups: [...staff.groups] },
  });
  const { errors, isSubmitting, submitCount } = form.formState;
  const idOf = (name: string) => `staff-roles-${name}`;

  const submit = form.handleSubmit(async (body) => {
    setFormError(undefined);
    setSaved(false);
    try {
      const { body: changed } = await api<StaffView>(
        'PATCH',
        `/api/admin/staff/${encodeURIComponent(staff.sub)}`,
        {
          body: { groups: body.groups },
        },
      );
      setSaved(true);
      announce(t.rolesSaved);
      onSaved(changed);
    } catch (error) {
      setFormError(refusalText(error, language, t.failed));
      setRefusals((count) => count + 1);
    }
  });

  return (
    <section aria-labelledby="staff-roles">
      <h2 id="staff-roles">{t.rolesHeading}</h2>
      <p>{t.rolesIntro}</p>
      {saved ? <p className="notice notice--success">{t.rolesSaved}</p> : null}
      <form onSubmit={submit} noValidate>
        <ErrorSummary
          errors={summaryErrors(errors, ['groups'], idOf, formError)}
          submitCount={submitCount + refusals}
        />
        <RolesFieldset
          id={idOf('groups')}
          error={errors.groups?.message}
          register={form.register('groups')}
        />
        <button type="submit" className="button" disabled={isSubmitting}>
          {isSubmitting ? t.savingRoles : t.saveRoles}
        </button>
      </form>
    </section>
  );
}

function AccountSection({ staff, onSaved }: { staff: StaffView; onSaved(staff: StaffView): void }) {
  const { language } = useLanguage();
  const t = adminStaff[language];
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const confirmRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const change = async (active: boolean) => {
    setError(undefined);
    setBusy(true);
    try {
      const { body } = await api<StaffView>('PATCH', `/api/admin/staff/${encodeURIComponent(staff.sub)}`, {
        body: { active },
      });
      setConfirming(false);
      announce(active ? t.reactivatedDone : t.deactivatedDone);
      onSaved(body);
    } catch (refusal) {
      setConfirming(false);
      setError(refusalText(refusal, language, t.failed));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="staff-account">
      <h2 id="staff-account">{t.accountHeading}</h2>
      <p>
        {staff.active
          ? t.accountActive
          : t.accountDeactivated(
              formatInstantDate(staff.deactivatedAt ?? new Date().toISOString(), language),
            )}
      </p>
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}
      {staff.active && confirming ? (
        <div className="notice" tabIndex={-1} ref={confirmRef}>
          <p id="staff-deactivate-question">{t.deactivateConfirm}</p>
          <div className="actions">
            <button type="button" className="button" disabled={busy} onClick={() => void change(false)}>
              {t.deactivateYes}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
              {t.cancel}
            </button>
          </div>
        </div>
      ) : null}
      {staff.active && !confirming ? (
        <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
          {t.deactivate}
        </button>
      ) : null}
      {staff.active ? null : (
        <button type="button" className="button" disabled={busy} onClick={() => void change(true)}>
          {t.reactivate}
        </button>
      )}
    </section>
  );
}
