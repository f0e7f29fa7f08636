import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { CallView } from '#shared/api/schemas/call.schema.ts';
import type { RankingEntry, RankingView } from '#shared/api/schemas/competitive.schema.ts';
import { Page } from '../../../components/page.tsx';
import { formatEuro } from '../../../format.ts';
import { common } from '../../../i18n/common.ts';
import { decisions } from '../../../i18n/decisions.ts';
import { useLanguage } from '../../../i18n/language.tsx';
import { describeFailure, type Failure } from './failure.ts';
import { decisionPath, loadCall, loadRanking, rankingPath } from './load.ts';
import { LoadFailure } from './notices.tsx';
import './decisions.css';

type Load =
  | { state: 'loading' }
  | { state: 'failed'; failure: Failure }
  | { state: 'loaded'; ranking: RankingView; call: CallView };

type Waiting = RankingEntry & { waitingList: NonNullable<RankingEntry['waitingList']> };

/**
 * /backoffice/calls/:callId/waiting-list — a competitive call's waiting list in the order it moves up,
 * with what each place needs to move up (its proposed grant against what remains of the budget), who
 * has moved up already, and what moves it: a renounced approval (Verzicht) or a lower grant after an
 * objection releases budget, and the places move up in order while their grant fits; a place whose
 * grant does not fit is passed over for the next. Withdrawing a waiting application takes it off.
 */
export function WaitingListPage() {
  const { callId = '' } = useParams();
  const { language } = useLanguage();
  const t = decisions[language];
  const c = common[language];
  const [load, setLoad] = useState<Load>({ state: 'loading' });

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
  // biome-ignore lint/correctness/useExhaustiveDependencies: loaded once per call
  useEffect(() => {
    const controller = new AbortController();
    void reload(controller.signal);
    return () => controller.abort();
  }, [callId]);

  const title =
    load.state === 'loaded' ? t.waitingListTitle(load.call.title[language]) : t.waitingListPageTitle;
  return (
    <Page title={title}>
      <p>
        <Link to="/backoffice/decisions">{t.backToDecisions}</Link>
        {' · '}
        <Link to={rankingPath(callId)}>{t.toRanking}</Link>
      </p>
      {load.state === 'loading' ? <p aria-busy="true">{c.loading}</p> : null}
      {load.state === 'failed' ? <LoadFailure failure={load.failure} onRetry={() => void reload()} /> : null}
      {load.state === 'loaded' ? <WaitingList ranking={load.ranking} /> : null}
    </Page>
  );
}

function WaitingList({ ranking }: { ranking: RankingView }) {
  const { language } = useLanguage();
  const t = decisions[language];
  const withPlace = ranking.entries.filter((entry): entry is Waiting => entry.waitingList !== undefined);
  const waiting = withPlace
    .filter((entry) => entry.status === 'WAITLISTED')
    .sort((a, b) => a.waitingList.rank - b.waitingList.rank);
  const movedUp = withPlace.filter((entry) => entry.waitingList.movedUp);
  return (
    <>
      <p>{t.remainingNow(formatEuro(ranking.remainingCents, language))}</p>
      <section aria-labelledby="wl-how-heading" className="dec-section">
        <h2 id="wl-how-heading">{t.whatMovesHeading}</h2>
        <ul>
          <li>{t.movesRenounce}</li>
          <li>{t.movesObjection}</li>
          <li>{t.movesOrder}</li>
          <li>{t.movesWithdrawal}</li>
        </ul>
      </section>
      <h2>{t.placesHeading}</h2>
      {waiting.length === 0 ? (
        <p>{t.noPlaces}</p>
      ) : (
        <ol className="dec-waiting">
          {waiting.map((entry) => {
            const need = entry.waitingList.proposedGrantCents - ranking.remainingCents;
            return (
              <li key={entry.applicationId}>
                <p>
                  <strong>{t.placeN(entry.waitingList.rank)}:</strong>{' '}
                  <Link to={decisionPath(entry.applicationId)}>{entry.title}</Link>
                  {entry.reference ? ` (${entry.reference})` : ''}
                  {entry.organisationName ? ` – ${entry.organisationName}` : ''}
                </p>
                <p>
                  {t.placeFacts(
                    t.scoreOf(entry.totalScore, entry.maxScore),
                    formatEuro(entry.waitingList.proposedGrantCents, language),
                  )}{' '}
                  {need > 0 ? t.needsMore(formatEuro(need, language)) : t.fitsNow}
                </p>
              </li>
            );
          })}
        </ol>
      )}
      {movedUp.length > 0 ? (
        <>
          <h2>{t.movedUpHeading}</h2>
          <ul>
            {movedUp.map((entry) => (
              <li key={entry.applicationId}>
                {t.movedUpLine(
                  entry.waitingList.rank,
                  entry.reference ?? entry.title,
                  formatEuro(entry.grantedCents ?? entry.waitingList.proposedGrantCents, language),
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
