import type { Json, Locale, PlatformRole, UserView } from '@contract';
import { useTranslation } from 'react-i18next';
import { patch, post } from '../../api/http';
import { keys } from '../../api/keys';
import { useOrganisations, useUsers } from '../../api/queries';
import { LOCALES } from '../../i18n';
import { AdminSection, CreateForm, OptionList, SelectField, TextField, useCreateForm, useSave } from './form';
import { adminApi } from './urls';

/** The people of the platform: their role and whether they may sign in are changed in the row. */
export function People() {
  const { t } = useTranslation();
  const q = useUsers();
  const orgs = useOrganisations();
  const roles = [
    { value: 'member', label: t('roles.member') },
    { value: 'admin', label: t('roles.admin') },
  ];
  const form = useCreateForm({
    initial: {
      email: '',
      displayName: '',
      password: '',
      organisationId: '',
      role: 'member' as PlatformRole,
      locale: 'eu' as Locale,
    },
    // No organisation is `null`, not an empty id.
    send: (f) => post(adminApi.users, { ...f, organisationId: f.organisationId || null }),
    invalidate: keys.users,
  });
  const update = useSave(
    ({ id, ...body }: { id: string; role?: PlatformRole; active?: boolean }) => patch(adminApi.user(id), body),
    keys.users,
  );
  return (
    <AdminSection
      id="people"
      title={t('admin.people')}
      query={q}
      changeError={update.error}
      columns={[
        { label: t('admin.displayName') },
        { label: t('admin.email'), narrow: true },
        { label: t('members.organisation') },
        { label: t('admin.platformRole') },
        { label: t('admin.active') },
      ]}
      row={(u: Json<UserView>) => (
        <tr key={u.id} className={u.active ? '' : 'inactive'}>
          <td>{u.displayName}</td>
          <td className="hide-narrow">{u.email}</td>
          <td>{u.organisation?.shortName ?? '—'}</td>
          <td>
            <select
              aria-label={`${t('admin.platformRole')}: ${u.displayName}`}
              value={u.role}
              onChange={(e) => update.mutate({ id: u.id, role: e.target.value as PlatformRole })}
            >
              <OptionList options={roles} />
            </select>
          </td>
          <td>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => update.mutate({ id: u.id, active: !u.active })}
            >
              {u.active ? t('admin.deactivate') : t('admin.activate')}
            </button>
          </td>
        </tr>
      )}
    >
      <CreateForm title={t('admin.invite')} submitLabel={t('admin.invite')} form={form}>
        <TextField id="p-email" label={t('admin.email')} type="email" required {...form.bind('email')} />
        <TextField id="p-name" label={t('admin.displayName')} required maxLength={100} {...form.bind('displayName')} />
        <TextField
          id="p-password"
          label={t('admin.password')}
          hint={t('admin.passwordHint')}
          type="text"
          autoComplete="new-password"
          required
          minLength={8}
          {...form.bind('password')}
        />
        <SelectField
          id="p-org"
          label={t('members.organisation')}
          options={[{ value: '', label: '—' }, ...(orgs.data ?? []).map((o) => ({ value: o.id, label: o.shortName }))]}
          {...form.bind('organisationId')}
        />
        <SelectField id="p-role" label={t('admin.platformRole')} options={roles} {...form.bind('role')} />
        <SelectField
          id="p-locale"
          label={t('admin.locale')}
          options={LOCALES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
          {...form.bind('locale')}
        />
      </CreateForm>
    </AdminSection>
  );
}
