import { Link } from 'react-router';
import type { CallView } from '#shared/api/schemas/call.schema.ts';
import { LEGAL_FORM_NAMES } from '#shared/domain/finance-rules.ts';
import { ListLoadStatus, useListLoad } from '../components/list-load.tsx';
import { Page } from '../components/page.tsx';
import { formatDate, formatDateTime, formatEuro, formatPercent } from '../format.ts';
import { calls } from '../i18n/calls.ts';
import { useLanguage } from '../i18n/language.tsx';
import type { Language } from '../i18n/messages.ts';
import { myApplications } from '../i18n/my-applications.ts';

/** The calls that are open or open soon (GET /api/calls), each with its rules in plain language. */
export function CallsPage() {
  const { language } = useLanguage();
  const t = calls[language];
  const { load, reload } = useListLoad<CallView>('/api/calls', { auth: false });

  return (
    <Page title={t.title}>
      <p className="lead">{t.intro}</p>
      <ListLoadStatus load={load} failedText={t.loadFailed} retryText={t.retry} onRetry={reload} />
      {load.state === 'loaded' && load.items.length === 0 ? <p>{t.empty}</p> : null}
      {load.state === 'loaded' && load.items.length > 0 ? (
        <ul className="card-list">
          {load.items.map((call) => (
            <li key={call.id}>
              <CallCard call={call} language={language} />
            </li>
          ))}
        </ul>
      ) : null}
    </Page>
  );
}

function CallCard({ call, language }: { call: CallView; language: Language }) {
  const t = calls[language];
  const { rules, projectPeriod: period } = call;
  const headingId = `call-${call.id}`;
  return (
    <article className="card" aria-labelledby={headingId}>
      <p className="card__eyebrow">
        {call.programme[language]} · {t.strand(call.strand)}
      </p>
      <h2 id={headingId}>{call.title[language]}</h2>
      <p className="card__status">
        <span className={`badge badge--${call.phase}`}>
          {call.phase === 'open' ? t.phaseOpen : t.phaseUpcoming}
        </span>{' '}
        {call.phase === 'upcoming' ? `${t.opens(formatDateTime(call.opensAt, language))} · ` : null}
        <strong>{t.deadline(formatDateTime(call.closesAt, language))}</strong>
      </p>
      <p>{call.summary[language]}</p>
      {call.phase === 'open' ? (
        <p>
          {/* Signed out, the page sends the person to sign in (or register) and back. */}
          <Link
            className="button"
            to={`/applications/new?call=${encodeURIComponent(call.id)}`}
            aria-describedby={headingId}
          >
            {myApplications[language].apply}
          </Link>
        </p>
      ) : null}

      <h3>{t.rulesHeading}</h3>
      <ul className="rules">
        <li>{t.maxGrant(formatEuro(rules.maxGrantCents, language))}</li>
        <li>{t.fundingRate(formatPercent(rules.maxFundingRateBps, language))}</li>
        <li>
          {rules.minOwnShareBps > 0
            ? t.ownShare(formatPercent(rules.minOwnShareBps, language))
            : t.noOwnShare}
        </li>
        <li>
          {rules.adminFlatRateBps > 0
            ? t.flatRate(formatPercent(rules.adminFlatRateBps, language))
            : t.noFlatRate}
        </li>
        <li>
          {t.period(
            formatDate(period.earliestStart, language),
            formatDate(period.latestEnd, language),
            period.maxMonths,
          )}
        </li>
        <li>{t.financing[call.financingType]}</li>
        <li>{call.selectionMode === 'rolling' ? t.selectionRolling : t.selectionCompetitive}</li>
        <li>{t.budget(formatEuro(call.budgetCents, language))}</li>
      </ul>

      <h3>{t.whoHeading}</h3>
      <ul>
        {call.eligibleLegalForms.map((form) => (
          <li key={form}>{LEGAL_FORM_NAMES[form][language]}</li>
        ))}
      </ul>

      {call.requiredDocuments.length > 0 ? (
        <>
          <h3>{t.documentsHeading}</h3>
          <ul>
            {call.requiredDocuments.map((document) => (
              <li key={document.id}>
                {document.label[language]}
                {document.mandatory ? null : ` ${t.optional}`}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </article>
  );
}
