import { useRef } from 'react';
import { useFieldArray } from 'react-hook-form';
import type { StaffLine } from '#shared/api/schemas/draft.schema.ts';
import { staffLineCostCents } from '#shared/domain/finance-rules.ts';
import { Field } from '../../components/field.tsx';
import { formatEuro, formatPercent } from '../../format.ts';
import { AmountField, CheckboxField, GroupFindings, TextField } from './controls.tsx';
import { MAX_MONTHLY_FULL_TIME_CENTS } from './draft-form.ts';
import { useEditor } from './editor-context.tsx';
import { FinanceOverview } from './finance-overview.tsx';
import { fieldId } from './steps.ts';

/** Pay grades of TVöD / TV-L as PayGrade in draft.schema.ts allows them: E1–E15, S2–S18. */
const PAY_GRADES = [
  ...Array.from({ length: 15 }, (_, i) => `E${i + 1}`),
  ...Array.from({ length: 17 }, (_, i) => `S${i + 2}`),
];

/** A new line's id: the stable key that violations and reviewers' line checks refer to. */
const newLineId = () => crypto.randomUUID();

/** Step 4: the Kosten- und Finanzierungsplan, with the live overview beside it. */
export function FinanceStep() {
  const { t, call, language } = useEditor();
  const rules = call.rules;
  return (
    <div className="finance-layout">
      <div className="finance-layout__form">
        <p>{t.financeIntro}</p>
        <section className="plan-section" aria-labelledby="costs-heading">
          <h3 id="costs-heading" className="plan-section__title">
            {/* The target of "no cost line at all" (path financePlan). */}
            <span id={fieldId('financePlan')} tabIndex={-1}>
              {t.costsHeading}
            </span>
          </h3>
          <StaffLines />
          <CostLines list="material" />
          <CostLines list="fees" />
          {rules.adminFlatRateBps > 0 ? (
            <CheckboxField
              path="financePlan.claimsAdminFlatRate"
              label={t.adminFlatRate(formatPercent(rules.adminFlatRateBps, language))}
              hint={t.adminFlatRateHint}
            />
          ) : (
            <p>{t.noAdminFlatRate}</p>
          )}
        </section>
        <section className="plan-section" aria-labelledby="financing-heading">
          <h3 id="financing-heading" className="plan-section__title">
            {t.financingHeading}
          </h3>
          <p>{t.financingIntro}</p>
          <AmountField
            path="financePlan.ownContributionCents"
            label={t.ownContribution}
            hint={
              rules.minOwnShareBps > 0
                ? t.ownContributionHint(formatPercent(rules.minOwnShareBps, language))
                : t.noOwnShareRequired
            }
          />
          <ThirdPartyLines />
          <AmountField
            path="financePlan.requestedGrantCents"
            label={t.requestedGrant}
            hint={t.requestedGrantHint(
              formatEuro(rules.maxGrantCents, language),
              formatPercent(rules.maxFundingRateBps, language),
            )}
          />
        </section>
        <YearLines />
      </div>
      <FinanceOverview />
    </div>
  );
}

/** Moves focus after adding or removing a line, so keyboard users stay where the change happened. */
function useFocusAfter() {
  return (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());
}

function StaffLines() {
  const { form, t, content, language } = useEditor();
  const { fields, append, remove } = useFieldArray({
    control: form.control,
    name: 'financePlan.staff',
    keyName: 'key',
  });
  const focus = useFocusAfter();
  const addButton = useRef<HTMLButtonElement>(null);
  return (
    <div className="plan-lines">
      <h4>{t.staffHeading}</h4>
      <p>{t.staffIntro}</p>
      <GroupFindings path="financePlan.staff" />
      {fields.map((field, index) => {
        const path = `financePlan.staff.${index}` as const;
        const line = content.financePlan?.staff?.[index] as Partial<StaffLine> | undefined;
        const complete =
          typeof line?.hoursShareBps === 'number' &&
          typeof line.months === 'number' &&
          typeof line.monthlyFullTimeCents === 'number';
        return (
          <fieldset key={field.key} className="plan-line" id={fieldId(path)} tabIndex={-1}>
            <legend>{t.staffLine(index + 1)}</legend>
            <GroupFindings path={path} />
            <TextField path={`${path}.role`} label={t.role} />
            <PayGradeField index={index} />
            <TextField
              path={`${path}.hoursShareBps`}
              label={t.hoursShare}
              hint={t.hoursShareHint}
              className="input--short"
              inputMode="decimal"
            />
            <TextField
              path={`${path}.months`}
              label={t.months}
              className="input--short"
              inputMode="numeric"
            />
            <AmountField
              path={`${path}.monthlyFullTimeCents`}
              label={t.monthlyFullTime}
              maxCents={MAX_MONTHLY_FULL_TIME_CENTS}
            />
            {complete ? (
              <p className="plan-line__total">
                {t.staffLineCost(formatEuro(staffLineCostCents(line as StaffLine), language))}
              </p>
            ) : null}
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                remove(index);
                addButton.current?.focus();
              }}
            >
              {t.removeStaff(index + 1)}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button button--secondary"
        ref={addButton}
        onClick={() => {
          append(
            {
              id: newLineId(),
              role: '',
              payGrade: '',
              hoursShareBps: '',
              months: '',
              monthlyFullTimeCents: '',
            },
            { shouldFocus: false },
          );
          focus(fieldId(`financePlan.staff.${fields.length}.role`));
        }}
      >
        {t.addStaff}
      </button>
    </div>
  );
}

function PayGradeField({ index }: { index: number }) {
  const { register, t, fieldError } = useEditor();
  const path = `financePlan.staff.${index}.payGrade` as const;
  return (
    <Field id={fieldId(path)} label={t.payGrade} error={fieldError(path)}>
      {(control) => (
        <select {...control} className="input--short" {...register(path)}>
          <option value="">{t.choosePayGrade}</option>
          {PAY_GRADES.map((grade) => (
            <option key={grade} value={grade}>
              {grade}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function CostLines({ list }: { list: 'material' | 'fees' }) {
  const { form, t } = useEditor();
  const { fields, append, remove } = useFieldArray({
    control: form.control,
    name: `financePlan.${list}`,
    keyName: 'key',
  });
  const focus = useFocusAfter();
  const addButton = useRef<HTMLButtonElement>(null);
  const texts =
    list === 'material'
      ? {
          heading: t.materialHeading,
          intro: t.materialIntro,
          line: t.materialLine,
          add: t.addMaterial,
          remove: t.removeMaterial,
        }
      : { heading: t.feesHeading, intro: t.feesIntro, line: t.feeLine, add: t.addFee, remove: t.removeFee };
  return (
    <div className="plan-lines">
      <h4>{texts.heading}</h4>
      <p>{texts.intro}</p>
      <GroupFindings path={`financePlan.${list}`} />
      {fields.map((field, index) => {
        const path = `financePlan.${list}.${index}` as const;
        return (
          <fieldset key={field.key} className="plan-line" id={fieldId(path)} tabIndex={-1}>
            <legend>{texts.line(index + 1)}</legend>
            <GroupFindings path={path} />
            <TextField path={`${path}.description`} label={t.description} />
            <AmountField path={`${path}.amountCents`} label={t.amount} />
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                remove(index);
                addButton.current?.focus();
              }}
            >
              {texts.remove(index + 1)}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button button--secondary"
        ref={addButton}
        onClick={() => {
          append({ id: newLineId(), description: '', amountCents: '' }, { shouldFocus: false });
          focus(fieldId(`financePlan.${list}.${fields.length}.description`));
        }}
      >
        {texts.add}
      </button>
    </div>
  );
}

function ThirdPartyLines() {
  const { form, register, t, fieldError } = useEditor();
  const { fields, append, remove } = useFieldArray({
    control: form.control,
    name: 'financePlan.thirdParty',
    keyName: 'key',
  });
  const focus = useFocusAfter();
  const addButton = useRef<HTMLButtonElement>(null);
  return (
    <div className="plan-lines">
      <h4>{t.thirdPartyHeading}</h4>
      <p>{t.thirdPartyIntro}</p>
      <GroupFindings path="financePlan.thirdParty" />
      {fields.map((field, index) => {
        const path = `financePlan.thirdParty.${index}` as const;
        return (
          <fieldset key={field.key} className="plan-line" id={fieldId(path)} tabIndex={-1}>
            <legend>{t.thirdPartyLine(index + 1)}</legend>
            <GroupFindings path={path} />
            <TextField path={`${path}.source`} label={t.source} />
            <AmountField path={`${path}.amountCents`} label={t.amount} />
            <Field id={fieldId(`${path}.status`)} label={t.fundsStatus} error={fieldError(`${path}.status`)}>
              {(control) => (
                <select {...control} className="input--short" {...register(`${path}.status`)}>
                  <option value="">{t.chooseStatus}</option>
                  <option value="applied">{t.statusApplied}</option>
                  <option value="granted">{t.statusGranted}</option>
                </select>
              )}
            </Field>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                remove(index);
                addButton.current?.focus();
              }}
            >
              {t.removeThirdParty(index + 1)}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button button--secondary"
        ref={addButton}
        onClick={() => {
          append({ id: newLineId(), source: '', amountCents: '', status: '' }, { shouldFocus: false });
          focus(fieldId(`financePlan.thirdParty.${fields.length}.source`));
        }}
      >
        {t.addThirdParty}
      </button>
    </div>
  );
}

function YearLines() {
  const { form, t } = useEditor();
  const { fields, append, remove } = useFieldArray({
    control: form.control,
    name: 'financePlan.perYear',
    keyName: 'key',
  });
  const focus = useFocusAfter();
  const addButton = useRef<HTMLButtonElement>(null);
  return (
    <section className="plan-section" aria-labelledby="per-year-heading">
      <h3 id="per-year-heading" className="plan-section__title">
        <span id={fieldId('financePlan.perYear')} tabIndex={-1}>
          {t.perYearHeading}
        </span>
      </h3>
      <p>{t.perYearIntro}</p>
      <GroupFindings path="financePlan.perYear" />
      {fields.map((field, index) => {
        const path = `financePlan.perYear.${index}` as const;
        return (
          <fieldset key={field.key} className="plan-line" id={fieldId(path)} tabIndex={-1}>
            <legend>{t.yearLine(index + 1)}</legend>
            <TextField path={`${path}.year`} label={t.year} className="input--short" inputMode="numeric" />
            <AmountField path={`${path}.amountCents`} label={t.amount} />
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                remove(index);
                addButton.current?.focus();
              }}
            >
              {t.removeYear(index + 1)}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button button--secondary"
        ref={addButton}
        onClick={() => {
          append({ year: '', amountCents: '' }, { shouldFocus: false });
          focus(fieldId(`financePlan.perYear.${fields.length}.year`));
        }}
      >
        {t.addYear}
      </button>
    </section>
  );
}
