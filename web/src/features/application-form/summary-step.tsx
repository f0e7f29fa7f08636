import { type ReactNode, useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { DraftContent } from '#shared/api/schemas/draft.schema.ts';
import { describeUnit, unitLabel } from './describe.ts';
import { FIELD_UNITS, type FieldUnit } from './draft-form.ts';
import { type OpenPoint, useEditor } from './editor-context.tsx';
import { FinanceOverview } from './finance-overview.tsx';
import { type StepKey, stepOfPath } from './steps.ts';

export type SubmitState =
  | { kind: 'idle' }
  | { kind: 'submitting' }
  | { kind: 'not-saved' }
  | { kind: 'refused'; points: OpenPoint[] }
  | { kind: 'conflict' }
  | { kind: 'failed' };

const SECTIONS: { step: Exclude<StepKey, 'documents' | 'summary'>; units: FieldUnit[] }[] = [
  { step: 'project', units: ['title', 'summary'] },
  { step: 'target-groups', units: ['targetGroups', 'region'] },
  { step: 'period', units: ['projectPeriod.start', 'projectPeriod.end'] },
  { step: 'finance', units: FIELD_UNITS.filter((unit) => unit.startsWith('financePlan.')) },
  { step: 'declarations', units: FIELD_UNITS.filter((unit) => unit.startsWith('declarations.')) },
];

/**
 * Step 7: everything entered, what still blocks submitting (each point a link to its field), and the
 * submit button. The open points come from the same rules the server applies at submit: the finance
 * rules' `missing` and `violations`, the call's mandatory documents (documentGaps), the organisation's
 * profile gaps; whatever else the server finds is listed after a refused submit.
 */
export function SummaryStep({ submitState, supplement }: { submitState: SubmitState; supplement: boolean }) {
  const editor = useEditor();
  const { t, language, check, content, heldBack, organisation, call, documentGaps } = editor;
  const notSaved = heldBack.map((unit) => ({ path: unit, message: unitLabel(unit, language) }));
  const missing = check.missing.map((m) => ({ path: m.path, message: m.message[language] }));
  const violations = check.violations.map((v) => ({ path: v.path, message: v.message[language] }));
  const profileGaps = organisation?.profileGaps.length ?? 0;
  const open = notSaved.length + missing.length + violations.length + documentGaps.length + profileGaps;

  return (
    <>
      <p>{t.summaryIntro}</p>
      {SECTIONS.map(({ step, units }) => (
        <section key={step} className="summary-section" aria-labelledby={`summary-${step}`}>
          <div className="summary-section__head">
            <h3 id={`summary-${step}`}>{t.steps[step]}</h3>
            <ChangeLink step={step} />
          </div>
          <dl className="summary-list">
            {units
              .filter((unit) => shownInSummary(unit, content, call.rules.adminFlatRateBps))
              .map((unit) => (
                <div key={unit} className="summary-list__row">
                  <dt>{unitLabel(unit, language)}</dt>
                  <dd>{describeUnit(unit, content, language)}</dd>
                </div>
              ))}
          </dl>
          {step === 'finance' ? <FinanceOverview /> : null}
        </section>
      ))}

      <section className="summary-section" aria-labelledby="summary-open">
        <h3 id="summary-open">{t.openPointsHeading}</h3>
        {open === 0 ? (
          <p className="notice notice--success">{t.readyToSubmit}</p>
        ) : (
          <>
            <p>{t.openPointsIntro}</p>
            <PointList heading={t.notSavedHeading} points={notSaved} />
            <PointList heading={t.missingHeading} points={missing} />
            <PointList heading={t.violationsHeading} points={violations} />
            <PointList heading={t.documentGapsHeading} points={documentGaps} />
            {profileGaps > 0 ? (
              <p>
                {t.organisationGaps(profileGaps)}{' '}
                <Link to={organisationPath(organisation?.id)}>{t.toOrganisation}</Link>
              </p>
            ) : null}
          </>
        )}
      </section>

      <SubmitArea submitState={submitState} supplement={supplement} />
    </>
  );
}

/** Follow-up questions only when their question was answered so; the flat rate only if the call has one. */
function shownInSummary(unit: FieldUnit, content: DraftContent, adminFlatRateBps: number): boolean {
  const declarations = content.declarations ?? {};
  if (unit === 'declarations.earlyStartReason') return declarations.earlyStartRequested === true;
  if (unit === 'declarations.deMinimisAmountCents') return declarations.deMinimisReceived === true;
  if (unit === 'financePlan.claimsAdminFlatRate') return adminFlatRateBps > 0;
  return true;
}

function ChangeLink({ step }: { step: StepKey }) {
  const { t, goTo } = useEditor();
  return (
    <a
      href={`?step=${step}`}
      onClick={(event) => {
        event.preventDefault();
        goTo(step);
      }}
    >
      {t.change}
      <span className="visually-hidden">: {t.steps[step]}</span>
    </a>
  );
}

/** A list of points, each a link to the field (or the organisation's profile) where it is fixed. */
export function PointList({ heading, points }: { heading?: string; points: OpenPoint[] }) {
  if (points.length === 0) return null;
  return (
    <>
      {heading ? <h4>{heading}</h4> : null}
      <ul className="point-list">
        {points.map((point) => (
          <li key={`${point.path}-${point.message}`}>
            <PointLink point={point} />
          </li>
        ))}
      </ul>
    </>
  );
}

/** The organisation's profile page, where its gaps and its legal form are edited. */
function organisationPath(orgId: string | undefined): string {
  return orgId ? `/organisations/${orgId}` : '/organisations';
}

function PointLink({ point }: { point: OpenPoint }): ReactNode {
  const { goTo, organisation } = useEditor();
  const step = stepOfPath(point.path);
  if (point.path === 'orgId' || point.path.startsWith('organisation')) {
    return <Link to={organisationPath(organisation?.id)}>{point.message}</Link>;
  }
  if (!step) return point.message;
  return (
    <a
      href={`?step=${step}`}
      onClick={(event) => {
        event.preventDefault();
        goTo(step, step === 'documents' ? undefined : point.path);
      }}
    >
      {point.message}
    </a>
  );
}

function SubmitArea({ submitState, supplement }: { submitState: SubmitState; supplement: boolean }) {
  const { t, submit } = useEditor();
  const problemRef = useRef<HTMLDivElement>(null);
  const problem = submitState.kind !== 'idle' && submitState.kind !== 'submitting';
  // A refusal is read out and takes focus, so the person learns at once why nothing happened (also
  // when a second attempt is refused again: keyed on the state object, not just on "a problem").
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on purpose for each new refusal
  useEffect(() => {
    if (problem) problemRef.current?.focus();
  }, [problem, submitState]);
  return (
    <section className="summary-section submit-area" aria-labelledby="summary-submit">
      <h3 id="summary-submit">{supplement ? t.supplement : t.submit}</h3>
      <p>{t.submitNote}</p>
      {problem ? (
        <div className="error-summary" role="alert" tabIndex={-1} ref={problemRef}>
          {submitState.kind === 'refused' ? (
            <>
              <h4>{t.submitRefused}</h4>
              <PointList points={submitState.points} />
            </>
          ) : (
            <p>
              {submitState.kind === 'not-saved'
                ? t.notSavedBeforeSubmit
                : submitState.kind === 'conflict'
                  ? t.submitConflict
                  : t.submitFailed}
            </p>
          )}
        </div>
      ) : null}
      <button
        type="button"
        className="button"
        disabled={submitState.kind === 'submitting'}
        onClick={() => void submit()}
      >
        {submitState.kind === 'submitting' ? t.submitting : supplement ? t.supplement : t.submit}
      </button>
    </section>
  );
}
