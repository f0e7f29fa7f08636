import { type ReactNode, useRef } from 'react';
import { type FieldArray, useFieldArray } from 'react-hook-form';
import type { StaffLine } from '#shared/api/schemas/draft.schema.ts';
import { staffLineCostCents } from '#shared/domain/finance-rules.ts';
import { Field } from '../../components/field.tsx';
import { formatEuro, formatPercent } from '../../format.ts';
import { AmountField, CheckboxField, GroupFindings, TextField } from './controls.tsx';
import { type DraftFormValues, MAX_MONTHLY_FULL_TIME_CENTS, type ThirdPartyValues } from './draft-form.ts';
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
          <MaterialAndFeeLines list="material" />
          <MaterialAndFeeLines list="fees" />
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

/** The lists of lines in the plan, each edited by a LineList. */
type LinesPath =
  | 'financePlan.staff'
  | 'financePlan.material'
  | 'financePlan.fees'
  | 'financePlan.thirdParty'
  | 'financePlan.perYear';

interface LineListProps<P extends LinesPath> {
  path: P;
  /** The legend and the remove button's label of line n (from 1), and the add button's label. */
  texts: { line: (n: number) => string; remove: (n: number) => string; add: string };
  /** The empty line the add button appends, and its field that takes the focus then. */
  newLine: () => FieldArray<DraftFormValues, P>;
  firstField: string;
  /** Whether each line shows the findings about it as a whole (the per-year lines have none). */
  lineFindings?: boolean;
  /** The fields of the line at `linePath`. */
  children: (linePath: `${P}.${number}`, index: number) => ReactNode;
}

/**
 * One list of lines of the plan — staff, material, fees, third-party funds — under its heading and
 * intro with the findings about the list: see LineList.
 */
function CostLines<P extends LinesPath>({
  heading,
  intro,
  ...list
}: LineListProps<P> & { heading: string; intro: string }) {
  return (
    <div className="plan-lines">
      <h4>{heading}</h4>
      <p>{intro}</p>
      <GroupFindings path={list.path} />
      <LineList {...list} />
    </div>
  );
}

/**
 * The lines of a list, each a fieldset named by its number with its fields and a remove button, then
 * the add button. Focus follows the change, so keyboard users stay where it happened: to the new
 * line's first field after adding, to the add button after removing.
 */
function LineList<P extends LinesPath>({
  path,
  texts,
  newLine,
  firstField,
  lineFindings = true,
  children,
}: LineListProps<P>) {
  const { form } = useEditor();
  const { fields, append, remove } = useFieldArray<DraftFormValues, P, 'key'>({
    control: form.control,
    name: path,
    keyName: 'key',
  });
  const addButton = useRef<HTMLButtonElement>(null);
  return (
    <>
      {fields.map((field, index) => {
        const linePath = `${path}.${index}` as `${P}.${number}`;
        return (
          <fieldset key={field.key} className="plan-line" id={fieldId(linePath)} tabIndex={-1}>
            <legend>{texts.line(index + 1)}</legend>
            {lineFindings ? <GroupFindings path={linePath} /> : null}
            {children(linePath, index)}
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
          append(newLine(), { shouldFocus: false });
          const id = fieldId(`${path}.${fields.length}.${firstField}`);
          requestAnimationFrame(() => document.getElementById(id)?.focus());
        }}
      >
        {texts.add}
      </button>
    </>
  );
}

function StaffLines() {
  const { t, content, language } = useEditor();
  return (
    <CostLines
      path="financePlan.staff"
      heading={t.staffHeading}
      intro={t.staffIntro}
      texts={{ line: t.staffLine, remove: t.removeStaff, add: t.addStaff }}
      newLine={() => ({
        id: newLineId(),
        role: '',
        payGrade: '',
        hoursShareBps: '',
        months: '',
        monthlyFullTimeCents: '',
      })}
      firstField="role"
    >
      {(path, index) => {
        const line = content.financePlan?.staff?.[index] as Partial<StaffLine> | undefined;
        const complete =
          typeof line?.hoursShareBps === 'number' &&
          typeof line.months === 'number' &&
          typeof line.monthlyFullTimeCents === 'number';
        return (
          <>
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
          </>
        );
      }}
    </CostLines>
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

function MaterialAndFeeLines({ list }: { list: 'material' | 'fees' }) {
  const { t } = useEditor();
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
    <CostLines
      path={`financePlan.${list}`}
      heading={texts.heading}
      intro={texts.intro}
      texts={texts}
      newLine={() => ({ id: newLineId(), description: '', amountCents: '' })}
      firstField="description"
    >
      {(path) => (
        <>
          <TextField path={`${path}.description`} label={t.description} />
          <AmountField path={`${path}.amountCents`} label={t.amount} />
        </>
      )}
    </CostLines>
  );
}

function ThirdPartyLines() {
  const { register, t, fieldError } = useEditor();
  return (
    <CostLines
      path="financePlan.thirdParty"
      heading={t.thirdPartyHeading}
      intro={t.thirdPartyIntro}
      texts={{ line: t.thirdPartyLine, remove: t.removeThirdParty, add: t.addThirdParty }}
      newLine={(): ThirdPartyValues => ({ id: newLineId(), source: '', amountCents: '', status: '' })}
      firstField="source"
    >
      {(path) => (
        <>
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
        </>
      )}
    </CostLines>
  );
}

function YearLines() {
  const { t } = useEditor();
  return (
    <section className="plan-section" aria-labelledby="per-year-heading">
      <h3 id="per-year-heading" className="plan-section__title">
        <span id={fieldId('financePlan.perYear')} tabIndex={-1}>
          {t.perYearHeading}
        </span>
      </h3>
      <p>{t.perYearIntro}</p>
      <GroupFindings path="financePlan.perYear" />
      <LineList
        path="financePlan.perYear"
        texts={{ line: t.yearLine, remove: t.removeYear, add: t.addYear }}
        newLine={() => ({ year: '', amountCents: '' })}
        firstField="year"
        lineFindings={false}
      >
        {(path) => (
          <>
            <TextField path={`${path}.year`} label={t.year} className="input--short" inputMode="numeric" />
            <AmountField path={`${path}.amountCents`} label={t.amount} />
          </>
        )}
      </LineList>
    </section>
  );
}
