import { useCallback, useLayoutEffect, useRef } from 'react';

/**
 * The message list's scrolling: it stays at the bottom while the person is there and is left
 * alone once they scroll up; near the top it loads older messages, keeping the reader's place.
 * The counts are what grows the list at the bottom: messages, and my messages still pending.
 */
export function useMessageListScroll(loadOlder: () => Promise<boolean>, messageCount: number, pendingCount: number) {
  const listRef = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);

  useLayoutEffect(() => {
    const el = listRef.current;
    if (el && stickToBottom.current) el.scrollTop = el.scrollHeight;
  }, [messageCount, pendingCount]);

  const loadOlderKeepingPlace = useCallback(async () => {
    const el = listRef.current;
    const before = el ? el.scrollHeight - el.scrollTop : 0;
    if (await loadOlder())
      requestAnimationFrame(() => {
        if (el) el.scrollTop = el.scrollHeight - before; // keep the reader's place
      });
  }, [loadOlder]);

  const onScroll = () => {
    const el = listRef.current;
    if (!el) return;
    stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
    if (el.scrollTop < 120) void loadOlderKeepingPlace();
  };

  return {
    listRef,
    onScroll,
    loadOlder: loadOlderKeepingPlace,
    /** After I send, the list follows my message to the bottom. */
    stickToBottom: () => {
      stickToBottom.current = true;
    },
    /** Shows one message (by seq) and focuses it; the list no longer follows new messages. */
    reveal: (seq: number) => {
      const el = document.getElementById(`msg-${seq}`);
      stickToBottom.current = false;
      el?.scrollIntoView({ block: 'center' });
      el?.focus();
    },
  };
}
