import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { ApplicationView } from '#shared/api/schemas/application.schema.ts';
import type { CallView } from '#shared/api/schemas/call.schema.ts';
import type { LetterLinkView } from '#shared/api/schemas/notification.schema.ts';
import { ApiError, api } from '../../api.ts';
import { announce } from '../../components/live-region.tsx';
import { Page } from '../../components/page.tsx';
import { Timeline, type TimelineEntry } from '../../components/timeline.tsx';
import { formatDate, formatDateTime, formatEuro } from '../../format.ts';
import { applicationStatus as messages } from '../../i18n/application-status.ts';
import { calls } from '../../i18n/calls.ts';
import { common } from '../../i18n/common.ts';
import { useLanguage } from '../../i18n/language.tsx';
import type { Language } from '../../i18n/messages.ts';
import { DocumentsPanel } from '../documents/documents-panel.tsx';
import { ObjectionSection } from './objection-section.tsx';
import { WithdrawalSection } from './withdrawal-section.tsx';
import './application-status.css';

type Letter = NonNullable<ApplicationView['letters']>[number];

type Load =
  | { state: 'loading' }
  | { state: 'failed'; notFound: boolean }
  | { state: 'loaded'; application: ApplicationView; call?: CallView; timeline?: TimelineEntry[] };

/** While follow-up work runs (e.g. the intake after a submission), the page reads again this often. */
const POLL_MS = 2000;
const MAX_POLLS = 60;

/**
 * /applications/:id — one application as its organisation sees it: title, reference, status in plain
 * language with what happens next, the Nachforderung while INCOMPLETE, the decision and its letters
 * (the first download notifies), the objection while the period runs, the documents, the timeline and
 * the withdrawal (Rücknahme, or Verzicht after an approval).
 */
export function ApplicationStatusPage() {
  const { id = '' } = useParams();
  const { language } = useLanguage();
  const t = messages[language];
  const c = common[language];
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [timelineFailed, setTimelineFailed] = useState(false);
  const polls = useRef(0);
  const statusHeading = useRef<HTMLHeadingElement>(null);

  // Texts from the server (timeline, reasons) come in the request's language: read again when it
  // changes. The header is passed here, since the API client learns the new language only afterwards.
  const fetchAll = useCallback(
    async (signal?: AbortSignal) => {
      const headers = { 'accept-language': language };
      try {
        const { body: application } = await api<ApplicationView>('GET', `/api/applications/${id}`, {
          signal,
          headers,
        });
        const [call, timeline] = await Promise.all([
          api<CallView>('GET', `/api/calls/${application.callId}`, { signal, headers, auth: false })
            .then((response) => response.body)
            .catch(() => undefined),
          api<{ items: TimelineEntry[] }>('GET', `/api/applications/${id}/timeline`, { signal, headers })
            .then((response) => response.body.items)
            .catch(() => undefined),
        ]);
        if (signal?.aborted) return;
        setTimelineFailed(timeline === undefined);
        setLoad((previous) => ({
          state: 'loaded',
          application,
          // A failed call read keeps the call read before.
          call: call ?? (previous.state === 'loaded' ? previous.call : undefined),
          timeline,
        }));
      } catch (error) {
        if (signal?.aborted) return;
        setLoad({ state: 'failed', notFound: error instanceof ApiError && error.status === 404 });
      }
    },
    [id, language],
  );

  useEffect(() => {
    const controller = new AbortController();
    polls.current = 0;
    void fetchAll(controller.signal);
    return () => controller.abort();
  }, [fetchAll]);

  // Follow-up work (intake, decision letter, withdrawal) finishes within seconds: read again until done.
  const processing = load.state === 'loaded' && load.application.processing;
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on each load, so polling continues while processing stays true
  useEffect(() => {
    if (!processing || polls.current >= MAX_POLLS) return;
    const timer = setTimeout(() => {
      polls.current += 1;
      void fetchAll();
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [processing, fetchAll, load]);

  /** After an action: read again, and put the focus on the status, which says what changed. */
  const afterAction = useCallback(async () => {
    polls.current = 0;
    await fetchAll();
    statusHeading.current?.focus();
  }, [fetchAll]);

  if (load.state === 'loading') {
    return (
      <Page title={t.pageTitle}>
        <p aria-busy="true">{c.loading}</p>
      </Page>
    );
  }
  if (load.state === 'failed') {
    return (
      <Page title={t.pageTitle}>
        <div className="notice notice--error" role="alert">
          <p>{load.notFound ? t.notFound : t.loadFailed}</p>
          {load.notFound ? null : (
            <button type="button" className="button" onClick={() => void fetchAll()}>
              {t.retry}
            </button>
          )}
        </div>
      </Page>
    );
  }

  const { application, call, timeline } = load;
  const renounced = application.status === 'WITHDRAWN' && application.decision?.outcome === 'approved';
  return (
    <Page title={application.title}>
      <dl className="facts">
        <div>
          <dt>{t.reference}</dt>
          <dd>{application.reference ?? t.referencePending}</dd>
        </div>
        {call ? (
          <div>
            <dt>{t.call}</dt>
            <dd>{call.title[language]}</dd>
          </div>
        ) : null}
        {application.submittedAt ? (
          <div>
            <dt>{t.submittedAt}</dt>
            <dd>{formatDateTime(application.submittedAt, language)}</dd>
          </div>
        ) : null}
      </dl>

      <section className="status-section" aria-labelledby="status-heading">
        <h2 id="status-heading" tabIndex={-1} ref={statusHeading}>
          {t.statusHeading}
        </h2>
        <p className={`status status--${application.status}`} data-testid="application-status">
          {renounced ? t.renouncedStatus : t.status[application.status]}
        </p>
        <h3>{t.nextHeading}</h3>
        <p>{t.next[application.status]}</p>
        {application.processing ? <p className="notice">{t.processing}</p> : null}
        {application.status === 'DRAFT' ? (
          <p>
            <Link to={`/applications/${application.id}/edit`}>{t.continueDraft}</Link>
          </p>
        ) : null}
      </section>

      {application.status === 'INCOMPLETE' && application.nachforderung ? (
        <NachforderungSection application={application} language={language} />
      ) : null}

      {application.status === 'WAITLISTED' && application.waitingList ? (
        <section aria-labelledby="waiting-list-heading">
          <h2 id="waiting-list-heading">{t.waitingListHeading}</h2>
          <p>{t.waitingListRank(application.waitingList.rank)}</p>
        </section>
      ) : null}

      {application.decision ? <DecisionSection application={application} language={language} /> : null}

      {application.letters && application.letters.length > 0 ? (
        <LettersSection application={application} language={language} onRetrieved={afterAction} />
      ) : null}

      {application.objection || application.status === 'NOTIFIED' ? (
        <ObjectionSection application={application} onLodged={afterAction} />
      ) : null}

      {call ? (
        <section aria-labelledby="documents-heading">
          <h2 id="documents-heading">{t.documentsHeading}</h2>
          <DocumentsPanel
            applicationId={application.id}
            call={call}
            editable={application.status === 'DRAFT' || application.status === 'INCOMPLETE'}
          />
        </section>
      ) : null}

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t.timelineHeading}</h2>
        {timelineFailed ? <p className="notice notice--error">{t.timelineFailed}</p> : null}
        {timeline && timeline.length === 0 ? <p>{t.timelineEmpty}</p> : null}
        {timeline && timeline.length > 0 ? <Timeline entries={timeline} /> : null}
      </section>

      <WithdrawalSection application={application} onWithdrawn={afterAction} />

      {application.withdrawal ? (
        <section aria-labelledby="withdrawal-heading">
          <h2 id="withdrawal-heading">{renounced ? t.renounceHeading : t.withdrawHeading}</h2>
          <p>{t.withdrawalRecorded(formatDateTime(application.withdrawal.at, language))}</p>
          <blockquote className="quote">{application.withdrawal.reason}</blockquote>
        </section>
      ) : null}
    </Page>
  );
}

function NachforderungSection({
  application,
  language,
}: {
  application: ApplicationView;
  language: Language;
}) {
  const t = messages[language];
  const nachforderung = application.nachforderung;
  if (!nachforderung) return null;
  return (
    <section className="nachforderung" aria-labelledby="nachforderung-heading">
      <h2 id="nachforderung-heading">{t.nachforderungHeading}</h2>
      <p>
        <strong>{t.nachforderungDue(formatDateTime(nachforderung.dueAt, language))}</strong>
      </p>
      <ul>
        {nachforderung.items.map((item) => (
          <li key={`${item.path}-${item.code}-${item.message}`}>{item.message}</li>
        ))}
      </ul>
      {nachforderung.note ? (
        <>
          <p>{t.nachforderungNote}</p>
          <blockquote className="quote">{nachforderung.note}</blockquote>
        </>
      ) : null}
      <p>
        <Link className="button" to={`/applications/${application.id}/edit`}>
          {t.supplementLink}
        </Link>
      </p>
      <p>{t.supplementHint}</p>
    </section>
  );
}

function DecisionSection({ application, language }: { application: ApplicationView; language: Language }) {
  const t = messages[language];
  const decision = application.decision;
  if (!decision) return null;
  return (
    <section aria-labelledby="decision-heading">
      <h2 id="decision-heading">{t.decisionHeading}</h2>
      <p className={`status status--${decision.outcome}`}>
        {decision.outcome === 'approved' ? t.decisionApproved : t.decisionRejected}
      </p>
      <p>{t.decidedAt(formatDateTime(decision.decidedAt, language))}</p>
      <dl className="facts">
        {decision.outcome === 'approved' && decision.grantedCents !== undefined ? (
          <>
            <div>
              <dt>{t.grantedAmount}</dt>
              <dd>{formatEuro(decision.grantedCents, language)}</dd>
            </div>
            <div>
              <dt>{t.financingType}</dt>
              <dd>{calls[language].financing[decision.financingType]}</dd>
            </div>
          </>
        ) : null}
      </dl>
      {decision.conditions.length > 0 ? (
        <>
          <h3>{t.conditions}</h3>
          <ul>
            {decision.conditions.map((condition) => (
              <li key={condition}>{condition}</li>
            ))}
          </ul>
        </>
      ) : null}
      {decision.reasons ? (
        <>
          <h3>{t.reasons}</h3>
          <p className="preserve-lines">{decision.reasons}</p>
        </>
      ) : null}
    </section>
  );
}

type Download =
  | { state: 'idle' }
  | { state: 'loading'; letterId: string }
  | { state: 'failed'; letterId: string }
  | { state: 'ready'; letterId: string; url: string; expiresAt: string };

/** Letters that notify the decision when first retrieved (objection letters notify nothing). */
const NOTIFYING: readonly Letter['kind'][] = ['zuwendungsbescheid', 'ablehnungsbescheid'];

function LettersSection({
  application,
  language,
  onRetrieved,
}: {
  application: ApplicationView;
  language: Language;
  onRetrieved: () => Promise<void>;
}) {
  const t = messages[language];
  const [download, setDownload] = useState<Download>({ state: 'idle' });
  const letters = application.letters ?? [];
  const notification = application.notification;
  const periodRunning =
    notification !== undefined && Date.now() <= Date.parse(notification.appealPeriodEndsAt);

  async function retrieve(letter: Letter) {
    setDownload({ state: 'loading', letterId: letter.id });
    try {
      const { body } = await api<LetterLinkView>(
        'GET',
        `/api/applications/${application.id}/letters/${encodeURIComponent(letter.id)}`,
      );
      // The link is valid for minutes only: open it now (still within the click's user activation).
      window.open(body.url, '_blank', 'noopener');
      setDownload({ state: 'ready', letterId: letter.id, url: body.url, expiresAt: body.expiresAt });
      announce(t.downloadReady(t.letterKind[letter.kind]));
      await onRetrieved();
    } catch {
      setDownload({ state: 'failed', letterId: letter.id });
      announce(t.downloadFailed);
    }
  }

  return (
    <section aria-labelledby="letters-heading">
      <h2 id="letters-heading">{t.lettersHeading}</h2>
      {notification ? (
        <div className="notice">
          <p>{t.notifiedOn(formatDate(notification.notifiedOn, language))}</p>
          <p>
            <strong>
              {periodRunning
                ? t.appealPeriodEnds(formatDateTime(notification.appealPeriodEndsAt, language))
                : t.appealPeriodOver(formatDateTime(notification.appealPeriodEndsAt, language))}
            </strong>
          </p>
        </div>
      ) : null}
      <ul className="letters">
        {letters.map((letter) => {
          const headingId = `letter-${letter.id}`;
          const warn = NOTIFYING.includes(letter.kind) && !notification && !letter.firstRetrievedAt;
          const warningId = `${headingId}-warning`;
          const busy = download.state === 'loading' && download.letterId === letter.id;
          return (
            <li key={letter.id} className="letter" aria-labelledby={headingId}>
              <h3 id={headingId}>{t.letterKind[letter.kind]}</h3>
              <p>
                {t.letterIssued(formatDateTime(letter.createdAt, language))}
                {letter.firstRetrievedAt
                  ? ` · ${t.letterRetrieved(formatDateTime(letter.firstRetrievedAt, language))}`
                  : null}
              </p>
              {warn ? (
                <p className="notice notice--warning" id={warningId}>
                  {t.notificationWarning}
                </p>
              ) : null}
              <button
                type="button"
                className="button"
                aria-describedby={warn ? warningId : undefined}
                aria-disabled={busy || undefined}
                onClick={() => {
                  if (!busy) void retrieve(letter);
                }}
              >
                {busy ? t.downloading : t.download}
                <span className="visually-hidden"> ({t.letterKind[letter.kind]})</span>{' '}
                <span className="button__note">{t.downloadOpensNewTab}</span>
              </button>
              {download.state === 'failed' && download.letterId === letter.id ? (
                <p className="field__error">{t.downloadFailed}</p>
              ) : null}
              {download.state === 'ready' && download.letterId === letter.id ? (
                <p>
                  <a href={download.url} target="_blank" rel="noopener noreferrer">
                    {t.downloadFallback(formatDateTime(download.expiresAt, language))}
                  </a>
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
