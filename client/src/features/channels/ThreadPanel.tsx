import type { MessageView, ThreadView } from '@contract';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../../api/http';
import { keys } from '../../api/keys';
import { ErrorState, Loading } from '../../components/states';
import { mergeMessages, Timeline } from '../../lib/timeline';
import { useRealtime } from '../../realtime/RealtimeProvider';
import { Composer } from './Composer';
import { MessageActions, MessageItem } from './MessageItem';
import { PendingList } from './MessageList';
import { channelsApi } from './urls';
import { useSendQueue } from './useSendQueue';

/**
 * A thread in a side panel. Its replies are fetched once (`channelsApi.thread`) and
 * merged into the channel's timeline, where realtime replies land too: one source of truth.
 */
export function ThreadPanel({
  channelId,
  groupId,
  rootId,
  actions,
  online,
  canContribute,
  onClose,
}: {
  channelId: string;
  groupId: string;
  rootId: string;
  actions: MessageActions;
  online: Set<string>;
  canContribute: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const rt = useRealtime();
  const queryClient = useQueryClient();
  const closeRef = useRef<HTMLButtonElement>(null);
  const thread = useQuery({
    queryKey: keys.thread(rootId),
    queryFn: async ({ signal }) => {
      const { root, replies } = await get<ThreadView>(channelsApi.thread(rootId), signal);
      const all = [root, ...replies];
      queryClient.setQueryData<Timeline>(keys.timeline(channelId), (tl) => (tl ? mergeMessages(tl, all) : tl));
      return all.length;
    },
  });
  const timeline = useQuery<Timeline>({ queryKey: keys.timeline(channelId), enabled: false });
  const root = timeline.data?.messages.find((m) => m.id === rootId);
  const replies = useMemo(
    () => timeline.data?.messages.filter((m) => m.parentId === rootId) ?? [],
    [timeline.data, rootId],
  );
  const queue = useSendQueue(channelId, rootId);

  useEffect(() => closeRef.current?.focus(), [rootId]);

  return (
    <aside className="thread-panel" aria-labelledby="thread-title" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="panel-head">
        <h2 id="thread-title">{t('channel.thread')}</h2>
        <button
          type="button"
          ref={closeRef}
          className="icon-button"
          aria-label={t('channel.closeThread')}
          onClick={onClose}
        >
          ✕
        </button>
      </div>
      <div className="thread-body">
        {root && <MessageItem m={root} actions={actions} online={online.has(root.authorId)} inThread />}
        {thread.isPending && <Loading />}
        {thread.error && <ErrorState error={thread.error} onRetry={() => void thread.refetch()} />}
        <div className="thread-replies" role="log" aria-live="polite">
          {replies.map((m: MessageView) => (
            <MessageItem key={m.id} m={m} actions={actions} online={online.has(m.authorId)} inThread />
          ))}
          <PendingList queue={queue} />
        </div>
      </div>
      {canContribute && (
        <Composer
          groupId={groupId}
          draftKey={`thread:${rootId}`}
          label={t('channel.replyComposer')}
          onSend={(body) => queue.send(body)}
          onTyping={() => rt.socket.emit('typing', { channelId })}
        />
      )}
    </aside>
  );
}
