import type { HistoryPage, MessageView } from '@contract';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Fragment,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { get, withQuery } from '../../api/http';
import { keys } from '../../api/keys';
import { useChannels } from '../../api/queries';
import { ErrorState, Loading, NotFound } from '../../components/states';
import { markChannelRead } from '../../lib/cache-events';
import { dayLabel, sameDay } from '../../lib/dates';
import { firstSeq, firstUnread, lastSeq, mergeMessages, roots, Timeline } from '../../lib/timeline';
import { usePresence, useRealtime, useTyping } from '../../realtime/RealtimeProvider';
import { useSession } from '../auth/session';
import { useCurrentGroup } from '../groups/GroupPage';
import { Composer } from './Composer';
import { MessageItem, PendingItem } from './MessageItem';
import { ThreadPanel } from './ThreadPanel';
import { useChannelActions } from './useChannelActions';

const PAGE = 50;

function fetchPage(channelId: string, params: { beforeSeq?: number; afterSeq?: number }) {
  return get<HistoryPage>(withQuery(`/api/channels/${channelId}/messages`, { ...params, limit: PAGE }));
}

function TypingLine({ channelId }: { channelId: string }) {
  const { t } = useTranslation();
  const typists = useTyping(channelId);
  const names = typists.map((x) => x.name).filter(Boolean);
  return (
    <p className="typing" aria-live="polite">
      {names.length > 0 ? t('channel.typing', { count: names.length, names: names.join(', ') }) : ' '}
    </p>
  );
}

export function ChannelView() {
  const { t } = useTranslation();
  const { channelId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const threadId = params.get('thread');
  const g = useCurrentGroup();
  const me = useSession();
  const rt = useRealtime();
  const queryClient = useQueryClient();
  const channels = useChannels(g.id);
  const channel = channels.data?.find((c) => c.id === channelId);
  const online = new Set(usePresence(g.id));
  const [error, setError] = useState<string | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);
  // The read marker when the channel was opened: "jump to first unread" aims here.
  const [readAtOpen, setReadAtOpen] = useState<number | null>(null);

  const timeline = useQuery<Timeline>({
    queryKey: keys.timeline(channelId),
    queryFn: async () => {
      const page = await fetchPage(channelId, {});
      const current = queryClient.getQueryData<Timeline>(keys.timeline(channelId));
      return mergeMessages(current ?? { messages: [], hasMoreBefore: page.hasMore }, page.messages, {
        hasMoreBefore: page.hasMore,
      });
    },
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  const loaded = Boolean(timeline.data);

  useEffect(() => {
    if (!loaded) return;
    return rt.join(channelId);
  }, [rt, channelId, loaded]);

  useEffect(() => {
    rt.setActiveChannel(channelId);
    return () => rt.setActiveChannel(null);
  }, [rt, channelId]);

  useEffect(() => {
    if (channel && readAtOpen === null) setReadAtOpen(channel.lastReadSeq);
  }, [channel, readAtOpen]);

  // Tell the server what we have read, once per new last message.
  const newest = lastSeq(timeline.data);
  useEffect(() => {
    if (!newest || document.hidden) return;
    rt.socket.emit('read', { channelId, seq: newest }, () => undefined);
    markChannelRead(queryClient, g.id, channelId, newest);
  }, [newest, channelId, g.id, rt, queryClient]);

  const pendingAll = useSyncExternalStore(rt.outbox.subscribe, () => rt.outbox.list());
  const pending = pendingAll.filter((p) => p.channelId === channelId && p.parentId === null);
  const messages = useMemo(() => roots(timeline.data), [timeline.data]);

  // Keep the view at the bottom while the person is there; leave it alone when they scrolled up.
  useLayoutEffect(() => {
    const el = listRef.current;
    if (el && stickToBottom.current) el.scrollTop = el.scrollHeight;
  }, [messages.length, pending.length]);

  const loadOlder = useCallback(async () => {
    const tl = queryClient.getQueryData<Timeline>(keys.timeline(channelId));
    if (!tl || !tl.hasMoreBefore || loadingOlder) return;
    setLoadingOlder(true);
    const el = listRef.current;
    const before = el ? el.scrollHeight - el.scrollTop : 0;
    try {
      const page = await fetchPage(channelId, { beforeSeq: firstSeq(tl) });
      queryClient.setQueryData<Timeline>(keys.timeline(channelId), (cur) =>
        cur ? mergeMessages(cur, page.messages, { hasMoreBefore: page.hasMore && page.messages.length > 0 }) : cur,
      );
      requestAnimationFrame(() => {
        if (el) el.scrollTop = el.scrollHeight - before; // keep the reader's place
      });
    } catch {
      setError('network');
    } finally {
      setLoadingOlder(false);
    }
  }, [channelId, queryClient, loadingOlder]);

  const onScroll = () => {
    const el = listRef.current;
    if (!el) return;
    stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
    if (el.scrollTop < 120) void loadOlder();
  };

  const openThread = useCallback(
    (m: MessageView) =>
      setParams((p) => {
        p.set('thread', m.id);
        return p;
      }),
    [setParams],
  );
  const actions = useChannelActions({
    groupId: g.id,
    myId: me.user.id,
    canContribute: g.can.contribute,
    canModerate: g.can.manage,
    onReply: openThread,
    onError: setError,
  });

  const unread = timeline.data ? firstUnread(timeline.data, readAtOpen, me.user.id) : null;
  async function jumpToUnread() {
    let tl = queryClient.getQueryData<Timeline>(keys.timeline(channelId));
    // Load back until the first unread message is on the page.
    for (let i = 0; i < 20 && tl && readAtOpen !== null && firstSeq(tl) > readAtOpen + 1 && tl.hasMoreBefore; i++) {
      await loadOlder();
      tl = queryClient.getQueryData<Timeline>(keys.timeline(channelId));
    }
    const target = tl && firstUnread(tl, readAtOpen, me.user.id);
    if (target) {
      const el = document.getElementById(`msg-${target.seq}`);
      stickToBottom.current = false;
      el?.scrollIntoView({ block: 'center' });
      el?.focus();
    }
  }

  if (channels.data && !channel) return <NotFound />;
  const name = channel?.name ?? '';

  return (
    <div className={threadId ? 'channel-view with-thread' : 'channel-view'}>
      <section className="channel-pane" aria-labelledby="channel-title">
        <header className="channel-head">
          <h2 id="channel-title"># {name}</h2>
          {channel?.topic && <p className="muted topic">{channel.topic}</p>}
          <span className="muted small presence-count">{t('channel.presence', { count: online.size })}</span>
          {unread && (
            <button type="button" className="btn btn-small" onClick={() => void jumpToUnread()}>
              {t('channel.jumpUnread')}
            </button>
          )}
        </header>
        {error && (
          <p className="form-error" role="alert">
            {error === 'forbidden' ? t('app.forbidden') : t('channel.failedWhy', { reason: error })}{' '}
            <button type="button" className="link-button" onClick={() => setError(null)}>
              {t('app.close')}
            </button>
          </p>
        )}
        <div
          className="message-list"
          ref={listRef}
          onScroll={onScroll}
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
                  onClick={() => void loadOlder()}
                  disabled={loadingOlder}
                >
                  {loadingOlder ? t('channel.loadingOlder') : t('channel.loadOlder')}
                </button>
              ) : (
                <p className="muted beginning">{t('channel.beginning', { name })}</p>
              )}
              {messages.length === 0 && pending.length === 0 && (
                <p className="state state-empty">{t('channel.empty')}</p>
              )}
              {messages.map((m, i) => (
                <Fragment key={m.id}>
                  {(i === 0 || !sameDay(messages[i - 1].createdAt, m.createdAt)) && (
                    <div className="date-separator" role="separator">
                      <span>{dayLabel(m.createdAt)}</span>
                    </div>
                  )}
                  {unread && unread.id === m.id && (
                    <div className="unread-separator" role="separator">
                      <span>{t('channel.newMessages')}</span>
                    </div>
                  )}
                  <MessageItem m={m} actions={actions} online={online.has(m.authorId)} highlight={m.id === threadId} />
                </Fragment>
              ))}
              {pending.map((p) => (
                <PendingItem
                  key={p.clientMsgId}
                  p={p}
                  me={{ displayName: me.user.displayName, org: me.user.organisation?.shortName }}
                  onRetry={() => void rt.outbox.retry(p.clientMsgId)}
                  onDiscard={() => rt.outbox.discard(p.clientMsgId)}
                />
              ))}
            </>
          )}
        </div>
        <TypingLine channelId={channelId} />
        {g.can.contribute ? (
          <Composer
            key={channelId}
            groupId={g.id}
            draftKey={`channel:${channelId}`}
            label={t('channel.composer', { name })}
            onSend={(body) => {
              stickToBottom.current = true;
              rt.outbox.send({ channelId, body });
            }}
            onTyping={() => rt.socket.emit('typing', { channelId })}
          />
        ) : null}
      </section>
      {threadId && (
        <ThreadPanel
          key={threadId}
          channelId={channelId}
          groupId={g.id}
          rootId={threadId}
          actions={actions}
          online={online}
          canContribute={g.can.contribute}
          onClose={() =>
            setParams((p) => {
              p.delete('thread');
              return p;
            })
          }
        />
      )}
    </div>
  );
}
