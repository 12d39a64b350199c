import { useSyncExternalStore } from 'react';
import { useRealtime } from '../../realtime/RealtimeProvider';

/**
 * The messages of one channel (or one thread, with `parentId`) still being sent or failed, and
 * how to send, retry and discard them. The queue itself is the tab's `Outbox` (lib/outbox.ts):
 * it keeps them in localStorage and re-sends them with their `clientMsgId` after a reconnect.
 */
export function useSendQueue(channelId: string, parentId: string | null = null) {
  const { outbox } = useRealtime();
  // The whole list is the snapshot (a stable array until it changes); filtering happens here.
  const all = useSyncExternalStore(outbox.subscribe, () => outbox.list());
  return {
    pending: all.filter((p) => p.channelId === channelId && p.parentId === parentId),
    send: (body: string) => outbox.send({ channelId, body, parentId }),
    retry: (clientMsgId: string) => void outbox.retry(clientMsgId),
    discard: (clientMsgId: string) => outbox.discard(clientMsgId),
  };
}

export type SendQueue = ReturnType<typeof useSendQueue>;
