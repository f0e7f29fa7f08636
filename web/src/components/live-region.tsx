import { useEffect, useState } from 'react';

/**
 * One polite live region for the whole portal (rendered by the shell): announce() makes screen readers
 * say a short status such as "Gespeichert" or "Sie sind angemeldet" without moving focus. Errors in forms
 * are announced by their ErrorSummary (role="alert"), not here.
 */
let listener: ((message: string) => void) | undefined;

export function announce(message: string): void {
  listener?.(message);
}

export function LiveRegion() {
  const [message, setMessage] = useState('');
  useEffect(() => {
    listener = (next) => {
      // Emptied first, so the same message twice in a row is spoken twice.
      setMessage('');
      setTimeout(() => setMessage(next), 50);
    };
    return () => {
      listener = undefined;
    };
  }, []);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" data-testid="live-region">
      {message}
    </div>
  );
}
