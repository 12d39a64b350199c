/**
 * An open channel: its header, the message list, who is typing, the composer, and the thread
 * beside it. Each concern is a hook of its own (history, room subscription, read marker, send
 * queue, scrolling, the thread in the URL); this view only puts them together.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useChannels } from '../../api/queries';
import { NotFound } from '../../components/states';
import { firstUnread, lastSeq } from '../../lib/timeline';
import { usePresence, useRealtime, useTyping } from '../../realtime/RealtimeProvider';
import { useSession } from '../auth/session';
import { useCurrentGroup } from '../groups/GroupPage';
import { Composer } from './Composer';
import { MessageList } from './MessageList';
import { ThreadPanel } from './ThreadPanel';
import { useChannelActions } from './useChannelActions';
import { useChannelHistory } from './useChannelHistory';
import { useChannelSubscription } from './useChannelSubscription';
import { useLinkedMessage } from './useLinkedMessage';
import { useMessageListScroll } from './useMessageListScroll';
import { useJumpToUnread, useReadMarker } from './useReadMarker';
import { useSendQueue } from './useSendQueue';
import { useThreadParam } from './useThreadParam';

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
  const g = useCurrentGroup();
  const me = useSession();
  const rt = useRealtime();
  const channels = useChannels(g.id);
  const channel = channels.data?.find((c) => c.id === channelId);
  const online = new Set(usePresence(g.id));
  // The last refused action or failed load, shown above the list until closed.
  const [error, setError] = useState<string | null>(null);
  const { threadId, openThread, closeThread } = useThreadParam();

  const history = useChannelHistory(channelId, setError);
  const timeline = history.timeline.data;
  useChannelSubscription(channelId, Boolean(timeline));
  const readAtOpen = useReadMarker(g.id, channelId, channel, lastSeq(timeline));
  const queue = useSendQueue(channelId);
  const scroll = useMessageListScroll(history.loadOlder, history.messages.length, queue.pending.length);
  const actions = useChannelActions({
    groupId: g.id,
    myId: me.user.id,
    canContribute: g.can.contribute,
    canModerate: g.can.manage,
    onReply: openThread,
    onError: setError,
  });
  const linkedSeq = useLinkedMessage({
    channelId,
    loaded: Boolean(timeline),
    loadAround: history.loadAround,
    reveal: scroll.reveal,
    openThread: (id) => openThread({ id }),
  });
  const unread = timeline ? firstUnread(timeline, readAtOpen, me.user.id) : null;
  const jumpToUnread = useJumpToUnread({
    channelId,
    readAtOpen,
    myId: me.user.id,
    loadOlder: scroll.loadOlder,
    reveal: scroll.reveal,
  });

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
        <MessageList
          name={name}
          timeline={history.timeline}
          messages={history.messages}
          unreadId={unread?.id ?? null}
          threadId={threadId}
          linkedSeq={linkedSeq}
          actions={actions}
          online={online}
          queue={queue}
          scroll={scroll}
          loadingOlder={history.loadingOlder}
        />
        <TypingLine channelId={channelId} />
        {g.can.contribute ? (
          <Composer
            key={channelId}
            groupId={g.id}
            draftKey={`channel:${channelId}`}
            label={t('channel.composer', { name })}
            onSend={(body) => {
              scroll.stickToBottom();
              queue.send(body);
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
          onClose={closeThread}
        />
      )}
    </div>
  );
}
