import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import { CreateStaffBody, type StaffView } from '#shared/api/schemas/staff.schema.ts';
import { ApiError, api } from '../../../api.ts';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { Field } from '../../../components/field.tsx';
import { Page } from '../../../components/page.tsx';
import { localizedResolver, pickLanguage, summaryErrors } from '../../../forms/zod-form.ts';
import { adminStaff } from '../../../i18n/admin.ts';
import { common } from '../../../i18n/common.ts';
import { useLanguage } from '../../../i18n/language.tsx';
import { RolesFieldset } from './roles-fieldset.tsx';
import './admin.css';

const FIELDS = ['email', 'name', 'groups'] as const;
const idOf = (name: string) => `staff-${name}`;

interface Values {
  email: string;
  name: string;
  groups: string[];
}

/**
 * /backoffice/admin/staff/new — a back-office account (POST /api/admin/staff, the shared CreateStaffBody
 * checked here first). The user pool emails the person a temporary password; the person's page opens
 * and says so. An address that has an account already is refused at its field.
 */
export function NewStaffPage() {
  const { language } = useLanguage();
  const t = adminStaff[language];
  const c = common[language];
  const navigate = useNavigate();
  const [formError, setFormError] = useState<string>();
  const [refusals, setRefusals] = useState(0);
  const form = useForm<Values, unknown, CreateStaffBody>({
    shouldFocusError: false,
    resolver: localizedResolver(CreateStaffBody, language) as never,
    defaultValues: { email: '', name: '', groups: [] },
  });
  const { errors, isSubmitting, submitCount } = form.formState;

  const submit = form.handleSubmit(async (body) => {
    setFormError(undefined);
    try {
      const { body: created } = await api<StaffView>('POST', '/api/admin/staff', { body });
      navigate(`/backoffice/admin/staff/${created.sub}`, { state: { created: created.email } });
    } catch (error) {
      if (!(error instanceof ApiError)) {
        setFormError(c.networkError);
      } else if (error.status === 409) {
        form.setError('email', { message: error.problem.detail ?? t.failed });
      } else if ((error.problem.errors ?? []).length > 0) {
        for (const { path, message } of error.problem.errors ?? []) {
          const text = pickLanguage(message, language);
          if ((FIELDS as readonly string[]).includes(path)) form.setError(path as 'email', { message: text });
          else setFormError(text);
        }
      } else {
        setFormError(error.problem.detail ?? t.failed);
      }
      setRefusals((count) => count + 1);
    }
  });

  return (
    <Page title={t.newTitle}>
      <p>
        <Link to="/backoffice/admin/staff">{t.backToList}</Link>
      </p>
      <p>{t.newIntro}</p>
      <form onSubmit={submit} noValidate>
        <ErrorSummary
          errors={summaryErrors(errors, FIELDS, idOf, formError)}
          submitCount={submitCount + refusals}
        />
        <Field id={idOf('email')} label={t.email} error={errors.email?.message} required>
          {(control) => <input {...control} type="email" autoComplete="off" {...form.register('email')} />}
        </Field>
        <Field id={idOf('name')} label={t.name} hint={t.nameHint} error={errors.name?.message} required>
          {(control) => <input {...control} autoComplete="off" {...form.register('name')} />}
        </Field>
        <RolesFieldset
          id={idOf('groups')}
          error={errors.groups?.message}
          register={form.register('groups')}
        />
        <button type="submit" className="button" disabled={isSubmitting}>
          {isSubmitting ? t.creating : t.create}
        </button>
      </form>
    </Page>
  );
}
