import { useRef } from 'react';

/**
 * One Idempotency-Key per intended action: the same key while a request goes unanswered (a retry after a
 * network failure then cannot act twice), a new one once the server has answered (a corrected second
 * attempt is a new request; the API refuses a key reused for a different body).
 */
export function useIdempotencyKey(): { current: () => string; renew: () => void } {
  const key = useRef<string>(undefined);
  return {
    current: () => {
      key.current ??= crypto.randomUUID();
      return key.current;
    },
    renew: () => {
      key.current = undefined;
    },
  };
}
