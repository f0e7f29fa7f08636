import { useWatch } from 'react-hook-form';
import { Region, TargetGroup } from '#shared/api/schemas/draft.schema.ts';
import { projectMonths } from '#shared/domain/project-period.ts';
import { REGION_NAMES, TARGET_GROUP_NAMES } from '#shared/letters/labels.ts';
import { Field } from '../../components/field.tsx';
import { formatDate } from '../../format.ts';
import { TextField } from './controls.tsx';
import { capitalise } from './describe.ts';
import { useEditor } from './editor-context.tsx';
import { fieldId } from './steps.ts';

/** The limit of the summary (DraftContent.summary: Paragraph(4000)). */
const SUMMARY_MAX = 4000;

/** Step 1: title and summary, with a character count. */
export function ProjectStep() {
  const { form, register, t, language, fieldError } = useEditor();
  const summary = useWatch({ control: form.control, name: 'summary' }) ?? '';
  // The schema trims before it counts, and so does this.
  const count = summary.trim().length;
  const number = (n: number) => n.toLocaleString(language === 'de' ? 'de-DE' : 'en-GB');
  const countId = `${fieldId('summary')}-count`;
  return (
    <>
      <p>{t.projectIntro}</p>
      <TextField path="title" label={t.titleLabel} hint={t.titleHint} required />
      <Field
        id={fieldId('summary')}
        label={t.summaryLabel}
        hint={t.summaryHint}
        error={fieldError('summary')}
      >
        {(control) => (
          <>
            <textarea
              {...control}
              aria-describedby={[control['aria-describedby'], countId].filter(Boolean).join(' ')}
              rows={10}
              {...register('summary')}
            />
            <p id={countId} className={count > SUMMARY_MAX ? 'char-count char-count--over' : 'char-count'}>
              {count > SUMMARY_MAX
                ? t.charactersOver(number(count - SUMMARY_MAX))
                : t.characterCount(number(count), number(SUMMARY_MAX))}
            </p>
          </>
        )}
      </Field>
    </>
  );
}

/** Step 2: target groups (several) and the region. */
export function TargetGroupsStep() {
  const { register, t, language, fieldError } = useEditor();
  const id = fieldId('targetGroups');
  const error = fieldError('targetGroups');
  return (
    <>
      <p>{t.targetGroupsIntro}</p>
      <fieldset
        className={error ? 'choice-group field--error' : 'choice-group'}
        aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
      >
        <legend>{t.targetGroupsLegend}</legend>
        <p className="field__hint" id={`${id}-hint`}>
          {t.targetGroupsHint}
        </p>
        {error ? (
          <p className="field__error" id={`${id}-error`}>
            {error}
          </p>
        ) : null}
        {TargetGroup.options.map((group, index) => (
          <div className="choice" key={group}>
            <input
              type="checkbox"
              id={index === 0 ? id : `${id}-${group}`}
              value={group}
              {...register('targetGroups')}
            />
            <label htmlFor={index === 0 ? id : `${id}-${group}`}>
              {capitalise(TARGET_GROUP_NAMES[group][language])}
            </label>
          </div>
        ))}
      </fieldset>
      <Field id={fieldId('region')} label={t.regionLabel} hint={t.regionHint} error={fieldError('region')}>
        {(control) => (
          <select {...control} {...register('region')}>
            <option value="">{t.chooseRegion}</option>
            {Region.options.map((region) => (
              <option key={region} value={region}>
                {REGION_NAMES[region][language]}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}

/** Step 3: the project period, within what the call allows. */
export function PeriodStep() {
  const { form, register, t, language, call, fieldError } = useEditor();
  const [start, end] = useWatch({
    control: form.control,
    name: ['projectPeriod.start', 'projectPeriod.end'],
  });
  const months = start && end ? projectMonths(start, end) : undefined;
  const allowed = call.projectPeriod;
  return (
    <>
      <p>
        {t.periodIntro(
          formatDate(allowed.earliestStart, language),
          formatDate(allowed.latestEnd, language),
          allowed.maxMonths,
        )}
      </p>
      <Field
        id={fieldId('projectPeriod.start')}
        label={t.startLabel}
        hint={t.dateHint}
        error={fieldError('projectPeriod.start')}
      >
        {(control) => (
          <input
            {...control}
            type="date"
            className="input--date"
            min={allowed.earliestStart}
            max={allowed.latestEnd}
            {...register('projectPeriod.start')}
          />
        )}
      </Field>
      <Field id={fieldId('projectPeriod.end')} label={t.endLabel} error={fieldError('projectPeriod.end')}>
        {(control) => (
          <input
            {...control}
            type="date"
            className="input--date"
            min={allowed.earliestStart}
            max={allowed.latestEnd}
            {...register('projectPeriod.end')}
          />
        )}
      </Field>
      {months !== undefined ? <p>{t.periodLength(months)}</p> : null}
    </>
  );
}
