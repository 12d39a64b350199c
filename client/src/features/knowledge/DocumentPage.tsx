import type { DocumentSummary, DocumentView, Json } from '@contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { del, get, post } from '../../api/http';
import { keys } from '../../api/keys';
import { useDocument, useGroup, useOrganisations } from '../../api/queries';
import { ServerHtml } from '../../components/SafeHtml';
import { errorMessage, ErrorState, Loading } from '../../components/states';
import { ago, day } from '../../lib/dates';
import { groupPaths } from '../groups/urls';
import { homePaths } from '../home/urls';
import { ownerName } from './action-items';
import { savedWarning } from './document-api';
import { knowledgeApi, knowledgePaths } from './urls';

function Fields({ d }: { d: Json<DocumentView> }) {
  const { t } = useTranslation();
  if (d.kind === 'ci_note') {
    return (
      <dl className="fields">
        {d.sourceUrl && (
          <>
            <dt>{t('knowledge.sourceUrl')}</dt>
            <dd>
              <a href={d.sourceUrl} rel="noopener noreferrer nofollow" target="_blank">
                {d.sourceUrl}
              </a>
            </dd>
          </>
        )}
        {d.publisher && (
          <>
            <dt>{t('knowledge.publisher')}</dt>
            <dd>{d.publisher}</dd>
          </>
        )}
        {d.publishedAt && (
          <>
            <dt>{t('knowledge.sourceDate')}</dt>
            <dd>{day(d.publishedAt)}</dd>
          </>
        )}
        {d.relevance != null && (
          <>
            <dt>{t('knowledge.relevance')}</dt>
            <dd aria-label={`${d.relevance}/5`}>
              {'★'.repeat(d.relevance) + '☆'.repeat(Math.max(0, 5 - d.relevance))}
            </dd>
          </>
        )}
        {(d.organisationsConcerned?.length ?? 0) > 0 && (
          <>
            <dt>{t('knowledge.organisationsConcerned')}</dt>
            <dd>{d.organisationsConcerned!.map((o) => o.shortName).join(', ')}</dd>
          </>
        )}
      </dl>
    );
  }
  if (d.kind === 'meeting_summary') {
    return (
      <div className="fields">
        <dl>
          {d.meetingDate && (
            <>
              <dt>{t('knowledge.meetingDate')}</dt>
              <dd>{day(d.meetingDate)}</dd>
            </>
          )}
          <dt>{t('knowledge.attendees')}</dt>
          <dd>
            {[
              ...(d.attendees?.users ?? []).map((u) => u.displayName),
              ...(d.attendees?.organisations ?? []).map((o) => o.shortName),
            ].join(', ') || '—'}
          </dd>
        </dl>
        {(d.decisions?.length ?? 0) > 0 && (
          <>
            <h2>{t('knowledge.decisions')}</h2>
            <ol>
              {d.decisions!.map((x, i) => (
                <li key={i}>{x}</li>
              ))}
            </ol>
          </>
        )}
        {(d.actionItems?.length ?? 0) > 0 && (
          <>
            <h2>{t('knowledge.actionItems')}</h2>
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('knowledge.actionDescription')}</th>
                    <th scope="col">{t('knowledge.owner')}</th>
                    <th scope="col">{t('knowledge.due')}</th>
                    <th scope="col">{t('knowledge.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.actionItems!.map((a, i) => (
                    <tr key={a.id ?? i}>
                      <td>{a.description}</td>
                      <td>{ownerName(a)}</td>
                      <td>{a.dueDate ? day(a.dueDate) : '—'}</td>
                      <td>{t(`knowledge.statuses.${a.status}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </div>
    );
  }
  if (d.kind === 'resource') {
    return (
      <p className="fields">
        {d.file ? (
          <a className="btn" href={d.file.downloadUrl} download>
            ⬇ {t('knowledge.download', { name: d.file.fileName })} ({Math.ceil(d.file.size / 1024)} KB)
          </a>
        ) : d.linkUrl ? (
          <a href={d.linkUrl} rel="noopener noreferrer nofollow" target="_blank">
            {d.linkUrl}
          </a>
        ) : null}
      </p>
    );
  }
  return null;
}

function Backlinks({ id }: { id: string }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: keys.backlinks(id),
    queryFn: ({ signal }) => get<DocumentSummary[]>(knowledgeApi.backlinks(id), signal),
    retry: false,
  });
  return (
    <aside className="backlinks" aria-labelledby="backlinks-title">
      <h2 id="backlinks-title">{t('knowledge.backlinks')}</h2>
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data.length === 0 ? (
        <p className="muted">{t('knowledge.noBacklinks')}</p>
      ) : (
        <ul className="plain-list">
          {q.data.map((b) => (
            <li key={b.id}>
              <Link to={knowledgePaths.document(b.id)}>{b.title}</Link>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}

export default function DocumentPage() {
  const { t } = useTranslation();
  const { docId = '' } = useParams();
  const q = useDocument(docId);
  const group = useGroup(q.data?.groupId ?? '');
  const orgs = useOrganisations();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [notice, setNotice] = useState<string | null>(null);
  const duplicate = savedWarning(useLocation().state, docId);
  const publish = useMutation({
    mutationFn: () => post<DocumentView>(knowledgeApi.publish(docId)),
    onSuccess: (d) => {
      queryClient.setQueryData(keys.document(docId), d);
      void queryClient.invalidateQueries({ queryKey: keys.documents(d.groupId) });
      setNotice(t('knowledge.publishedOk'));
    },
  });
  const remove = useMutation({
    mutationFn: () => del(knowledgeApi.document(docId)),
    onSuccess: () => navigate(q.data ? groupPaths.knowledge(q.data.groupId) : homePaths.home),
  });
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorState page error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data;
  const g = group.data;
  const canPublish = d.status === 'draft' && d.can.publish;
  const authorOrgId = d.author?.organisationId;
  const authorOrg = authorOrgId ? orgs.data?.find((o) => o.id === authorOrgId)?.shortName : null;
  return (
    <div className="page document-page">
      <nav className="breadcrumbs" aria-label="breadcrumbs">
        <Link to={groupPaths.knowledge(d.groupId)}>← {g?.name ?? t('knowledge.back')}</Link>
      </nav>
      <article className="document" aria-labelledby="doc-title">
        <header className="doc-head">
          <p>
            <span className={`kind-chip kind-${d.kind}`}>{t(`knowledge.kinds.${d.kind}`)}</span>{' '}
            <span className={d.status === 'draft' ? 'chip chip-draft' : 'chip'}>
              {d.status === 'draft' ? t('knowledge.draft') : t('knowledge.published')}
            </span>
          </p>
          <h1 id="doc-title">{d.title}</h1>
          <p className="muted">
            {d.author?.displayName && (
              <>
                {t('knowledge.by', { name: d.author.displayName })}
                {authorOrg && ` (${authorOrg})`} ·{' '}
              </>
            )}
            {t('knowledge.updated', { when: ago(d.updatedAt) })} · {t('knowledge.version', { version: d.version })}
          </p>
          {d.tags.length > 0 && (
            <p className="tags">
              {d.tags.map((tag) => (
                <Link key={tag} className="tag" to={knowledgePaths.tagged(d.groupId, tag)}>
                  #{tag}
                </Link>
              ))}
            </p>
          )}
          <div className="row wrap doc-actions">
            {canPublish && (
              <button
                type="button"
                className="btn btn-primary"
                onClick={() => publish.mutate()}
                disabled={publish.isPending}
              >
                {publish.isPending ? t('knowledge.publishing') : t('knowledge.publish')}
              </button>
            )}
            {d.can.edit && (
              <Link className="btn" to={knowledgePaths.edit(d.id)}>
                {t('app.edit')}
              </Link>
            )}
            <Link className="btn" to={knowledgePaths.history(d.id)}>
              {t('knowledge.history')}
            </Link>
            {d.can.delete && (
              <button
                type="button"
                className="btn btn-danger"
                onClick={() => window.confirm(t('knowledge.deleteConfirm')) && remove.mutate()}
              >
                {t('app.delete')}
              </button>
            )}
          </div>
          {d.kind === 'meeting_summary' && d.status === 'draft' && !g?.can.manage && (
            <p className="muted">{t('knowledge.onlyFacilitators')}</p>
          )}
          {duplicate && (
            <p className="notice" role="status">
              {t('knowledge.duplicate')} <Link to={knowledgePaths.document(duplicate.id)}>{duplicate.title}</Link>
            </p>
          )}
          {notice && (
            <p className="notice" role="status">
              {notice}
            </p>
          )}
          {(publish.error || remove.error) && (
            <p className="form-error">{errorMessage(publish.error ?? remove.error, t)}</p>
          )}
        </header>
        <Fields d={d} />
        <ServerHtml html={d.bodyHtml} className="doc-body" />
      </article>
      <Backlinks id={d.id} />
    </div>
  );
}
