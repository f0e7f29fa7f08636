import type { ApplicationView } from '#shared/api/schemas/application.schema.ts';
import { DraftContent } from '#shared/api/schemas/draft.schema.ts';
import type { Language } from '../../i18n/messages.ts';
import {
  type DraftFormValues,
  type FieldUnit,
  getAt,
  mergeThreeWays,
  normalise,
  planSave,
  toDraftContent,
  toFormValues,
  unitOf,
} from './draft-form.ts';

/**
 * Autosave of the application form, without React (the hook in use-autosave.ts wires it to the form):
 *
 * - a change is saved about a second after typing stops, and at once on `flush()` (step change, submit,
 *   leaving); one request at a time, a change during a request is saved right after it;
 * - it sends a JSON merge patch of what changed against the last saved version, with `If-Match`; a unit
 *   whose input cannot be saved yet (half-typed line, unreadable amount) is held back and stays in the
 *   form;
 * - nothing typed is ever dropped: a failure keeps the form and retries (5, 10, 20, 30 s); an expired
 *   session makes the API client open the sign-in dialog over the form and send the request again;
 * - 412: someone else saved. The current version is loaded and merged three ways: what only the other
 *   person changed is taken into the form, what only this person changed is kept, and where both
 *   changed differently the person chooses (`resolve`); then it saves against the new version.
 */

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'failed'; seconds: number }
  | { kind: 'signed-out' }
  | { kind: 'conflict' }
  | { kind: 'locked' }
  | { kind: 'refused' };

export interface Conflict {
  /** Units both sides changed differently, in form order. */
  units: FieldUnit[];
  /** Units only the other side changed: already taken into the form. */
  taken: FieldUnit[];
  /** The stored version, as a draft and as form values (for "take theirs"). */
  theirs: DraftContent;
  theirsValues: DraftFormValues;
}

export interface AutosaveSnapshot {
  state: SaveState;
  version: number;
  /** The saved draft, normalised as the form writes it (what the form is compared with). */
  baseline: DraftContent;
  /** When the saved version was written. */
  updatedAt: string;
  conflict?: Conflict;
  /** After a 412 that merged without a conflict: what was taken from the other version. */
  merged?: FieldUnit[];
}

/**
 * The API client's shape (api.ts), passed in so this module stays free of the browser session and can
 * be tested with a fake server. Its errors carry the HTTP status and the problem (ApiError).
 */
export type Request = <T>(
  method: string,
  path: string,
  options?: { body?: unknown; headers?: Record<string, string> },
) => Promise<{ body: T }>;

interface RequestError {
  status: number;
  problem: { errors?: { path: string; message: string }[] };
}

function isRequestError(error: unknown): error is RequestError {
  return (
    error instanceof Error &&
    typeof (error as Partial<RequestError>).status === 'number' &&
    typeof (error as Partial<RequestError>).problem === 'object'
  );
}

export interface AutosaveDeps {
  initial: ApplicationView;
  getValues(): DraftFormValues;
  /** Puts a unit's value (as form values) into the form, e.g. the other person's change. */
  setUnit(unit: FieldUnit, value: unknown): void;
  /** Errors the server found in fields (422), to show at them. */
  setServerErrors(errors: { path: string; message: string }[]): void;
  /** The language the amounts in the form are written in. */
  formatLanguage(): Language;
  request: Request;
  onChange(snapshot: AutosaveSnapshot): void;
  debounceMs?: number;
}

const RETRY_SECONDS = [5, 10, 20, 30];

/** The draft content of an application view (everything members edit). */
export function contentOf(view: ApplicationView): DraftContent {
  const { title, summary, targetGroups, region, projectPeriod, declarations, financePlan } = view;
  return JSON.parse(
    JSON.stringify({ title, summary, targetGroups, region, projectPeriod, declarations, financePlan }),
  ) as DraftContent;
}

/** The draft the form stands for, and the paths whose input cannot be saved as it is. */
export function evaluateForm(
  values: DraftFormValues,
  language: Language,
): { content: DraftContent; invalidPaths: string[] } {
  const { content, inputErrors } = toDraftContent(values, language);
  const parsed = DraftContent.safeParse(content);
  const schemaPaths = parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'));
  return { content, invalidPaths: [...inputErrors.map((error) => error.path), ...schemaPaths] };
}

export function isEditable(status: ApplicationView['status']): boolean {
  return status === 'DRAFT' || status === 'INCOMPLETE';
}

export class Autosave {
  readonly #deps: AutosaveDeps;
  readonly #url: string;
  #snapshot: AutosaveSnapshot;
  #debounce: ReturnType<typeof setTimeout> | undefined;
  #retry: ReturnType<typeof setTimeout> | undefined;
  #failures = 0;
  #running: Promise<void> | undefined;
  #again = false;
  #stopped = false;

  constructor(deps: AutosaveDeps) {
    this.#deps = deps;
    this.#url = `/api/applications/${deps.initial.id}`;
    this.#snapshot = {
      state: { kind: 'idle' },
      version: deps.initial.version,
      baseline: normalise(contentOf(deps.initial), deps.formatLanguage()),
      updatedAt: deps.initial.updatedAt,
    };
  }

  get snapshot(): AutosaveSnapshot {
    return this.#snapshot;
  }

  /** A value changed: save once typing has paused. */
  changed(): void {
    if (this.#stopped) return;
    clearTimeout(this.#debounce);
    this.#debounce = setTimeout(() => void this.save(), this.#deps.debounceMs ?? 1000);
  }

  /** Save now (step change, before submitting, before leaving); resolves when nothing is in flight. */
  flush(): Promise<void> {
    clearTimeout(this.#debounce);
    return this.save();
  }

  /** The person chose per conflicting unit; their choice goes into the form, then it is saved. */
  resolve(choices: Partial<Record<FieldUnit, 'mine' | 'theirs'>>): Promise<void> {
    const conflict = this.#snapshot.conflict;
    if (!conflict) return Promise.resolve();
    for (const unit of conflict.units) {
      if (choices[unit] === 'theirs') this.#deps.setUnit(unit, getAt(conflict.theirsValues, unit));
    }
    this.#update({ conflict: undefined, state: { kind: 'idle' } });
    return this.flush();
  }

  /** Saving is allowed (again): the form is on the page. */
  start(): void {
    this.#stopped = false;
  }

  /** No more saving (the page is going away, or the application was submitted). */
  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#debounce);
    clearTimeout(this.#retry);
  }

  /** Whether the form holds input the server does not have (or a save is under way). */
  hasUnsavedInput(): boolean {
    if (this.#running || this.#snapshot.conflict) return true;
    const { content, invalidPaths } = evaluateForm(this.#deps.getValues(), this.#deps.formatLanguage());
    return planSave(this.#snapshot.baseline, content, invalidPaths).dirty;
  }

  /** One save at a time; a save asked for meanwhile runs right after, with the newest values. */
  save(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    const run = (async () => {
      try {
        await this.#saveOnce();
      } finally {
        this.#running = undefined;
      }
      if (this.#again) {
        this.#again = false;
        await this.save();
      }
    })();
    this.#running = run;
    return run;
  }

  async #saveOnce(): Promise<void> {
    const blocked = ['conflict', 'locked'].includes(this.#snapshot.state.kind);
    if (this.#stopped || blocked) return;
    clearTimeout(this.#retry);
    const { content, invalidPaths } = evaluateForm(this.#deps.getValues(), this.#deps.formatLanguage());
    const plan = planSave(this.#snapshot.baseline, content, invalidPaths);
    if (!plan.patch) return;
    this.#update({ state: { kind: 'saving' } });
    try {
      const { body } = await this.#deps.request<ApplicationView>('PATCH', this.#url, {
        body: plan.patch,
        headers: { 'if-match': `"${this.#snapshot.version}"` },
      });
      this.#failures = 0;
      this.#accept(body, { state: { kind: 'saved', at: body.updatedAt } });
    } catch (error) {
      await this.#failed(error);
    }
  }

  async #failed(error: unknown): Promise<void> {
    if (isRequestError(error)) {
      if (error.status === 412) return this.#conflict();
      // The sign-in dialog was cancelled: keep everything; "Anmelden und speichern" tries again.
      if (error.status === 401) return this.#update({ state: { kind: 'signed-out' } });
      // No longer a draft (submitted by someone else) or no longer ours: nothing can be saved.
      if (error.status === 409 || error.status === 404 || error.status === 403) {
        return this.#update({ state: { kind: 'locked' } });
      }
      if (error.status === 422) {
        this.#deps.setServerErrors(error.problem.errors ?? []);
        return this.#update({ state: { kind: 'refused' } });
      }
    }
    // No connection, a server fault, throttling: try again, ever less often.
    const seconds = RETRY_SECONDS[Math.min(this.#failures, RETRY_SECONDS.length - 1)] ?? 30;
    this.#failures++;
    this.#update({ state: { kind: 'failed', seconds } });
    this.#retry = setTimeout(() => void this.save(), seconds * 1000);
  }

  /** 412: load the stored version and merge it with the form three ways. */
  async #conflict(): Promise<void> {
    this.#update({ state: { kind: 'conflict' } });
    let current: ApplicationView;
    try {
      current = (await this.#deps.request<ApplicationView>('GET', this.#url)).body;
    } catch (error) {
      // Try the whole save again later; it will meet the 412 again and come back here.
      this.#update({ state: { kind: 'idle' } });
      return this.#failed(error);
    }
    if (!isEditable(current.status)) return this.#accept(current, { state: { kind: 'locked' } });

    const language = this.#deps.formatLanguage();
    const { content: mine, invalidPaths } = evaluateForm(this.#deps.getValues(), language);
    const unreadable = new Set(invalidPaths.map((path) => unitOf(path) ?? path));
    const theirs = normalise(contentOf(current), language);
    const merge = mergeThreeWays(this.#snapshot.baseline, mine, theirs, unreadable);
    const theirsValues = toFormValues(contentOf(current), language);
    for (const unit of merge.takenFromTheirs) this.#deps.setUnit(unit, getAt(theirsValues, unit));

    if (merge.conflicts.length === 0) {
      this.#accept(current, { state: { kind: 'idle' }, merged: merge.takenFromTheirs });
      // Save my changes on top of theirs (after this run ends, with the values now in the form).
      this.#again = true;
      return;
    }
    this.#accept(current, {
      state: { kind: 'conflict' },
      conflict: { units: merge.conflicts, taken: merge.takenFromTheirs, theirs, theirsValues },
    });
  }

  #accept(view: ApplicationView, changes: Partial<AutosaveSnapshot>): void {
    this.#update({
      version: view.version,
      baseline: normalise(contentOf(view), this.#deps.formatLanguage()),
      updatedAt: view.updatedAt,
      ...changes,
    });
  }

  #update(changes: Partial<AutosaveSnapshot>): void {
    this.#snapshot = { ...this.#snapshot, ...changes };
    this.#deps.onChange(this.#snapshot);
  }
}
