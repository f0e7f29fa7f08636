/**
 * The form's steps, and where a field path (of the draft, or of the API's refusals) is edited: each
 * violation, missing entry or server error becomes a link to its step and field.
 */
export const STEPS = [
  'project',
  'target-groups',
  'period',
  'finance',
  'documents',
  'declarations',
  'summary',
] as const;
export type StepKey = (typeof STEPS)[number];

export function isStep(value: string | null): value is StepKey {
  return (STEPS as readonly string[]).includes(value ?? '');
}

/** The step that edits a path, or undefined (the organisation's profile, the deadline). */
export function stepOfPath(path: string): StepKey | undefined {
  const [head = ''] = path.split('.');
  switch (head) {
    case 'title':
    case 'summary':
      return 'project';
    case 'targetGroups':
    case 'region':
      return 'target-groups';
    case 'projectPeriod':
      return 'period';
    case 'financePlan':
      return 'finance';
    case 'documents':
      return 'documents';
    case 'declarations':
      return 'declarations';
    default:
      return undefined;
  }
}

/** The element id of a field (or of the group an aggregate path names). */
export function fieldId(path: string): string {
  return `field-${anchorPath(path).replace(/\./g, '-')}`;
}

/**
 * The path whose element a finding belongs to: a line's duplicate `id` is not a field, so it is shown
 * on the line (`financePlan.staff.2.id` → `financePlan.staff.2`).
 */
export function anchorPath(path: string): string {
  return /^financePlan\.(staff|material|fees|thirdParty)\.\d+\.id$/.test(path) ? path.slice(0, -3) : path;
}

/** Whether a finding belongs to a unit or any field inside it. */
export function isWithin(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}.`);
}
