import { lazy, ReactNode, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { adminPaths } from '../features/admin/urls';
import { useLogout, useSession } from '../features/auth/session';
import { evaluationPaths } from '../features/evaluation/urls';
import { homePaths } from '../features/home/urls';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { searchPaths } from '../features/search/urls';
import { useRealtime } from '../realtime/RealtimeProvider';
import { LanguageSelect } from './LanguageSelect';

const CommandPalette = lazy(() => import('../features/search/CommandPalette'));

function OfflineBanner() {
  const { t } = useTranslation();
  const { status } = useRealtime();
  // A reconnect that succeeds within a couple of seconds is not worth a banner.
  const [show, setShow] = useState(false);
  useEffect(() => {
    if (status !== 'offline') return setShow(false);
    const timer = setTimeout(() => setShow(true), 2500);
    return () => clearTimeout(timer);
  }, [status]);
  if (!show) return null;
  return (
    <div className="offline-banner" role="status" aria-live="polite">
      {t('app.offline')}
    </div>
  );
}

function AccountMenu() {
  const { t } = useTranslation();
  const me = useSession();
  const logout = useLogout();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);
  const canEvaluate = me.user.role === 'admin' || me.groups.some((g) => g.myRole === 'facilitator');
  const initials = me.user.displayName
    .split(/\s+/)
    .map((w) => w[0])
    .slice(0, 2)
    .join('');
  return (
    <div className="menu" ref={ref}>
      <button
        type="button"
        className="avatar-button"
        data-testid="account-menu"
        aria-haspopup="true"
        aria-expanded={open}
        aria-label={t('nav.account')}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="avatar" aria-hidden="true">
          {initials}
        </span>
      </button>
      {open && (
        <div className="menu-panel" role="group" aria-label={t('nav.account')}>
          <p className="menu-who">
            <strong>{me.user.displayName}</strong>
            <span className="muted">{me.user.email}</span>
          </p>
          {/* On a phone the top bar has no room for these; the menu carries them there. */}
          <nav className="menu-links" aria-label={t('nav.mainNav')} onClick={() => setOpen(false)}>
            <Link to={evaluationPaths.events}>{t('nav.events')}</Link>
            <Link to={evaluationPaths.surveys}>{t('nav.surveys')}</Link>
            {canEvaluate && <Link to={evaluationPaths.evaluation}>{t('nav.evaluation')}</Link>}
          </nav>
          <LanguageSelect signedIn id="menu-language" />
          <button type="button" className="btn btn-block" data-testid="logout" onClick={() => void logout()}>
            {t('nav.logout')}
          </button>
        </div>
      )}
    </div>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useSession();
  const [palette, setPalette] = useState(false);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setPalette(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="app">
      <a href="#main" className="skip-link">
        {t('app.skip')}
      </a>
      <header className="topbar">
        <Link to={homePaths.home} className="brand" aria-label={t('app.name')}>
          <span className="brand-mark" aria-hidden="true" /> <span className="brand-text">{t('app.name')}</span>
        </Link>
        <nav aria-label={t('nav.mainNav')} className="topnav">
          <NavLink to={homePaths.home} end>
            {t('nav.home')}
          </NavLink>
          <NavLink to={searchPaths.search} className="nav-search">
            {t('nav.search')}
          </NavLink>
          <NavLink to={evaluationPaths.events} className="nav-secondary">
            {t('nav.events')}
          </NavLink>
          <NavLink to={evaluationPaths.surveys} className="nav-secondary">
            {t('nav.surveys')}
          </NavLink>
          {/* Results are for admins and facilitators; the page itself explains a 403 to anyone else. */}
          {(me.user.role === 'admin' || me.groups.some((g) => g.myRole === 'facilitator')) && (
            <NavLink to={evaluationPaths.evaluation} className="nav-secondary">
              {t('nav.evaluation')}
            </NavLink>
          )}
          {me.user.role === 'admin' && <NavLink to={adminPaths.admin}>{t('nav.admin')}</NavLink>}
        </nav>
        <button
          type="button"
          className="search-trigger"
          onClick={() => setPalette(true)}
          aria-keyshortcuts="Control+K Meta+K"
        >
          <span aria-hidden="true">⌕</span> <span className="search-trigger-label">{t('nav.searchShortcut')}</span>
        </button>
        <NotificationBell />
        <AccountMenu />
      </header>
      <OfflineBanner />
      <main id="main" className="main" tabIndex={-1}>
        {children}
      </main>
      {palette && (
        <Suspense fallback={null}>
          <CommandPalette onClose={() => setPalette(false)} />
        </Suspense>
      )}
    </div>
  );
}
