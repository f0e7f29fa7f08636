/**
 * The bench's parts that do no measuring: what a section is, how a measured figure is held against its
 * reference and target, the printed table and the JSON report. bench/run.ts does the running and the
 * writing; the sections in bench/sections/ do the measuring.
 */

/** What a figure is held against: a budget, or a reference measured in the same run (e.g. the raw SDK call). */
export interface Reference {
  name: string;
  value: number;
}

/** One measured figure: a line of the printed table and of the JSON report. */
export interface Row {
  name: string;
  value: number;
  /** 'bytes' is printed in kB; anything else as it is ('ms', 'req/s', 'RCU'). */
  unit: string;
  reference?: Reference;
  /** value / reference.value: the figure the targets are set on, since the machines here are noisy. */
  ratio?: number;
  /** The target on the ratio: at most maxRatio (smaller is better) or at least minRatio (larger is better). */
  target?: { maxRatio: number } | { minRatio: number };
  /** Whether the target is met; absent for a figure that is only reported. */
  pass?: boolean;
}

export interface SectionContext {
  /** Smoke mode (`npm run bench:quick`, run in CI): fewer repetitions, same code paths. */
  quick: boolean;
  /** How often to repeat a measurement: `full` normally, `quick` in smoke mode. */
  repetitions(full: number, quick: number): number;
  /** A line printed under the section's table and kept in the report (a skipped row, a build time). */
  note(text: string): void;
}

/**
 * One section of the bench, one file in bench/sections/ that exports it as `section`. run.ts finds the
 * files itself: a new section is a new file.
 */
export interface Section {
  /** Short and stable (the JSON report's key; `--only <name>`). */
  name: string;
  title: string;
  /** Where it runs among the sections, ascending (cold start 10, latency 20, scale 30, throughput 40, cost 50, web 60). */
  order: number;
  run(context: SectionContext): Promise<Row[]>;
}

/**
 * A measured figure, with its ratio to the reference and whether it meets the target, if it has them.
 * A target needs a reference, and a reference must be positive (a ratio to zero says nothing).
 */
export function row(fields: {
  name: string;
  value: number;
  unit: string;
  reference?: Reference;
  maxRatio?: number;
  minRatio?: number;
}): Row {
  const { name, value, unit, reference, maxRatio, minRatio } = fields;
  if (!Number.isFinite(value)) throw new Error(`${name}: the measured value ${value} is not a number`);
  if ((maxRatio !== undefined || minRatio !== undefined) && !reference) {
    throw new Error(`${name}: a target needs a reference`);
  }
  if (maxRatio !== undefined && minRatio !== undefined) throw new Error(`${name}: one target, not two`);
  const result: Row = { name, value, unit };
  if (!reference) return result;
  if (!(reference.value > 0))
    throw new Error(`${name}: the reference ${reference.name} is ${reference.value}`);
  result.reference = reference;
  result.ratio = value / reference.value;
  if (maxRatio !== undefined) {
    result.target = { maxRatio };
    result.pass = result.ratio <= maxRatio;
  } else if (minRatio !== undefined) {
    result.target = { minRatio };
    result.pass = result.ratio >= minRatio;
  }
  return result;
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function formatValue(value: number, unit: string): string {
  if (unit === 'bytes') return `${(value / 1000).toFixed(1)} kB`;
  const digits = Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${unit}`;
}

const formatRatio = (ratio: number) => `${ratio.toFixed(2)}×`;

function formatTarget(target: Row['target']): string {
  if (!target) return '';
  return 'maxRatio' in target ? `≤ ${formatRatio(target.maxRatio)}` : `≥ ${formatRatio(target.minRatio)}`;
}

/** The section's rows as a plain-text table (columns padded, one line per row). */
export function formatTable(rows: readonly Row[]): string {
  const header = ['measure', 'value', 'reference', 'ratio', 'target', 'result'];
  const lines = rows.map((r) => [
    r.name,
    formatValue(r.value, r.unit),
    r.reference ? `${r.reference.name} ${formatValue(r.reference.value, r.unit)}` : '',
    r.ratio === undefined ? '' : formatRatio(r.ratio),
    formatTarget(r.target),
    r.pass === undefined ? '' : r.pass ? 'ok' : 'MISSED',
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => (line[column] as string).length)),
  );
  const format = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] as number))
      .join('  ')
      .trimEnd();
  return [format(header), format(widths.map((width) => '-'.repeat(width))), ...lines.map(format)].join('\n');
}

export interface SectionResult {
  name: string;
  title: string;
  durationMs: number;
  rows: Row[];
  notes: string[];
  /** The section failed before it had all its figures (its message); counts as a missed target. */
  error?: string;
}

export interface Machine {
  cpuModel: string;
  cpuCount: number;
  platform: string;
  arch: string;
  totalMemoryBytes: number;
}

/** bench/results/latest.json */
export interface Report {
  date: string;
  /** The commit the bench ran on, and whether tracked files differed from it. */
  commit: { sha: string; dirty: boolean } | null;
  node: string;
  machine: Machine;
  mode: 'full' | 'quick';
  sections: SectionResult[];
  /** "section: row" for every target missed, "section: error" for every section that failed. */
  missed: string[];
  passed: boolean;
}

/** What fell short: each row whose target is missed, and each section that failed. */
export function missedTargets(sections: readonly SectionResult[]): string[] {
  return sections.flatMap((section) => [
    ...section.rows.filter((r) => r.pass === false).map((r) => `${section.name}: ${r.name}`),
    ...(section.error === undefined ? [] : [`${section.name}: failed (${section.error})`]),
  ]);
}

export function buildReport(facts: Omit<Report, 'missed' | 'passed'>): Report {
  const missed = missedTargets(facts.sections);
  return { ...facts, missed, passed: missed.length === 0 };
}

const teardowns: (() => Promise<void>)[] = [];

/**
 * Something a section started for several sections to share (the local stack: its handlers are modules
 * loaded once per process, bound to the first stack's endpoints), stopped once after the last section.
 */
export function registerTeardown(teardown: () => Promise<void>): void {
  teardowns.push(teardown);
}

export async function runTeardowns(): Promise<void> {
  for (const teardown of teardowns.splice(0).reverse()) await teardown();
}
