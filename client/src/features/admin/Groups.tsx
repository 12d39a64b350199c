import type { GroupView, Json, Visibility } from '@contract';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { patch, post } from '../../api/http';
import { keys } from '../../api/keys';
import { useGroups } from '../../api/queries';
import { groupPaths, groupsApi } from '../groups/urls';
import {
  AdminSection,
  CreateForm,
  OptionList,
  SelectField,
  TextAreaField,
  TextField,
  useCreateForm,
  useSave,
} from './form';

/**
 * The working groups: created here, their visibility changed in the row; members are managed
 * in the group's own Members tab, where facilitators do it too.
 */
export function Groups() {
  const { t } = useTranslation();
  const q = useGroups();
  const visibilities = [
    { value: 'open', label: t('visibility.open') },
    { value: 'private', label: t('visibility.private') },
  ];
  const form = useCreateForm({
    initial: { slug: '', name: '', description: '', visibility: 'open' as Visibility },
    send: (f) => post(groupsApi.list, f),
    invalidate: keys.groups,
  });
  const update = useSave(
    ({ id, ...body }: { id: string; visibility: Visibility }) => patch(groupsApi.group(id), body),
    keys.groups,
  );
  return (
    <AdminSection
      id="groups"
      title={t('admin.groups')}
      query={q}
      changeError={update.error}
      columns={[
        { label: t('admin.name') },
        { label: t('admin.slug'), narrow: true },
        { label: t('admin.visibility') },
        { label: t('admin.manageMembers') },
      ]}
      row={(g: Json<GroupView>) => (
        <tr key={g.id}>
          <td>
            <Link to={groupPaths.group(g.id)}>{g.name}</Link>
          </td>
          <td className="hide-narrow">{g.slug}</td>
          <td>
            <select
              aria-label={`${t('admin.visibility')}: ${g.name}`}
              value={g.visibility}
              onChange={(e) => update.mutate({ id: g.id, visibility: e.target.value as Visibility })}
            >
              <OptionList options={visibilities} />
            </select>
          </td>
          <td>
            <Link to={groupPaths.members(g.id)}>
              {t('admin.manageMembers')} ({g.memberCount})
            </Link>
          </td>
        </tr>
      )}
    >
      <CreateForm title={t('admin.newGroup')} submitLabel={t('app.create')} form={form}>
        <TextField id="g-name" label={t('admin.name')} required maxLength={200} {...form.bind('name')} />
        <TextField
          id="g-slug"
          label={t('admin.slug')}
          hint={t('admin.slugHint')}
          required
          pattern="[a-z0-9]+(-[a-z0-9]+)*"
          {...form.bind('slug')}
        />
        <SelectField id="g-vis" label={t('admin.visibility')} options={visibilities} {...form.bind('visibility')} />
        <TextAreaField id="g-desc" label={t('admin.description')} optional rows={2} {...form.bind('description')} />
      </CreateForm>
    </AdminSection>
  );
}
