import type { Application } from '../../domain/application.ts';
import type { Letter } from '../../domain/decision.ts';
import { letterIdFor } from '../decision-workflow/decision-letter.ts';

/**
 * The id of the letter that ends an objection: derived (UUID v5, like the Bescheid's) from the
 * application, the objection's outcome and when it was decided, so every run of the objection
 * workflow — retried, redelivered, dispatched again — issues the same one letter.
 */
export function objectionLetterIdFor(
  applicationId: string,
  objection: { outcome: 'remedied' | 'dismissed'; decidedAt: string },
): string {
  return letterIdFor(applicationId, objection);
}

/** The letter on the application's decided objection, if it was issued. */
export function objectionLetterOf(application: Application): Letter | undefined {
  const { objection } = application;
  if (!objection?.outcome || !objection.decidedAt) return undefined;
  const id = objectionLetterIdFor(application.id, {
    outcome: objection.outcome,
    decidedAt: objection.decidedAt,
  });
  return application.letters?.find((letter) => letter.id === id);
}
