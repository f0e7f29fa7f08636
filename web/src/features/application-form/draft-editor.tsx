import { type ReactNode, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { type Path, useForm, useWatch } from 'react-hook-form';
import { useBlocker, useNavigate, useSearchParams } from 'react-router';
import type { ApplicationView } from '#shared/api/schemas/application.schema.ts';
import type { CallView } from '#shared/api/schemas/call.schema.ts';
import type { DocumentView } from '#shared/api/schemas/document.schema.ts';
import type { OrganisationView } from '#shared/api/schemas/organisation.schema.ts';
import type { ApplicationDocument } from '#shared/domain/document.ts';
import { checkDraft } from '#shared/domain/finance-rules.ts';
import { documentGaps as mandatoryDocumentGaps } from '#shared/domain/submission-check.ts';
import { ApiError, api } from '../../api.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { announce } from '../../components/live-region.tsx';
import { formatDateTime, formatTime } from '../../format.ts';
import { applicationForm } from '../../i18n/application-form.ts';
import { useLanguage } from '../../i18n/language.tsx';
import type { Language } from '../../i18n/messages.ts';
import { formatEuroInput, formatPercentInput, parseEuroInput, parsePercentInput } from './amounts.ts';
import { Autosave, type AutosaveSnapshot, contentOf, evaluateForm } from './autosave.ts';
import { PeriodStep, ProjectStep, TargetGroupsStep } from './basic-steps.tsx';
import { ConflictPanel } from './conflict-panel.tsx';
import { DeclarationsStep } from './declarations-step.tsx';
import { unitLabel } from './describe.ts';
import { DocumentsStep } from './documents-step.tsx';
import {
  type DraftFormValues,
  type FieldUnit,
  forRulesCheck,
  getAt,
  planSave,
  toFormValues,
} from './draft-form.ts';
import { draftResolver } from './draft-resolver.ts';
import {
  type Editor,
  EditorContext,
  inputErrorAt,
  leafErrors,
  type OpenPoint,
  useEditor,
} from './editor-context.tsx';
import { FinanceStep } from './finance-step.tsx';
import { anchorPath, fieldId, isStep, STEPS, type StepKey, stepOfPath } from './steps.ts';
import { type SubmitState, SummaryStep } from './summary-step.tsx';

const STEP_VIEWS: Record<StepKey, () => ReactNode> = {
  project: ProjectStep,
  'target-groups': TargetGroupsStep,
  period: PeriodStep,
  finance: FinanceStep,
  documents: DocumentsStep,
  declarations: DeclarationsStep,
  summary: () => null,
};

/** The top-level parts of the form, which "Weiter" validates step by step. */
const FORM_SECTIONS = [
  'title',
  'summary',
  'targetGroups',
  'region',
  'projectPeriod',
  'financePlan',
  'declarations',
] as const;

/**
 * The form of one editable application (DRAFT or INCOMPLETE): the steps with their indicator, the live
 * finance rules, autosave with its status, a version conflict, the warning before leaving with unsaved
 * input, and submitting. The step is in the address (`?step=finance`), so links can point at it.
 */
export function DraftEditor({
  application,
  call,
  organisation,
}: {
  application: ApplicationView;
  call: CallView;
  organisation: OrganisationView | undefined;
}) {
  const { language } = useLanguage();
  const t = applicationForm[language];
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('step');
  const step: StepKey = isStep(requested) ? requested : 'project';
  const stepIndex = STEPS.indexOf(step);

  // The language amounts are written in follows the UI language (see the layout effect below).
  const uiLanguage = useRef(language);
  uiLanguage.current = language;
  const formatLanguage = useRef<Language>(language);
  const resolver = useMemo(
    () => draftResolver({ ui: () => uiLanguage.current, format: () => formatLanguage.current }),
    [],
  );
  const form = useForm<DraftFormValues>({
    defaultValues: toFormValues(contentOf(application), language),
    resolver,
    // Fields are validated by `register` below (when left, and while an error is corrected), so
    // react-hook-form's own modes stay out of the way: with them a new line starts full of errors.
    mode: 'onSubmit',
    shouldFocusError: false,
  });
  const register = useCallback(
    (path: Path<DraftFormValues>) => {
      const registered = form.register(path);
      return {
        ...registered,
        onChange: async (event: { target: unknown; type?: unknown }) => {
          const result = await registered.onChange(event);
          if (form.getFieldState(path).error) void form.trigger(path);
          return result;
        },
        onBlur: async (event: { target: unknown; type?: unknown }) => {
          const result = await registered.onBlur(event);
          void form.trigger(path);
          return result;
        },
      };
    },
    [form],
  );

  // Switching the language rewrites the amounts in the new language's way, so they read the same.
  useLayoutEffect(() => {
    const from = formatLanguage.current;
    if (from === language) return;
    rewriteAmounts(form.getValues(), from, language, (path, value) =>
      form.setValue(path as Path<DraftFormValues>, value as never),
    );
    formatLanguage.current = language;
    if (form.formState.isSubmitted || Object.keys(form.formState.errors).length > 0) void form.trigger();
  }, [language, form]);

  // --- autosave ----------------------------------------------------------------------------------------
  const [snapshot, setSnapshot] = useState<AutosaveSnapshot>();
  const [autosave] = useState(
    () =>
      new Autosave({
        initial: application,
        getValues: () => form.getValues(),
        setUnit: (unit, value) => form.setValue(unit as Path<DraftFormValues>, value as never),
        setServerErrors: (errors) => {
          for (const error of errors) {
            form.setError(error.path as Path<DraftFormValues>, { type: 'server', message: error.message });
          }
        },
        formatLanguage: () => formatLanguage.current,
        request: api,
        onChange: setSnapshot,
      }),
  );
  const saved = snapshot ?? autosave.snapshot;
  useEffect(() => {
    autosave.start();
    const subscription = form.watch(() => autosave.changed());
    return () => {
      subscription.unsubscribe();
      autosave.stop();
    };
  }, [autosave, form]);

  // An automatic merge after someone else saved is said out loud too, not only shown.
  const merged = saved.merged;
  useEffect(() => {
    if (merged && merged.length > 0) {
      announce(
        applicationForm[uiLanguage.current].merged(
          merged.map((unit) => unitLabel(unit, uiLanguage.current)).join(', '),
        ),
      );
    }
  }, [merged]);

  // --- the live draft and the rules --------------------------------------------------------------------
  const values = useWatch({ control: form.control }) as DraftFormValues;
  const { content, invalidPaths } = useMemo(() => evaluateForm(values, formatLanguage.current), [values]);
  const check = useMemo(
    () => checkDraft(forRulesCheck(content), call, organisation ? { legalForm: organisation.legalForm } : {}),
    [content, call, organisation],
  );
  const plan = useMemo(
    () => planSave(saved.baseline, content, invalidPaths),
    [saved.baseline, content, invalidPaths],
  );
  const { errors } = form.formState;

  // The documents, for the mandatory ones still missing (the documents step keeps the list current).
  const [documents, setDocuments] = useState<DocumentView[]>();
  useEffect(() => {
    api<{ items: DocumentView[] }>('GET', `/api/applications/${application.id}/documents`)
      .then(({ body }) => setDocuments((current) => current ?? body.items))
      .catch(() => {});
  }, [application.id]);
  const documentGaps = useMemo<OpenPoint[]>(
    () =>
      documents
        ? // documentGaps reads a document's type and status only, which the members' view has too.
          mandatoryDocumentGaps(call, documents as unknown as ApplicationDocument[]).map((gap) => ({
            path: gap.path,
            message: gap.message[language],
          }))
        : [],
    [documents, call, language],
  );

  const findingsAt = useCallback(
    (path: string) =>
      check.violations.filter((v) => anchorPath(v.path) === path).map((v) => v.message[language]),
    [check, language],
  );
  const fieldError = useCallback(
    (path: string) => {
      const messages = [inputErrorAt(errors, path), ...findingsAt(path)].filter(Boolean);
      return messages.length > 0 ? [...new Set(messages)].join(' ') : undefined;
    },
    [errors, findingsAt],
  );

  // --- steps and focus ---------------------------------------------------------------------------------
  const pendingFocus = useRef<string | undefined>(undefined);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const goTo = useCallback(
    (next: StepKey, path?: string) => {
      void autosave.flush();
      const target = path ? fieldId(path) : undefined;
      if (next === step) {
        if (target) focusElement(target);
        else stepHeading.current?.focus();
        return;
      }
      pendingFocus.current = target ?? 'step-heading';
      setSearchParams({ step: next });
    },
    [autosave, step, setSearchParams],
  );
  const firstRender = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on purpose after each step change
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    void autosave.flush();
    setStepErrors([]);
    const target = pendingFocus.current ?? 'step-heading';
    pendingFocus.current = undefined;
    if (target === 'step-heading') stepHeading.current?.focus();
    else focusElement(target);
  }, [step]);

  // "Weiter": the step's input must be readable and fit the schema; what is merely missing may wait.
  const [stepErrors, setStepErrors] = useState<{ fieldId: string; message: string }[]>([]);
  const [stepAttempts, setStepAttempts] = useState(0);
  const unitsOf = (key: StepKey) => FORM_SECTIONS.filter((section) => stepOfPath(section) === key);
  const next = async () => {
    const following = STEPS[stepIndex + 1];
    if (!following) return;
    const units = unitsOf(step);
    if (units.length > 0 && !(await form.trigger(units as never))) {
      const found = units.flatMap((unit) => leafErrors(getAt(form.formState.errors, unit), unit));
      setStepErrors(found.map((error) => ({ fieldId: fieldId(error.path), message: error.message })));
      setStepAttempts((n) => n + 1);
      return;
    }
    setStepErrors([]);
    goTo(following);
  };

  // --- leaving with unsaved input ----------------------------------------------------------------------
  const submittedRef = useRef(false);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      !submittedRef.current &&
      currentLocation.pathname !== nextLocation.pathname &&
      autosave.hasUnsavedInput(),
  );
  const [leaving, setLeaving] = useState(false);
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    // Most unsaved input is just waiting for its second: save it and go.
    void autosave.flush().then(() => {
      if (autosave.hasUnsavedInput()) setLeaving(true);
      else blocker.proceed();
    });
  }, [blocker, autosave]);
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (submittedRef.current || !autosave.hasUnsavedInput()) return;
      event.preventDefault();
      // Older browsers need returnValue set to show the prompt.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [autosave]);

  // --- submitting ----------------------------------------------------------------------------------------
  const supplement = application.status === 'INCOMPLETE';
  const [submitState, setSubmitState] = useState<SubmitState>({ kind: 'idle' });
  const submit = useCallback(async () => {
    setSubmitState({ kind: 'submitting' });
    await autosave.flush();
    if (autosave.hasUnsavedInput()) {
      setSubmitState({ kind: 'not-saved' });
      return;
    }
    try {
      // One key per click: a retry of this request by the network is answered once; a new click is new.
      await api('POST', `/api/applications/${application.id}/submit`, {
        headers: { 'idempotency-key': crypto.randomUUID() },
      });
      submittedRef.current = true;
      autosave.stop();
      announce(supplement ? t.supplemented : t.submitted);
      navigate(`/applications/${application.id}`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 422) {
        const points: OpenPoint[] = (error.problem.errors ?? []).map((e) => ({
          path: e.path,
          message: e.message,
        }));
        setSubmitState(points.length > 0 ? { kind: 'refused', points } : { kind: 'failed' });
      } else if (error instanceof ApiError && error.status === 409) {
        setSubmitState({ kind: 'conflict' });
      } else {
        setSubmitState({ kind: 'failed' });
      }
    }
  }, [autosave, application.id, navigate, supplement, t]);

  const editor: Editor = {
    form,
    register,
    errors,
    language,
    formatLanguage: formatLanguage.current,
    t,
    call,
    organisation,
    applicationId: application.id,
    content,
    check,
    documents,
    setDocuments,
    documentGaps,
    heldBack: plan.heldBack,
    findingsAt,
    fieldError,
    goTo,
    submit,
  };

  const openPoints = (key: StepKey) =>
    [...check.violations, ...check.missing, ...documentGaps].filter(
      (finding) => stepOfPath(finding.path) === key,
    ).length + plan.heldBack.filter((unit) => stepOfPath(unit) === key).length;
  const StepView = STEP_VIEWS[step];
  const previous = STEPS[stepIndex - 1];
  const following = STEPS[stepIndex + 1];

  return (
    <EditorContext value={editor}>
      {supplement && application.nachforderung ? <NachforderungBox application={application} /> : null}
      <SaveStatus
        snapshot={saved}
        heldBack={plan.heldBack}
        dirty={plan.dirty}
        onSaveNow={() => void autosave.flush()}
      />
      {saved.conflict ? (
        <ConflictPanel
          key={saved.version}
          conflict={saved.conflict}
          onResolve={(choices) => void autosave.resolve(choices)}
        />
      ) : null}
      {saved.merged && saved.merged.length > 0 ? (
        <p className="notice">{t.merged(saved.merged.map((unit) => unitLabel(unit, language)).join(', '))}</p>
      ) : null}

      <nav aria-label={t.stepsNavigation} className="form-steps">
        <ol>
          {STEPS.map((key, index) => {
            const count = key === 'summary' ? 0 : openPoints(key);
            return (
              <li
                key={key}
                className={key === step ? 'form-steps__item form-steps__item--current' : 'form-steps__item'}
              >
                <a
                  href={`?step=${key}`}
                  aria-current={key === step ? 'step' : undefined}
                  onClick={(event) => {
                    event.preventDefault();
                    goTo(key);
                  }}
                >
                  <span className="form-steps__number">{index + 1}</span> {t.steps[key]}
                  {/* Always there and always as wide, so the steps do not move while someone types. */}
                  <span
                    className={count > 0 ? 'form-steps__badge form-steps__badge--open' : 'form-steps__badge'}
                    aria-hidden="true"
                  >
                    {count > 0 ? count : ''}
                  </span>
                  {count > 0 ? <span className="visually-hidden"> ({t.stepOpenPoints(count)})</span> : null}
                </a>
              </li>
            );
          })}
        </ol>
      </nav>

      <form
        noValidate
        className="draft-form"
        onSubmit={(event) => {
          event.preventDefault();
          void next();
        }}
      >
        <p className="step-count">{t.stepOf(stepIndex + 1, STEPS.length)}</p>
        <h2 id="step-heading" tabIndex={-1} ref={stepHeading}>
          {t.steps[step]}
        </h2>
        <ErrorSummary errors={stepErrors} submitCount={stepAttempts} />
        {step === 'summary' ? (
          <SummaryStep submitState={submitState} supplement={supplement} />
        ) : (
          <StepView />
        )}
        <div className="actions step-actions">
          {previous ? (
            <button type="button" className="button button--secondary" onClick={() => goTo(previous)}>
              {t.previous(t.steps[previous])}
            </button>
          ) : null}
          {following ? (
            <button type="submit" className="button">
              {t.next(t.steps[following])}
            </button>
          ) : null}
        </div>
      </form>

      <LeaveDialog
        open={leaving}
        onStay={() => {
          setLeaving(false);
          blocker.reset?.();
        }}
        onLeave={() => {
          setLeaving(false);
          submittedRef.current = true;
          blocker.proceed?.();
        }}
      />
    </EditorContext>
  );
}

/**
 * The autosave status in a polite live region ("Wird gespeichert …", "Gespeichert um 14:03"), and the
 * buttons that go with a failure outside it (a live region should hold text, not controls).
 */
function SaveStatus({
  snapshot,
  heldBack,
  dirty,
  onSaveNow,
}: {
  snapshot: AutosaveSnapshot;
  heldBack: FieldUnit[];
  dirty: boolean;
  onSaveNow(): void;
}) {
  const { t, language, goTo, form } = useEditor();
  const state = snapshot.state;
  const time = (iso: string) => formatTime(iso, language);
  let text: string;
  let action: { label: string; run(): void } | undefined;
  switch (state.kind) {
    case 'saving':
      text = t.saving;
      break;
    case 'failed':
      text = t.saveFailed(state.seconds);
      action = { label: t.saveNow, run: onSaveNow };
      break;
    case 'signed-out':
      text = t.signedOutNotSaved;
      action = { label: t.signInAndSave, run: onSaveNow };
      break;
    case 'conflict':
      text = t.conflictNotSaved;
      break;
    case 'locked':
      text = t.lockedNotSaved;
      break;
    case 'refused':
      text = t.refusedNotSaved;
      break;
    default:
      if (heldBack.length > 0) {
        text = t.heldBack(heldBack.map((unit) => unitLabel(unit, language)).join(', '));
        const first = heldBack[0] as FieldUnit;
        action = {
          label: t.showHeldBack,
          run: () => {
            void form.trigger(heldBack as never).then(() => {
              const firstError = leafErrors(getAt(form.formState.errors, first), first)[0];
              const step = stepOfPath(first);
              if (step) goTo(step, firstError?.path ?? first);
            });
          },
        };
      } else if (state.kind === 'saved') {
        text = t.savedAt(time(state.at));
      } else {
        text = t.lastSaved(formatDateTime(snapshot.updatedAt, language));
      }
  }
  return (
    <div className={`save-status${dirty && state.kind !== 'saving' ? ' save-status--pending' : ''}`}>
      <p role="status" aria-label={t.saveStatusLabel} data-testid="save-status" className="save-status__text">
        {text}
      </p>
      {action ? (
        <button type="button" className="link-button" onClick={action.run}>
          {action.label}
        </button>
      ) : null}
    </div>
  );
}

function NachforderungBox({ application }: { application: ApplicationView }) {
  const { t, language, goTo } = useEditor();
  const request = application.nachforderung;
  if (!request) return null;
  return (
    <section className="notice draft-nachforderung" aria-labelledby="nachforderung-heading">
      <h2 id="nachforderung-heading">{t.nachforderungHeading}</h2>
      <p>{t.nachforderungDue(formatDateTime(request.dueAt, language))}</p>
      {request.note ? <p>{t.nachforderungNote(request.note)}</p> : null}
      <ul>
        {request.items.map((item) => {
          const step = stepOfPath(item.path);
          return (
            <li key={`${item.path}-${item.code}`}>
              {step ? (
                <a
                  href={`?step=${step}`}
                  onClick={(event) => {
                    event.preventDefault();
                    goTo(step, step === 'documents' ? undefined : item.path);
                  }}
                >
                  {item.message}
                </a>
              ) : (
                item.message
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function LeaveDialog({ open, onStay, onLeave }: { open: boolean; onStay(): void; onLeave(): void }) {
  const { t } = useEditor();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="leave-dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        onStay();
      }}
    >
      {open ? (
        <>
          <h2 id="leave-dialog-title">{t.leaveTitle}</h2>
          <p>{t.leaveText}</p>
          <div className="actions">
            <button type="button" className="button" onClick={onStay}>
              {t.stay}
            </button>
            <button type="button" className="button button--secondary" onClick={onLeave}>
              {t.leave}
            </button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}

/** Focuses the element of a field once it is on the page (after a step change it renders first). */
function focusElement(id: string): void {
  requestAnimationFrame(() => {
    const element = document.getElementById(id);
    element?.scrollIntoView({ block: 'center' });
    element?.focus();
  });
}

/** Rewrites every amount and percentage typed in one language into the other's way of writing it. */
function rewriteAmounts(
  values: DraftFormValues,
  from: Language,
  to: Language,
  set: (path: string, value: string) => void,
): void {
  const amount = (path: string, text: string) => {
    const parsed = parseEuroInput(text, from);
    if (text.trim() && parsed.ok) set(path, formatEuroInput(parsed.value, to));
  };
  const percent = (path: string, text: string) => {
    const parsed = parsePercentInput(text, from);
    if (text.trim() && parsed.ok) set(path, formatPercentInput(parsed.value, to));
  };
  const p = values.financePlan;
  amount('declarations.deMinimisAmountCents', values.declarations.deMinimisAmountCents);
  amount('financePlan.ownContributionCents', p.ownContributionCents);
  amount('financePlan.requestedGrantCents', p.requestedGrantCents);
  p.staff.forEach((line, i) => {
    amount(`financePlan.staff.${i}.monthlyFullTimeCents`, line.monthlyFullTimeCents);
    percent(`financePlan.staff.${i}.hoursShareBps`, line.hoursShareBps);
  });
  for (const list of ['material', 'fees', 'thirdParty'] as const) {
    p[list].forEach((line, i) => {
      amount(`financePlan.${list}.${i}.amountCents`, line.amountCents);
    });
  }
  p.perYear.forEach((entry, i) => {
    amount(`financePlan.perYear.${i}.amountCents`, entry.amountCents);
  });
}
