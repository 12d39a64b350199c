import type { MessageView } from '@contract';
import { Fragment, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../components/states';
import { dayLabel, sameDay } from '../../lib/dates';
import type { Timeline } from '../../lib/timeline';
import { useSession } from '../auth/session';
import { MessageActions, MessageItem, PendingItem } from './MessageItem';
import type { SendQueue } from './useSendQueue';

/** My messages not yet confirmed, below the list they belong to (a channel or a thread). */
export function PendingList({ queue }: { queue: Pick<SendQueue, 'pending' | 'retry' | 'discard'> }) {
  const me = useSession();
  return queue.pending.map((p) => (
    <PendingItem
      key={p.clientMsgId}
      p={p}
      me={{ displayName: me.user.displayName, org: me.user.organisation?.shortName }}
      onRetry={() => queue.retry(p.clientMsgId)}
      onDiscard={() => queue.discard(p.clientMsgId)}
    />
  ));
}

/**
 * A channel's messages as a log: "load older" (or the channel's beginning) at the top, a line
 * per day, a "new messages" line above the first unread one, and my pending messages last.
 */
export function MessageList({
  name,
  timeline,
  messages,
  unreadId,
  threadId,
  linkedSeq,
  actions,
  online,
  queue,
  scroll,
  loadingOlder,
}: {
  name: string;
  timeline: { isPending: boolean; error: Error | null; data: Timeline | undefined; refetch: () => unknown };
  messages: MessageView[];
  unreadId: string | null;
  threadId: string | null;
  /** The message a link (`?seq=`) points at, highlighted. */
  linkedSeq: number | null;
  actions: MessageActions;
  online: Set<string>;
  queue: Pick<SendQueue, 'pending' | 'retry' | 'discard'>;
  scroll: { listRef: RefObject<HTMLDivElement | null>; onScroll: () => void; loadOlder: () => Promise<void> };
  loadingOlder: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div
      className="message-list"
      ref={scroll.listRef}
      onScroll={scroll.onScroll}
      role="log"
      aria-label={t('channel.messages', { name })}
      tabIndex={0}
    >
      {timeline.isPending && <Loading />}
      {timeline.error && <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />}
      {timeline.data && (
        <>
          {timeline.data.hasMoreBefore ? (
            <button
              type="button"
              className="btn btn-small load-older"
              onClick={() => void scroll.loadOlder()}
              disabled={loadingOlder}
            >
              {loadingOlder ? t('channel.loadingOlder') : t('channel.loadOlder')}
            </button>
          ) : (
            <p className="muted beginning">{t('channel.beginning', { name })}</p>
          )}
          {messages.length === 0 && queue.pending.length === 0 && (
            <p className="state state-empty">{t('channel.empty')}</p>
          )}
          {messages.map((m, i) => (
            <Fragment key={m.id}>
              {(i === 0 || !sameDay(messages[i - 1].createdAt, m.createdAt)) && (
                <div className="date-separator" role="separator">
                  <span>{dayLabel(m.createdAt)}</span>
                </div>
              )}
              {unreadId === m.id && (
                <div className="unread-separator" role="separator">
                  <span>{t('channel.newMessages')}</span>
                </div>
              )}
              <MessageItem
                m={m}
                actions={actions}
                online={online.has(m.authorId)}
                highlight={m.id === threadId}
                linked={m.seq === linkedSeq}
              />
            </Fragment>
          ))}
          <PendingList queue={queue} />
        </>
      )}
    </div>
  );
}
