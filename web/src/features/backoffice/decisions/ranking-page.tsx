import { Fragment, type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { CallView } from '#shared/api/schemas/call.schema.ts';
import type {
  BatchDecisionResult,
  RankingEntry,
  RankingView,
} from '#shared/api/schemas/competitive.schema.ts';
import { ApiError, api } from '../../../api.ts';
import { useSession } from '../../../auth/session.ts';
import { ErrorSummary, type SummaryError } from '../../../components/error-summary.tsx';
import { announce } from '../../../components/live-region.tsx';
import { Page } from '../../../components/page.tsx';
import { formatDateTime, formatEuro } from '../../../format.ts';
import { common } from '../../../i18n/common.ts';
import { decisions } from '../../../i18n/decisions.ts';
import { useLanguage } from '../../../i18n/language.tsx';
import type { Language } from '../../../i18n/messages.ts';
import { useIdempotencyKey } from '../../application-status/idempotency-key.ts';
import { type Choice, defaultRow, isDecided, type Row, type RowErrors, readBatch } from './batch.ts';
import { describeFailure, type Failure } from './failure.ts';
import { convertAmountText } from './grant.ts';
import { decisionPath, loadCall, loadRanking, waitingListPath } from './load.ts';
import { FailureNotice, LoadFailure } from './notices.tsx';
import './decisions.css';

type Load =
  | { state: 'loading' }
  | { state: 'failed'; failure: Failure }
  | { state: 'loaded'; ranking: RankingView; call: CallView };

const CHOICES: Choice[] = ['approved', 'waitlisted', 'rejected-funds', 'rejected-merits'];
const rowId = (field: string, entry: RankingEntry) => `rank-${field}-${entry.applicationId}`;

/**
 * /backoffice/calls/:callId/ranking — a competitive call's ranking after its deadline: the applications
 * by score with the proposed funding line where the remaining budget runs out, a decision per application
 * (approve with an adjustable amount, waiting list, reject for lack of funds or on the merits; defaults
 * from the line), the running total against the budget, then the batch decision (POST …/decisions) after
 * a confirmation step, and its result in words. A batch that was interrupted is continued from here.
 */
export function RankingPage() {
  const { callId = '' } = useParams();
  const { language } = useLanguage();
  const t = decisions[language];
  const c = common[language];
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [result, setResult] = useState<BatchDecisionResult>();
  const resultHeading = useRef<HTMLHeadingElement>(null);

  const reload = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const [ranking, call] = await Promise.all([loadRanking(callId, signal), loadCall(callId, signal)]);
        setLoad({ state: 'loaded', ranking, call });
      } catch (error) {
        if (!signal?.aborted) setLoad({ state: 'failed', failure: describeFailure(error, language) });
      }
    },
    [callId, language],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: loaded once per call; a language switch keeps the choices
  useEffect(() => {
    const controller = new AbortController();
    setLoad({ state: 'loading' });
    void reload(controller.signal);
    return () => controller.abort();
  }, [callId]);
  useEffect(() => {
    if (result) resultHeading.current?.focus();
  }, [result]);

  const title = load.state === 'loaded' ? t.rankingTitle(load.call.title[language]) : t.rankingPageTitle;
  return (
    <Page title={title}>
      <p>
        <Link to="/backoffice/decisions">{t.backToDecisions}</Link>
        {load.state === 'loaded' && load.ranking.entries.some((e) => e.waitingList) ? (
          <>
            {' · '}
            <Link to={waitingListPath(callId)}>{t.toWaitingList}</Link>
          </>
        ) : null}
      </p>
      {load.state === 'loading' ? <p aria-busy="true">{c.loading}</p> : null}
      {load.state === 'failed' ? <LoadFailure failure={load.failure} onRetry={() => void reload()} /> : null}
      {result ? <BatchResult result={result} headingRef={resultHeading} /> : null}
      {load.state === 'loaded' ? (
        <Ranking
          key={load.ranking.batch?.status ?? 'none'}
          ranking={load.ranking}
          call={load.call}
          onDecided={(answer) => {
            setResult(answer);
            announce(t.batchDecidedAnnouncement);
            void reload();
          }}
          onReload={() => void reload()}
        />
      ) : null}
    </Page>
  );
}

function Ranking({
  ranking,
  call,
  onDecided,
  onReload,
}: {
  ranking: RankingView;
  call: CallView;
  onDecided: (result: BatchDecisionResult) => void;
  onReload: () => void;
}) {
  const { language } = useLanguage();
  const t = decisions[language];
  const me = useSession()?.user.sub;
  const batch = ranking.batch;
  const done = batch?.status === 'done';
  const someoneElse = batch?.status === 'running' && batch.decidedBy !== me;
  const editable = !done && !someoneElse && ranking.entries.some((entry) => !isDecided(entry));

  const [rows, setRows] = useState<Map<string, Row>>(
    () =>
      new Map(
        ranking.entries
          .filter((e) => !isDecided(e))
          .map((entry) => [entry.applicationId, defaultRow(entry, language)]),
      ),
  );
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [checked, setChecked] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<Failure>();
  const [serverErrors, setServerErrors] = useState<string[]>([]);
  const idempotencyKey = useIdempotencyKey();
  const confirmHeading = useRef<HTMLHeadingElement>(null);

  const typedIn = useRef<Language>(language);
  useEffect(() => {
    const from = typedIn.current;
    typedIn.current = language;
    setRows(
      (current) =>
        new Map(
          [...current].map(([id, row]) => [
            id,
            { ...row, amount: convertAmountText(row.amount, from, language) },
          ]),
        ),
    );
  }, [language]);
  useEffect(() => {
    if (confirming) confirmHeading.current?.focus();
  }, [confirming]);

  const read = readBatch(ranking, rows, call, language);
  const errorsOf = (entry: RankingEntry): RowErrors =>
    checked > 0 || touched.has(entry.applicationId) ? (read.errors.get(entry.applicationId) ?? {}) : {};
  const overBy = read.approvedCents - ranking.remainingCents;

  const change = (entry: RankingEntry, patch: Partial<Row>) => {
    setRows((current) => {
      const next = new Map(current);
      next.set(entry.applicationId, { ...(current.get(entry.applicationId) as Row), ...patch });
      return next;
    });
    setTouched((current) => new Set(current).add(entry.applicationId));
    setConfirming(false);
    setFailure(undefined);
  };

  const summary: SummaryError[] = ranking.entries.flatMap((entry) => {
    const found = checked > 0 ? (read.errors.get(entry.applicationId) ?? {}) : {};
    const label = entry.reference ?? entry.title;
    return [
      ...(found.amount ? [{ fieldId: rowId('amount', entry), message: `${label}: ${found.amount}` }] : []),
      ...(found.reasons ? [{ fieldId: rowId('reasons', entry), message: `${label}: ${found.reasons}` }] : []),
    ];
  });
  if (checked > 0 && overBy > 0) {
    summary.push({
      message: t.batchOverBudget(formatEuro(overBy, language), formatEuro(ranking.remainingCents, language)),
    });
  }
  for (const message of serverErrors) summary.push({ message });

  const review = () => {
    setChecked((count) => count + 1);
    setServerErrors([]);
    if (read.errors.size > 0 || overBy > 0) return;
    setConfirming(true);
  };

  const send = async () => {
    setSending(true);
    setFailure(undefined);
    try {
      const { body } = await api<BatchDecisionResult>(
        'POST',
        `/api/review/calls/${encodeURIComponent(ranking.callId)}/decisions`,
        {
          body: { decisions: read.decisions },
          headers: { 'idempotency-key': idempotencyKey.current() },
        },
      );
      idempotencyKey.renew();
      onDecided(body);
    } catch (error) {
      if (error instanceof ApiError) idempotencyKey.renew();
      const described = describeFailure(error, language);
      if (error instanceof ApiError && error.status === 422) {
        // Name the applications the refusal is about (paths point into the decisions sent).
        setServerErrors(
          (error.problem.errors ?? []).map((found) => {
            const index = Number(found.path.split('.')[1]);
            const entry = Number.isNaN(index) ? undefined : ranking.entries[index];
            return entry ? `${entry.reference ?? entry.title}: ${found.message}` : found.message;
          }),
        );
        setConfirming(false);
        setChecked((count) => count + 1);
      } else {
        setFailure(described);
      }
    } finally {
      setSending(false);
    }
  };

  const position = ranking.line.position;
  return (
    <>
      <BudgetSummary ranking={ranking} />
      {batch ? <BatchState ranking={ranking} mine={!someoneElse} /> : null}
      {editable ? <p>{t.rankingIntro}</p> : null}
      {editable ? <ErrorSummary errors={summary} submitCount={checked} /> : null}
      <div className="dec-scroll">
        <table className="data-table dec-ranking">
          <caption>{t.rankingCaption(ranking.entries.length)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.rank}</th>
              <th scope="col">{t.application}</th>
              <th scope="col">{t.score}</th>
              <th scope="col" className="dec-number">
                {t.requestedShort}
                <span className="dec-sub">{t.proposedShort}</span>
              </th>
              <th scope="col">{t.decisionColumn}</th>
              <th scope="col">{t.amountColumn}</th>
              {editable ? <th scope="col">{t.reasonsColumn}</th> : null}
            </tr>
          </thead>
          <tbody>
            {ranking.entries.map((entry, index) => (
              <Fragment key={entry.applicationId}>
                {editable && index === position ? <LineRow ranking={ranking} columns={7} /> : null}
                <tr className={entry.aboveLine ? 'dec-above' : 'dec-below'}>
                  <td>{entry.rank}</td>
                  <th scope="row">
                    <Link to={decisionPath(entry.applicationId)}>{entry.title}</Link>
                    <span className="dec-sub">
                      {entry.reference ?? ''}
                      {entry.organisationName ? ` · ${entry.organisationName}` : ''}
                    </span>
                  </th>
                  <td>{t.scoreOf(entry.totalScore, entry.maxScore)}</td>
                  <td className="dec-number">
                    {formatEuro(entry.requestedGrantCents, language)}
                    <span className="dec-sub">{formatEuro(entry.proposedGrantCents, language)}</span>
                  </td>
                  {editable && !isDecided(entry) ? (
                    <EditableCells
                      entry={entry}
                      row={rows.get(entry.applicationId) as Row}
                      errors={errorsOf(entry)}
                      onChange={(patch) => change(entry, patch)}
                    />
                  ) : (
                    <DecidedCells entry={entry} editable={editable} />
                  )}
                </tr>
              </Fragment>
            ))}
            {editable && position >= ranking.entries.length && ranking.entries.length > 0 ? (
              <LineRow ranking={ranking} columns={7} />
            ) : null}
          </tbody>
        </table>
      </div>

      {editable ? (
        <>
          <div role="status" className={overBy > 0 ? 'notice notice--error dec-total' : 'notice dec-total'}>
            <p>
              {t.runningTotal(
                formatEuro(read.approvedCents, language),
                formatEuro(ranking.remainingCents, language),
              )}{' '}
              {overBy > 0
                ? t.runningOver(formatEuro(overBy, language))
                : t.runningLeft(formatEuro(ranking.remainingCents - read.approvedCents, language))}
            </p>
            <p>{t.runningCounts(read.counts.approved, read.counts.waitlisted, read.counts.rejected)}</p>
          </div>
          {confirming ? (
            <section className="dec-confirm" aria-labelledby="rank-confirm-heading">
              <h2 id="rank-confirm-heading" tabIndex={-1} ref={confirmHeading}>
                {t.confirmHeading}
              </h2>
              <p>
                {t.confirmText(
                  read.counts.approved,
                  formatEuro(read.approvedCents, language),
                  read.counts.waitlisted,
                  read.counts.rejected,
                )}
              </p>
              <p>{t.confirmConsequence}</p>
              <FailureNotice failure={failure} onReload={onReload} />
              <div className="actions">
                <button type="button" className="button" disabled={sending} onClick={() => void send()}>
                  {sending ? t.sending : batch?.status === 'running' ? t.continueBatch : t.decideBatch}
                </button>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => setConfirming(false)}
                >
                  {t.backToChoice}
                </button>
              </div>
            </section>
          ) : (
            <div className="actions">
              <button type="button" className="button" onClick={review}>
                {t.reviewBatch}
              </button>
            </div>
          )}
        </>
      ) : null}
    </>
  );
}

function EditableCells({
  entry,
  row,
  errors,
  onChange,
}: {
  entry: RankingEntry;
  row: Row;
  errors: RowErrors;
  onChange: (patch: Partial<Row>) => void;
}) {
  const { language } = useLanguage();
  const t = decisions[language];
  const label = entry.reference ?? entry.title;
  const needsAmount = row.choice === 'approved' || row.choice === 'waitlisted';
  const needsReasons = row.choice === 'rejected-merits' || errors.reasons !== undefined || row.reasons !== '';
  const amountError = rowId('amount-error', entry);
  const reasonsError = rowId('reasons-error', entry);
  return (
    <>
      <td>
        <label className="visually-hidden" htmlFor={rowId('choice', entry)}>
          {t.choiceFor(label)}
        </label>
        <select
          id={rowId('choice', entry)}
          value={row.choice}
          onChange={(event) => onChange({ choice: event.target.value as Choice })}
        >
          {CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {t.choice[choice]}
            </option>
          ))}
        </select>
      </td>
      <td>
        {needsAmount ? (
          <>
            <label className="visually-hidden" htmlFor={rowId('amount', entry)}>
              {row.choice === 'approved' ? t.amountFor(label) : t.waitingAmountFor(label)}
            </label>
            {errors.amount ? (
              <p className="field__error" id={amountError}>
                {errors.amount}
              </p>
            ) : null}
            <input
              id={rowId('amount', entry)}
              className="dec-amount-input"
              inputMode="decimal"
              autoComplete="off"
              value={row.amount}
              aria-invalid={errors.amount ? true : undefined}
              aria-describedby={errors.amount ? amountError : undefined}
              onChange={(event) => onChange({ amount: event.target.value })}
            />
          </>
        ) : (
          '–'
        )}
      </td>
      <td>
        {needsReasons ? (
          <>
            <label className="visually-hidden" htmlFor={rowId('reasons', entry)}>
              {t.reasonsFor(label)}
            </label>
            {errors.reasons ? (
              <p className="field__error" id={reasonsError}>
                {errors.reasons}
              </p>
            ) : null}
            <textarea
              id={rowId('reasons', entry)}
              rows={2}
              value={row.reasons}
              aria-invalid={errors.reasons ? true : undefined}
              aria-describedby={errors.reasons ? reasonsError : undefined}
              onChange={(event) => onChange({ reasons: event.target.value })}
            />
          </>
        ) : (
          '–'
        )}
      </td>
    </>
  );
}

/** A decided entry: its status in words and its amount (granted, or proposed for the waiting list). */
function DecidedCells({ entry, editable }: { entry: RankingEntry; editable: boolean }) {
  const { language } = useLanguage();
  const t = decisions[language];
  const amount =
    entry.grantedCents ?? (entry.status === 'WAITLISTED' ? entry.waitingList?.proposedGrantCents : undefined);
  return (
    <>
      <td>
        {t.status[entry.status]}
        {entry.waitingListRank !== undefined ? ` (${t.placeN(entry.waitingListRank)})` : ''}
        {entry.waitingList?.movedUp ? ` (${t.movedUpFrom(entry.waitingList.rank)})` : ''}
      </td>
      <td>{amount !== undefined ? formatEuro(amount, language) : '–'}</td>
      {editable ? <td>–</td> : null}
    </>
  );
}

function LineRow({ ranking, columns }: { ranking: RankingView; columns: number }) {
  const { language } = useLanguage();
  const t = decisions[language];
  return (
    <tr className="dec-line">
      <td colSpan={columns}>
        {t.fundingLine(
          formatEuro(ranking.line.proposedTotalCents, language),
          formatEuro(ranking.line.remainingAfterLineCents, language),
        )}
      </td>
    </tr>
  );
}

function BudgetSummary({ ranking }: { ranking: RankingView }) {
  const { language } = useLanguage();
  const t = decisions[language];
  return (
    <dl className="dec-facts">
      <div>
        <dt>{t.budget}</dt>
        <dd>{formatEuro(ranking.budgetCents, language)}</dd>
      </div>
      <div>
        <dt>{t.committed}</dt>
        <dd>{formatEuro(ranking.committedCents, language)}</dd>
      </div>
      <div>
        <dt>{t.remaining}</dt>
        <dd>{formatEuro(ranking.remainingCents, language)}</dd>
      </div>
    </dl>
  );
}

function BatchState({ ranking, mine }: { ranking: RankingView; mine: boolean }) {
  const { language } = useLanguage();
  const t = decisions[language];
  const batch = ranking.batch;
  if (!batch) return null;
  const when = formatDateTime(batch.startedAt, language);
  if (batch.status === 'done')
    return <p className="notice notice--success dec-notice">{t.batchDone(when)}</p>;
  const decided = ranking.entries.filter(isDecided).length;
  return (
    <p className="notice notice--warning dec-notice">
      {mine ? t.batchInterrupted(when, decided, ranking.entries.length) : t.batchOfSomeoneElse(when)}
    </p>
  );
}

/** The batch's answer in words: what was decided, the budget after it, and what happens next. */
function BatchResult({
  result,
  headingRef,
}: {
  result: BatchDecisionResult;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const { language } = useLanguage();
  const t = decisions[language];
  const count = (outcome: string) =>
    result.results.filter((r) => r.outcome === outcome && r.applied !== 'withdrawn').length;
  const approvedSum = result.results.reduce(
    (sum, r) => sum + (r.outcome === 'approved' ? (r.grantedCents ?? 0) : 0),
    0,
  );
  const withdrawn = result.results.filter((r) => r.applied === 'withdrawn').length;
  return (
    <section className="notice notice--success dec-outcome" aria-labelledby="rank-result-heading">
      <h2 id="rank-result-heading" tabIndex={-1} ref={headingRef}>
        {t.batchResultHeading}
      </h2>
      <p>
        {t.batchResult(
          count('approved'),
          formatEuro(approvedSum, language),
          count('waitlisted'),
          count('rejected'),
        )}
        {withdrawn > 0 ? ` ${t.batchWithdrawn(withdrawn)}` : ''}
      </p>
      <p>
        {t.batchBudgetAfter(
          formatEuro(result.committedCents, language),
          formatEuro(result.budgetCents, language),
          formatEuro(result.remainingCents, language),
        )}
      </p>
      <p>{t.batchNext}</p>
    </section>
  );
}
