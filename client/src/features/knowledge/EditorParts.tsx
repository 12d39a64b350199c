import type { DocumentView, Json, SavedDocument } from '@contract';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ServerHtml } from '../../components/SafeHtml';
import { errorMessage, ErrorState, Loading } from '../../components/states';
import { DocumentDraft, MAX_UPLOAD_BYTES, previewMarkdown, uploadResource } from './document-api';

/** Pieces of the document editor: live preview, upload with progress, the 409 conflict view. */
export function Preview({ body, groupId }: { body: string; groupId: string }) {
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

export function Upload({
  groupId,
  d,
  onDone,
}: {
  groupId: string;
  d: DocumentDraft;
  onDone: (doc: Json<SavedDocument>) => void;
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

export function Conflict({
  mine,
  theirs,
  base,
  onKeepMine,
  onTakeTheirs,
}: {
  mine: DocumentDraft;
  theirs: Json<DocumentView>;
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
