import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { keys } from '../../api/keys';
import type { Timeline } from '../../lib/timeline';

/**
 * A link to one message (`?seq=N`, from a mention notification, a search hit or "Copy link"):
 * once the channel's history is loaded, loads the page around that message if it is older,
 * shows it and returns its seq so the list highlights it. A reply is shown in its thread, with
 * its root in view. A new `?seq` (another link to the same channel) jumps again.
 */
export function useLinkedMessage(opts: {
  channelId: string;
  loaded: boolean;
  loadAround: (seq: number) => Promise<void>;
  reveal: (seq: number) => void;
  openThread: (rootId: string) => void;
}): number | null {
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const raw = params.get('seq');
  const seq = raw && /^\d{1,15}$/.test(raw) ? Number(raw) : null;
  const [linked, setLinked] = useState<number | null>(null);
  const { channelId, loaded, loadAround, reveal, openThread } = opts;

  useEffect(() => {
    if (!loaded || seq === null) return;
    let cancelled = false;
    void loadAround(seq).then(() => {
      if (cancelled) return;
      const tl = queryClient.getQueryData<Timeline>(keys.timeline(channelId));
      const target = tl?.messages.find((m) => m.seq === seq);
      if (!target) return;
      const root = target.parentId ? tl?.messages.find((m) => m.id === target.parentId) : target;
      if (target.parentId) openThread(target.parentId);
      setLinked(root?.seq ?? null);
      // After the merged page has rendered (and the list's own scroll-to-bottom has run).
      if (root) requestAnimationFrame(() => !cancelled && reveal(root.seq));
    });
    return () => {
      cancelled = true;
    };
    // Only a new link (or the history becoming ready) jumps; the callbacks change identity often.
  }, [channelId, loaded, seq]);

  return linked;
}
