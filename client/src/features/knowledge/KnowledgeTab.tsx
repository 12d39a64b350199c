import type { DocumentKind, DocumentSummary, Json } from '@contract';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useDocuments, useOrganisations } from '../../api/queries';
import { QueryView } from '../../components/states';
import { ago } from '../../lib/dates';
import { useCurrentGroup } from '../groups/GroupPage';
import { knowledgePaths } from './urls';

export const KINDS: DocumentKind[] = ['page', 'ci_note', 'meeting_summary', 'resource'];

/** Pages as a tree (by parentId); other kinds as a flat list, newest first. */
function PageTree({ docs, parentId = null }: { docs: Json<DocumentSummary>[]; parentId?: string | null }) {
  const children = docs.filter(
    (d) => d.parentId === parentId || (parentId === null && d.parentId && !docs.some((p) => p.id === d.parentId)),
  );
  if (children.length === 0) return null;
  return (
    <ul className="tree">
      {children.map((d) => (
        <li key={d.id}>
          <DocLink d={d} />
          <PageTree docs={docs} parentId={d.id} />
        </li>
      ))}
    </ul>
  );
}

function DocLink({ d }: { d: Json<DocumentSummary> }) {
  const { t } = useTranslation();
  return (
    <span className="doc-row">
      <span className={`kind-chip kind-${d.kind}`}>{t(`knowledge.kinds.${d.kind}`)}</span>
      <Link to={knowledgePaths.document(d.id)}>{d.title}</Link>
      {d.status === 'draft' && <span className="chip chip-draft">{t('knowledge.draft')}</span>}
      {d.templateFor !== null && <span className="chip">{t('knowledge.template')}</span>}
      <span className="muted small">
        {d.author?.displayName && <>{t('knowledge.by', { name: d.author.displayName })} · </>}
        {ago(d.updatedAt)}
      </span>
      {d.tags.length > 0 && (
        <span className="tags">
          {d.tags.map((tag) => (
            <span key={tag} className="tag">
              #{tag}
            </span>
          ))}
        </span>
      )}
    </span>
  );
}

export default function KnowledgeTab() {
  const { t } = useTranslation();
  const g = useCurrentGroup();
  const [params, setParams] = useSearchParams();
  const kind = params.get('kind') ?? '';
  const tag = params.get('tag') ?? '';
  const org = params.get('org') ?? '';
  const docs = useDocuments(g.id, { kind: kind || undefined, tag: tag || undefined });
  const orgs = useOrganisations();
  const set = (k: string, v: string) =>
    setParams((p) => {
      if (v) p.set(k, v);
      else p.delete(k);
      return p;
    });
  const allTags = [...new Set((docs.data ?? []).flatMap((d) => d.tags))].sort();
  const filtered = (docs.data ?? []).filter((d) => !org || d.author?.organisationId === org);

  return (
    <section className="tab-panel" aria-labelledby="knowledge-title">
      <div className="panel-head">
        <h2 id="knowledge-title">{t('knowledge.title')}</h2>
        {g.can.contribute && (
          <div className="row wrap">
            {KINDS.map((k) => (
              <Link key={k} className="btn btn-small" to={knowledgePaths.newDocument(g.id, k)}>
                + {t(`knowledge.kinds.${k}`)}
              </Link>
            ))}
          </div>
        )}
      </div>
      <div className="filters" role="group" aria-label={t('search.facets')}>
        <label htmlFor="kn-kind">{t('knowledge.filterKind')}</label>
        <select id="kn-kind" value={kind} onChange={(e) => set('kind', e.target.value)}>
          <option value="">{t('knowledge.anyKind')}</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`knowledge.kindPlural.${k}`)}
            </option>
          ))}
        </select>
        <label htmlFor="kn-tag">{t('knowledge.filterTag')}</label>
        <select id="kn-tag" value={tag} onChange={(e) => set('tag', e.target.value)}>
          <option value="">{t('knowledge.anyTag')}</option>
          {[...new Set([...allTags, ...(tag ? [tag] : [])])].map((x) => (
            <option key={x} value={x}>
              {x}
            </option>
          ))}
        </select>
        <label htmlFor="kn-org">{t('knowledge.filterOrg')}</label>
        <select id="kn-org" value={org} onChange={(e) => set('org', e.target.value)}>
          <option value="">{t('knowledge.anyOrg')}</option>
          {(orgs.data ?? []).map((o) => (
            <option key={o.id} value={o.id}>
              {o.shortName}
            </option>
          ))}
        </select>
      </div>
      <QueryView query={{ ...docs, data: docs.data ? filtered : undefined }} empty={t('knowledge.empty')}>
        {(list) =>
          kind === 'page' || kind === '' ? (
            <>
              {(kind === '' ? KINDS : ['page' as const]).map((k) => {
                const ofKind = list.filter((d) => d.kind === k);
                if (ofKind.length === 0) return null;
                return (
                  <section key={k} aria-labelledby={`kn-${k}`} className="kind-section">
                    <h3 id={`kn-${k}`}>{t(`knowledge.kindPlural.${k}`)}</h3>
                    {k === 'page' ? (
                      <PageTree docs={ofKind} />
                    ) : (
                      <ul className="plain-list">
                        {ofKind.map((d) => (
                          <li key={d.id}>
                            <DocLink d={d} />
                          </li>
                        ))}
                      </ul>
                    )}
                  </section>
                );
              })}
            </>
          ) : (
            <ul className="plain-list">
              {list.map((d) => (
                <li key={d.id}>
                  <DocLink d={d} />
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
    </section>
  );
}
