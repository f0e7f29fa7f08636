import { useEffect, useRef, useState } from 'react';
import type { Conflict } from './autosave.ts';
import { describeUnit, unitLabel } from './describe.ts';
import type { FieldUnit } from './draft-form.ts';
import { useEditor } from './editor-context.tsx';

/**
 * After someone else saved: for each field both changed differently, the person's entry next to the
 * saved version, and the choice between them (their own entry is preselected, so nothing typed is lost
 * by accident). Fields only the other person changed were taken into the form and are named.
 * The heading takes focus when the panel appears, so keyboard and screen-reader users meet it first.
 */
export function ConflictPanel({
  conflict,
  onResolve,
}: {
  conflict: Conflict;
  onResolve(choices: Partial<Record<FieldUnit, 'mine' | 'theirs'>>): void;
}) {
  const { t, language, content } = useEditor();
  const heading = useRef<HTMLHeadingElement>(null);
  const [choices, setChoices] = useState<Partial<Record<FieldUnit, 'mine' | 'theirs'>>>({});
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <section className="conflict" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading" tabIndex={-1} ref={heading}>
        {t.conflictTitle}
      </h2>
      <p>{t.conflictIntro(conflict.units.length)}</p>
      {conflict.taken.length > 0 ? (
        <p>{t.conflictTaken(conflict.taken.map((unit) => unitLabel(unit, language)).join(', '))}</p>
      ) : null}
      {conflict.units.map((unit) => {
        const name = `conflict-${unit.replace(/\./g, '-')}`;
        const choice = choices[unit] ?? 'mine';
        return (
          <fieldset key={unit} className="conflict__field" data-unit={unit}>
            <legend>{unitLabel(unit, language)}</legend>
            <dl className="conflict__versions">
              <div>
                <dt>{t.yourInput}</dt>
                <dd data-testid={`${name}-mine`}>{describeUnit(unit, content, language)}</dd>
              </div>
              <div>
                <dt>{t.savedVersion}</dt>
                <dd data-testid={`${name}-theirs`}>{describeUnit(unit, conflict.theirs, language)}</dd>
              </div>
            </dl>
            <div className="choice">
              <input
                type="radio"
                id={`${name}-keep-mine`}
                name={name}
                checked={choice === 'mine'}
                onChange={() => setChoices({ ...choices, [unit]: 'mine' })}
              />
              <label htmlFor={`${name}-keep-mine`}>{t.keepMine}</label>
            </div>
            <div className="choice">
              <input
                type="radio"
                id={`${name}-take-theirs`}
                name={name}
                checked={choice === 'theirs'}
                onChange={() => setChoices({ ...choices, [unit]: 'theirs' })}
              />
              <label htmlFor={`${name}-take-theirs`}>{t.takeTheirs}</label>
            </div>
          </fieldset>
        );
      })}
      <button type="button" className="button" onClick={() => onResolve(choices)}>
        {t.applyChoices}
      </button>
    </section>
  );
}
