import { useWatch } from 'react-hook-form';
import { Field } from '../../components/field.tsx';
import { AmountField, CheckboxField, RadioGroup } from './controls.tsx';
import { useEditor } from './editor-context.tsx';
import { fieldId } from './steps.ts';

/**
 * Step 6: the declarations of the official form, each explained in plain words, and the consent to
 * electronic notification of the Bescheid (§ 41 (2a) VwVfG), which submitting requires.
 */
export function DeclarationsStep() {
  const { form, register, t, fieldError } = useEditor();
  const [earlyStart, deMinimis] = useWatch({
    control: form.control,
    name: ['declarations.earlyStartRequested', 'declarations.deMinimisReceived'],
  });
  return (
    <>
      <p>{t.declarationsIntro}</p>
      <CheckboxField path="declarations.notStartedYet" label={t.notStartedYet} hint={t.notStartedYetHint} />
      <CheckboxField
        path="declarations.earlyStartRequested"
        label={t.earlyStartRequested}
        hint={t.earlyStartRequestedHint}
      />
      {earlyStart ? (
        <Field
          id={fieldId('declarations.earlyStartReason')}
          label={t.earlyStartReason}
          error={fieldError('declarations.earlyStartReason')}
        >
          {(control) => <textarea {...control} rows={4} {...register('declarations.earlyStartReason')} />}
        </Field>
      ) : null}
      <CheckboxField
        path="declarations.subsidyFactsAcknowledged"
        label={t.subsidyFactsAcknowledged}
        hint={t.subsidyFactsHint}
      />
      <RadioGroup
        path="declarations.deMinimisReceived"
        legend={t.deMinimisLegend}
        hint={t.deMinimisHint}
        options={[
          { value: 'no', label: t.no },
          { value: 'yes', label: t.yes },
        ]}
      />
      {deMinimis === 'yes' ? (
        <AmountField path="declarations.deMinimisAmountCents" label={t.deMinimisAmount} />
      ) : null}
      <RadioGroup
        path="declarations.inputTaxDeduction"
        legend={t.inputTaxLegend}
        hint={t.inputTaxHint}
        options={[
          { value: 'none', label: t.inputTax.none ?? '' },
          { value: 'partial', label: t.inputTax.partial ?? '' },
          { value: 'full', label: t.inputTax.full ?? '' },
        ]}
      />
      <div className="consent-box">
        <CheckboxField
          path="declarations.electronicNotificationConsent"
          label={t.consent}
          hint={t.consentHint}
        />
      </div>
    </>
  );
}
