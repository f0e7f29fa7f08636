import { type ReactNode, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { type FieldError, get, type UseFormReturn, useFieldArray, useForm, useWatch } from 'react-hook-form';
import {
  type AdminCallView,
  type Call,
  FinancingType,
  LegalForm,
  SelectionMode,
  Strand,
} from '#shared/api/schemas/call.schema.ts';
import { callDefinitionOf } from '#shared/domain/call.ts';
import { callChanges } from '#shared/domain/call-rules.ts';
import { LEGAL_FORM_NAMES } from '#shared/domain/finance-rules.ts';
import { ApiError, api } from '../../../api.ts';
import { ErrorSummary, type SummaryError } from '../../../components/error-summary.tsx';
import { Field } from '../../../components/field.tsx';
import { announce } from '../../../components/live-region.tsx';
import { formatDate, formatDateTime, formatEuro, formatPercent } from '../../../format.ts';
import { pickLanguage } from '../../../forms/zod-form.ts';
import { adminCalls } from '../../../i18n/admin.ts';
import { common } from '../../../i18n/common.ts';
import { useLanguage } from '../../../i18n/language.tsx';
import type { Language } from '../../../i18n/messages.ts';
import {
  formatEuroInput,
  formatPercentInput,
  parseEuroInput,
  parsePercentInput,
} from '../../application-form/amounts.ts';
import {
  AMOUNT_FIELDS,
  type CallFormValues,
  callFieldId,
  callFieldOrder,
  callPatch,
  emptyCallValues,
  emptyCriterion,
  emptyDocument,
  formPathOf,
  moveFocusId,
  PERCENT_FIELDS,
  toCallFormValues,
} from './call-form-model.ts';
import { callResolver } from './call-resolver.ts';

type Messages = (typeof adminCalls)['de'];
type Form = UseFormReturn<CallFormValues, unknown, Call>;

/**
 * The form that creates a call (POST /api/admin/calls) or edits one (PATCH with If-Match, a merge patch
 * of what changed). Every rule the API applies is checked here first with the same code (call-resolver.ts).
 * Editing a call that has applications shows its frozen terms as text, not as fields. When someone else
 * saved meanwhile (412), the typed values stay, what they changed is listed, and the person applies their
 * own changes to the new version or loads it. Server refusals land at their fields.
 */
export function CallEditor({
  existing,
  onSaved,
}: {
  existing?: AdminCallView;
  onSaved(view: AdminCallView): void;
}) {
  const { language } = useLanguage();
  const t = adminCalls[language];
  const c = common[language];
  /** The version the person is editing from (their changes are measured against it). */
  const [base, setBase] = useState(existing);
  const [conflict, setConflict] = useState<AdminCallView>();
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [refusals, setRefusals] = useState(0);
  const locked = (base?.applicationCount ?? 0) > 0;

  // The resolver reads these at validation time, so it never works on a stale language or version.
  const formatLanguage = useRef(language);
  const uiLanguage = useRef(language);
  uiLanguage.current = language;
  const editing = useRef<{ original: Call; locked: boolean }>(undefined);
  editing.current = base ? { original: callDefinitionOf(base), locked } : undefined;
  const resolver = useMemo(
    () =>
      callResolver({
        ui: () => uiLanguage.current,
        format: () => formatLanguage.current,
        editing: () => editing.current,
      }),
    [],
  );
  const form = useForm<CallFormValues, unknown, Call>({
    resolver,
    shouldFocusError: false,
    defaultValues: existing ? toCallFormValues(existing, language) : emptyCallValues(),
  });
  const { isSubmitting, submitCount } = form.formState;

  // Amounts and percentages are written as the chosen language writes them: re-write them on a switch.
  useEffect(() => {
    const from = formatLanguage.current;
    if (from === language) return;
    for (const path of AMOUNT_FIELDS) {
      const parsed = parseEuroInput(form.getValues(path), from);
      if (parsed.ok) form.setValue(path, formatEuroInput(parsed.value, language));
    }
    for (const path of PERCENT_FIELDS) {
      const parsed = parsePercentInput(form.getValues(path), from);
      if (parsed.ok) form.setValue(path, formatPercentInput(parsed.value, language));
    }
    formatLanguage.current = language;
    if (form.formState.submitCount > 0) void form.trigger();
  }, [language, form]);

  const applyRefusal = (error: unknown) => {
    const messages: string[] = [];
    if (!(error instanceof ApiError)) {
      messages.push(c.networkError);
    } else {
      const known = new Set(callFieldOrder(form.getValues()));
      for (const { path, message } of error.problem.errors ?? []) {
        const formPath = formPathOf(path);
        const text = pickLanguage(message, language);
        if (known.has(formPath)) form.setError(formPath as 'id', { type: 'server', message: text });
        else messages.push(text);
      }
      const lockedFields = error.problem.lockedFields;
      if (Array.isArray(lockedFields)) {
        messages.push(t.appliedMeanwhile);
        for (const path of lockedFields as string[]) {
          const formPath = formPathOf(path);
          if (known.has(formPath))
            form.setError(formPath as 'id', { type: 'server', message: t.lockedChange });
        }
      }
      if ((error.problem.errors ?? []).length === 0) {
        if (!existing && error.status === 409) {
          // The id is taken: said at the id field.
          form.setError('id', { type: 'server', message: error.problem.detail ?? t.saveFailed });
        } else {
          messages.push(error.problem.detail ?? error.problem.title ?? t.saveFailed);
        }
      }
    }
    setFormErrors(messages);
    setRefusals((count) => count + 1);
  };

  const save = async (call: Call, against: AdminCallView | undefined) => {
    setFormErrors([]);
    try {
      if (!against) {
        const { body } = await api<AdminCallView>('POST', '/api/admin/calls', { body: call });
        // The call's page says so (a status notice) once it opens.
        onSaved(body);
        return;
      }
      // My changes: measured from the version I started editing, applied to `against`.
      const patch = callPatch(callDefinitionOf(base ?? against), call);
      if (Object.keys(patch).length === 0) {
        setConflict(undefined);
        announce(t.nothingChanged);
        setFormErrors([t.nothingChanged]);
        setRefusals((count) => count + 1);
        return;
      }
      const { body } = await api<AdminCallView>(
        'PATCH',
        `/api/admin/calls/${encodeURIComponent(against.id)}`,
        {
          body: patch,
          headers: { 'if-match': `"${against.version}"` },
        },
      );
      setConflict(undefined);
      setBase(body);
      form.reset(toCallFormValues(body, language));
      formatLanguage.current = language;
      announce(t.saved);
      onSaved(body);
    } catch (refusal) {
      if (refusal instanceof ApiError && refusal.status === 412 && against) {
        // Someone saved first: keep what was typed, fetch what is stored now and say what changed.
        try {
          const { body } = await api<AdminCallView>(
            'GET',
            `/api/admin/calls/${encodeURIComponent(against.id)}`,
          );
          setConflict(body);
          return;
        } catch (reloadError) {
          applyRefusal(reloadError);
          return;
        }
      }
      applyRefusal(refusal);
    }
  };

  const submit = form.handleSubmit((call) => save(call, base));
  const keepMine = form.handleSubmit((call) => save(call, conflict));
  const reload = () => {
    if (!conflict) return;
    setBase(conflict);
    form.reset(toCallFormValues(conflict, language));
    formatLanguage.current = language;
    setConflict(undefined);
    setFormErrors([]);
    announce(t.conflictReloaded);
    onSaved(conflict);
  };

  const summary = summaryOf(form, formErrors);
  return (
    <form onSubmit={submit} noValidate className="call-form">
      <ErrorSummary errors={summary} submitCount={submitCount + refusals} />
      {conflict && base ? (
        <ConflictPanel
          base={base}
          current={conflict}
          onKeepMine={() => void keepMine()}
          onReload={reload}
          busy={isSubmitting}
        />
      ) : null}
      <p>{t.formIntro}</p>
      {locked && base ? <p className="notice">{t.lockedNotice(base.applicationCount)}</p> : null}

      <fieldset className="fieldset">
        <legend>{t.groupNames}</legend>
        {existing ? (
          <ReadOnly label={t.id} value={existing.id} />
        ) : (
          <TextField form={form} path="id" label={t.id} hint={t.idHint} required className="input--long" />
        )}
        <TextField form={form} path="title.de" label={t.titleDe} required />
        <TextField form={form} path="title.en" label={t.titleEn} required />
        <TextField form={form} path="summary.de" label={t.summaryDe} required multiline />
        <TextField form={form} path="summary.en" label={t.summaryEn} required multiline />
        {locked && base ? (
          <ReadOnly
            label={t.fieldNames.programme}
            value={`${base.programme.de} / ${base.programme.en}`}
            locked
          />
        ) : (
          <>
            <TextField form={form} path="programme.de" label={t.programmeDe} required />
            <TextField form={form} path="programme.en" label={t.programmeEn} required />
          </>
        )}
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t.groupProcedure}</legend>
        {locked && base ? (
          <dl className="card-facts locked-facts">
            <Fact label={t.strand} value={t.strands[base.strand]} locked />
            <Fact label={t.referencePrefix} value={base.referencePrefix} locked />
            <Fact label={t.selectionMode} value={t.selectionNames[base.selectionMode]} locked />
            <Fact label={t.financingType} value={t.financingNames[base.financingType]} locked />
          </dl>
        ) : (
          <>
            <SelectField
              form={form}
              path="strand"
              label={t.strand}
              placeholder={t.chooseStrand}
              options={Strand.options.map((strand) => ({ value: strand, label: t.strands[strand] }))}
            />
            <TextField
              form={form}
              path="referencePrefix"
              label={t.referencePrefix}
              hint={t.referencePrefixHint}
              required
              className="input--short"
            />
            <RadioGroup
              form={form}
              path="selectionMode"
              legend={t.selectionMode}
              options={SelectionMode.options.map((mode) => ({
                value: mode,
                label: mode === 'rolling' ? t.selectionRolling : t.selectionCompetitive,
                hint: mode === 'rolling' ? t.selectionRollingHint : t.selectionCompetitiveHint,
              }))}
            />
            <SelectField
              form={form}
              path="financingType"
              label={t.financingType}
              placeholder={t.chooseFinancingType}
              options={FinancingType.options.map((type) => ({ value: type, label: t.financingNames[type] }))}
            />
          </>
        )}
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t.groupDates}</legend>
        {locked && base ? (
          <dl className="card-facts locked-facts">
            <Fact label={t.opensAt} value={formatDateTime(base.opensAt, language)} locked />
          </dl>
        ) : (
          <DateTimeField form={form} path="opensAt" label={t.opensAt} hint={t.dateTimeHint} />
        )}
        <DateTimeField form={form} path="closesAt" label={t.closesAt} hint={t.dateTimeHint} />
        {locked && base ? (
          <dl className="card-facts locked-facts">
            <Fact
              label={t.earliestStart}
              value={formatDate(base.projectPeriod.earliestStart, language)}
              locked
            />
            <Fact label={t.latestEnd} value={formatDate(base.projectPeriod.latestEnd, language)} locked />
            <Fact label={t.maxMonths} value={String(base.projectPeriod.maxMonths)} locked />
          </dl>
        ) : (
          <>
            <TextField
              form={form}
              path="projectPeriod.earliestStart"
              label={t.earliestStart}
              type="date"
              required
              className="input--date"
            />
            <TextField
              form={form}
              path="projectPeriod.latestEnd"
              label={t.latestEnd}
              type="date"
              required
              className="input--date"
            />
            <TextField
              form={form}
              path="projectPeriod.maxMonths"
              label={t.maxMonths}
              required
              className="input--short"
              inputMode="numeric"
            />
          </>
        )}
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t.groupMoney}</legend>
        <TextField
          form={form}
          path="budgetCents"
          label={t.budget}
          hint={t.euroHint}
          required
          className="input--amount"
          inputMode="decimal"
        />
        {locked && base ? (
          <dl className="card-facts locked-facts">
            <Fact label={t.maxGrant} value={formatEuro(base.rules.maxGrantCents, language)} locked />
            <Fact
              label={t.maxFundingRate}
              value={formatPercent(base.rules.maxFundingRateBps, language)}
              locked
            />
            <Fact label={t.minOwnShare} value={formatPercent(base.rules.minOwnShareBps, language)} locked />
            <Fact
              label={t.adminFlatRate}
              value={formatPercent(base.rules.adminFlatRateBps, language)}
              locked
            />
          </dl>
        ) : (
          <>
            <TextField
              form={form}
              path="rules.maxGrantCents"
              label={t.maxGrant}
              hint={`${t.euroHint} ${t.noMinimumGrant}`}
              required
              className="input--amount"
              inputMode="decimal"
            />
            <TextField
              form={form}
              path="rules.maxFundingRateBps"
              label={t.maxFundingRate}
              hint={t.maxFundingRateHint}
              required
              className="input--short"
              inputMode="decimal"
            />
            <TextField
              form={form}
              path="rules.minOwnShareBps"
              label={t.minOwnShare}
              hint={t.minOwnShareHint}
              required
              className="input--short"
              inputMode="decimal"
            />
            <TextField
              form={form}
              path="rules.adminFlatRateBps"
              label={t.adminFlatRate}
              hint={t.adminFlatRateHint}
              required
              className="input--short"
              inputMode="decimal"
            />
          </>
        )}
      </fieldset>

      {locked && base ? (
        <section className="fieldset locked-section" aria-labelledby="call-locked-forms">
          <h2 id="call-locked-forms" className="locked-section__title">
            {t.groupLegalForms} <span className="badge badge--closed">{t.locked}</span>
          </h2>
          <ul>
            {base.eligibleLegalForms.map((legalForm) => (
              <li key={legalForm}>{LEGAL_FORM_NAMES[legalForm][language]}</li>
            ))}
          </ul>
        </section>
      ) : (
        <LegalForms form={form} t={t} language={language} />
      )}

      {locked && base ? (
        <>
          <section className="fieldset locked-section" aria-labelledby="call-locked-documents">
            <h2 id="call-locked-documents" className="locked-section__title">
              {t.groupDocuments} <span className="badge badge--closed">{t.locked}</span>
            </h2>
            {base.requiredDocuments.length === 0 ? <p>{t.documentsEmpty}</p> : null}
            <ol>
              {base.requiredDocuments.map((document) => (
                <li key={document.id}>
                  {document.label[language]} ({document.mandatory ? t.mandatoryShort : t.optionalShort})
                </li>
              ))}
            </ol>
          </section>
          <section className="fieldset locked-section" aria-labelledby="call-locked-rubric">
            <h2 id="call-locked-rubric" className="locked-section__title">
              {t.groupRubric} <span className="badge badge--closed">{t.locked}</span>
            </h2>
            {base.rubric.length === 0 ? <p>{t.rubricEmpty}</p> : null}
            <ol>
              {base.rubric.map((criterion) => (
                <li key={criterion.id}>
                  {criterion.label[language]} ({t.weightShort(criterion.weight)})
                </li>
              ))}
            </ol>
          </section>
        </>
      ) : (
        <>
          <DocumentsEditor form={form} t={t} />
          <RubricEditor form={form} t={t} />
        </>
      )}

      <div className="actions">
        <button type="submit" className="button" disabled={isSubmitting}>
          {isSubmitting ? t.saving : existing ? t.save : t.create}
        </button>
      </div>
    </form>
  );
}

/** The form's errors for the summary, in the page's order, each linking to its field. */
function summaryOf(form: Form, formErrors: readonly string[]): SummaryError[] {
  const list: SummaryError[] = formErrors.map((message) => ({ message }));
  for (const path of callFieldOrder(form.getValues())) {
    const message = errorAt(form, path);
    if (message)
      list.push({
        fieldId:
          path === 'rubric' || path === 'requiredDocuments' ? `${callFieldId(path)}-add` : callFieldId(path),
        message,
      });
  }
  return list;
}

function errorAt(form: Form, path: string): string | undefined {
  const error = get(form.formState.errors, path) as (FieldError & { root?: FieldError }) | undefined;
  return error?.message ?? error?.root?.message;
}

type TextPath = Parameters<Form['register']>[0];

function TextField({
  form,
  path,
  label,
  hint,
  required,
  multiline,
  type = 'text',
  className,
  inputMode,
}: {
  form: Form;
  path: TextPath;
  label: string;
  hint?: string;
  required?: boolean;
  multiline?: boolean;
  type?: 'text' | 'date';
  className?: string;
  inputMode?: 'numeric' | 'decimal';
}) {
  return (
    <Field id={callFieldId(path)} label={label} hint={hint} error={errorAt(form, path)} required={required}>
      {(control) =>
        multiline ? (
          <textarea {...control} rows={4} {...form.register(path)} />
        ) : (
          <input
            {...control}
            type={type}
            className={className}
            inputMode={inputMode}
            {...form.register(path)}
          />
        )
      }
    </Field>
  );
}

function DateTimeField({
  form,
  path,
  label,
  hint,
}: {
  form: Form;
  path: 'opensAt' | 'closesAt';
  label: string;
  hint: string;
}) {
  return (
    <Field id={callFieldId(path)} label={label} hint={hint} error={errorAt(form, path)} required>
      {(control) => (
        <input {...control} type="datetime-local" step={1} className="input--date" {...form.register(path)} />
      )}
    </Field>
  );
}

function SelectField({
  form,
  path,
  label,
  placeholder,
  options,
}: {
  form: Form;
  path: 'strand' | 'financingType';
  label: string;
  placeholder: string;
  options: { value: string; label: string }[];
}) {
  return (
    <Field id={callFieldId(path)} label={label} error={errorAt(form, path)} required>
      {(control) => (
        <select {...control} {...form.register(path)}>
          <option value="" disabled>
            {placeholder}
          </option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function RadioGroup({
  form,
  path,
  legend,
  options,
}: {
  form: Form;
  path: 'selectionMode';
  legend: string;
  options: { value: string; label: string; hint: string }[];
}) {
  const c = common[useLanguage().language];
  const id = callFieldId(path);
  const error = errorAt(form, path);
  return (
    <fieldset
      className={error ? 'choice-group field--error' : 'choice-group'}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>
        {legend} <span className="field__required">({c.required})</span>
      </legend>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {options.map((option, index) => {
        const optionId = index === 0 ? id : `${id}-${option.value}`;
        return (
          <div key={option.value}>
            <div className="choice">
              <input
                type="radio"
                id={optionId}
                value={option.value}
                aria-describedby={`${optionId}-hint`}
                {...form.register(path)}
              />
              <label htmlFor={optionId}>{option.label}</label>
            </div>
            <p className="choice__hint" id={`${optionId}-hint`}>
              {option.hint}
            </p>
          </div>
        );
      })}
    </fieldset>
  );
}

function LegalForms({ form, t, language }: { form: Form; t: Messages; language: Language }) {
  const c = common[language];
  const id = callFieldId('eligibleLegalForms');
  const error = errorAt(form, 'eligibleLegalForms');
  return (
    <fieldset
      className={error ? 'fieldset field--error' : 'fieldset'}
      aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
    >
      <legend>
        {t.groupLegalForms} <span className="field__required">({c.required})</span>
      </legend>
      <p className="field__hint" id={`${id}-hint`}>
        {t.legalFormsHint}
      </p>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {LegalForm.options.map((legalForm, index) => {
        const optionId = index === 0 ? id : `${id}-${legalForm}`;
        return (
          <div className="choice" key={legalForm}>
            <input type="checkbox" id={optionId} value={legalForm} {...form.register('eligibleLegalForms')} />
            <label htmlFor={optionId}>{LEGAL_FORM_NAMES[legalForm][language]}</label>
          </div>
        );
      })}
    </fieldset>
  );
}

/**
 * Moves, removals and additions in a list keep the keyboard where the person is: a moved row's button
 * keeps the focus at the row's new place (or its other button at the list's end), a removal hands it to
 * the row that took the place (or the add button), a new row's first field takes it. Each is announced.
 */
function useListFocus() {
  const pending = useRef<string>(undefined);
  useLayoutEffect(() => {
    if (!pending.current) return;
    const target = document.getElementById(pending.current);
    pending.current = undefined;
    target?.focus();
  });
  return (id: string) => {
    pending.current = id;
  };
}

function ListButtons({
  idPrefix,
  index,
  count,
  itemName,
  t,
  onMove,
  onRemove,
}: {
  idPrefix: string;
  index: number;
  count: number;
  itemName: string;
  t: Messages;
  onMove(from: number, to: number): void;
  onRemove(index: number): void;
}) {
  // aria-disabled, not disabled: a button that just moved to the edge keeps the focus it had.
  const first = index === 0;
  const last = index === count - 1;
  return (
    <div className="list-row__buttons">
      <button
        type="button"
        id={`${idPrefix}-${index}-up`}
        className="button button--secondary button--small"
        aria-disabled={first || undefined}
        onClick={() => {
          if (!first) onMove(index, index - 1);
        }}
      >
        {t.up}
        <span className="visually-hidden"> ({itemName})</span>
      </button>
      <button
        type="button"
        id={`${idPrefix}-${index}-down`}
        className="button button--secondary button--small"
        aria-disabled={last || undefined}
        onClick={() => {
          if (!last) onMove(index, index + 1);
        }}
      >
        {t.down}
        <span className="visually-hidden"> ({itemName})</span>
      </button>
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => onRemove(index)}
      >
        {t.removeShort}
        <span className="visually-hidden"> ({itemName})</span>
      </button>
    </div>
  );
}

type ListName = 'requiredDocuments' | 'rubric';

/**
 * A list of rows the person can add to, remove from and reorder by keyboard (up/down buttons named by
 * the row), keeping the focus where they are and announcing each change. The rows' own fields come from
 * `children`; ids start with `call-<name>`.
 */
function ListEditor({
  form,
  t,
  name: listName,
  legend,
  intro,
  empty,
  rowN,
  addLabel,
  newRow,
  markInvalid,
  children,
}: {
  form: Form;
  t: Messages;
  name: ListName;
  legend: string;
  intro: string;
  empty: string;
  /** The row's name by its number (its legend, and its name while its German label is empty). */
  rowN: (n: number) => string;
  addLabel: string;
  newRow: () => CallFormValues[ListName][number];
  /** Whether a list-level error marks the whole fieldset as invalid. */
  markInvalid?: boolean;
  children: (index: number, idPrefix: string) => ReactNode;
}) {
  const list = useFieldArray({ control: form.control, name: listName, keyName: 'rowKey' });
  const focus = useListFocus();
  const idPrefix = `call-${listName}`;
  // Watched, so the buttons' names follow the labels as they are typed; read from the form's current
  // values, because right after a move the watched copy can still hold the old order for one render —
  // and the moved button, focused in that render, would be announced with its neighbour's name.
  useWatch({ control: form.control, name: listName });
  const name = (index: number) => form.getValues(listName)?.[index]?.label.de.trim() || rowN(index + 1);
  const error = errorAt(form, listName);
  return (
    <fieldset
      className={markInvalid && error ? 'fieldset field--error' : 'fieldset'}
      aria-describedby={`${idPrefix}-intro`}
    >
      <legend>{legend}</legend>
      <p className="field__hint" id={`${idPrefix}-intro`}>
        {intro}
      </p>
      {error ? <p className="field__error">{error}</p> : null}
      {list.fields.length === 0 ? <p>{empty}</p> : null}
      <ol className="list-rows">
        {list.fields.map((row, index) => (
          <li key={row.rowKey} className="list-row">
            <fieldset className="list-row__fields">
              <legend>{rowN(index + 1)}</legend>
              {children(index, idPrefix)}
            </fieldset>
            <ListButtons
              idPrefix={idPrefix}
              index={index}
              count={list.fields.length}
              itemName={name(index)}
              t={t}
              onMove={(from, to) => {
                const item = name(from);
                list.move(from, to);
                focus(moveFocusId(idPrefix, from, to, list.fields.length));
                announce(t.moved(item, to + 1));
              }}
              onRemove={(at) => {
                const item = name(at);
                list.remove(at);
                focus(
                  list.fields.length > 1
                    ? callFieldId(`${listName}.${Math.min(at, list.fields.length - 2)}.label.de`)
                    : `${idPrefix}-add`,
                );
                announce(t.removed(item));
              }}
            />
          </li>
        ))}
      </ol>
      <button
        type="button"
        id={`${idPrefix}-add`}
        className="button button--secondary"
        onClick={() => {
          list.append(newRow(), { shouldFocus: false });
          focus(callFieldId(`${listName}.${list.fields.length}.label.de`));
          announce(t.added(rowN(list.fields.length + 1)));
        }}
      >
        {addLabel}
      </button>
    </fieldset>
  );
}

function DocumentsEditor({ form, t }: { form: Form; t: Messages }) {
  return (
    <ListEditor
      form={form}
      t={t}
      name="requiredDocuments"
      legend={t.groupDocuments}
      intro={t.documentsIntro}
      empty={t.documentsEmpty}
      rowN={t.documentN}
      addLabel={t.addDocument}
      newRow={emptyDocument}
    >
      {(index, idPrefix) => (
        <>
          <TextField
            form={form}
            path={`requiredDocuments.${index}.label.de`}
            label={t.documentLabelDe}
            required
          />
          <TextField
            form={form}
            path={`requiredDocuments.${index}.label.en`}
            label={t.documentLabelEn}
            required
          />
          <div className="choice">
            <input
              type="checkbox"
              id={`${idPrefix}-${index}-mandatory`}
              {...form.register(`requiredDocuments.${index}.mandatory`)}
            />
            <label htmlFor={`${idPrefix}-${index}-mandatory`}>{t.documentMandatory}</label>
          </div>
        </>
      )}
    </ListEditor>
  );
}

function RubricEditor({ form, t }: { form: Form; t: Messages }) {
  return (
    <ListEditor
      form={form}
      t={t}
      name="rubric"
      legend={t.groupRubric}
      intro={t.rubricIntro}
      empty={t.rubricEmpty}
      rowN={t.criterionN}
      addLabel={t.addCriterion}
      newRow={emptyCriterion}
      markInvalid
    >
      {(index) => (
        <>
          <TextField form={form} path={`rubric.${index}.label.de`} label={t.criterionLabelDe} required />
          <TextField form={form} path={`rubric.${index}.label.en`} label={t.criterionLabelEn} required />
          <TextField
            form={form}
            path={`rubric.${index}.weight`}
            label={t.weight}
            required
            className="input--short"
            inputMode="numeric"
          />
        </>
      )}
    </ListEditor>
  );
}

function ReadOnly({ label, value, locked }: { label: string; value: string; locked?: boolean }) {
  return (
    <dl className="card-facts locked-facts">
      <Fact label={label} value={value} locked={locked} />
    </dl>
  );
}

function Fact({ label, value, locked }: { label: string; value: ReactNode; locked?: boolean | undefined }) {
  const t = adminCalls[useLanguage().language];
  return (
    <div>
      <dt>{label}</dt>
      <dd>
        {value} {locked ? <span className="badge badge--closed">{t.locked}</span> : null}
      </dd>
    </div>
  );
}

/** The other person's changes (field and new value), with the two ways on. */
function ConflictPanel({
  base,
  current,
  onKeepMine,
  onReload,
  busy,
}: {
  base: AdminCallView;
  current: AdminCallView;
  onKeepMine(): void;
  onReload(): void;
  busy: boolean;
}) {
  const { language } = useLanguage();
  const t = adminCalls[language];
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const changed = [
    ...new Set(
      callChanges(callDefinitionOf(base), callDefinitionOf(current)).map(
        (path) => path.split('.')[0] as keyof Call,
      ),
    ),
  ];
  return (
    <div
      className="notice notice--error conflict"
      role="alert"
      tabIndex={-1}
      ref={ref}
      aria-labelledby="call-conflict-title"
    >
      <h2 id="call-conflict-title">{t.conflictTitle}</h2>
      <p>{t.conflictIntro(formatDateTime(current.updatedAt ?? current.opensAt, language))}</p>
      {changed.length === 0 ? (
        <p>{t.conflictNoFields}</p>
      ) : (
        <dl className="card-facts">
          {changed.map((field) => (
            <div key={field}>
              <dt>{t.fieldNames[field]}</dt>
              <dd>{describeField(field, current, language)}</dd>
            </div>
          ))}
        </dl>
      )}
      <div className="actions">
        <button
          type="button"
          className="button"
          onClick={onKeepMine}
          disabled={busy}
          aria-describedby="call-conflict-keep-hint"
        >
          {t.conflictKeepMine}
        </button>
        <button type="button" className="button button--secondary" onClick={onReload}>
          {t.conflictReload}
        </button>
      </div>
      <p id="call-conflict-keep-hint">{t.conflictKeepMineHint}</p>
    </div>
  );
}

/** A field of a call in words, as the conflict panel lists it. */
export function describeField(field: keyof Call, call: Call, language: Language): string {
  const t = adminCalls[language];
  switch (field) {
    case 'programme':
    case 'title':
    case 'summary':
      return `${call[field].de} / ${call[field].en}`;
    case 'strand':
      return t.strands[call.strand];
    case 'selectionMode':
      return t.selectionNames[call.selectionMode];
    case 'financingType':
      return t.financingNames[call.financingType];
    case 'budgetCents':
      return formatEuro(call.budgetCents, language);
    case 'opensAt':
    case 'closesAt':
      return formatDateTime(call[field], language);
    case 'projectPeriod':
      return `${formatDate(call.projectPeriod.earliestStart, language)} – ${formatDate(call.projectPeriod.latestEnd, language)}, ${call.projectPeriod.maxMonths}`;
    case 'rules':
      return [
        `${t.maxGrant}: ${formatEuro(call.rules.maxGrantCents, language)}`,
        `${t.maxFundingRate}: ${formatPercent(call.rules.maxFundingRateBps, language)}`,
        `${t.minOwnShare}: ${formatPercent(call.rules.minOwnShareBps, language)}`,
        `${t.adminFlatRate}: ${formatPercent(call.rules.adminFlatRateBps, language)}`,
      ].join('; ');
    case 'eligibleLegalForms':
      return call.eligibleLegalForms.map((legalForm) => LEGAL_FORM_NAMES[legalForm][language]).join(', ');
    case 'requiredDocuments':
      return (
        call.requiredDocuments.map((document) => document.label[language]).join(', ') || t.documentsEmpty
      );
    case 'rubric':
      return (
        call.rubric
          .map((criterion) => `${criterion.label[language]} (${t.weightShort(criterion.weight)})`)
          .join(', ') || t.rubricEmpty
      );
    default:
      return String(call[field]);
  }
}
