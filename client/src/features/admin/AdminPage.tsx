import type {
  GroupView,
  Json,
  Locale,
  OrganisationKind,
  OrganisationView,
  PlatformRole,
  UserView,
  Visibility,
} from '@contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormEvent, ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Navigate, Route, Routes } from 'react-router';
import { patch, post } from '../../api/http';
import { keys } from '../../api/keys';
import { useGroups, useOrganisations, useUsers } from '../../api/queries';
import { errorMessage, QueryView } from '../../components/states';
import { LOCALES } from '../../i18n';
import { useSession } from '../auth/session';
import { groupPaths } from '../groups/urls';

// A record, so that a kind added to the server's vocabulary is a compile error here until it is listed.
const ORG_KIND_SET: Record<OrganisationKind, true> = {
  cluster_association: true,
  agency: true,
  academia: true,
  other: true,
};
const ORG_KINDS = Object.keys(ORG_KIND_SET) as OrganisationKind[];

function useSave<T>(fn: (v: T) => Promise<unknown>, invalidate: readonly unknown[]) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: invalidate }) });
}

function Field({ id, label, children, hint }: { id: string; label: string; children: ReactNode; hint?: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}

function Organisations() {
  const { t } = useTranslation();
  const q = useOrganisations();
  const [form, setForm] = useState({ kind: 'cluster_association', name: '', shortName: '', sector: '', website: '' });
  const create = useSave(
    () => post('/api/organisations', { ...form, sector: form.sector || undefined, website: form.website || undefined }),
    keys.organisations,
  );
  return (
    <section aria-labelledby="orgs-title">
      <h2 id="orgs-title">{t('admin.organisations')}</h2>
      <QueryView query={q} empty={t('knowledge.empty')}>
        {(orgs: Json<OrganisationView>[]) => (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('admin.name')}</th>
                  <th scope="col">{t('admin.shortName')}</th>
                  <th scope="col">{t('admin.kind')}</th>
                  <th scope="col" className="hide-narrow">
                    {t('admin.sector')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {orgs.map((o) => (
                  <tr key={o.id}>
                    <td>{o.name}</td>
                    <td>{o.shortName}</td>
                    <td>{t(`admin.orgKinds.${o.kind}`, { defaultValue: o.kind })}</td>
                    <td className="hide-narrow">{o.sector ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryView>
      <form
        className="card form-card"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          create.mutate(undefined, {
            onSuccess: () => setForm({ ...form, name: '', shortName: '', sector: '', website: '' }),
          });
        }}
      >
        <h3>{t('admin.newOrganisation')}</h3>
        <div className="grid-2">
          <Field id="org-kind" label={t('admin.kind')}>
            <select id="org-kind" value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value })}>
              {ORG_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`admin.orgKinds.${k}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="org-name" label={t('admin.name')}>
            <input
              id="org-name"
              required
              maxLength={200}
              value={form.name}
              onChange={(e) => setForm({ ...form, name: e.target.value })}
            />
          </Field>
          <Field id="org-short" label={t('admin.shortName')}>
            <input
              id="org-short"
              required
              maxLength={40}
              value={form.shortName}
              onChange={(e) => setForm({ ...form, shortName: e.target.value })}
            />
          </Field>
          <Field id="org-sector" label={`${t('admin.sector')} (${t('app.optional')})`}>
            <input id="org-sector" value={form.sector} onChange={(e) => setForm({ ...form, sector: e.target.value })} />
          </Field>
          <Field id="org-web" label={`${t('admin.website')} (${t('app.optional')})`}>
            <input
              id="org-web"
              type="url"
              value={form.website}
              onChange={(e) => setForm({ ...form, website: e.target.value })}
              placeholder="https://"
            />
          </Field>
        </div>
        {create.error && <p className="form-error">{errorMessage(create.error, t)}</p>}
        {create.isSuccess && <p className="notice">{t('admin.created')}</p>}
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {t('app.create')}
        </button>
      </form>
    </section>
  );
}

function People() {
  const { t } = useTranslation();
  const q = useUsers();
  const orgs = useOrganisations();
  const empty = {
    email: '',
    displayName: '',
    password: '',
    organisationId: '',
    role: 'member' as PlatformRole,
    locale: 'eu' as Locale,
  };
  const [form, setForm] = useState(empty);
  const create = useSave(
    () => post('/api/users', { ...form, organisationId: form.organisationId || null }),
    keys.users,
  );
  const update = useSave(
    ({ id, ...body }: { id: string; role?: PlatformRole; active?: boolean }) => patch(`/api/users/${id}`, body),
    keys.users,
  );
  return (
    <section aria-labelledby="people-title">
      <h2 id="people-title">{t('admin.people')}</h2>
      {update.error && <p className="form-error">{errorMessage(update.error, t)}</p>}
      <QueryView query={q} empty={t('knowledge.empty')}>
        {(users: Json<UserView>[]) => (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('admin.displayName')}</th>
                  <th scope="col" className="hide-narrow">
                    {t('admin.email')}
                  </th>
                  <th scope="col">{t('members.organisation')}</th>
                  <th scope="col">{t('admin.platformRole')}</th>
                  <th scope="col">{t('admin.active')}</th>
                </tr>
              </thead>
              <tbody>
                {users.map((u) => (
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
                        <option value="member">{t('roles.member')}</option>
                        <option value="admin">{t('roles.admin')}</option>
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
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryView>
      <form
        className="card form-card"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          create.mutate(undefined, { onSuccess: () => setForm(empty) });
        }}
      >
        <h3>{t('admin.invite')}</h3>
        <div className="grid-2">
          <Field id="p-email" label={t('admin.email')}>
            <input
              id="p-email"
              type="email"
              required
              value={form.email}
              onChange={(e) => setForm({ ...form, email: e.target.value })}
            />
          </Field>
          <Field id="p-name" label={t('admin.displayName')}>
            <input
              id="p-name"
              required
              maxLength={100}
              value={form.displayName}
              onChange={(e) => setForm({ ...form, displayName: e.target.value })}
            />
          </Field>
          <Field id="p-password" label={t('admin.password')} hint={t('admin.passwordHint')}>
            <input
              id="p-password"
              type="text"
              autoComplete="new-password"
              required
              minLength={8}
              value={form.password}
              aria-describedby="p-password-hint"
              onChange={(e) => setForm({ ...form, password: e.target.value })}
            />
          </Field>
          <Field id="p-org" label={t('members.organisation')}>
            <select
              id="p-org"
              value={form.organisationId}
              onChange={(e) => setForm({ ...form, organisationId: e.target.value })}
            >
              <option value="">—</option>
              {(orgs.data ?? []).map((o) => (
                <option key={o.id} value={o.id}>
                  {o.shortName}
                </option>
              ))}
            </select>
          </Field>
          <Field id="p-role" label={t('admin.platformRole')}>
            <select
              id="p-role"
              value={form.role}
              onChange={(e) => setForm({ ...form, role: e.target.value as PlatformRole })}
            >
              <option value="member">{t('roles.member')}</option>
              <option value="admin">{t('roles.admin')}</option>
            </select>
          </Field>
          <Field id="p-locale" label={t('admin.locale')}>
            <select
              id="p-locale"
              value={form.locale}
              onChange={(e) => setForm({ ...form, locale: e.target.value as Locale })}
            >
              {LOCALES.map((l) => (
                <option key={l} value={l}>
                  {t(`languages.${l}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        {create.error && <p className="form-error">{errorMessage(create.error, t)}</p>}
        {create.isSuccess && <p className="notice">{t('admin.created')}</p>}
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {t('admin.invite')}
        </button>
      </form>
    </section>
  );
}

function Groups() {
  const { t } = useTranslation();
  const q = useGroups();
  const empty = { slug: '', name: '', description: '', visibility: 'open' as Visibility };
  const [form, setForm] = useState(empty);
  const create = useSave(() => post('/api/groups', form), keys.groups);
  const update = useSave(
    ({ id, ...body }: { id: string; visibility: Visibility }) => patch(`/api/groups/${id}`, body),
    keys.groups,
  );
  return (
    <section aria-labelledby="groups-title">
      <h2 id="groups-title">{t('admin.groups')}</h2>
      {update.error && <p className="form-error">{errorMessage(update.error, t)}</p>}
      <QueryView query={q} empty={t('knowledge.empty')}>
        {(groups: Json<GroupView>[]) => (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('admin.name')}</th>
                  <th scope="col" className="hide-narrow">
                    {t('admin.slug')}
                  </th>
                  <th scope="col">{t('admin.visibility')}</th>
                  <th scope="col">{t('admin.manageMembers')}</th>
                </tr>
              </thead>
              <tbody>
                {groups.map((g) => (
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
                        <option value="open">{t('visibility.open')}</option>
                        <option value="private">{t('visibility.private')}</option>
                      </select>
                    </td>
                    <td>
                      <Link to={groupPaths.members(g.id)}>
                        {t('admin.manageMembers')} ({g.memberCount})
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryView>
      <form
        className="card form-card"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          create.mutate(undefined, { onSuccess: () => setForm(empty) });
        }}
      >
        <h3>{t('admin.newGroup')}</h3>
        <div className="grid-2">
          <Field id="g-name" label={t('admin.name')}>
            <input
              id="g-name"
              required
              maxLength={200}
              value={form.name}
              onChange={(e) => setForm({ ...form, name: e.target.value })}
            />
          </Field>
          <Field id="g-slug" label={t('admin.slug')} hint={t('admin.slugHint')}>
            <input
              id="g-slug"
              required
              pattern="[a-z0-9]+(-[a-z0-9]+)*"
              aria-describedby="g-slug-hint"
              value={form.slug}
              onChange={(e) => setForm({ ...form, slug: e.target.value })}
            />
          </Field>
          <Field id="g-vis" label={t('admin.visibility')}>
            <select
              id="g-vis"
              value={form.visibility}
              onChange={(e) => setForm({ ...form, visibility: e.target.value as Visibility })}
            >
              <option value="open">{t('visibility.open')}</option>
              <option value="private">{t('visibility.private')}</option>
            </select>
          </Field>
          <Field id="g-desc" label={`${t('admin.description')} (${t('app.optional')})`}>
            <textarea
              id="g-desc"
              rows={2}
              value={form.description}
              onChange={(e) => setForm({ ...form, description: e.target.value })}
            />
          </Field>
        </div>
        {create.error && <p className="form-error">{errorMessage(create.error, t)}</p>}
        {create.isSuccess && <p className="notice">{t('admin.created')}</p>}
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {t('app.create')}
        </button>
      </form>
    </section>
  );
}

export default function AdminPage() {
  const { t } = useTranslation();
  const me = useSession();
  if (me.user.role !== 'admin') {
    return (
      <div className="page">
        <p className="state state-error">{t('admin.onlyAdmins')}</p>
      </div>
    );
  }
  return (
    <div className="page admin">
      <h1>{t('admin.title')}</h1>
      <nav className="tabs" aria-label={t('admin.title')}>
        <NavLink to="/admin/organisations">{t('admin.organisations')}</NavLink>
        <NavLink to="/admin/people">{t('admin.people')}</NavLink>
        <NavLink to="/admin/groups">{t('admin.groups')}</NavLink>
      </nav>
      <Routes>
        <Route index element={<Navigate to="organisations" replace />} />
        <Route path="organisations" element={<Organisations />} />
        <Route path="people" element={<People />} />
        <Route path="groups" element={<Groups />} />
      </Routes>
    </div>
  );
}
