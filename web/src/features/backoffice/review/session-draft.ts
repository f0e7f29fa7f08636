import { useCallback, useEffect, useState } from 'react';

/**
 * Form input kept in the session's storage under `key` while it is typed, so nothing is lost when the
 * page reloads (after a 409, or the browser's own reload) or the person leaves and comes back in the
 * same window. `clear()` forgets it once the form was sent.
 */
export function useSessionDraft<T>(key: string, initial: () => T): [T, (next: T) => void, () => void] {
  const [value, setValue] = useState<T>(() => {
    try {
      const stored = sessionStorage.getItem(key);
      if (stored) return { ...initial(), ...(JSON.parse(stored) as T) };
    } catch {
      // Unreadable or unavailable storage: start afresh.
    }
    return initial();
  });
  useEffect(() => {
    try {
      sessionStorage.setItem(key, JSON.stringify(value));
    } catch {
      // Storage full or disabled: the input still lives in the page's state.
    }
  }, [key, value]);
  const clear = useCallback(() => sessionStorage.removeItem(key), [key]);
  return [value, setValue, clear];
}
