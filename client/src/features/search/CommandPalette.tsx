import { KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSearch } from '../../api/queries';
import { ServerHtml } from '../../components/SafeHtml';
import { ErrorState, Loading } from '../../components/states';
import { groupByType, hitHref } from './hits';
import { searchPaths } from './urls';

/** Ctrl/Cmd+K: search as you type, results grouped by kind, highlighted snippets from the server. */
export default function CommandPalette({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [debounced, setDebounced] = useState('');
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const returnFocus = useRef<Element | null>(document.activeElement);

  useEffect(() => {
    const timer = setTimeout(() => setDebounced(q.trim()), 180);
    return () => clearTimeout(timer);
  }, [q]);
  useEffect(() => {
    inputRef.current?.focus();
    const el = returnFocus.current;
    return () => (el as HTMLElement | null)?.focus?.();
  }, []);

  // prefix: the last word is still being typed, and only the best few hits are shown.
  const search = useSearch({ q: debounced, limit: '12', mode: 'prefix' }, debounced.length > 0);
  const hits = debounced ? (search.data?.hits ?? []) : [];
  const grouped = groupByType(hits);
  const flat = grouped.flatMap(([, list]) => list);

  function go(href: string) {
    onClose();
    navigate(href);
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const n = flat.length + 1; // + "see all"
      setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (active < flat.length) go(hitHref(flat[active]));
      else if (q.trim()) go(searchPaths.query(q.trim()));
    }
  }

  let index = -1;
  return (
    <div className="palette-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="palette" role="dialog" aria-modal="true" aria-label={t('search.palette')} onKeyDown={onKeyDown}>
        <label htmlFor="palette-input" className="visually-hidden">
          {t('search.label')}
        </label>
        <input
          id="palette-input"
          ref={inputRef}
          type="search"
          role="combobox"
          aria-expanded={flat.length > 0}
          aria-controls="palette-results"
          aria-activedescendant={flat.length ? `palette-opt-${active}` : undefined}
          placeholder={t('search.placeholder')}
          value={q}
          autoComplete="off"
          onChange={(e) => {
            setQ(e.target.value);
            setActive(0);
          }}
        />
        <div className="palette-results" id="palette-results" role="listbox" aria-label={t('search.title')}>
          {!debounced && <p className="muted pad">{t('search.typeToSearch')}</p>}
          {debounced && search.isPending && <Loading />}
          {debounced && search.error && <ErrorState error={search.error} onRetry={() => void search.refetch()} />}
          {debounced && search.data && hits.length === 0 && (
            <p className="muted pad">{t('search.noResults', { q: debounced })}</p>
          )}
          {grouped.map(([type, list]) => (
            <div key={type} role="group" aria-label={t(`search.types.${type}`, { defaultValue: type })}>
              <p className="palette-group">{t(`search.types.${type}`, { defaultValue: type })}</p>
              {list.map((h) => {
                index++;
                const i = index;
                return (
                  <div
                    key={`${h.type}-${h.id}`}
                    id={`palette-opt-${i}`}
                    role="option"
                    aria-selected={i === active}
                    className={i === active ? 'palette-item active' : 'palette-item'}
                    onMouseEnter={() => setActive(i)}
                    onClick={() => go(hitHref(h))}
                  >
                    <strong>{h.title}</strong>
                    <ServerHtml html={h.snippet} as="span" className="snippet" />
                  </div>
                );
              })}
            </div>
          ))}
          {debounced && (
            <div
              id={`palette-opt-${flat.length}`}
              role="option"
              aria-selected={active === flat.length}
              className={active === flat.length ? 'palette-item active' : 'palette-item'}
              onClick={() => go(searchPaths.query(debounced))}
            >
              {t('search.seeAll')} →
            </div>
          )}
        </div>
        <p className="hint pad">{t('search.paletteHint')}</p>
      </div>
    </div>
  );
}
