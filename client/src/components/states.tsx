/** Loading, empty and error states, the same everywhere. */
import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../api/http';
import { homePaths } from '../features/home/urls';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('app.loading')}
    </div>
  );
}

export function FullPageLoading() {
  return (
    <div className="full-page">
      <Loading />
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="state state-empty">{children}</p>;
}

export function errorMessage(error: unknown, t: (k: string) => string): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('login.network');
    if (error.status === 403) return t('app.forbidden');
    if (error.status === 404) return t('app.notFoundTitle');
    if (error.message && error.status < 500) return error.message;
  }
  return t('app.error');
}

/** `page`: the whole view is this resource, so a 404 shows the not-found page (private groups too). */
export function ErrorState({ error, onRetry, page = false }: { error: unknown; onRetry?: () => void; page?: boolean }) {
  const { t } = useTranslation();
  if (page && error instanceof ApiError && error.status === 404) return <NotFound />;
  return (
    <div className="state state-error" role="alert">
      <p>{errorMessage(error, t)}</p>
      {onRetry && (
        <button type="button" className="btn" onClick={onRetry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  );
}

export function NotFound() {
  const { t } = useTranslation();
  return (
    <section className="not-found" aria-labelledby="nf-title">
      <h1 id="nf-title">{t('app.notFoundTitle')}</h1>
      <p>{t('app.notFound')}</p>
      <Link to={homePaths.home} className="btn">
        {t('app.backHome')}
      </Link>
    </section>
  );
}

/** Renders a query's three states; `children` gets the data. */
export function QueryView<T>({
  query,
  children,
  empty,
  isEmpty,
}: {
  query: { isPending: boolean; error: unknown; data: T | undefined; refetch: () => unknown };
  children: (data: T) => ReactNode;
  empty?: ReactNode;
  isEmpty?: (data: T) => boolean;
}) {
  if (query.isPending) return <Loading />;
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data as T;
  if (empty !== undefined && (isEmpty ? isEmpty(data) : Array.isArray(data) && data.length === 0)) {
    return <Empty>{empty}</Empty>;
  }
  return <>{children(data)}</>;
}
