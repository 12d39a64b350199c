import type { HistoryPage } from '@contract';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { get, withQuery } from '../../api/http';
import { keys } from '../../api/keys';
import { firstSeq, mergeMessages, roots, Timeline } from '../../lib/timeline';
import { channelsApi } from './urls';

const PAGE = 50;
/** Bridging from a linked message to the history held: pages of the API's largest size, at most this many. */
const BRIDGE_PAGE = 200;
const BRIDGE_PAGES = 10;

function fetchPage(
  channelId: string,
  params: { beforeSeq?: number; afterSeq?: number; aroundSeq?: number },
  limit = PAGE,
) {
  return get<HistoryPage>(withQuery(channelsApi.messages(channelId), { ...params, limit }));
}

/**
 * A channel's history in the query cache: the latest page when the channel opens, older pages on
 * demand. Realtime events and threads merge into the same timeline, so it is never refetched by
 * Query on its own (`staleTime: Infinity`); reconnects catch up through the join ack instead.
 */
export function useChannelHistory(channelId: string, onError: (code: string) => void) {
  const queryClient = useQueryClient();
  const [loadingOlder, setLoadingOlder] = useState(false);

  const timeline = useQuery<Timeline>({
    queryKey: keys.timeline(channelId),
    queryFn: async () => {
      const page = await fetchPage(channelId, {});
      // Messages that arrived over the socket while the page was loading are kept.
      const current = queryClient.getQueryData<Timeline>(keys.timeline(channelId));
      return mergeMessages(current ?? { messages: [], hasMoreBefore: page.hasMore }, page.messages, {
        hasMoreBefore: page.hasMore,
      });
    },
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });

  /** Loads the page before the oldest message held; true when one was merged (the list grew at the top). */
  const loadOlder = useCallback(async (): Promise<boolean> => {
    const tl = queryClient.getQueryData<Timeline>(keys.timeline(channelId));
    if (!tl || !tl.hasMoreBefore || loadingOlder) return false;
    setLoadingOlder(true);
    try {
      const page = await fetchPage(channelId, { beforeSeq: firstSeq(tl) });
      queryClient.setQueryData<Timeline>(keys.timeline(channelId), (cur) =>
        cur ? mergeMessages(cur, page.messages, { hasMoreBefore: page.hasMore && page.messages.length > 0 }) : cur,
      );
      return true;
    } catch {
      onError('network');
      return false;
    } finally {
      setLoadingOlder(false);
    }
  }, [channelId, queryClient, loadingOlder, onError]);

  /**
   * Makes sure the message `seq` is held (a link to it): when it is older than the history held,
   * loads the page around it, then the messages between that page and the history, so the
   * timeline stays gapless from its first message to the newest (catch-up and unread rely on
   * it). Resolves once the message is in the cache (or the load failed).
   */
  const loadAround = useCallback(
    async (seq: number): Promise<void> => {
      const held = queryClient.getQueryData<Timeline>(keys.timeline(channelId));
      if (!held || held.messages.length === 0 || seq >= firstSeq(held)) return;
      try {
        const page = await fetchPage(channelId, { aroundSeq: seq });
        const fetched = [...page.messages];
        let last = fetched.at(-1)?.seq ?? seq;
        let more = page.hasMoreAfter ?? false;
        for (let i = 0; i < BRIDGE_PAGES && more && last + 1 < firstSeq(held); i++) {
          const next = await fetchPage(channelId, { afterSeq: last }, BRIDGE_PAGE);
          if (next.messages.length === 0) break;
          fetched.push(...next.messages.filter((m) => m.seq < firstSeq(held)));
          last = next.messages.at(-1)!.seq;
          more = next.hasMore;
        }
        queryClient.setQueryData<Timeline>(keys.timeline(channelId), (cur) =>
          cur && fetched.length > 0 && fetched[0].seq < firstSeq(cur)
            ? mergeMessages(cur, fetched, { hasMoreBefore: page.hasMore })
            : cur,
        );
      } catch {
        onError('network');
      }
    },
    [channelId, queryClient, onError],
  );

  /** The channel's top-level messages; replies are shown in their thread. */
  const messages = useMemo(() => roots(timeline.data), [timeline.data]);

  return { timeline, messages, loadOlder, loadingOlder, loadAround };
}
