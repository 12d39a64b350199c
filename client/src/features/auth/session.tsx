/**
 * The signed-in session: who I am (`useMe`) and how the session ends (logout or expiry).
 * On expiry (any 401), the cache is dropped and the person is sent to the login page; drafts
 * stay in localStorage, and the page they were on is where login takes them back.
 */
import type { Json, MeView } from '@contract';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, ReactNode, useContext, useEffect, useRef } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError, onUnauthorized, post } from '../../api/http';
import { keys } from '../../api/keys';
import { useMe } from '../../api/queries';
import { setLocale } from '../../i18n';
import { FullPageLoading, ErrorState } from '../../components/states';
import { homePaths } from '../home/urls';
import { authApi, authPaths } from './urls';

type Me = Json<MeView>;

const SessionContext = createContext<Me | null>(null);

export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession outside <RequireSession>');
  return me;
}

export function useLogout(): () => Promise<void> {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async () => {
    try {
      await post(authApi.logout);
    } catch {
      // already logged out: carry on
    }
    queryClient.clear();
    navigate(authPaths.login, { replace: true });
  };
}

export function RequireSession({ children }: { children: ReactNode }) {
  const me = useMe({ retry: false });
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const hadSession = useRef(false);

  useEffect(
    () =>
      onUnauthorized(() => {
        const next = location.pathname + location.search;
        navigate(authPaths.expired(next), { replace: true });
        // After the login route has replaced this tree, so nothing here refetches meanwhile.
        setTimeout(() => queryClient.clear(), 0);
      }),
    [location.pathname, location.search, navigate, queryClient],
  );
  if (me.data) hadSession.current = true;

  const locale = me.data?.user.locale;
  useEffect(() => {
    if (locale) setLocale(locale);
  }, [locale]);

  if (me.isPending) return <FullPageLoading />;
  if (me.error) {
    if (me.error instanceof ApiError && me.error.status === 401) {
      const next = location.pathname + location.search;
      const params = new URLSearchParams();
      if (hadSession.current) params.set('expired', '1');
      if (next !== homePaths.home) params.set('next', next);
      return <Navigate to={authPaths.loginWith(params)} replace />;
    }
    return <ErrorState error={me.error} onRetry={() => void queryClient.invalidateQueries({ queryKey: keys.me })} />;
  }
  return <SessionContext.Provider value={me.data}>{children}</SessionContext.Provider>;
}
