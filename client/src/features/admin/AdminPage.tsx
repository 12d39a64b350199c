/**
 * The admin area: one tab per entity the platform is made of. Each entity is its own component
 * (`Organisations.tsx`, `People.tsx`, `Groups.tsx`) built from the shared parts in `form.tsx`.
 * The server refuses non-admins anyway; the check here only spares them a page of errors.
 */
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Route, Routes } from 'react-router';
import { useSession } from '../auth/session';
import { Groups } from './Groups';
import { Organisations } from './Organisations';
import { People } from './People';
import { adminPaths } from './urls';

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
        <NavLink to={adminPaths.organisations}>{t('admin.organisations')}</NavLink>
        <NavLink to={adminPaths.people}>{t('admin.people')}</NavLink>
        <NavLink to={adminPaths.groups}>{t('admin.groups')}</NavLink>
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
