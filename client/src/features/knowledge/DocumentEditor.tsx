import { useQuery, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError, get } from '../../api/http';
import { keys } from '../../api/keys';
import { listOf, toDocument } from '../../api/normalize';
import { useDocument, useGroup, useMembers, useOrganisations } from '../../api/queries';
import type { ActionItem, DocumentKind, KnowledgeDocument } from '../../api/types';
import { ServerHtml } from '../../components/SafeHtml';
import { errorMessage, ErrorState, Loading, NotFound } from '../../components/states';
import { useDraft } from '../../lib/drafts';
import {
  BUILT_IN_TEMPLATES,
  createDocument,
  DocumentDraft,
  draftFrom,
  emptyDraft,
  MAX_UPLOAD_BYTES,
  previewMarkdown,
  publishDocument,
  updateDocument,
  uploadResource,
} from './document-api';
import { KINDS } from './KnowledgeTab';

function Preview({ body, groupId }: { body: string; groupId: string }) {
  const { t } = useTranslation();
  const [html, setHtml] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!body.trim()) return setHtml('');
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      previewMarkdown(body, groupId, ctrl.signal)
        .then((h) => {
          setHtml(h);
          setError(null);
        })
        .catch((e: Error) => e.name !== 'AbortError' && setError(e));
    }, 300);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [body, groupId]);
  if (error) return <ErrorState error={error} />;
  if (html === null) return <Loading />;
  if (!html) return <p className="muted">{t('knowledge.previewEmpty')}</p>;
  return <ServerHtml html={html} className="doc-body preview" />;
}

function MultiSelect({
  id,
  label,
  options,
  value,
  onChange,
}: {
  id: string;
  label: string;
  options: { id: string; name: string }[];
  value: string[];
  onChange: (v: string[]) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        multiple
        value={value}
        size={Math.min(6, Math.max(3, options.length))}
        onChange={(e) => onChange([...e.target.selectedOptions].map((o) => o.value))}
      >
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Attendees (people and organisations), decisions, and action items with owner and due date. */
function MeetingFields({
  d,
  set,
  groupId,
}: {
  d: DocumentDraft;
  set: (p: Partial<DocumentDraft>) => void;
  groupId: string;
}) {
  const { t } = useTranslation();
  const members = useMembers(groupId);
  const orgs = useOrganisations();
  const people = (members.data ?? []).map((m) => ({
    id: m.userId,
    name: `${m.displayName}${m.organisation ? ` (${m.organisation.shortName})` : ''}`,
  }));
  const organisations = (orgs.data ?? []).map((o) => ({ id: o.id, name: o.shortName }));
  const setItem = (i: number, p: Partial<ActionItem>) =>
    set({ actionItems: d.actionItems.map((a, j) => (j === i ? { ...a, ...p } : a)) });
  return (
    <fieldset className="fieldset">
      <legend>{t('knowledge.kinds.meeting_summary')}</legend>
      <div className="field">
        <label htmlFor="meeting-date">{t('knowledge.meetingDate')}</label>
        <input
          id="meeting-date"
          type="date"
          value={d.meetingDate}
          onChange={(e) => set({ meetingDate: e.target.value })}
        />
      </div>
      <div className="grid-2">
        <MultiSelect
          id="att-people"
          label={`${t('knowledge.attendees')}: ${t('knowledge.attendeePeople')}`}
          options={people}
          value={d.attendeeUserIds}
          onChange={(v) => set({ attendeeUserIds: v })}
        />
        <MultiSelect
          id="att-orgs"
          label={`${t('knowledge.attendees')}: ${t('knowledge.attendeeOrgs')}`}
          options={organisations}
          value={d.attendeeOrganisationIds}
          onChange={(v) => set({ attendeeOrganisationIds: v })}
        />
      </div>
      <h3>{t('knowledge.decisions')}</h3>
      <ol className="stack-sm">
        {d.decisions.map((x, i) => (
          <li key={i} className="row">
            <label htmlFor={`decision-${i}`} className="visually-hidden">
              {t('knowledge.decision')} {i + 1}
            </label>
            <input
              id={`decision-${i}`}
              value={x}
              onChange={(e) => set({ decisions: d.decisions.map((y, j) => (j === i ? e.target.value : y)) })}
            />
            <button
              type="button"
              className="btn btn-small btn-ghost"
              onClick={() => set({ decisions: d.decisions.filter((_, j) => j !== i) })}
            >
              {t('app.remove')}
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="btn btn-small"
        data-testid="add-decision"
        onClick={() => set({ decisions: [...d.decisions, ''] })}
      >
        + {t('knowledge.addDecision')}
      </button>
      <h3>{t('knowledge.actionItems')}</h3>
      {d.actionItems.map((a, i) => (
        <fieldset key={i} className="action-item-row">
          <legend className="visually-hidden">
            {t('knowledge.actionItems')} {i + 1}
          </legend>
          <div className="field grow">
            <label htmlFor={`ai-desc-${i}`}>{t('knowledge.actionDescription')}</label>
            <input
              id={`ai-desc-${i}`}
              value={a.description}
              onChange={(e) => setItem(i, { description: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`ai-owner-${i}`}>{t('knowledge.owner')}</label>
            <select
              id={`ai-owner-${i}`}
              required
              aria-required="true"
              value={a.ownerUserId ? `u:${a.ownerUserId}` : a.ownerOrganisationId ? `o:${a.ownerOrganisationId}` : ''}
              onChange={(e) => {
                const [kind, id] = e.target.value.split(':');
                setItem(i, { ownerUserId: kind === 'u' ? id : null, ownerOrganisationId: kind === 'o' ? id : null });
              }}
            >
              <option value="">—</option>
              <optgroup label={t('knowledge.ownerPerson')}>
                {people.map((p) => (
                  <option key={p.id} value={`u:${p.id}`}>
                    {p.name}
                  </option>
                ))}
              </optgroup>
              <optgroup label={t('knowledge.ownerOrg')}>
                {organisations.map((o) => (
                  <option key={o.id} value={`o:${o.id}`}>
                    {o.name}
                  </option>
                ))}
              </optgroup>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`ai-due-${i}`}>{t('knowledge.due')}</label>
            <input
              id={`ai-due-${i}`}
              type="date"
              value={a.dueDate ?? ''}
              onChange={(e) => setItem(i, { dueDate: e.target.value || null })}
            />
          </div>
          <button
            type="button"
            className="btn btn-small btn-ghost"
            onClick={() => set({ actionItems: d.actionItems.filter((_, j) => j !== i) })}
          >
            {t('app.remove')}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="btn btn-small"
        data-testid="add-action"
        onClick={() =>
          set({
            actionItems: [
              ...d.actionItems,
              { description: '', ownerUserId: null, ownerOrganisationId: null, dueDate: null, status: 'open' },
            ],
          })
        }
      >
        + {t('knowledge.addAction')}
      </button>
    </fieldset>
  );
}

function CiFields({ d, set }: { d: DocumentDraft; set: (p: Partial<DocumentDraft>) => void }) {
  const { t } = useTranslation();
  const orgs = useOrganisations();
  return (
    <fieldset className="fieldset">
      <legend>{t('knowledge.kinds.ci_note')}</legend>
      <div className="grid-2">
        <div className="field">
          <label htmlFor="ci-url">{t('knowledge.sourceUrl')}</label>
          <input
            id="ci-url"
            type="url"
            inputMode="url"
            value={d.sourceUrl}
            onChange={(e) => set({ sourceUrl: e.target.value })}
            placeholder="https://"
          />
        </div>
        <div className="field">
          <label htmlFor="ci-publisher">{t('knowledge.publisher')}</label>
          <input id="ci-publisher" value={d.publisher} onChange={(e) => set({ publisher: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="ci-date">{t('knowledge.sourceDate')}</label>
          <input
            id="ci-date"
            type="date"
            value={d.sourcePublishedAt}
            onChange={(e) => set({ sourcePublishedAt: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="ci-relevance">{t('knowledge.relevance')}</label>
          <input
            id="ci-relevance"
            type="number"
            min={1}
            max={5}
            value={d.relevance}
            onChange={(e) => set({ relevance: e.target.value })}
          />
        </div>
      </div>
      <MultiSelect
        id="ci-orgs"
        label={t('knowledge.organisationsConcerned')}
        options={(orgs.data ?? []).map((o) => ({ id: o.id, name: o.shortName }))}
        value={d.organisationsConcerned}
        onChange={(v) => set({ organisationsConcerned: v })}
      />
    </fieldset>
  );
}

function Upload({
  groupId,
  d,
  onDone,
}: {
  groupId: string;
  d: DocumentDraft;
  onDone: (doc: KnowledgeDocument) => void;
}) {
  const { t } = useTranslation();
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function onFile(file: File | undefined) {
    if (!file) return;
    if (file.size > MAX_UPLOAD_BYTES) return setError(t('knowledge.tooLarge'));
    setError(null);
    setProgress(0);
    try {
      onDone(await uploadResource(groupId, file, d, setProgress));
    } catch (e) {
      setError(errorMessage(e, t));
    } finally {
      setProgress(null);
    }
  }
  return (
    <div className="field">
      <label htmlFor="resource-file">{t('knowledge.file')}</label>
      <input
        id="resource-file"
        type="file"
        accept=".pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.png,.jpg,.jpeg,.gif,.webp"
        onChange={(e) => void onFile(e.target.files?.[0])}
        aria-describedby="upload-hint"
        disabled={progress !== null}
      />
      <p id="upload-hint" className="hint">
        {t('knowledge.uploadHint')}
      </p>
      {progress !== null && (
        <>
          <progress
            max={1}
            value={progress}
            aria-label={t('knowledge.uploading', { percent: Math.round(progress * 100) })}
          />
          <span className="small">{t('knowledge.uploading', { percent: Math.round(progress * 100) })}</span>
        </>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function Conflict({
  mine,
  theirs,
  base,
  onKeepMine,
  onTakeTheirs,
}: {
  mine: DocumentDraft;
  theirs: KnowledgeDocument;
  base: number;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="conflict" role="alert" aria-labelledby="conflict-title">
      <h2 id="conflict-title">{t('knowledge.conflictTitle')}</h2>
      <p>{t('knowledge.conflict', { base, current: theirs.version })}</p>
      <div className="grid-2">
        <div>
          <h3>{t('knowledge.theirs', { version: theirs.version })}</h3>
          <p>
            <strong>{theirs.title}</strong>
          </p>
          <pre className="conflict-text">{theirs.body}</pre>
        </div>
        <div>
          <h3>{t('knowledge.yours')}</h3>
          <p>
            <strong>{mine.title}</strong>
          </p>
          <pre className="conflict-text">{mine.body}</pre>
        </div>
      </div>
      <div className="row wrap">
        <button type="button" className="btn btn-primary" onClick={onKeepMine}>
          {t('knowledge.keepMine')}
        </button>
        <button type="button" className="btn" onClick={onTakeTheirs}>
          {t('knowledge.takeTheirs')}
        </button>
      </div>
    </section>
  );
}

function Editor({
  groupId,
  existing,
  kind,
}: {
  groupId: string;
  existing: KnowledgeDocument | null;
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
  const [duplicate, setDuplicate] = useState<{ id: string; title: string } | null>(null);
  const [conflict, setConflict] = useState<KnowledgeDocument | null>(null);
  const [baseVersion, setBaseVersion] = useState(existing?.version ?? 0);
  const templates = useQuery({
    queryKey: ['templates', groupId],
    queryFn: async ({ signal }) =>
      listOf(await get<unknown>(`/api/groups/${groupId}/templates`, signal), 'templates').map(toDocument),
    enabled: !existing,
    retry: false,
  });
  const templateOptions = templates.data ?? [];

  async function save(status: 'draft' | 'published') {
    if (!d.title.trim()) return setError(`${t('knowledge.titleLabel')}: 1–200`);
    setBusy(true);
    setError(null);
    try {
      let saved = existing
        ? await updateDocument(existing.id, baseVersion, d)
        : await createDocument(groupId, d, status);
      // "Save and publish" on an existing draft: the save, then the publish.
      if (existing && status === 'published' && saved.status === 'draft' && d.kind !== 'meeting_summary') {
        saved = await publishDocument(saved.id);
      }
      clearDraft();
      queryClient.setQueryData(keys.document(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: keys.documents(groupId) });
      if (saved.duplicateSource) setDuplicate(saved.duplicateSource);
      navigate(`/documents/${saved.id}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && existing) {
        // Show both versions: fetch the one that won.
        const current = toDocument(await get(`/api/documents/${existing.id}`).catch(() => null));
        setConflict(current.id ? current : null);
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
        <Link to={existing ? `/documents/${existing.id}` : `/groups/${groupId}/knowledge`}>
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
      {duplicate && (
        <p className="notice">
          {t('knowledge.duplicate')} <Link to={`/documents/${duplicate.id}`}>{duplicate.title}</Link>
        </p>
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
            <div className="field">
              <label htmlFor="doc-template">{t('knowledge.template')}</label>
              <select
                id="doc-template"
                defaultValue=""
                onChange={(e) => {
                  const v = e.target.value;
                  const tpl = templateOptions.find((x) => x.id === v);
                  if (tpl) set({ body: tpl.body, tags: tpl.tags.filter((x) => x !== 'template').join(', ') });
                  else if (v === 'builtin:meeting_summary' || v === 'builtin:ci_note')
                    set({ body: BUILT_IN_TEMPLATES[v.slice(8) as 'ci_note'] });
                }}
              >
                <option value="">{t('knowledge.noTemplate')}</option>
                {templateOptions.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.title}
                  </option>
                ))}
                {templateOptions.length === 0 && (
                  <>
                    <option value="builtin:meeting_summary">{t('knowledge.kinds.meeting_summary')}</option>
                    <option value="builtin:ci_note">{t('knowledge.kinds.ci_note')}</option>
                  </>
                )}
              </select>
            </div>
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
                  navigate(`/documents/${doc.id}`);
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
          <Link className="btn btn-ghost" to={existing ? `/documents/${existing.id}` : `/groups/${groupId}/knowledge`}>
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
