/** Small shared pieces of the evaluation views. */
import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http';
import { ErrorState } from '../../components/states';

/** A CSV download: a plain same-origin link, so the session cookie is sent; the server adds the BOM. */
export function CsvLink({ href, label }: { href: string; label: string }) {
  const { t } = useTranslation();
  return (
    <a className="btn btn-small csv-link" href={href} download data-testid="csv-link">
      <span aria-hidden="true">⤓</span> {t('evaluation.csv')}
      <span className="visually-hidden"> — {label}</span>
    </a>
  );
}

/** A chart with its numbers beside it (below it on narrow screens). */
export function ChartWithTable({
  title,
  id,
  chart,
  table,
  csv,
}: {
  title: string;
  id: string;
  chart: ReactNode;
  table: ReactNode;
  csv?: ReactNode;
}) {
  return (
    <section className="chart-block card" aria-labelledby={id}>
      <div className="chart-block-head">
        <h3 id={id}>{title}</h3>
        {csv}
      </div>
      <div className="chart-block-body">
        <div className="chart-block-chart">{chart}</div>
        <div className="chart-block-table table-wrap">{table}</div>
      </div>
    </section>
  );
}

/** 403 from the results API: a clear statement, not an error. */
export function NotAllowedOr({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.status === 403) {
    return (
      <div className="state state-empty not-allowed" role="status" data-testid="not-allowed">
        <p>
          <strong>{t('evaluation.notAllowedTitle')}</strong>
        </p>
        <p>{t('evaluation.notAllowed')}</p>
      </div>
    );
  }
  return <ErrorState error={error} onRetry={onRetry} />;
}
