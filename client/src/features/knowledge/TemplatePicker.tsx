import type { DocumentSummary, DocumentView, Json } from '@contract';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../../api/http';
import { errorMessage } from '../../components/states';
import { BUILT_IN_TEMPLATES, DocumentDraft } from './document-api';
import { knowledgeApi } from './urls';

interface Template {
  title: string;
  body: string;
  tags: string[];
}

/**
 * What a template does to the draft: its body replaces the text or goes below it; its tags are
 * added to the ones typed (never dropped), without the `template` tag itself.
 */
export function applyTemplate(d: DocumentDraft, tpl: Template, how: 'replace' | 'below'): Partial<DocumentDraft> {
  const typed = d.tags
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  const tags = [...new Set([...typed, ...tpl.tags.filter((x) => x !== 'template')])].join(', ');
  const body = how === 'replace' || !d.body.trim() ? tpl.body : `${d.body.replace(/\s+$/, '')}\n\n${tpl.body}`;
  return { body, tags };
}

/**
 * "Start from a template" for a new document. When the body has text of the person's own (not
 * just the last template, untouched), a modal dialog asks: insert below (first, the default
 * focus: nothing is lost), replace, or cancel (also Escape). A native <dialog>: focus moves in,
 * stays in while it is open, and returns to the select.
 */
export function TemplatePicker({
  d,
  templates,
  onApply,
  onError,
}: {
  d: DocumentDraft;
  templates: Json<DocumentSummary>[];
  onApply: (next: DocumentDraft) => void;
  onError: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [pending, setPending] = useState<Template | null>(null);
  const applied = useRef<string | null>(null);
  // The template arrives after a request: decide against the draft as it is then, not as it was.
  const latest = useRef(d);
  latest.current = d;

  function choose(tpl: Template) {
    const body = latest.current.body;
    if (!body.trim() || body === applied.current) apply(tpl, 'replace');
    else setPending(tpl);
  }
  function apply(tpl: Template, how: 'replace' | 'below') {
    const patch = applyTemplate(latest.current, tpl, how);
    // Only an untouched template may be swapped for another without asking.
    applied.current = how === 'replace' ? (patch.body ?? null) : null;
    onApply({ ...latest.current, ...patch });
  }

  return (
    <div className="field">
      <label htmlFor="doc-template">{t('knowledge.template')}</label>
      <select
        id="doc-template"
        value={value}
        onChange={(e) => {
          const v = e.target.value;
          setValue(v);
          // The list holds summaries: the template's body comes with the document itself.
          if (templates.some((x) => x.id === v))
            void get<DocumentView>(knowledgeApi.document(v)).then(choose, (err: unknown) => {
              setValue('');
              onError(errorMessage(err, t));
            });
          else if (v === 'builtin:meeting_summary' || v === 'builtin:ci_note') {
            const kind = v.slice(8) as 'ci_note' | 'meeting_summary';
            choose({ title: t(`knowledge.kinds.${kind}`), body: BUILT_IN_TEMPLATES[kind], tags: [] });
          }
        }}
      >
        <option value="">{t('knowledge.noTemplate')}</option>
        {templates.map((x) => (
          <option key={x.id} value={x.id}>
            {x.title}
          </option>
        ))}
        {templates.length === 0 && (
          <>
            <option value="builtin:meeting_summary">{t('knowledge.kinds.meeting_summary')}</option>
            <option value="builtin:ci_note">{t('knowledge.kinds.ci_note')}</option>
          </>
        )}
      </select>
      {pending && (
        <TemplateConfirm
          title={pending.title}
          onChoose={(how) => {
            setPending(null);
            if (how) apply(pending, how);
            else setValue('');
            document.getElementById('doc-template')?.focus();
          }}
        />
      )}
    </div>
  );
}

function TemplateConfirm({ title, onChoose }: { title: string; onChoose: (how: 'replace' | 'below' | null) => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    // Chromium focuses the dialog itself: start on the safe choice, so Enter keeps the text.
    first.current?.focus();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="template-confirm-title"
      aria-describedby="template-confirm-text"
      onCancel={(e) => {
        e.preventDefault(); // Escape: we close it by unmounting, keeping React in charge
        onChoose(null);
      }}
    >
      <h2 id="template-confirm-title">{t('knowledge.templateAsk', { title })}</h2>
      <p id="template-confirm-text">{t('knowledge.templateAskText')}</p>
      <div className="row wrap">
        <button ref={first} type="button" className="btn btn-primary" onClick={() => onChoose('below')}>
          {t('knowledge.templateBelow')}
        </button>
        <button type="button" className="btn btn-danger" onClick={() => onChoose('replace')}>
          {t('knowledge.templateReplace')}
        </button>
        <button type="button" className="btn" onClick={() => onChoose(null)}>
          {t('app.cancel')}
        </button>
      </div>
    </dialog>
  );
}
