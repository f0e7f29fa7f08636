// `npm run bench` (and `npm run bench:quick`, the smoke mode CI runs): runs every section in
// bench/sections/ in order, prints a table per section, writes all figures to bench/results/latest.json,
// and exits non-zero if a target is missed or a section fails.
//
//   npm run bench                   all sections, full repetitions
//   npm run bench:quick             all sections, few repetitions (CI)
//   npm run bench -- --only web     only the named sections (comma-separated)
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  buildReport,
  formatTable,
  type Machine,
  type Report,
  type Row,
  runTeardowns,
  type Section,
  type SectionResult,
} from './harness.ts';

const BENCH_DIR = import.meta.dirname;
const SECTIONS_DIR = path.join(BENCH_DIR, 'sections');
const RESULTS_FILE = path.join(BENCH_DIR, 'results', 'latest.json');

async function loadSections(): Promise<Section[]> {
  const files = readdirSync(SECTIONS_DIR)
    .filter((file) => file.endsWith('.ts'))
    .sort();
  const sections: Section[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(path.join(SECTIONS_DIR, file)).href)) as { section?: Section };
    if (!module.section) throw new Error(`bench/sections/${file} exports no \`section\``);
    sections.push(module.section);
  }
  return sections.sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
}

async function runSection(section: Section, quick: boolean): Promise<SectionResult> {
  const notes: string[] = [];
  const started = performance.now();
  let rows: Row[] = [];
  let error: string | undefined;
  try {
    rows = await section.run({
      quick,
      repetitions: (full, few) => (quick ? few : full),
      note: (text) => notes.push(text),
    });
  } catch (failure) {
    error = failure instanceof Error ? failure.message : String(failure);
  }
  const result: SectionResult = {
    name: section.name,
    title: section.title,
    durationMs: Math.round(performance.now() - started),
    rows,
    notes,
  };
  return error === undefined ? result : { ...result, error };
}

function gitCommit(): Report['commit'] {
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: BENCH_DIR, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const sha = git('rev-parse', 'HEAD').trim();
    const dirty = git('status', '--porcelain', '--untracked-files=no').trim() !== '';
    return { sha, dirty };
  } catch {
    return null;
  }
}

function machine(): Machine {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cpuCount: cpus.length,
    platform: os.platform(),
    arch: os.arch(),
    totalMemoryBytes: os.totalmem(),
  };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } },
  });
  const quick = values.quick ?? false;
  const only = values.only?.split(',').map((name) => name.trim());
  const all = await loadSections();
  const unknown = only?.filter((name) => !all.some((section) => section.name === name)) ?? [];
  if (unknown.length > 0) {
    console.error(
      `bench: no section ${unknown.join(', ')} (there are: ${all.map((s) => s.name).join(', ')})`,
    );
    return 2;
  }
  const sections = only ? all.filter((section) => only.includes(section.name)) : all;

  const host = machine();
  console.log(
    `bench (${quick ? 'quick' : 'full'}) on ${host.cpuModel} × ${host.cpuCount}, node ${process.version}`,
  );
  const results: SectionResult[] = [];
  for (const section of sections) {
    console.log(`\n${section.title}`);
    const result = await runSection(section, quick);
    results.push(result);
    if (result.rows.length > 0) console.log(formatTable(result.rows));
    for (const note of result.notes) console.log(`  note: ${note}`);
    if (result.error !== undefined) console.log(`  FAILED: ${result.error}`);
    console.log(`  (${(result.durationMs / 1000).toFixed(1)} s)`);
  }
  await runTeardowns();

  const report = buildReport({
    date: new Date().toISOString(),
    commit: gitCommit(),
    node: process.version,
    machine: host,
    mode: quick ? 'quick' : 'full',
    sections: results,
  });
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nbench: figures in ${path.relative(process.cwd(), RESULTS_FILE)}`);
  if (report.passed) {
    console.log('bench: every target met');
    return 0;
  }
  console.error(`bench: ${report.missed.length} missed:\n${report.missed.map((m) => `  - ${m}`).join('\n')}`);
  return 1;
}

process.exitCode = await main();
