import type { DiffChunk, RevisionDiff, RevisionSummary } from '@contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { get, post } from '../../api/http';
import { keys } from '../../api/keys';
import { useDocument, useGroup } from '../../api/queries';
import { errorMessage, ErrorState, Loading, QueryView } from '../../components/states';
import { dateTime } from '../../lib/dates';
import { knowledgeApi, knowledgePaths } from './urls';

/** One line of a diff as shown: the server's chunks hold several lines each. */
const linesOf = (chunks: DiffChunk[]) => chunks.flatMap((c) => c.lines.map((text) => ({ op: c.op, text })));

/** The server computes line diffs (GET …/revisions/:a/diff/:b); the client only shows them. */
function Diff({ docId, a, b }: { docId: string; a: number; b: number }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['document', docId, 'diff', a, b],
    queryFn: async ({ signal }) =>
      linesOf((await get<RevisionDiff>(knowledgeApi.diff(docId, a, b), signal)).body.chunks),
  });
  return (
    <section aria-labelledby="diff-title" className="diff-section">
      <h2 id="diff-title">{t('knowledge.compareWith', { a, b })}</h2>
      <QueryView query={q}>
        {(lines) => (
          <pre className="diff">
            {lines.map((l, i) => (
              <div key={i} className={`diff-${l.op}`}>
                {/* The sign is also in text, not only in colour. */}
                <span aria-hidden="true">{l.op === 'add' ? '+ ' : l.op === 'remove' ? '- ' : '  '}</span>
                {l.op !== 'equal' && <span className="visually-hidden">{l.op === 'add' ? '+' : '−'}</span>}
                {l.text}
              </div>
            ))}
          </pre>
        )}
      </QueryView>
    </section>
  );
}

export default function HistoryPage() {
  const { t } = useTranslation();
  const { docId = '' } = useParams();
  const doc = useDocument(docId);
  const group = useGroup(doc.data?.groupId ?? '');
  const queryClient = useQueryClient();
  const [pair, setPair] = useState<[number, number] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const revisions = useQuery({
    queryKey: keys.revisions(docId),
    queryFn: async ({ signal }) =>
      (await get<RevisionSummary[]>(knowledgeApi.revisions(docId), signal)).sort((x, y) => y.version - x.version),
  });
  const restore = useMutation({
    // Restoring writes a new revision with the old content.
    mutationFn: (version: number) => post(knowledgeApi.restore(docId, version)),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.document(docId) });
      setNotice(t('knowledge.restored'));
    },
  });
  if (doc.isPending) return <Loading />;
  if (doc.error) return <ErrorState page error={doc.error} onRetry={() => void doc.refetch()} />;
  return (
    <div className="page">
      <nav className="breadcrumbs" aria-label="breadcrumbs">
        <Link to={knowledgePaths.document(docId)}>← {doc.data.title}</Link>
      </nav>
      <h1>
        {t('knowledge.history')}: {doc.data.title}
      </h1>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {restore.error && <p className="form-error">{errorMessage(restore.error, t)}</p>}
      <QueryView query={revisions} empty={t('knowledge.noRevisions')}>
        {(list) => (
          <ol className="plain-list revisions">
            {list.map((r, i) => (
              <li key={r.version} className="revision-row">
                <strong>{t('knowledge.version', { version: r.version })}</strong>
                <span className="muted">
                  {r.author?.displayName} · {dateTime(r.createdAt)}
                </span>
                <span>{r.title}</span>
                {i < list.length - 1 && (
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={() => setPair([list[i + 1].version, r.version])}
                  >
                    {t('knowledge.compare')} {list[i + 1].version} → {r.version}
                  </button>
                )}
                {i > 0 && group.data?.can.contribute && (
                  <button type="button" className="btn btn-small btn-ghost" onClick={() => restore.mutate(r.version)}>
                    {t('knowledge.restore')}
                  </button>
                )}
              </li>
            ))}
          </ol>
        )}
      </QueryView>
      {pair && <Diff docId={docId} a={pair[0]} b={pair[1]} />}
    </div>
  );
}
