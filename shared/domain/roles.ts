/** The Cognito groups. Self-registered users are applicants; staff accounts are made by admins. */
export const GROUPS = ['applicant', 'reviewer', 'approver', 'admin'] as const;
export type Group = (typeof GROUPS)[number];

export const BACK_OFFICE_GROUPS: readonly Group[] = ['reviewer', 'approver', 'admin'];

export function isGroup(value: string): value is Group {
  return (GROUPS as readonly string[]).includes(value);
}
