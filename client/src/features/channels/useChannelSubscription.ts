import { useEffect } from 'react';
import { useRealtime } from '../../realtime/RealtimeProvider';

/**
 * Joins the channel's room while the view shows it, once its history is loaded (the join's
 * `afterSeq` is the last seq held, so the ack carries only what was missed). The active channel
 * is the one whose new messages do not raise an unread count.
 */
export function useChannelSubscription(channelId: string, loaded: boolean): void {
  const rt = useRealtime();

  useEffect(() => {
    if (!loaded) return;
    return rt.join(channelId);
  }, [rt, channelId, loaded]);

  useEffect(() => {
    rt.setActiveChannel(channelId);
    return () => rt.setActiveChannel(null);
  }, [rt, channelId]);
}
