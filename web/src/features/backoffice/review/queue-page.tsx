import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { CallView } from '#shared/api/schemas/call.schema.ts';
import { QueueStatus, type ReviewQueueItem } from '#shared/api/schemas/review-queue.schema.ts';
import { useHasRole } from '../../../auth/require-role.tsx';
import { announce } from '../../../components/live-region.tsx';
import { Page } from '../../../components/page.tsx';
import { formatDateTime, formatInstantDate } from '../../../format.ts';
import { common } from '../../../i18n/common.ts';
import { useLanguage } from '../../../i18n/language.tsx';
import { review as messages } from '../../../i18n/review.ts';
import { describeFailure } from './failure.ts';
import { exportQueue, loadCalls, loadCounts, loadQueuePage, type QueueFilters } from './load.ts';
import './review.css';

/** The due-soon choices offered (days); the API takes any number from 0 to 365. */
const DUE_SOON_DAYS = [3, 7, 14, 30] as const;

/** The filters as the address holds them (?view=mine&dueSoon=7, ?view=call&callId=…&status=…). */
function filtersOf(params: URLSearchParams, reviews: boolean): QueueFilters | { view: 'call'; callId: '' } {
  const view = params.get('view') ?? (reviews ? 'mine' : 'call');
  if (view === 'mine' && reviews) {
    const days = Number(params.get('dueSoon'));
    return { view: 'mine', dueSoon: params.get('dueSoon') && Number.isInteger(days) ? days : undefined };
  }
  const status = QueueStatus.safeParse(params.get('status'));
  return {
    view: 'call',
    callId: params.get('callId') ?? '',
    status: status.success ? status.data : undefined,
  };
}

function paramsOf(filters: QueueFilters | { view: 'call'; callId: '' }): Record<string, string> {
  if (filters.view === 'mine') {
    return { view: 'mine', ...(filters.dueSoon !== undefined ? { dueSoon: String(filters.dueSoon) } : {}) };
  }
  return {
    view: 'call',
    ...(filters.callId ? { callId: filters.callId } : {}),
    ...('status' in filters && filters.status ? { status: filters.status } : {}),
  };
}

type Lines =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'loaded'; items: ReviewQueueItem[]; nextCursor?: string | undefined; loadingMore: boolean };

/**
 * /backoffice/applications — the work queue. Reviewers start with their open assignments (the earliest
 * due first, optionally only those due soon); reviewers and approvers can list every application of a
 * call by status, with the counts per status. Each line links to the application; the selection can be
 * downloaded as CSV. The filters live in the address, so a selection can be bookmarked and passed on.
 */
export function QueuePage() {
  const { language } = useLanguage();
  const t = messages[language];
  const reviews = useHasRole(['reviewer']);
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params, reviews);
  const filtersKey = JSON.stringify(paramsOf(filters));

  const [calls, setCalls] = useState<CallView[] | undefined>();
  const [callsFailed, setCallsFailed] = useState(false);
  const [lines, setLines] = useState<Lines>({ state: 'idle' });
  const [counts, setCounts] = useState<Partial<Record<QueueStatus, number>> | 'failed' | undefined>();
  const loadedOnce = useRef(false);

  const fetchCalls = useCallback(async (signal?: AbortSignal) => {
    try {
      setCallsFailed(false);
      setCalls(await loadCalls(signal));
    } catch {
      if (!signal?.aborted) setCallsFailed(true);
    }
  }, []);
  useEffect(() => {
    const controller = new AbortController();
    void fetchCalls(controller.signal);
    return () => controller.abort();
  }, [fetchCalls]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the filters' text, not the object made on each render
  const fetchLines = useCallback(
    async (signal?: AbortSignal) => {
      if (filters.view === 'call' && !filters.callId) {
        setLines({ state: 'idle' });
        return;
      }
      setLines({ state: 'loading' });
      try {
        const page = await loadQueuePage(filters as QueueFilters, undefined, signal);
        setLines({ state: 'loaded', items: page.items, nextCursor: page.nextCursor, loadingMore: false });
        // After a new selection (not on arrival), say how many lines it has.
        if (loadedOnce.current) announce(t.countShown(page.items.length, Boolean(page.nextCursor)));
        loadedOnce.current = true;
      } catch (error) {
        if (signal?.aborted) return;
        setLines({ state: 'failed', message: describeFailure(error, t).message });
      }
    },
    [filtersKey, t],
  );
  useEffect(() => {
    const controller = new AbortController();
    void fetchLines(controller.signal);
    return () => controller.abort();
  }, [fetchLines]);

  const callId = filters.view === 'call' ? filters.callId : '';
  useEffect(() => {
    setCounts(undefined);
    if (!callId) return;
    const controller = new AbortController();
    loadCounts(callId, controller.signal).then(
      (loaded) => setCounts(loaded),
      () => {
        if (!controller.signal.aborted) setCounts('failed');
      },
    );
    return () => controller.abort();
  }, [callId]);

  const loadMore = async () => {
    if (lines.state !== 'loaded' || !lines.nextCursor) return;
    setLines({ ...lines, loadingMore: true });
    try {
      const page = await loadQueuePage(filters as QueueFilters, lines.nextCursor);
      setLines({
        state: 'loaded',
        items: [...lines.items, ...page.items],
        nextCursor: page.nextCursor,
        loadingMore: false,
      });
      announce(t.loadedMore(page.items.length));
    } catch (error) {
      setLines({ ...lines, loadingMore: false });
      announce(describeFailure(error, t).message);
    }
  };

  const callTitle = (id: string) => calls?.find((call) => call.id === id)?.title[language] ?? id;

  return (
    <Page title={t.queueTitle}>
      <p>{t.queueIntro}</p>
      <Filters
        initial={filters}
        reviews={reviews}
        calls={calls}
        callsFailed={callsFailed}
        onRetryCalls={() => void fetchCalls()}
        onApply={(next) => setParams(paramsOf(next))}
      />

      {filters.view === 'call' && callId ? (
        <Counts
          counts={counts}
          callTitle={callTitle(callId)}
          onShow={(status) => setParams(paramsOf({ view: 'call', callId, status }))}
        />
      ) : null}

      {filters.view === 'call' && !callId ? <p className="notice">{t.chooseCallFirst}</p> : null}
      {lines.state === 'loading' ? <p aria-busy="true">{common[language].loading}</p> : null}
      {lines.state === 'failed' ? (
        <div className="notice notice--error" role="alert">
          <p>
            {t.queueFailed} {lines.message}
          </p>
          <button type="button" className="button" onClick={() => void fetchLines()}>
            {t.retry}
          </button>
        </div>
      ) : null}
      {lines.state === 'loaded' ? (
        <>
          <QueueTable
            filters={filters as QueueFilters}
            items={lines.items}
            more={Boolean(lines.nextCursor)}
            callTitle={callTitle}
          />
          {lines.nextCursor ? (
            <p>
              <button
                type="button"
                className="button button--secondary"
                disabled={lines.loadingMore}
                onClick={() => void loadMore()}
              >
                {lines.loadingMore ? t.loadingMore : t.loadMore}
              </button>
            </p>
          ) : null}
          {lines.items.length > 0 ? <Export filters={filters as QueueFilters} /> : null}
        </>
      ) : null}
    </Page>
  );
}

/** The selection: my assignments (with "due soon") or a call's applications (with a status). */
function Filters({
  initial,
  reviews,
  calls,
  callsFailed,
  onRetryCalls,
  onApply,
}: {
  initial: QueueFilters | { view: 'call'; callId: '' };
  reviews: boolean;
  calls: CallView[] | undefined;
  callsFailed: boolean;
  onRetryCalls: () => void;
  onApply: (filters: QueueFilters | { view: 'call'; callId: '' }) => void;
}) {
  const { language } = useLanguage();
  const t = messages[language];
  const [view, setView] = useState(initial.view);
  const [dueSoon, setDueSoon] = useState(initial.view === 'mine' ? String(initial.dueSoon ?? '') : '');
  const [callId, setCallId] = useState(initial.view === 'call' ? initial.callId : '');
  const [status, setStatus] = useState<string>(
    initial.view === 'call' && 'status' in initial ? (initial.status ?? '') : '',
  );
  const id = useId();
  // The address changed (a count's link, the browser's back button): show what it says now. The form
  // stays mounted, so the focus stays where the person is.
  const initialKey = JSON.stringify(initial);
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the filters' text
  useEffect(() => {
    setView(initial.view);
    if (initial.view === 'mine') setDueSoon(String(initial.dueSoon ?? ''));
    else {
      setCallId(initial.callId);
      setStatus('status' in initial ? (initial.status ?? '') : '');
    }
  }, [initialKey]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (view === 'mine') onApply({ view: 'mine', dueSoon: dueSoon ? Number(dueSoon) : undefined });
    else if (!callId) onApply({ view: 'call', callId: '' });
    else {
      const parsed = QueueStatus.safeParse(status);
      onApply({ view: 'call', callId, status: parsed.success ? parsed.data : undefined });
    }
  };

  return (
    <form className="queue-filters" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="visually-hidden">
        {t.filtersHeading}
      </h2>
      {reviews ? (
        <fieldset className="choice-group">
          <legend>{t.viewLegend}</legend>
          <label className="choice">
            <input
              type="radio"
              name="view"
              value="mine"
              checked={view === 'mine'}
              onChange={() => setView('mine')}
            />{' '}
            {t.viewMine}
          </label>
          <label className="choice">
            <input
              type="radio"
              name="view"
              value="call"
              checked={view === 'call'}
              onChange={() => setView('call')}
            />{' '}
            {t.viewCall}
          </label>
        </fieldset>
      ) : null}
      {view === 'mine' ? (
        <div className="field">
          <label htmlFor={`${id}-due`}>{t.dueSoonLabel}</label>
          <select id={`${id}-due`} value={dueSoon} onChange={(event) => setDueSoon(event.target.value)}>
            <option value="">{t.dueSoonAll}</option>
            {DUE_SOON_DAYS.map((days) => (
              <option key={days} value={String(days)}>
                {t.dueSoonWithin(days)}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <>
          <div className="field">
            <label htmlFor={`${id}-call`}>{t.callLabel}</label>
            {callsFailed ? (
              <p className="field__error">
                {t.loadFailed}{' '}
                <button type="button" className="link-button" onClick={onRetryCalls}>
                  {t.retry}
                </button>
              </p>
            ) : null}
            <select id={`${id}-call`} value={callId} onChange={(event) => setCallId(event.target.value)}>
              <option value="">{t.callChoose}</option>
              {/* A call named in the address but not (yet) in the list stays choosable. */}
              {callId && calls && !calls.some((call) => call.id === callId) ? (
                <option value={callId}>{callId}</option>
              ) : null}
              {(calls ?? []).map((call) => (
                <option key={call.id} value={call.id}>
                  {call.title[language]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-status`}>{t.statusLabel}</label>
            <select id={`${id}-status`} value={status} onChange={(event) => setStatus(event.target.value)}>
              <option value="">{t.statusWorking}</option>
              {QueueStatus.options.map((option) => (
                <option key={option} value={option}>
                  {t.status[option]}
                </option>
              ))}
            </select>
          </div>
        </>
      )}
      <button type="submit" className="button">
        {t.applyFilters}
      </button>
    </form>
  );
}

/** Applications per status in the call, each number a way into that status's list. */
function Counts({
  counts,
  callTitle,
  onShow,
}: {
  counts: Partial<Record<QueueStatus, number>> | 'failed' | undefined;
  callTitle: string;
  onShow: (status: QueueStatus) => void;
}) {
  const { language } = useLanguage();
  const t = messages[language];
  if (counts === undefined) return null;
  if (counts === 'failed') return <p className="notice notice--error">{t.countsFailed}</p>;
  const rows = QueueStatus.options.filter((status) => (counts[status] ?? 0) > 0);
  return (
    <table className="data-table queue-counts">
      <caption>{t.countsCaption(callTitle)}</caption>
      <thead>
        <tr>
          <th scope="col">{t.countsStatus}</th>
          <th scope="col" className="number">
            {t.countsNumber}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((status) => (
          <tr key={status}>
            <th scope="row">
              <button
                type="button"
                className="link-button"
                aria-label={t.countsShow(t.status[status])}
                onClick={() => onShow(status)}
              >
                {t.status[status]}
              </button>
            </th>
            <td className="number">{counts[status]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function QueueTable({
  filters,
  items,
  more,
  callTitle,
}: {
  filters: QueueFilters;
  items: ReviewQueueItem[];
  more: boolean;
  callTitle: (id: string) => string;
}) {
  const { language } = useLanguage();
  const t = messages[language];
  const count = t.countShown(items.length, more);
  const mine = filters.view === 'mine';
  const statusName =
    filters.view === 'call' && filters.status ? t.status[filters.status] : t.statusWorkingShort;
  if (items.length === 0) {
    return (
      <p className="notice">
        {filters.view === 'mine'
          ? filters.dueSoon !== undefined
            ? t.emptyMineDue(filters.dueSoon)
            : t.emptyMine
          : filters.status
            ? t.emptyCall(t.status[filters.status])
            : t.emptyCallWorking}
      </p>
    );
  }
  const caption =
    filters.view === 'mine'
      ? filters.dueSoon !== undefined
        ? t.tableCaptionMineDue(filters.dueSoon, count)
        : t.tableCaptionMine(count)
      : t.tableCaptionCall(callTitle(filters.callId), statusName, count);
  const now = Date.now();
  return (
    <div className="table-scroll">
      <table className="data-table queue-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.columnTitle}</th>
            <th scope="col">{t.columnReference}</th>
            <th scope="col">{t.columnOrganisation}</th>
            {mine ? <th scope="col">{t.columnCall}</th> : null}
            <th scope="col">{t.columnStatus}</th>
            {mine ? <th scope="col">{t.columnRole}</th> : null}
            <th scope="col">{t.columnSubmitted}</th>
            <th scope="col">{t.columnDue}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const due = item.assignment?.dueAt ?? item.dueAt;
            const overdue = due !== undefined && Date.parse(due) < now;
            return (
              <tr key={item.id}>
                <th scope="row">
                  <Link to={`/backoffice/applications/${item.id}`}>{item.title}</Link>
                </th>
                <td>{item.reference ?? t.noReference}</td>
                <td>{item.organisationName ?? ''}</td>
                {mine ? <td>{callTitle(item.callId)}</td> : null}
                <td>{t.status[item.status]}</td>
                {mine ? <td>{item.assignment ? t.role[item.assignment.role] : ''}</td> : null}
                <td>{item.submittedAt ? formatInstantDate(item.submittedAt, language) : ''}</td>
                <td>
                  {due ? <time dateTime={due}>{formatDateTime(due, language)}</time> : ''}
                  {overdue ? <strong className="overdue"> ({t.overdue})</strong> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** CSV of the whole selection, fetched with the token and handed to the browser as a file. */
function Export({ filters }: { filters: QueueFilters }) {
  const { language } = useLanguage();
  const t = messages[language];
  const [state, setState] = useState<
    | { kind: 'idle' }
    | { kind: 'busy' }
    | { kind: 'done'; truncated: boolean }
    | { kind: 'failed'; message: string }
  >({ kind: 'idle' });
  const hintId = useId();

  const download = async () => {
    setState({ kind: 'busy' });
    try {
      const { file, fileName, truncated } = await exportQueue(filters, language);
      // A fetched file reaches the browser's downloads through a link made for it and clicked once.
      const url = URL.createObjectURL(file);
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = fileName;
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
      // The click has started the download; the address is not needed afterwards.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState({ kind: 'done', truncated });
      announce(t.exported(fileName));
    } catch (error) {
      setState({ kind: 'failed', message: describeFailure(error, t).message });
    }
  };

  return (
    <section aria-labelledby={`${hintId}-heading`} className="queue-export">
      <h2 id={`${hintId}-heading`}>{t.exportHeading}</h2>
      <p id={hintId}>{t.exportHint}</p>
      <button
        type="button"
        className="button button--secondary"
        aria-describedby={hintId}
        disabled={state.kind === 'busy'}
        onClick={() => void download()}
      >
        {state.kind === 'busy' ? t.exporting : t.exportButton}
      </button>

      {state.kind === 'done' && state.truncated ? <p className="notice">{t.exportTruncated}</p> : null}
      {state.kind === 'failed' ? (
        <p className="notice notice--error" role="alert">
          {t.exportFailed} {state.message}
        </p>
      ) : null}
    </section>
  );
}
