import { useEffect, useRef } from 'react';
import { useLanguage } from '../../../i18n/language.tsx';
import { review as messages } from '../../../i18n/review.ts';
import type { Failure } from './failure.ts';

/**
 * A refused or failed request, said in words at the form that sent it: read out at once (role=alert)
 * and focused, so the person learns why nothing happened. A changed application (409 with its status)
 * offers to reload the page's data; the form's input stays either way.
 */
export function FailureNotice({ failure, onReload }: { failure: Failure; onReload?: () => void }) {
  const { language } = useLanguage();
  const t = messages[language];
  const ref = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new failure takes the focus
  useEffect(() => {
    ref.current?.focus();
  }, [failure]);
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref}>
      <p>{failure.message}</p>
      {(failure.kind === 'stale' || failure.kind === 'conflict') && onReload ? (
        <button type="button" className="button button--secondary" onClick={onReload}>
          {t.reload}
        </button>
      ) : null}
    </div>
  );
}
