import type { DocumentKind, DocumentSummary, DocumentView, Json } from '@contract';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError, get } from '../../api/http';
import { keys } from '../../api/keys';
import { useDocument, useGroup } from '../../api/queries';
import { errorMessage, ErrorState, Loading, NotFound } from '../../components/states';
import { useDraft } from '../../lib/drafts';
import { groupPaths } from '../groups/urls';
import {
  createDocument,
  DocumentDraft,
  draftFrom,
  duplicateOf,
  emptyDraft,
  publishDocument,
  SavedState,
  updateDocument,
} from './document-api';
import { KINDS } from './KnowledgeTab';
import { Conflict, Preview, Upload } from './EditorParts';
import { CiFields, MeetingFields } from './KindFields';
import { TemplatePicker } from './TemplatePicker';
import { knowledgeApi, knowledgePaths } from './urls';
function Editor({
  groupId,
  existing,
  kind,
}: {
  groupId: string;
  existing: Json<DocumentView> | null;
  kind: DocumentKind;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const group = useGroup(groupId);
  const draftKey = existing ? `doc:${existing.id}:v${existing.version}` : `doc:new:${groupId}:${kind}`;
  const [d, setD, clearDraft] = useDraft<DocumentDraft>(draftKey, existing ? draftFrom(existing) : emptyDraft(kind));
  const set = (p: Partial<DocumentDraft>) => setD({ ...d, ...p });
  const [tab, setTab] = useState<'write' | 'preview'>('write');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Json<DocumentView> | null>(null);
  const [baseVersion, setBaseVersion] = useState(existing?.version ?? 0);
  const templates = useQuery({
    queryKey: ['templates', groupId],
    queryFn: ({ signal }) => get<DocumentSummary[]>(knowledgeApi.templates(groupId), signal),
    enabled: !existing,
    retry: false,
  });
  const templateOptions = templates.data ?? [];

  async function save(status: 'draft' | 'published') {
    if (!d.title.trim()) return setError(`${t('knowledge.titleLabel')}: 1–200`);
    setBusy(true);
    setError(null);
    try {
      const written = existing
        ? await updateDocument(existing.id, baseVersion, d)
        : await createDocument(groupId, d, status);
      let saved: Json<DocumentView> = written;
      // "Save and publish" on an existing draft: the save, then the publish.
      if (existing && status === 'published' && saved.status === 'draft' && d.kind !== 'meeting_summary') {
        saved = await publishDocument(saved.id);
      }
      clearDraft();
      queryClient.setQueryData(keys.document(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: keys.documents(groupId) });
      const duplicate = duplicateOf(written);
      const state: SavedState | undefined = duplicate ? { savedId: saved.id, duplicate } : undefined;
      navigate(knowledgePaths.document(saved.id), { state });
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && existing) {
        // Show both versions: fetch the one that won.
        setConflict(await get<DocumentView>(knowledgeApi.document(existing.id)).catch(() => null));
      }
      setError(errorMessage(e, t));
    } finally {
      setBusy(false);
    }
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    void save(d.kind === 'meeting_summary' ? 'draft' : 'published');
  }

  const title = existing
    ? `${t('app.edit')}: ${existing.title}`
    : t('knowledge.newKind', { kind: t(`knowledge.kinds.${d.kind}`) });
  return (
    <div className="page editor-page">
      <nav className="breadcrumbs" aria-label="breadcrumbs">
        <Link to={existing ? knowledgePaths.document(existing.id) : groupPaths.knowledge(groupId)}>
          ← {group.data?.name ?? t('knowledge.back')}
        </Link>
      </nav>
      <h1>{title}</h1>
      {conflict && (
        <Conflict
          mine={d}
          theirs={conflict}
          base={baseVersion}
          onKeepMine={() => {
            setBaseVersion(conflict.version);
            setConflict(null);
            setError(null);
          }}
          onTakeTheirs={() => {
            setD(draftFrom(conflict));
            setBaseVersion(conflict.version);
            setConflict(null);
            setError(null);
          }}
        />
      )}
      <form className="editor" onSubmit={onSubmit} noValidate>
        {!existing && (
          <div className="grid-2">
            <div className="field">
              <label htmlFor="doc-kind">{t('knowledge.filterKind')}</label>
              <select id="doc-kind" value={d.kind} onChange={(e) => set({ kind: e.target.value as DocumentKind })}>
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`knowledge.kinds.${k}`)}
                  </option>
                ))}
              </select>
            </div>
            <TemplatePicker d={d} templates={templateOptions} onApply={setD} onError={setError} />
          </div>
        )}
        <div className="field">
          <label htmlFor="doc-title">{t('knowledge.titleLabel')}</label>
          <input
            id="doc-title"
            value={d.title}
            maxLength={200}
            required
            onChange={(e) => set({ title: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="doc-tags">{t('knowledge.tags')}</label>
          <input
            id="doc-tags"
            value={d.tags}
            onChange={(e) => set({ tags: e.target.value })}
            aria-describedby="doc-tags-hint"
          />
          <p id="doc-tags-hint" className="hint">
            {t('knowledge.tagsHint')}
          </p>
        </div>
        {d.kind === 'ci_note' && <CiFields d={d} set={set} />}
        {d.kind === 'meeting_summary' && <MeetingFields d={d} set={set} groupId={groupId} />}
        {d.kind === 'resource' && (
          <fieldset className="fieldset">
            <legend>{t('knowledge.kinds.resource')}</legend>
            <div className="field">
              <label htmlFor="res-url">{t('knowledge.link')}</label>
              <input
                id="res-url"
                type="url"
                value={d.url}
                onChange={(e) => set({ url: e.target.value })}
                placeholder="https://"
              />
            </div>
            {!existing && (
              <Upload
                groupId={groupId}
                d={d}
                onDone={(doc) => {
                  clearDraft();
                  void queryClient.invalidateQueries({ queryKey: keys.documents(groupId) });
                  navigate(knowledgePaths.document(doc.id));
                }}
              />
            )}
          </fieldset>
        )}
        <div className="editor-tabs" role="tablist" aria-label={t('knowledge.body')}>
          <button
            type="button"
            role="tab"
            aria-selected={tab === 'write'}
            className={tab === 'write' ? 'active' : ''}
            onClick={() => setTab('write')}
          >
            {t('knowledge.write')}
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={tab === 'preview'}
            className={tab === 'preview' ? 'active' : ''}
            onClick={() => setTab('preview')}
          >
            {t('knowledge.preview')}
          </button>
        </div>
        <div className={`editor-split show-${tab}`}>
          <div className="field editor-write">
            <label htmlFor="doc-body">{t('knowledge.body')}</label>
            <textarea id="doc-body" rows={18} value={d.body} onChange={(e) => set({ body: e.target.value })} />
          </div>
          <div className="editor-preview" aria-live="polite">
            <p className="label-like">{t('knowledge.preview')}</p>
            <Preview body={d.body} groupId={groupId} />
          </div>
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="row wrap sticky-actions">
          {d.kind === 'meeting_summary' ? (
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {busy ? t('app.saving') : t('knowledge.saveDraft')}
            </button>
          ) : (
            <>
              <button type="submit" className="btn btn-primary" disabled={busy}>
                {busy ? t('app.saving') : existing?.status === 'draft' ? t('knowledge.savePublish') : t('app.save')}
              </button>
              {!existing && (
                <button type="button" className="btn" disabled={busy} onClick={() => void save('draft')}>
                  {t('knowledge.saveDraft')}
                </button>
              )}
            </>
          )}
          <Link
            className="btn btn-ghost"
            to={existing ? knowledgePaths.document(existing.id) : groupPaths.knowledge(groupId)}
          >
            {t('app.cancel')}
          </Link>
        </div>
      </form>
    </div>
  );
}

/** /groups/:groupId/knowledge/new?kind= and /documents/:docId/edit */
export default function DocumentEditor() {
  const { groupId, docId } = useParams();
  const [params] = useSearchParams();
  const kind = (params.get('kind') as DocumentKind) || 'page';
  const doc = useDocument(docId ?? '');
  if (groupId) return <Editor groupId={groupId} existing={null} kind={KINDS.includes(kind) ? kind : 'page'} />;
  if (!docId) return <NotFound />;
  if (doc.isPending) return <Loading />;
  if (doc.error) return <ErrorState page error={doc.error} onRetry={() => void doc.refetch()} />;
  return <Editor groupId={doc.data.groupId} existing={doc.data} kind={doc.data.kind} />;
}
