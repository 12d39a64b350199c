import type { ChannelView, Json } from '@contract';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { keys } from '../../api/keys';
import { markChannelRead } from '../../lib/cache-events';
import { firstSeq, firstUnread, Timeline } from '../../lib/timeline';
import { useRealtime } from '../../realtime/RealtimeProvider';

/**
 * Tells the server what I have read, once per new last message while the tab is visible, and
 * lowers the channel's unread count in the cache at once. Returns the read marker as it was when
 * the channel was opened: the "new messages" line and "jump to first unread" aim there.
 */
export function useReadMarker(
  groupId: string,
  channelId: string,
  channel: Json<ChannelView> | undefined,
  newest: number,
): number | null {
  const rt = useRealtime();
  const queryClient = useQueryClient();
  const [readAtOpen, setReadAtOpen] = useState<number | null>(null);

  useEffect(() => {
    if (channel && readAtOpen === null) setReadAtOpen(channel.lastReadSeq);
  }, [channel, readAtOpen]);

  useEffect(() => {
    if (!newest || document.hidden) return;
    rt.socket.emit('read', { channelId, seq: newest }, () => undefined);
    markChannelRead(queryClient, groupId, channelId, newest);
  }, [newest, channelId, groupId, rt, queryClient]);

  return readAtOpen;
}

/**
 * "Jump to first unread": loads older pages until the first unread message is held (at most 20
 * pages), then shows it.
 */
export function useJumpToUnread(opts: {
  channelId: string;
  readAtOpen: number | null;
  myId: string;
  loadOlder: () => Promise<void>;
  reveal: (seq: number) => void;
}): () => Promise<void> {
  const queryClient = useQueryClient();
  const { channelId, readAtOpen, myId, loadOlder, reveal } = opts;
  return async () => {
    let tl = queryClient.getQueryData<Timeline>(keys.timeline(channelId));
    for (let i = 0; i < 20 && tl && readAtOpen !== null && firstSeq(tl) > readAtOpen + 1 && tl.hasMoreBefore; i++) {
      await loadOlder();
      tl = queryClient.getQueryData<Timeline>(keys.timeline(channelId));
    }
    const target = tl && firstUnread(tl, readAtOpen, myId);
    if (target) reveal(target.seq);
  };
}
