import type { MessageView as Message } from '@contract';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ServerHtml } from '../../components/SafeHtml';
import { dateTime, time } from '../../lib/dates';
import type { PendingMessage } from '../../lib/outbox';
import { PresenceDot } from '../groups/MembersTab';
import { channelPaths } from './urls';

/** Copies the message's link; where the clipboard is not allowed (plain http), offers it to copy by hand. */
async function copyLink(m: Message): Promise<boolean> {
  const url = `${window.location.origin}${channelPaths.message(m.groupId, m.channelId, m.seq)}`;
  try {
    await navigator.clipboard.writeText(url);
    return true;
  } catch {
    window.prompt('', url);
    return false;
  }
}

/** Small inline icons: emoji glyphs depend on the fonts of the machine, these do not. */
const ICONS = {
  pin: 'M14 2l8 8-3 1-4 4 1 5-2 2-4-5-5 5-1-1 5-5-5-4 2-2 5 1 4-4z',
  trash: 'M9 3h6l1 2h4v2H4V5h4l1-2zm-3 6h12l-1 12H7L6 9zm4 2v8h1.5v-8H10zm3.5 0v8H15v-8h-1.5z',
  link: 'M10.6 13.4a1 1 0 0 1 0-1.4l3.5-3.5a1 1 0 1 1 1.4 1.4L12 13.4a1 1 0 0 1-1.4 0zM8.5 19a4.5 4.5 0 0 1-3.2-7.7l2.1-2.1a1 1 0 1 1 1.4 1.4l-2.1 2.1a2.5 2.5 0 0 0 3.5 3.5l2.1-2.1a1 1 0 1 1 1.4 1.4l-2.1 2.1A4.5 4.5 0 0 1 8.5 19zm8-4.8a1 1 0 0 1-.7-1.7l2.1-2.1a2.5 2.5 0 0 0-3.5-3.5l-2.1 2.1a1 1 0 1 1-1.4-1.4L13 5.5a4.5 4.5 0 0 1 6.4 6.4l-2.1 2.1a1 1 0 0 1-.8.2z',
};

function Icon({ name }: { name: keyof typeof ICONS }) {
  const d = ICONS[name];
  return (
    <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <path fill="currentColor" d={d} />
    </svg>
  );
}

export const QUICK_REACTIONS = ['👍', '❤️', '🎉', '😄', '👀', '✅'];

export interface MessageActions {
  myId: string;
  /** The author's organisation (short name), looked up in the group's members. */
  orgOf: (userId: string) => string | null;
  canContribute: boolean;
  canModerate: boolean;
  onReply?: (m: Message) => void;
  // These never reject: a refused or unanswered ack is reported through the view's error line.
  onReact: (m: Message, emoji: string) => Promise<void>;
  onEdit: (m: Message, body: string) => Promise<boolean>;
  onDelete: (m: Message) => Promise<void>;
  onPin: (m: Message) => Promise<void>;
}

function EditForm({
  m,
  onDone,
  onSave,
}: {
  m: Message;
  onDone: () => void;
  onSave: (body: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [body, setBody] = useState(m.body);
  return (
    <form
      className="edit-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (body.trim()) void onSave(body.trim()).then((saved) => saved && onDone());
      }}
    >
      <label htmlFor={`edit-${m.id}`} className="visually-hidden">
        {t('channel.editMessage')}
      </label>
      <textarea
        id={`edit-${m.id}`}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        autoFocus
        rows={3}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onDone();
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            e.currentTarget.form?.requestSubmit();
          }
        }}
      />
      <div className="row">
        <button type="submit" className="btn btn-small btn-primary">
          {t('channel.saveEdit')}
        </button>
        <button type="button" className="btn btn-small" onClick={onDone}>
          {t('app.cancel')}
        </button>
      </div>
    </form>
  );
}

export const MessageItem = memo(function MessageItem({
  m,
  actions,
  online,
  inThread = false,
  highlight = false,
  linked = false,
}: {
  m: Message;
  actions: MessageActions;
  online: boolean;
  inThread?: boolean;
  highlight?: boolean;
  /** The message a link points at. */
  linked?: boolean;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [copied, setCopied] = useState(false);
  const [picker, setPicker] = useState(false);
  const mine = m.authorId === actions.myId;
  const deleted = m.deleted;
  const pinned = m.pinnedAt !== null;
  const org = actions.orgOf(m.authorId);
  return (
    <article
      className={`message${highlight ? ' highlight' : ''}${linked ? ' linked' : ''}${pinned ? ' pinned' : ''}`}
      id={inThread ? undefined : `msg-${m.seq}`}
      data-seq={m.seq}
      aria-labelledby={`${inThread ? 'thread-' : ''}msg-${m.id}-author`}
    >
      <header className="message-head">
        <PresenceDot online={online} />
        <strong id={`${inThread ? 'thread-' : ''}msg-${m.id}-author`}>{m.authorName}</strong>
        {org && <span className="org">{org}</span>}
        <time dateTime={m.createdAt} title={dateTime(m.createdAt)}>
          {time(m.createdAt)}
        </time>
        {m.editedAt && !deleted && <span className="muted">{t('channel.edited')}</span>}
        {pinned && (
          <span className="chip chip-pin">
            <Icon name="pin" /> {t('channel.pinned')}
          </span>
        )}
      </header>
      {deleted ? (
        <p className="tombstone">{t('channel.deleted')}</p>
      ) : editing ? (
        <EditForm m={m} onDone={() => setEditing(false)} onSave={(body) => actions.onEdit(m, body)} />
      ) : (
        <ServerHtml html={m.html} className="message-body" />
      )}
      {!deleted && m.reactions.length > 0 && (
        <ul className="reactions plain-list" aria-label={t('channel.react')}>
          {m.reactions.map((r) => (
            <li key={r.emoji}>
              <button
                type="button"
                className={r.userIds.includes(actions.myId) ? 'reaction mine' : 'reaction'}
                data-testid="reaction"
                aria-pressed={r.userIds.includes(actions.myId)}
                aria-label={`${t('channel.reactWith', { emoji: r.emoji })} (${r.count})`}
                disabled={!actions.canContribute}
                onClick={() => void actions.onReact(m, r.emoji)}
              >
                {r.emoji} <span>{r.count}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {!inThread && m.replyCount > 0 && actions.onReply && (
        <button type="button" className="link-button replies" data-testid="replies" onClick={() => actions.onReply!(m)}>
          {t('channel.replies', { count: m.replyCount })}
        </button>
      )}
      {copied && (
        <p className="muted small link-copied" role="status">
          {t('channel.linkCopied')}
        </p>
      )}
      {!deleted && !editing && (
        <div className="message-actions" role="group" aria-label={t('channel.actions')}>
          {actions.canContribute && (
            <button
              type="button"
              className="icon-button"
              data-testid="react"
              aria-label={t('channel.react')}
              aria-expanded={picker}
              onClick={() => setPicker((p) => !p)}
            >
              ☺
            </button>
          )}
          {!inThread && actions.onReply && (
            <button
              type="button"
              className="icon-button"
              data-testid="reply"
              aria-label={t('channel.reply')}
              onClick={() => actions.onReply!(m)}
            >
              ↩
            </button>
          )}
          <button
            type="button"
            className="icon-button"
            data-testid="copy-link"
            aria-label={t('channel.copyLink')}
            title={t('channel.copyLink')}
            onClick={() =>
              void copyLink(m).then((ok) => {
                if (!ok) return;
                setCopied(true);
                setTimeout(() => setCopied(false), 2500);
              })
            }
          >
            <Icon name="link" />
          </button>
          {mine && (
            <button type="button" className="icon-button" aria-label={t('app.edit')} onClick={() => setEditing(true)}>
              ✎
            </button>
          )}
          {actions.canModerate && (
            <button
              type="button"
              className="icon-button"
              aria-label={pinned ? t('channel.unpin') : t('channel.pin')}
              onClick={() => void actions.onPin(m)}
            >
              <Icon name="pin" />
            </button>
          )}
          {(mine || actions.canModerate) && (
            <button
              type="button"
              className="icon-button"
              aria-label={t('app.delete')}
              onClick={() => {
                if (window.confirm(t('channel.confirmDelete'))) void actions.onDelete(m);
              }}
            >
              <Icon name="trash" />
            </button>
          )}
          {picker && (
            <div className="emoji-picker" role="group" aria-label={t('channel.react')}>
              {QUICK_REACTIONS.map((emoji) => (
                <button
                  key={emoji}
                  type="button"
                  data-testid={`react-${emoji}`}
                  className="icon-button"
                  aria-label={t('channel.reactWith', { emoji })}
                  onClick={() => {
                    setPicker(false);
                    void actions.onReact(m, emoji);
                  }}
                >
                  {emoji}
                </button>
              ))}
            </div>
          )}
        </div>
      )}
    </article>
  );
});

export function PendingItem({
  p,
  me,
  onRetry,
  onDiscard,
}: {
  p: PendingMessage;
  me: { displayName: string; org?: string };
  onRetry: () => void;
  onDiscard: () => void;
}) {
  const { t } = useTranslation();
  return (
    <article className={`message pending ${p.status}`} aria-live="polite" data-client-msg-id={p.clientMsgId}>
      <header className="message-head">
        <strong>{me.displayName}</strong>
        {me.org && <span className="org">{me.org}</span>}
        <time dateTime={p.createdAt}>{time(p.createdAt)}</time>
      </header>
      <p className="message-body pending-body">{p.body}</p>
      {p.status === 'sending' ? (
        <p className="muted small">{t('channel.sending')}</p>
      ) : (
        <p className="form-error small" role="alert">
          {p.error && p.error !== 'timeout' ? t('channel.failedWhy', { reason: p.error }) : t('channel.failed')}{' '}
          <button type="button" className="link-button" onClick={onRetry}>
            {t('channel.retry')}
          </button>{' '}
          <button type="button" className="link-button" onClick={onDiscard}>
            {t('channel.discard')}
          </button>
        </p>
      )}
    </article>
  );
}
