import type { UseFormRegisterReturn } from 'react-hook-form';
import { StaffGroup } from '#shared/api/schemas/staff.schema.ts';
import { adminStaff } from '../../../i18n/admin.ts';
import { backoffice } from '../../../i18n/backoffice.ts';
import { common } from '../../../i18n/common.ts';
import { useLanguage } from '../../../i18n/language.tsx';

/** The three back-office roles as tick boxes; the first carries `id`, so error links land on it. */
export function RolesFieldset({
  id,
  error,
  register,
}: {
  id: string;
  error: string | undefined;
  register: UseFormRegisterReturn;
}) {
  const { language } = useLanguage();
  const t = adminStaff[language];
  const names = backoffice[language].roles;
  return (
    <fieldset
      className={error ? 'choice-group field--error' : 'choice-group'}
      aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
    >
      <legend>
        {t.roles} <span className="field__required">({common[language].required})</span>
      </legend>
      <p className="field__hint" id={`${id}-hint`}>
        {t.rolesHint}
      </p>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {StaffGroup.options.map((group, index) => {
        const optionId = index === 0 ? id : `${id}-${group}`;
        return (
          <div className="choice" key={group}>
            <input type="checkbox" id={optionId} value={group} {...register} />
            <label htmlFor={optionId}>{names[group]}</label>
          </div>
        );
      })}
    </fieldset>
  );
}
