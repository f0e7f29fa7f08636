import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { CallView } from '#shared/api/schemas/call.schema.ts';
import type { ReviewApplicationView } from '#shared/api/schemas/review.schema.ts';
import { useSession } from '../../../auth/session.ts';
import { announce } from '../../../components/live-region.tsx';
import { Page } from '../../../components/page.tsx';
import { Timeline } from '../../../components/timeline.tsx';
import { formatDateTime } from '../../../format.ts';
import { common } from '../../../i18n/common.ts';
import { useLanguage } from '../../../i18n/language.tsx';
import { review as messages } from '../../../i18n/review.ts';
import { FinancePlanSection, ProjectSection } from './application-content.tsx';
import { ApproverSection } from './approver-section.tsx';
import type { RecordedAssessment } from './assessment-common.tsx';
import { ConflictDeclaration, type DeclarationResult } from './conflict-declaration.tsx';
import { ContentAssessmentForm } from './content-assessment.tsx';
import { DocumentsSection } from './documents-section.tsx';
import { describeFailure } from './failure.ts';
import { FinancialAssessmentForm } from './financial-assessment.tsx';
import { loadCall, loadReviewView, loadTimeline, type TimelineEntry } from './load.ts';
import { NachforderungForm, type NachforderungResult } from './nachforderung-form.tsx';
import './review.css';

type Load =
  | { state: 'loading' }
  | { state: 'failed'; notFound: boolean; message: string }
  | {
      state: 'loaded';
      view: ReviewApplicationView;
      call: CallView;
      timeline?: TimelineEntry[] | undefined;
      timelineFailed: boolean;
    };

/** What the person just did, said at the top of the page (focused, so it is read out). */
type Outcome =
  | { kind: 'declared-no' }
  | { kind: 'declared-conflict'; result: DeclarationResult }
  | { kind: 'assessed'; result: RecordedAssessment }
  | { kind: 'nachforderung'; result: NachforderungResult };

/** After an action with follow-up work (the assessment summary), the page reads again this often. */
const POLL_MS = 2000;
const MAX_POLLS = 30;

/**
 * /backoffice/applications/:id — one application for reviewers and approvers. An assigned reviewer who
 * has not declared sees only what identifies it and the declaration on conflicts of interest; then the
 * whole application: assignments, project, finance plan, documents (open or save), timeline, their
 * assessment (content or financial) and the Nachforderung. Approvers see the assessments and, where
 * they decide it, the way to the decision page.
 */
export function ReviewApplicationPage() {
  const { id = '' } = useParams();
  const { language } = useLanguage();
  const t = messages[language];
  const session = useSession();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const [until, setUntil] = useState<{ predicate: (view: ReviewApplicationView) => boolean } | undefined>();
  const polls = useRef(0);
  const loaded = useRef(false);
  const outcomeRef = useRef<HTMLDivElement>(null);

  // The timeline's texts come in the request's language: read again when it changes.
  const fetchAll = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const view = await loadReviewView(id, signal);
        const [call, timeline] = await Promise.all([
          loadCall(view.call.id, signal),
          view.access === 'full'
            ? loadTimeline(id, language, signal).catch(() => undefined)
            : Promise.resolve([] as TimelineEntry[]),
        ]);
        if (signal?.aborted) return;
        loaded.current = true;
        setLoad({ state: 'loaded', view, call, timeline, timelineFailed: timeline === undefined });
        return view;
      } catch (error) {
        if (signal?.aborted) return;
        const failure = describeFailure(error, t);
        // A failed re-read keeps what is on the page (and the forms' input) and says why; the first read
        // shows the failure instead of the page.
        if (loaded.current) announce(failure.message);
        else setLoad({ state: 'failed', notFound: failure.kind === 'gone', message: failure.message });
        return undefined;
      }
    },
    // A new language reads the timeline again, in it (t follows the language).
    [id, language, t],
  );

  useEffect(() => {
    const controller = new AbortController();
    void fetchAll(controller.signal);
    return () => controller.abort();
  }, [fetchAll]);

  // Follow-up work (the summary after the second assessment) takes seconds: read again until it is done.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on each load, so polling goes on until the predicate holds
  useEffect(() => {
    if (!until || load.state !== 'loaded') return;
    if (until.predicate(load.view) || polls.current >= MAX_POLLS) {
      setUntil(undefined);
      return;
    }
    const timer = setTimeout(() => {
      polls.current += 1;
      void fetchAll();
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [until, load]);

  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  const reload = useCallback(() => {
    void fetchAll();
  }, [fetchAll]);

  if (outcome?.kind === 'declared-conflict') {
    return (
      <Page title={t.conflictDeclaredYesHeading}>
        <div className="done-panel" tabIndex={-1} ref={outcomeRef} role="status">
          <p>{outcome.result.message[language]}</p>
          <p>{outcome.result.reassigned === false ? t.conflictWaiting : t.conflictReassigned}</p>
        </div>
        <p>
          <Link to="/backoffice/applications">{t.backToQueue}</Link>
        </p>
      </Page>
    );
  }

  if (load.state === 'loading') {
    return (
      <Page title={t.applicationTitle}>
        <p aria-busy="true">{common[language].loading}</p>
      </Page>
    );
  }
  if (load.state === 'failed') {
    return (
      <Page title={t.applicationTitle}>
        <div className="notice notice--error" role="alert">
          <p>{load.notFound ? t.notFound : `${t.loadFailed} ${load.message}`}</p>
          {load.notFound ? null : (
            <button type="button" className="button" onClick={reload}>
              {t.retry}
            </button>
          )}
        </div>
        <p>
          <Link to="/backoffice/applications">{t.backToQueue}</Link>
        </p>
      </Page>
    );
  }

  const { view, call, timeline, timelineFailed } = load;
  const approver = session?.user.groups.includes('approver') ?? false;
  const status = view.status ? t.status[view.status] : undefined;
  const mine = (view.myAssignments ?? []).filter((assignment) => assignment.declaration?.conflict === false);
  const full = view.access === 'full' && view.content && view.totals;

  const onRecorded = (result: RecordedAssessment) => {
    setOutcome({ kind: 'assessed', result });
    announce(t.assessmentRecorded);
    polls.current = 0;
    // The summary follows once both are in: read until the application is ASSESSED.
    setUntil(
      result.bothRecorded ? { predicate: (next) => next.status !== 'IN_REVIEW' } : { predicate: () => true },
    );
    void fetchAll();
  };

  return (
    <Page title={view.title}>
      {outcome ? (
        <div className="done-panel" tabIndex={-1} ref={outcomeRef} role="status">
          {outcome.kind === 'declared-no' ? <p>{t.conflictDeclaredNo}</p> : null}
          {outcome.kind === 'assessed' ? (
            <>
              <p>{t.assessmentRecorded}</p>
              <p>{outcome.result.bothRecorded ? t.assessmentBoth : t.assessmentWaitingOther}</p>
            </>
          ) : null}
          {outcome.kind === 'nachforderung' ? (
            <p>{t.nachforderungSent(formatDateTime(outcome.result.dueAt, language))}</p>
          ) : null}
        </div>
      ) : null}

      <dl className="review-facts">
        <div>
          <dt>{t.factsReference}</dt>
          <dd>{view.reference ?? t.noReference}</dd>
        </div>
        <div>
          <dt>{t.factsOrganisation}</dt>
          <dd>{view.organisation.name}</dd>
        </div>
        <div>
          <dt>{t.factsCall}</dt>
          <dd>{view.call.title[language]}</dd>
        </div>
        {status ? (
          <div>
            <dt>{t.factsStatus}</dt>
            <dd data-testid="review-status">{status}</dd>
          </div>
        ) : null}
        {view.submittedAt ? (
          <div>
            <dt>{t.factsSubmitted}</dt>
            <dd>{formatDateTime(view.submittedAt, language)}</dd>
          </div>
        ) : null}
        {(view.myAssignments ?? []).map((assignment) => (
          <div key={assignment.role}>
            <dt>{t.myTask}</dt>
            <dd>{t.myTaskDue(t.role[assignment.role], formatDateTime(assignment.dueAt, language))}</dd>
          </div>
        ))}
      </dl>
      {until ? <p className="notice">{t.processing}</p> : null}

      {view.access === 'limited' ? (
        <ConflictDeclaration
          applicationId={view.id}
          onReload={reload}
          onDeclared={(result) => {
            if (result.conflict) {
              setOutcome({ kind: 'declared-conflict', result });
              return;
            }
            setOutcome({ kind: 'declared-no' });
            announce(t.conflictDeclaredNo);
            void fetchAll();
          }}
        />
      ) : null}

      {full ? (
        <>
          <nav aria-label={t.onThisPage} className="review-toc">
            <ul>
              {approver ? (
                <li>
                  <a href="#approval">{t.approverHeading}</a>
                </li>
              ) : null}
              <li>
                <a href="#assignments">{t.assignmentsHeading}</a>
              </li>
              <li>
                <a href="#project">{t.projectHeading}</a>
              </li>
              <li>
                <a href="#finance">{t.financeHeading}</a>
              </li>
              <li>
                <a href="#documents">{t.documentsHeading}</a>
              </li>
              <li>
                <a href="#timeline">{t.timelineHeading}</a>
              </li>
              {mine.length > 0 ? (
                <>
                  <li>
                    <a href="#work">{t.yourWorkHeading}</a>
                  </li>
                  <li>
                    <a href="#nachforderung">{t.nachforderungHeading}</a>
                  </li>
                </>
              ) : null}
            </ul>
          </nav>

          {approver ? <ApproverSection view={view} call={call} /> : null}
          <Assignments view={view} />
          {view.nachforderung && view.status === 'INCOMPLETE' ? <CurrentNachforderung view={view} /> : null}
          {view.content ? <ProjectSection content={view.content} /> : null}
          {view.content && view.totals ? (
            <FinancePlanSection content={view.content} totals={view.totals} call={call} />
          ) : null}
          <DocumentsSection applicationId={view.id} documents={view.documents ?? []} call={call} />

          <section className="review-section" id="timeline" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{t.timelineHeading}</h2>
            <p>{t.timelineHint}</p>
            {timelineFailed ? <p className="notice notice--error">{t.timelineFailed}</p> : null}
            {timeline && timeline.length === 0 ? <p>{t.timelineEmpty}</p> : null}
            {timeline && timeline.length > 0 ? <Timeline entries={timeline} /> : null}
          </section>

          {mine.length > 0 ? (
            <section className="review-section" id="work" aria-labelledby="work-heading">
              <h2 id="work-heading">{t.yourWorkHeading}</h2>
              {mine.map((assignment) => (
                <div key={assignment.role}>
                  <h3>{t.role[assignment.role]}</h3>
                  {assignment.assessedAt ? (
                    <p>{t.assessedAlready(formatDateTime(assignment.assessedAt, language))}</p>
                  ) : view.status !== 'IN_REVIEW' ? (
                    <p className="notice">{t.assessmentNotNow(status ?? '')}</p>
                  ) : assignment.role === 'content' ? (
                    <ContentAssessmentForm
                      applicationId={view.id}
                      call={call}
                      onRecorded={onRecorded}
                      onReload={reload}
                    />
                  ) : (
                    <FinancialAssessmentForm
                      applicationId={view.id}
                      plan={view.content?.financePlan}
                      totals={view.totals ?? emptyTotals}
                      call={call}
                      onRecorded={onRecorded}
                      onReload={reload}
                    />
                  )}
                </div>
              ))}
            </section>
          ) : null}

          {mine.length > 0 ? (
            <NachforderungSection
              view={view}
              call={call}
              statusName={status ?? ''}
              onReload={reload}
              onSent={(result) => {
                setOutcome({ kind: 'nachforderung', result });
                announce(t.nachforderungSent(formatDateTime(result.dueAt, language)));
                void fetchAll();
              }}
            />
          ) : null}
        </>
      ) : null}

      <p>
        <Link to="/backoffice/applications">{t.backToQueue}</Link>
      </p>
    </Page>
  );
}

const emptyTotals = {
  staffCents: 0,
  materialCents: 0,
  feesCents: 0,
  directCostsCents: 0,
  adminFlatRateCents: 0,
  totalCostsCents: 0,
  thirdPartyCents: 0,
  ownContributionCents: 0,
  requestedGrantCents: 0,
  totalFinancingCents: 0,
};

/** Who reviews the application: the caller's own assignment, or (approvers) both. */
function Assignments({ view }: { view: ReviewApplicationView }) {
  const { language } = useLanguage();
  const t = messages[language];
  const session = useSession();
  const assignments = view.assignments ?? view.myAssignments ?? [];
  return (
    <section className="review-section" id="assignments" aria-labelledby="assignments-heading">
      <h2 id="assignments-heading">{t.assignmentsHeading}</h2>
      {assignments.length === 0 ? (
        <p>{t.noAssignments}</p>
      ) : (
        <table className="data-table">
          <caption>{t.assignmentsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.columnTask}</th>
              <th scope="col">{t.columnReviewer}</th>
              <th scope="col">{t.columnAssignedDue}</th>
              <th scope="col">{t.columnState}</th>
            </tr>
          </thead>
          <tbody>
            {assignments.map((assignment) => (
              <tr key={assignment.role}>
                <th scope="row">{t.role[assignment.role]}</th>
                <td>
                  {assignment.reviewerSub === session?.user.sub
                    ? t.reviewerYou
                    : (assignment.reviewerName ?? t.reviewerUnknown)}
                </td>
                <td>{formatDateTime(assignment.dueAt, language)}</td>
                <td>
                  {assignment.assessedAt
                    ? t.stateAssessed(formatDateTime(assignment.assessedAt, language))
                    : assignment.declaration
                      ? t.stateDeclared
                      : t.stateUndeclared}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The Nachforderung the applicants are answering: what, until when, and who asked. */
function CurrentNachforderung({ view }: { view: ReviewApplicationView }) {
  const { language } = useLanguage();
  const t = messages[language];
  const request = view.nachforderung;
  if (!request) return null;
  return (
    <section className="review-section" aria-labelledby="current-nachforderung-heading">
      <h2 id="current-nachforderung-heading">{t.currentNachforderungHeading}</h2>
      <p>{t.currentNachforderungDue(formatDateTime(request.dueAt, language))}</p>
      <ul>
        {request.items.map((item) => (
          <li key={`${item.path}-${item.code}-${item.message.de}`}>{item.message[language]}</li>
        ))}
      </ul>
      {request.note ? (
        <>
          <p>{t.currentNachforderungNote}</p>
          <p className="quote-block">{request.note}</p>
        </>
      ) : null}
      <p>
        {t.currentNachforderungBy(
          formatDateTime(request.requestedAt, language),
          request.requestedBy === 'system' ? t.byIntake : t.byReviewer,
        )}
      </p>
    </section>
  );
}

/** The Nachforderung, behind a button (most applications need none), while the application is in review. */
function NachforderungSection({
  view,
  call,
  statusName,
  onSent,
  onReload,
}: {
  view: ReviewApplicationView;
  call: CallView;
  statusName: string;
  onSent: (result: NachforderungResult) => void;
  onReload: () => void;
}) {
  const { language } = useLanguage();
  const t = messages[language];
  const [open, setOpen] = useState(false);
  return (
    <section className="review-section" id="nachforderung" aria-labelledby="nachforderung-heading">
      <h2 id="nachforderung-heading">{t.nachforderungHeading}</h2>
      {view.status !== 'IN_REVIEW' ? (
        <p>{t.nachforderungNotNow(statusName)}</p>
      ) : (
        <>
          <p>{t.nachforderungIntro}</p>
          <p>
            <button
              type="button"
              className="button button--secondary"
              aria-expanded={open}
              aria-controls="nachforderung-form"
              onClick={() => setOpen(!open)}
            >
              {open ? t.nachforderungClose : t.nachforderungOpen}
            </button>
          </p>
          <div id="nachforderung-form" hidden={!open}>
            {open ? (
              <NachforderungForm applicationId={view.id} call={call} onSent={onSent} onReload={onReload} />
            ) : null}
          </div>
        </>
      )}
    </section>
  );
}
