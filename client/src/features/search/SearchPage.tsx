import { FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSearch } from '../../api/queries';
import { ServerHtml } from '../../components/SafeHtml';
import { Empty, ErrorState, Loading } from '../../components/states';
import { useSession } from '../auth/session';
import { hitHref } from './hits';

const PAGE = 20;
const FACETS = ['kind', 'groupId', 'tag'] as const;

/** The full search page: the URL holds the query and filters, so a search can be shared. */
export default function SearchPage() {
  const { t } = useTranslation();
  const me = useSession();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const offset = Number(params.get('offset') ?? 0) || 0;
  const query: Record<string, string> = { q, limit: String(PAGE), offset: String(offset) };
  for (const f of FACETS) if (params.get(f)) query[f] = params.get(f)!;
  const search = useSearch(query, q.trim().length > 0);
  const groupName = (id: string) => me.groups.find((g) => g.id === id)?.name ?? id;
  const facetLabel = (name: string, value: string) =>
    name === 'groupId'
      ? groupName(value)
      : name === 'kind' || name === 'type'
        ? t(`search.types.${value}`, { defaultValue: t(`knowledge.kinds.${value}`, { defaultValue: value }) })
        : value;

  const update = (changes: Record<string, string | null>) =>
    setParams((p) => {
      for (const [k, v] of Object.entries(changes)) {
        if (v) p.set(k, v);
        else p.delete(k);
      }
      if (!('offset' in changes)) p.delete('offset');
      return p;
    });

  return (
    <div className="page search-page">
      <h1>{t('search.title')}</h1>
      <form
        role="search"
        className="search-form"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          update({ q: text.trim() || null });
        }}
      >
        <label htmlFor="search-q" className="visually-hidden">
          {t('search.label')}
        </label>
        <input
          id="search-q"
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('search.placeholder')}
        />
        <button type="submit" className="btn btn-primary">
          {t('search.label')}
        </button>
      </form>
      {!q && <Empty>{t('search.typeToSearch')}</Empty>}
      {q && (
        <div className="search-layout">
          <aside className="facets" aria-label={t('search.facets')}>
            <h2>{t('search.facets')}</h2>
            {FACETS.map((name) => {
              // The engine counts hits per value of each facet.
              const values = Object.entries(search.data?.facets[name] ?? {}).map(([value, count]) => ({
                value,
                count,
              }));
              const current = params.get(name);
              if (values.length === 0 && !current) return null;
              return (
                <fieldset key={name} className="facet">
                  <legend>{t(`search.${name === 'groupId' ? 'group' : name}`)}</legend>
                  <ul className="plain-list">
                    {values.map((v) => (
                      <li key={v.value}>
                        <label className="check">
                          <input
                            type="radio"
                            name={`facet-${name}`}
                            checked={current === v.value}
                            onChange={() => update({ [name]: v.value })}
                          />{' '}
                          {facetLabel(name, v.value)} <span className="muted">({v.count})</span>
                        </label>
                      </li>
                    ))}
                  </ul>
                  {current && (
                    <button type="button" className="link-button" onClick={() => update({ [name]: null })}>
                      {t('search.clear')}
                    </button>
                  )}
                </fieldset>
              );
            })}
          </aside>
          <section aria-labelledby="results-title" className="results">
            <h2 id="results-title" className="visually-hidden">
              {t('search.title')}
            </h2>
            {search.isPending && <Loading />}
            {search.error && <ErrorState error={search.error} onRetry={() => void search.refetch()} />}
            {search.data && (
              <>
                <p className="muted" role="status">
                  {t('search.results', { count: search.data.total })}
                </p>
                {search.data.hits.length === 0 ? (
                  <Empty>{t('search.noResults', { q })}</Empty>
                ) : (
                  <ol className="plain-list hits" start={offset + 1}>
                    {search.data.hits.map((h) => (
                      <li key={`${h.type}-${h.id}`} className="hit">
                        <span className={`kind-chip kind-${h.kind}`}>
                          {t(`search.types.${h.kind}`, {
                            defaultValue: t(`knowledge.kinds.${h.kind}`, { defaultValue: h.kind }),
                          })}
                        </span>{' '}
                        <Link to={hitHref(h)}>{h.title || '—'}</Link>{' '}
                        <span className="muted small">· {groupName(h.groupId)}</span>
                        <ServerHtml html={h.snippet} className="snippet" />
                      </li>
                    ))}
                  </ol>
                )}
                <div className="row pager">
                  {offset > 0 && (
                    <button
                      type="button"
                      className="btn"
                      onClick={() => update({ offset: String(Math.max(0, offset - PAGE)) })}
                    >
                      ← {t('search.previous')}
                    </button>
                  )}
                  {offset + PAGE < search.data.total && (
                    <button type="button" className="btn" onClick={() => update({ offset: String(offset + PAGE) })}>
                      {t('search.next')} →
                    </button>
                  )}
                </div>
              </>
            )}
          </section>
        </div>
      )}
    </div>
  );
}
