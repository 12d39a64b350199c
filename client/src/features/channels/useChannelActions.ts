import type { MessageView as Message } from '@contract';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { keys } from '../../api/keys';
import { useMembers } from '../../api/queries';
import { onMessageDeleted, onMessageUpdated, onReactionUpdated } from '../../lib/cache-events';
import { replaceMessage, Timeline, toggleReaction } from '../../lib/timeline';
import { useRealtime } from '../../realtime/RealtimeProvider';
import type { MessageActions } from './MessageItem';

/** Edit, delete, react and pin over the socket, updating the cache at once where it is safe. */
export function useChannelActions(opts: {
  groupId: string;
  myId: string;
  canContribute: boolean;
  canModerate: boolean;
  onReply?: (m: Message) => void;
  onError: (code: string) => void;
}): MessageActions {
  const rt = useRealtime();
  const queryClient = useQueryClient();
  const { myId, canContribute, canModerate, onReply, onError, groupId } = opts;
  const members = useMembers(groupId);
  const orgs = useMemo(
    () => new Map((members.data ?? []).map((m) => [m.userId, m.organisation?.shortName ?? null])),
    [members.data],
  );

  return useMemo(() => {
    const patch = (m: Message, update: (x: Message) => Message) =>
      queryClient.setQueryData<Timeline>(keys.timeline(m.channelId), (tl) =>
        tl ? replaceMessage(tl, m.id, update) : tl,
      );
    return {
      myId,
      orgOf: (userId: string) => orgs.get(userId) ?? null,
      canContribute,
      canModerate,
      onReply,
      onReact: async (m, emoji) => {
        patch(m, (x) => ({ ...x, reactions: toggleReaction(x.reactions, emoji, myId) }));
        const ack = await rt.emitAck('reaction:toggle', { messageId: m.id, emoji });
        if (!ack.ok) {
          patch(m, (x) => ({ ...x, reactions: toggleReaction(x.reactions, emoji, myId) })); // undo
          onError(ack.error.code);
        } else {
          onReactionUpdated(queryClient, { messageId: m.id, channelId: m.channelId, reactions: ack.reactions });
        }
      },
      onEdit: async (m, body) => {
        const ack = await rt.emitAck('message:edit', { messageId: m.id, body });
        if (!ack.ok) {
          onError(ack.error.code);
          return false;
        }
        onMessageUpdated(queryClient, ack.message);
        return true;
      },
      onDelete: async (m) => {
        const ack = await rt.emitAck('message:delete', { messageId: m.id });
        if (!ack.ok) return onError(ack.error.code);
        onMessageDeleted(queryClient, { messageId: m.id, channelId: m.channelId, seq: m.seq, message: ack.message });
        onMessageUpdated(queryClient, ack.message);
      },
      onPin: async (m) => {
        const ack = await rt.emitAck('message:pin', { messageId: m.id, pinned: m.pinnedAt === null });
        if (!ack.ok) return onError(ack.error.code);
        onMessageUpdated(queryClient, ack.message);
      },
    } satisfies MessageActions;
  }, [rt, queryClient, myId, canContribute, canModerate, onReply, onError, orgs]);
}
