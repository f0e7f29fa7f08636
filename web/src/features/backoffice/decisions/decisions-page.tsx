import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { CallView } from '#shared/api/schemas/call.schema.ts';
import type { CallBudgetView } from '#shared/api/schemas/decision.schema.ts';
import type { ReviewQueueItem } from '#shared/api/schemas/review-queue.schema.ts';
import { Page } from '../../../components/page.tsx';
import { formatDateTime, formatEuro } from '../../../format.ts';
import { common } from '../../../i18n/common.ts';
import { decisions } from '../../../i18n/decisions.ts';
import { useLanguage } from '../../../i18n/language.tsx';
import { describeFailure, type Failure } from './failure.ts';
import {
  decisionPath,
  loadBudget,
  loadCalls,
  loadQueue,
  mapLimited,
  queuePath,
  rankingPath,
  waitingListPath,
} from './load.ts';
import { LoadFailure } from './notices.tsx';
import './decisions.css';

/** One call as the approver's start page shows it. */
interface CallWork {
  call: CallView;
  budget: CallBudgetView | undefined;
  /** Rolling calls: the assessed applications, each to be decided on its own. */
  assessed: { items: ReviewQueueItem[]; more: boolean };
  /** Objections to decide (any selection mode). */
  appealed: { items: ReviewQueueItem[]; more: boolean };
}

const NONE = { items: [], more: false };

async function loadWork(signal: AbortSignal): Promise<CallWork[]> {
  const calls = await loadCalls(signal);
  return mapLimited(calls, 4, async (call) => {
    const budget = await loadBudget(call.id, signal).catch(() => undefined);
    const counts = budget?.applicationsByStatus;
    // Lines are read only where the counts say there is something (a page of many calls stays light).
    const [assessed, appealed] = await Promise.all([
      call.selectionMode === 'rolling' && (counts?.ASSESSED ?? 0) > 0
        ? loadQueue(call.id, 'ASSESSED', signal)
        : NONE,
      (counts?.APPEALED ?? 0) > 0 ? loadQueue(call.id, 'APPEALED', signal) : NONE,
    ]);
    return { call, budget, assessed, appealed };
  });
}

/** How many decisions a call waits for: assessed applications and objections. */
const waiting = (work: CallWork) =>
  (work.budget?.applicationsByStatus.ASSESSED ?? 0) + (work.budget?.applicationsByStatus.APPEALED ?? 0);

/**
 * /backoffice/decisions — the approver's start: every open and closed call with its selection mode,
 * its budget and what awaits a decision. Rolling calls list their assessed applications (each to its
 * decision page); competitive calls lead to the ranking and the waiting list; objections are listed
 * wherever they are. Calls with something to decide come first.
 */
export function DecisionsPage() {
  const { language } = useLanguage();
  const t = decisions[language];
  const c = common[language];
  const [work, setWork] = useState<CallWork[]>();
  const [failure, setFailure] = useState<Failure>();

  const load = useCallback(
    (signal: AbortSignal) => {
      setFailure(undefined);
      loadWork(signal).then(setWork, (error: unknown) => {
        if (!signal.aborted) setFailure(describeFailure(error, language));
      });
    },
    [language],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: loaded once; a language switch keeps the data
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal);
    return () => controller.abort();
  }, []);

  const pending = (work ?? []).filter(
    (w) =>
      waiting(w) > 0 ||
      (w.call.selectionMode === 'competitive' && (w.budget?.applicationsByStatus.WAITLISTED ?? 0) > 0),
  );
  const others = (work ?? []).filter((w) => !pending.includes(w));

  return (
    <Page title={t.startTitle}>
      <p>{t.startIntro}</p>
      {!work && !failure ? <p aria-busy="true">{c.loading}</p> : null}
      {failure ? <LoadFailure failure={failure} onRetry={() => load(new AbortController().signal)} /> : null}
      {work ? (
        <>
          <h2>{t.pendingHeading}</h2>
          {pending.length === 0 ? <p>{t.nothingPending}</p> : null}
          <ul className="card-list">
            {pending.map((w) => (
              <CallCard key={w.call.id} work={w} />
            ))}
          </ul>
          {others.length > 0 ? (
            <>
              <h2>{t.otherCallsHeading}</h2>
              <table className="data-table">
                <caption className="visually-hidden">{t.otherCallsHeading}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.call}</th>
                    <th scope="col">{t.selectionMode}</th>
                    <th scope="col">{t.deadline}</th>
                    <th scope="col">{t.applications}</th>
                    <th scope="col" className="dec-number">
                      {t.remaining}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {others.map(({ call, budget }) => (
                    <tr key={call.id}>
                      <th scope="row">
                        {call.selectionMode === 'competitive' &&
                        call.phase === 'closed' &&
                        budget &&
                        budget.applicationCount > 0 ? (
                          <Link to={rankingPath(call.id)}>{call.title[language]}</Link>
                        ) : (
                          call.title[language]
                        )}
                      </th>
                      <td>{t.mode[call.selectionMode]}</td>
                      <td>{formatDateTime(call.closesAt, language)}</td>
                      <td>{budget ? budget.applicationCount : '–'}</td>
                      <td className="dec-number">
                        {budget ? formatEuro(budget.remainingCents, language) : '–'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}

function CallCard({ work }: { work: CallWork }) {
  const { language } = useLanguage();
  const t = decisions[language];
  const { call, budget, assessed, appealed } = work;
  const counts = budget?.applicationsByStatus;
  const headingId = `dec-call-${call.id}`;
  return (
    <li className="card dec-call">
      <h3 id={headingId}>{call.title[language]}</h3>
      <p className="card__eyebrow">
        {t.mode[call.selectionMode]} · {t.phase[call.phase]} ·{' '}
        {t.deadlineAt(formatDateTime(call.closesAt, language))}
      </p>
      {budget ? (
        <p>
          {t.budgetLine(
            formatEuro(budget.budgetCents, language),
            formatEuro(budget.committedCents, language),
            formatEuro(budget.remainingCents, language),
          )}
        </p>
      ) : null}
      {counts ? (
        <dl className="dec-counts">
          {(['IN_REVIEW', 'ASSESSED', 'WAITLISTED', 'APPROVED', 'REJECTED', 'APPEALED'] as const).map(
            (status) => (
              <div key={status}>
                <dt>{t.status[status]}</dt>
                <dd>{counts[status] ?? 0}</dd>
              </div>
            ),
          )}
        </dl>
      ) : null}
      {call.selectionMode === 'competitive' ? (
        <p>
          {call.phase === 'closed' ? (
            <Link to={rankingPath(call.id)}>{t.toRankingOf(call.title[language])}</Link>
          ) : (
            t.rankingAfterDeadline(formatDateTime(call.closesAt, language))
          )}
          {(counts?.WAITLISTED ?? 0) > 0 ? (
            <>
              {' · '}
              <Link to={waitingListPath(call.id)}>{t.toWaitingListOf(call.title[language])}</Link>
            </>
          ) : null}
        </p>
      ) : null}
      {assessed.items.length > 0 ? (
        <>
          <h4>{t.toDecide}</h4>
          <ul>
            {assessed.items.map((item) => (
              <li key={item.id}>
                <Link to={decisionPath(item.id)}>{t.decideItem(item.reference ?? '', item.title)}</Link>
                {item.organisationName ? ` – ${item.organisationName}` : ''}
              </li>
            ))}
          </ul>
          <p>
            <Link to={queuePath(call.id, 'ASSESSED')}>{t.assessedInQueue}</Link>
            {assessed.more ? ` ${t.moreInQueue}` : ''}
          </p>
        </>
      ) : null}
      {appealed.items.length > 0 ? (
        <>
          <h4>{t.objectionsToDecide}</h4>
          <ul>
            {appealed.items.map((item) => (
              <li key={item.id}>
                <Link to={decisionPath(item.id)}>{t.objectionItem(item.reference ?? '', item.title)}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </li>
  );
}
