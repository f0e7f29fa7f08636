/**
 * The application statuses as the back office names them — short, for tables and filters; one wording
 * for every back-office page (the applicants' longer texts are in application-status.ts).
 */
export const STAFF_STATUS_DE = {
  DRAFT: 'Entwurf',
  SUBMITTED: 'Eingegangen',
  INCOMPLETE: 'Unterlagen nachgefordert',
  CLOSED_INCOMPLETE: 'Geschlossen (unvollständig)',
  IN_REVIEW: 'In Prüfung',
  ASSESSED: 'Geprüft',
  WAITLISTED: 'Warteliste',
  APPROVED: 'Bewilligt',
  REJECTED: 'Abgelehnt',
  NOTIFIED: 'Bescheid bekannt gegeben',
  APPEALED: 'Widerspruch eingelegt',
  FINAL: 'Bestandskräftig',
  WITHDRAWN: 'Zurückgenommen',
};

export const STAFF_STATUS_EN: typeof STAFF_STATUS_DE = {
  DRAFT: 'Draft',
  SUBMITTED: 'Received',
  INCOMPLETE: 'Documents requested',
  CLOSED_INCOMPLETE: 'Closed (incomplete)',
  IN_REVIEW: 'In review',
  ASSESSED: 'Assessed',
  WAITLISTED: 'Waiting list',
  APPROVED: 'Approved',
  REJECTED: 'Rejected',
  NOTIFIED: 'Decision notified',
  APPEALED: 'Objection lodged',
  FINAL: 'Final',
  WITHDRAWN: 'Withdrawn',
};
