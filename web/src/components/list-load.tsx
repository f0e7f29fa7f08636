import { useCallback, useEffect, useState } from 'react';
import { api } from '../api.ts';
import { common } from '../i18n/common.ts';
import { useLanguage } from '../i18n/language.tsx';

export type ListLoad<T> = { state: 'loading' } | { state: 'failed' } | { state: 'loaded'; items: T[] };

/**
 * Loads a list (GET → `{ items }`) when the page opens, aborting when it closes; `reload` tries again
 * after a failure. A request aborted by leaving the page is not a failure.
 */
export function useListLoad<T>(path: string, { auth }: { auth?: false } = {}) {
  const [load, setLoad] = useState<ListLoad<T>>({ state: 'loading' });

  const fetchList = useCallback(
    async (signal?: AbortSignal) => {
      setLoad({ state: 'loading' });
      try {
        const { body } = await api<{ items: T[] }>('GET', path, {
          ...(auth === false ? { auth } : {}),
          ...(signal ? { signal } : {}),
        });
        setLoad({ state: 'loaded', items: body.items });
      } catch {
        if (!signal?.aborted) setLoad({ state: 'failed' });
      }
    },
    [path, auth],
  );

  useEffect(() => {
    const controller = new AbortController();
    void fetchList(controller.signal);
    return () => controller.abort();
  }, [fetchList]);

  return { load, reload: () => void fetchList() };
}

/** While a list loads: "loading" (aria-busy); when it failed: the failure, announced, with a retry button. */
export function ListLoadStatus({
  load,
  failedText,
  retryText,
  onRetry,
}: {
  load: ListLoad<unknown>;
  failedText: string;
  retryText: string;
  onRetry: () => void;
}) {
  const { language } = useLanguage();
  if (load.state === 'loading') return <p aria-busy="true">{common[language].loading}</p>;
  if (load.state === 'failed') {
    return (
      <div className="notice notice--error" role="alert">
        <p>{failedText}</p>
        <button type="button" className="button" onClick={onRetry}>
          {retryText}
        </button>
      </div>
    );
  }
  return null;
}
