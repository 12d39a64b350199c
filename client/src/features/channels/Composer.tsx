import { KeyboardEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMembers } from '../../api/queries';
import { useDraft } from '../../lib/drafts';
import { insertMention, mentionAt, MentionQuery, suggest } from '../../lib/mentions';

const TYPING_EVERY_MS = 3000;
export const MAX_MESSAGE = 10_000;

/**
 * The markdown composer: Enter sends, Shift+Enter adds a line, `@` suggests group members.
 * The text is a draft in localStorage until it is sent, so nothing is lost on reload or expiry.
 */
export function Composer({
  groupId,
  draftKey,
  label,
  onSend,
  onTyping,
  autoFocus,
}: {
  groupId: string;
  draftKey: string;
  label: string;
  onSend: (body: string) => void;
  onTyping?: () => void;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const [text, setText, clear] = useDraft<string>(draftKey, '');
  const [mention, setMention] = useState<MentionQuery | null>(null);
  const [active, setActive] = useState(0);
  const lastTyping = useRef(0);
  const ref = useRef<HTMLTextAreaElement>(null);
  const members = useMembers(groupId);
  const suggestions = useMemo(
    () => (mention && members.data ? suggest(members.data, mention.query) : []),
    [mention, members.data],
  );
  const listId = `${draftKey.replace(/[^a-z0-9-]/gi, '-')}-mentions`;

  function send() {
    const body = text.trim();
    if (!body || body.length > MAX_MESSAGE) return;
    onSend(body);
    clear();
    setMention(null);
  }

  function pick(i: number) {
    const m = suggestions[i];
    const el = ref.current;
    if (!m || !mention || !el) return;
    const next = insertMention(text, mention, el.selectionStart, m);
    setText(next.text);
    setMention(null);
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(next.caret, next.caret);
    });
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (suggestions.length > 0) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : suggestions.length - 1)) % suggestions.length);
        return;
      }
      if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault();
        pick(active);
        return;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        setMention(null);
        return;
      }
    }
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      send();
    }
  }

  return (
    <form
      className="composer"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <label htmlFor={`${listId}-input`} className="visually-hidden">
        {label}
      </label>
      <div className="composer-box">
        <textarea
          id={`${listId}-input`}
          ref={ref}
          rows={Math.min(8, Math.max(1, text.split('\n').length))}
          placeholder={label}
          value={text}
          maxLength={MAX_MESSAGE}
          autoFocus={autoFocus}
          aria-describedby={`${listId}-hint`}
          aria-autocomplete="list"
          aria-controls={suggestions.length ? listId : undefined}
          aria-expanded={suggestions.length > 0}
          aria-activedescendant={suggestions.length ? `${listId}-${active}` : undefined}
          role="combobox"
          data-testid="composer"
          onChange={(e) => {
            setText(e.target.value);
            setMention(mentionAt(e.target.value, e.target.selectionStart));
            setActive(0);
            const now = Date.now();
            if (onTyping && now - lastTyping.current > TYPING_EVERY_MS) {
              lastTyping.current = now;
              onTyping();
            }
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setTimeout(() => setMention(null), 150)}
        />
        <button type="submit" className="btn btn-primary" disabled={!text.trim()}>
          {t('channel.send')}
        </button>
        {suggestions.length > 0 && (
          <ul id={listId} role="listbox" className="mention-list" aria-label={t('channel.mentionList')}>
            {suggestions.map((m, i) => (
              <li
                key={m.userId}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(i);
                }}
              >
                <strong>{m.displayName}</strong> <span className="muted">{m.organisation?.shortName ?? m.email}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <p id={`${listId}-hint`} className="hint">
        {t('channel.composerHint')}
      </p>
    </form>
  );
}
