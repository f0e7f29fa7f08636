import { useEffect, useRef } from 'react';
import { decisions } from '../../../i18n/decisions.ts';
import { useMessages } from '../../../i18n/language.tsx';
import type { Failure } from './failure.ts';

/**
 * A refused or failed request in words, read out at once (role="alert") and focused, so keyboard users
 * land on it; a changed state offers to load the page again. What was typed stays in the form.
 */
export function FailureNotice({
  failure,
  onReload,
}: {
  failure: Failure | undefined;
  onReload?: () => void;
}) {
  const t = useMessages(decisions);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failure) ref.current?.focus();
  }, [failure]);
  if (!failure) return null;
  const offerReload = onReload && (failure.kind === 'stale' || failure.kind === 'conflict');
  return (
    <div className="notice notice--error dec-failure" role="alert" tabIndex={-1} ref={ref}>
      <p>{failure.message}</p>
      {failure.kind === 'network' || failure.kind === 'over-budget' || failure.kind === 'forbidden' ? (
        <p>{t.inputKept}</p>
      ) : null}
      {offerReload ? (
        <button type="button" className="button button--secondary" onClick={onReload}>
          {t.reload}
        </button>
      ) : null}
    </div>
  );
}

/** A page's data could not be loaded: why, and a way to try again. */
export function LoadFailure({ failure, onRetry }: { failure: Failure; onRetry: () => void }) {
  const t = useMessages(decisions);
  return (
    <div className="notice notice--error" role="alert">
      <p>{failure.message}</p>
      {failure.kind !== 'not-found' && failure.kind !== 'forbidden' ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t.retry}
        </button>
      ) : null}
    </div>
  );
}
