import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { CallView } from '#shared/api/schemas/call.schema.ts';
import type { CallBudgetView, DecisionAnswer } from '#shared/api/schemas/decision.schema.ts';
import type { ObjectionDecisionAnswer } from '#shared/api/schemas/objection-decision.schema.ts';
import type { ReviewApplicationView } from '#shared/api/schemas/review.schema.ts';
import { proposedGrant } from '#shared/domain/ranking.ts';
import { useSession } from '../../../auth/session.ts';
import { announce } from '../../../components/live-region.tsx';
import { Page } from '../../../components/page.tsx';
import { formatDate, formatDateTime, formatEuro } from '../../../format.ts';
import { common } from '../../../i18n/common.ts';
import { decisions } from '../../../i18n/decisions.ts';
import { useLanguage } from '../../../i18n/language.tsx';
import { AssessmentSummary } from './assessment-summary.tsx';
import { DecisionForm } from './decision-form.tsx';
import { describeFailure, type Failure } from './failure.ts';
import { loadBudget, loadCall, loadReviewView, rankingPath } from './load.ts';
import { LoadFailure } from './notices.tsx';
import { ObjectionForm } from './objection-form.tsx';
import './decisions.css';

interface Loaded {
  view: ReviewApplicationView;
  call: CallView;
  /** Undefined when it could not be read: the page still works, the server checks the budget. */
  budget: CallBudgetView | undefined;
}
type Load = { state: 'loading' } | { state: 'failed'; failure: Failure } | ({ state: 'loaded' } & Loaded);

/** What was just decided here, for the panel that says what happens next. */
type Decided =
  | { kind: 'decision'; answer: DecisionAnswer }
  | { kind: 'objection'; answer: ObjectionDecisionAnswer };

async function loadAll(id: string, signal: AbortSignal): Promise<Loaded> {
  const view = await loadReviewView(id, signal);
  const [call, budget] = await Promise.all([
    loadCall(view.call.id, signal),
    loadBudget(view.call.id, signal).catch(() => undefined),
  ]);
  return { view, call, budget };
}

/**
 * /backoffice/applications/:id/decision — the approver's decision on one application: the assessments'
 * summary, the grant's limits and the call's remaining budget, then what can be decided now: the decision
 * of a rolling call (approve with an amount or reject), the objection (remedy or dismiss), or — decided
 * already — the decision with its letters. After deciding, the page says what happens next.
 */
export function DecisionPage() {
  const { id = '' } = useParams();
  const { language } = useLanguage();
  const t = decisions[language];
  const c = common[language];
  const me = useSession()?.user.sub;
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [decided, setDecided] = useState<Decided>();
  const outcomeHeading = useRef<HTMLHeadingElement>(null);

  const reload = useCallback(
    (signal?: AbortSignal) => {
      const controller = new AbortController();
      loadAll(id, signal ?? controller.signal).then(
        (loaded) => setLoad({ state: 'loaded', ...loaded }),
        (error: unknown) => {
          if (!signal?.aborted) setLoad({ state: 'failed', failure: describeFailure(error, language) });
        },
      );
    },
    [id, language],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: loaded once per application; a language switch keeps the page
  useEffect(() => {
    const controller = new AbortController();
    setLoad({ state: 'loading' });
    reload(controller.signal);
    return () => controller.abort();
  }, [id]);

  useEffect(() => {
    if (decided) outcomeHeading.current?.focus();
  }, [decided]);

  const title = load.state === 'loaded' ? t.decisionTitle(load.view.title) : t.decisionPageTitle;

  const setRemaining = (remainingCents: number) =>
    setLoad((current) =>
      current.state === 'loaded' && current.budget
        ? {
            ...current,
            budget: {
              ...current.budget,
              remainingCents,
              committedCents: current.budget.budgetCents - remainingCents,
            },
          }
        : current,
    );

  return (
    <Page title={title}>
      <p>
        <Link to="/backoffice/decisions">{t.backToDecisions}</Link>
        {' · '}
        <Link to={`/backoffice/applications/${id}`}>{t.toApplicationView}</Link>
      </p>
      {load.state === 'loading' ? <p aria-busy="true">{c.loading}</p> : null}
      {load.state === 'failed' ? <LoadFailure failure={load.failure} onRetry={() => reload()} /> : null}
      {load.state === 'loaded' ? (
        <Decision
          {...load}
          me={me}
          decided={decided}
          outcomeHeading={outcomeHeading}
          onDecided={(next) => {
            setDecided(next);
            announce(t.decidedAnnouncement);
            reload();
          }}
          onRemaining={setRemaining}
          onReload={() => reload()}
        />
      ) : null}
    </Page>
  );
}

function Decision({
  view,
  call,
  budget,
  me,
  decided,
  outcomeHeading,
  onDecided,
  onRemaining,
  onReload,
}: Loaded & {
  me: string | undefined;
  decided: Decided | undefined;
  outcomeHeading: RefObject<HTMLHeadingElement | null>;
  onDecided: (decided: Decided) => void;
  onRemaining: (remainingCents: number) => void;
  onReload: () => void;
}) {
  const { language } = useLanguage();
  const t = decisions[language];
  const status = view.status;
  const basis = {
    requestedGrantCents: view.totals?.requestedGrantCents ?? 0,
    totalCostsCents: view.totals?.totalCostsCents ?? 0,
  };
  const involved =
    me !== undefined &&
    ((view.assignments ?? []).some((a) => a.reviewerSub === me) ||
      (view.assessments ?? []).some((a) => a.reviewerSub === me));
  const proposed = proposedGrant({
    requestedGrantCents: basis.requestedGrantCents,
    recommendedGrantCents: view.assessmentSummary?.recommendedGrantCents ?? basis.requestedGrantCents,
  });
  const previousGrant = view.decision?.outcome === 'approved' ? (view.decision.grantedCents ?? 0) : 0;

  return (
    <>
      {decided ? <Outcome decided={decided} headingRef={outcomeHeading} /> : null}
      <dl className="dec-facts">
        <div>
          <dt>{t.reference}</dt>
          <dd>{view.reference ?? '–'}</dd>
        </div>
        <div>
          <dt>{t.organisation}</dt>
          <dd>{view.organisation.name}</dd>
        </div>
        <div>
          <dt>{t.call}</dt>
          <dd>{call.title[language]}</dd>
        </div>
        <div>
          <dt>{t.selectionMode}</dt>
          <dd>{t.mode[call.selectionMode]}</dd>
        </div>
        <div>
          <dt>{t.statusLabel}</dt>
          <dd>{status ? t.status[status] : '–'}</dd>
        </div>
        {view.submittedAt ? (
          <div>
            <dt>{t.submittedAt}</dt>
            <dd>{formatDateTime(view.submittedAt, language)}</dd>
          </div>
        ) : null}
      </dl>

      {view.assignments && view.assignments.length > 0 ? (
        <p>
          {view.assignments
            .map((a) => t.reviewedBy(t.roles[a.role], a.reviewerName ?? t.unknownReviewer))
            .join(' · ')}
        </p>
      ) : null}

      {involved && (status === 'ASSESSED' || status === 'APPEALED') ? (
        <p className="notice notice--warning dec-notice">{t.fourEyesAhead}</p>
      ) : null}

      <BudgetFacts budget={budget} />
      <AssessmentSummary view={view} call={call} />

      {status === 'ASSESSED' && call.selectionMode === 'rolling' ? (
        <DecisionForm
          applicationId={view.id}
          call={call}
          basis={basis}
          proposedCents={proposed}
          remainingCents={budget?.remainingCents}
          onDecided={(answer) => onDecided({ kind: 'decision', answer })}
          onRemaining={onRemaining}
          onReload={onReload}
        />
      ) : null}
      {status === 'ASSESSED' && call.selectionMode === 'competitive' ? (
        <p className="notice dec-notice">
          {t.competitiveHere} <Link to={rankingPath(call.id)}>{t.toRanking}</Link>
        </p>
      ) : null}
      {status && !['ASSESSED', 'APPEALED'].includes(status) && !view.decision && !view.waitingList ? (
        <p className="notice dec-notice">{t.notReady(t.status[status])}</p>
      ) : null}

      {view.decision || view.waitingList ? <DecidedSummary view={view} /> : null}

      {status === 'APPEALED' ? (
        <ObjectionForm
          applicationId={view.id}
          call={call}
          basis={basis}
          previousGrantCents={previousGrant}
          remainingCents={budget?.remainingCents}
          onDecided={(answer) => onDecided({ kind: 'objection', answer })}
          onRemaining={onRemaining}
          onReload={onReload}
        />
      ) : null}
    </>
  );
}

function BudgetFacts({ budget }: { budget: CallBudgetView | undefined }) {
  const { language } = useLanguage();
  const t = decisions[language];
  return (
    <section aria-labelledby="dec-budget-heading" className="dec-section">
      <h2 id="dec-budget-heading">{t.budgetHeading}</h2>
      {budget ? (
        <dl className="dec-facts">
          <div>
            <dt>{t.budget}</dt>
            <dd>{formatEuro(budget.budgetCents, language)}</dd>
          </div>
          <div>
            <dt>{t.committed}</dt>
            <dd>{formatEuro(budget.committedCents, language)}</dd>
          </div>
          <div>
            <dt>{t.remaining}</dt>
            <dd data-testid="remaining-budget">{formatEuro(budget.remainingCents, language)}</dd>
          </div>
        </dl>
      ) : (
        <p>{t.budgetUnavailable}</p>
      )}
    </section>
  );
}

/** After deciding: what was decided and what happens next, focused so it is read first. */
function Outcome({
  decided,
  headingRef,
}: {
  decided: Decided;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const { language } = useLanguage();
  const t = decisions[language];
  const { answer } = decided;
  let headline: string;
  let next: string;
  if (decided.kind === 'decision') {
    headline =
      answer.decision.outcome === 'approved'
        ? t.approvedHeadline(formatEuro(answer.decision.grantedCents ?? 0, language))
        : t.rejectedHeadline;
    next = answer.decision.outcome === 'approved' ? t.nextAfterApproval : t.nextAfterRejection;
  } else {
    const objection = decided.answer.objection;
    headline =
      objection.outcome === 'remedied'
        ? t.remediedHeadline(formatEuro(decided.answer.decision.grantedCents ?? 0, language))
        : t.dismissedHeadline;
    next = objection.outcome === 'remedied' ? t.nextAfterRemedy : t.nextAfterDismissal;
  }
  return (
    <section className="notice notice--success dec-outcome" aria-labelledby="dec-outcome-heading">
      <h2 id="dec-outcome-heading" tabIndex={-1} ref={headingRef}>
        {headline}
      </h2>
      <p>{next}</p>
      <p>
        <Link to="/backoffice/decisions">{t.backToDecisions}</Link>
      </p>
    </section>
  );
}

/** The decision as it stands, with its letters, notification and objection. */
function DecidedSummary({ view }: { view: ReviewApplicationView }) {
  const { language } = useLanguage();
  const t = decisions[language];
  const { decision, waitingList, letters, notification, objection } = view;
  return (
    <section aria-labelledby="dec-decided-heading" className="dec-section">
      <h2 id="dec-decided-heading">{t.decidedHeading}</h2>
      {waitingList && view.status === 'WAITLISTED' ? (
        <p>{t.waitingPlace(waitingList.rank, formatEuro(waitingList.proposedGrantCents, language))}</p>
      ) : null}
      {decision ? (
        <dl className="dec-facts">
          <div>
            <dt>{t.outcomeLabel}</dt>
            <dd>
              {decision.outcome === 'approved'
                ? t.outcomeApproved
                : decision.rejectionGround === 'lack-of-funds'
                  ? t.outcomeRejectedFunds
                  : t.outcomeRejected}
            </dd>
          </div>
          {decision.grantedCents !== undefined ? (
            <div>
              <dt>{t.grantedAmount}</dt>
              <dd>{formatEuro(decision.grantedCents, language)}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t.financingType}</dt>
            <dd>
              {t.financing[decision.financingType as keyof typeof t.financing] ?? decision.financingType}
            </dd>
          </div>
          <div>
            <dt>{t.decidedAt}</dt>
            <dd>{formatDateTime(decision.decidedAt, language)}</dd>
          </div>
        </dl>
      ) : null}
      {decision && decision.conditions.length > 0 ? (
        <>
          <h3>{t.conditions}</h3>
          <ul>
            {decision.conditions.map((condition) => (
              <li key={condition}>{condition}</li>
            ))}
          </ul>
        </>
      ) : null}
      {decision?.reasons ? (
        <>
          <h3>{t.reasons}</h3>
          <p className="dec-quote">{decision.reasons}</p>
        </>
      ) : null}
      {letters && letters.length > 0 ? (
        <>
          <h3>{t.lettersHeading}</h3>
          <ul>
            {letters.map((letter) => (
              <li key={letter.id}>
                {t.letter[letter.kind]}, {formatDateTime(letter.createdAt, language)}
                {' – '}
                {letter.firstRetrievedAt
                  ? t.retrievedAt(formatDateTime(letter.firstRetrievedAt, language))
                  : t.notRetrieved}
              </li>
            ))}
          </ul>
        </>
      ) : decision ? (
        <p>{t.letterPending}</p>
      ) : null}
      {notification ? (
        <p>
          {t.notified(
            formatDate(notification.notifiedOn, language),
            formatDateTime(notification.appealPeriodEndsAt, language),
          )}
        </p>
      ) : null}
      {objection ? (
        <>
          <h3>{t.objectionHeading}</h3>
          <p>{t.objectionLodged(formatDateTime(objection.at, language))}</p>
          <p className="dec-quote">{objection.reason}</p>
          {objection.outcome ? (
            <p>
              {objection.outcome === 'remedied' ? t.objectionRemedied : t.objectionDismissed}
              {objection.decidedAt ? ` (${formatDateTime(objection.decidedAt, language)})` : ''}
            </p>
          ) : null}
          {objection.reasons ? <p className="dec-quote">{objection.reasons}</p> : null}
        </>
      ) : null}
    </section>
  );
}
