/**
 * The router's error element (react-router `errorElement`): what a route shows instead of a blank
 * page when its view throws, above all when its lazy chunk cannot be loaded (lib/lazy-load.ts has
 * already retried and reloaded once by then). Retry reloads the page: a failed lazy import stays
 * failed in React, and a new build needs the new `index.html` anyway.
 */
import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { browserLoadDeps, ChunkLoadError, loadChunk } from '../lib/lazy-load';

export function RouteError() {
  const error = useRouteError();
  const { t } = useTranslation();
  const chunk = error instanceof ChunkLoadError;
  return (
    <div className="page narrow">
      <div className="state state-error" role="alert" data-testid="route-error">
        <p>{chunk ? t('app.chunkError') : t('app.error')}</p>
        <button type="button" className="btn" onClick={() => window.location.reload()}>
          {t('app.retry')}
        </button>
      </div>
    </div>
  );
}

/** `React.lazy` with the retries and the one reload of lib/lazy-load.ts. */
export const lazyWithRetry: typeof lazy = (factory) => lazy(() => loadChunk(factory, browserLoadDeps()));
