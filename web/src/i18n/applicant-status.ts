/**
 * The application statuses as applicants read them — with what they mean for them; one wording for the
 * portal's list of applications and the status page (the back office's short names: staff-status.ts).
 */
export const APPLICANT_STATUS_DE = {
  DRAFT: 'Entwurf – noch nicht eingereicht',
  SUBMITTED: 'Eingereicht',
  INCOMPLETE: 'Unterlagen nachgefordert',
  CLOSED_INCOMPLETE: 'Geschlossen, weil Unterlagen fehlten',
  IN_REVIEW: 'In Prüfung',
  ASSESSED: 'Geprüft – die Entscheidung steht aus',
  WAITLISTED: 'Auf der Warteliste',
  APPROVED: 'Bewilligt – der Bescheid liegt für Sie bereit',
  REJECTED: 'Abgelehnt – der Bescheid liegt für Sie bereit',
  NOTIFIED: 'Bescheid bekannt gegeben',
  APPEALED: 'Widerspruch eingelegt',
  FINAL: 'Bestandskräftig entschieden',
  WITHDRAWN: 'Zurückgenommen',
};

export const APPLICANT_STATUS_EN: typeof APPLICANT_STATUS_DE = {
  DRAFT: 'Draft – not submitted yet',
  SUBMITTED: 'Submitted',
  INCOMPLETE: 'Missing items requested',
  CLOSED_INCOMPLETE: 'Closed because items were missing',
  IN_REVIEW: 'Under review',
  ASSESSED: 'Reviewed – awaiting the decision',
  WAITLISTED: 'On the waiting list',
  APPROVED: 'Approved – the decision letter is ready for you',
  REJECTED: 'Rejected – the decision letter is ready for you',
  NOTIFIED: 'Decision letter notified',
  APPEALED: 'Objection lodged',
  FINAL: 'Decided with final effect',
  WITHDRAWN: 'Withdrawn',
};
