import { useState } from 'react';
import { api } from '../../../api.ts';
import { useLanguage } from '../../../i18n/language.tsx';
import { review as messages } from '../../../i18n/review.ts';
import { describeFailure, type Failure } from './failure.ts';

/**
 * Sending one of the reviewer's forms (POST): the errors the form found, or the API named at its fields
 * (400/422, put on the form's fields by `serverErrors`), or any other refusal in words (`failure`).
 * What was typed stays either way; `onDone` gets the answer (and clears the form's draft).
 */
export function useReviewSubmission<A>({
  path,
  serverErrors,
  onDone,
}: {
  path: string;
  /** The API's field paths onto the form's error keys. */
  serverErrors: (fieldErrors: Record<string, string>) => Record<string, string>;
  onDone: (answer: A) => void;
}) {
  const t = messages[useLanguage().language];
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [submitCount, setSubmitCount] = useState(0);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | undefined>();

  /** Shows what the form found; sends the body only when nothing was found. */
  const submit = async (found: Record<string, string>, body: unknown) => {
    setSubmitCount((count) => count + 1);
    setFailure(undefined);
    setErrors(found);
    if (Object.keys(found).length > 0 || !body) return;
    setBusy(true);
    try {
      const { body: answer } = await api<A>('POST', path, { body });
      onDone(answer);
    } catch (error) {
      const described = describeFailure(error, t);
      if (described.kind === 'invalid') setErrors(serverErrors(described.fieldErrors));
      else setFailure(described);
    } finally {
      setBusy(false);
    }
  };

  return { errors, submitCount, busy, failure, submit };
}
