import type { NotificationList as List, NotificationsReadResult, NotificationView } from '@contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { post } from '../../api/http';
import { keys } from '../../api/keys';
import { useNotifications } from '../../api/queries';
import { Empty, ErrorState, Loading } from '../../components/states';
import { ago } from '../../lib/dates';
import { groupPaths } from '../groups/urls';
import { knowledgePaths } from '../knowledge/urls';
import { notificationsApi, notificationPaths } from './urls';

/** Read or not is the server's `readAt`, so the bell, the page and a reload agree. */
const isRead = (n: NotificationView): boolean => n.readAt !== null;

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) => post<NotificationsReadResult>(notificationsApi.read, ids ? { ids } : {}),
    onSuccess: (res, ids) =>
      queryClient.setQueryData<List>(keys.notifications, (old) =>
        old
          ? {
              unreadCount: res.unreadCount,
              items: old.items.map((n) =>
                !ids || ids.includes(n.id) ? { ...n, readAt: n.readAt ?? new Date().toISOString() } : n,
              ),
            }
          : old,
      ),
  });
}

/** Where a notification leads: its url when the server gives one, else the document. */
export function notificationHref(n: NotificationView): string {
  if (n.url && n.url.startsWith('/')) return n.url;
  if (n.subjectId && n.kind.includes('document')) return knowledgePaths.document(n.subjectId);
  if (n.groupId) return groupPaths.group(n.groupId);
  return notificationPaths.list;
}

export function NotificationList({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const q = useNotifications();
  const markRead = useMarkRead();
  const navigate = useNavigate();
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const { items, unreadCount } = q.data;
  return (
    <div className="notification-list">
      <div className="panel-head">
        <h2>{t('notifications.title')}</h2>
        {unreadCount > 0 && (
          <button type="button" className="btn btn-small" onClick={() => markRead.mutate(undefined)}>
            {t('notifications.markAll')}
          </button>
        )}
      </div>
      {items.length === 0 ? (
        <Empty>{t('notifications.empty')}</Empty>
      ) : (
        <ul className="plain-list" aria-live="polite">
          {items.map((n) => (
            <li key={n.id} className={isRead(n) ? 'notification' : 'notification unread'}>
              <a
                href={notificationHref(n)}
                onClick={(e) => {
                  e.preventDefault();
                  if (!isRead(n)) markRead.mutate([n.id]);
                  onNavigate?.();
                  navigate(notificationHref(n));
                }}
              >
                {!isRead(n) && <span className="visually-hidden">{t('notifications.unread')}: </span>}
                <strong>{n.title}</strong>
                {n.body && <span className="notification-body">{n.body}</span>}
                <time dateTime={n.createdAt} className="muted">
                  {ago(n.createdAt)}
                </time>
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function NotificationBell() {
  const { t } = useTranslation();
  const q = useNotifications();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const unread = q.data?.unreadCount ?? 0;
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);
  return (
    <div className="menu" ref={ref}>
      <button
        type="button"
        className="icon-button bell"
        aria-expanded={open}
        aria-haspopup="true"
        aria-label={unread ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell')}
        onClick={() => setOpen((o) => !o)}
        data-testid="bell"
      >
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
          />
        </svg>
        {unread > 0 && (
          <span className="badge badge-alert" data-testid="bell-count">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <div className="menu-panel menu-panel-wide">
          <NotificationList onNavigate={() => setOpen(false)} />
          <Link to={notificationPaths.list} className="panel-foot" onClick={() => setOpen(false)}>
            {t('notifications.title')} →
          </Link>
        </div>
      )}
    </div>
  );
}
