import type { ApplicationView } from '../api/schemas/application.schema.ts';
import type { Application } from '../domain/application.ts';

/** What applicants see of an application: no internal workflow markers. */
export function toApplicationView(application: Application): ApplicationView {
  const { pendingWork, pendingSince: _since, ...rest } = application;
  return { ...rest, processing: pendingWork !== undefined };
}
