import type { Json, OrganisationKind, OrganisationView } from '@contract';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/http';
import { keys } from '../../api/keys';
import { useOrganisations } from '../../api/queries';
import { AdminSection, CreateForm, SelectField, TextField, useCreateForm } from './form';
import { adminApi } from './urls';

// A record, so that a kind added to the server's vocabulary is a compile error here until it is listed.
const ORG_KIND_SET: Record<OrganisationKind, true> = {
  cluster_association: true,
  agency: true,
  academia: true,
  other: true,
};
const ORG_KINDS = Object.keys(ORG_KIND_SET) as OrganisationKind[];

/** The organisations taking part: listed, and created one at a time (kind kept for the next one). */
export function Organisations() {
  const { t } = useTranslation();
  const q = useOrganisations();
  const form = useCreateForm({
    initial: { kind: 'cluster_association', name: '', shortName: '', sector: '', website: '' },
    // Empty optional fields are left out: the server refuses an empty sector or website.
    send: (f) => post(adminApi.organisations, { ...f, sector: f.sector || undefined, website: f.website || undefined }),
    invalidate: keys.organisations,
    reset: (f) => ({ ...f, name: '', shortName: '', sector: '', website: '' }),
  });
  return (
    <AdminSection
      id="orgs"
      title={t('admin.organisations')}
      query={q}
      columns={[
        { label: t('admin.name') },
        { label: t('admin.shortName') },
        { label: t('admin.kind') },
        { label: t('admin.sector'), narrow: true },
      ]}
      row={(o: Json<OrganisationView>) => (
        <tr key={o.id}>
          <td>{o.name}</td>
          <td>{o.shortName}</td>
          <td>{t(`admin.orgKinds.${o.kind}`, { defaultValue: o.kind })}</td>
          <td className="hide-narrow">{o.sector ?? '—'}</td>
        </tr>
      )}
    >
      <CreateForm title={t('admin.newOrganisation')} submitLabel={t('app.create')} form={form}>
        <SelectField
          id="org-kind"
          label={t('admin.kind')}
          options={ORG_KINDS.map((k) => ({ value: k, label: t(`admin.orgKinds.${k}`) }))}
          {...form.bind('kind')}
        />
        <TextField id="org-name" label={t('admin.name')} required maxLength={200} {...form.bind('name')} />
        <TextField id="org-short" label={t('admin.shortName')} required maxLength={40} {...form.bind('shortName')} />
        <TextField id="org-sector" label={t('admin.sector')} optional {...form.bind('sector')} />
        <TextField
          id="org-web"
          label={t('admin.website')}
          optional
          type="url"
          placeholder="https://"
          {...form.bind('website')}
        />
      </CreateForm>
    </AdminSection>
  );
}
