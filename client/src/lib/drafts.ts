/**
 * Drafts survive reloads and expired sessions: whatever is being written is kept in
 * localStorage under a key per place (a channel, a thread, a document) until it is sent or saved.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

const PREFIX = 'auzolan:draft:';

export function readDraft<T>(key: string, fallback: T): T {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    return raw === null ? fallback : (JSON.parse(raw) as T);
  } catch {
    return fallback;
  }
}

export function writeDraft<T>(key: string, value: T | null): void {
  try {
    if (value === null || value === '') localStorage.removeItem(PREFIX + key);
    else localStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // storage full or disabled: the draft lives in memory only
  }
}

/**
 * useState that is also written to localStorage under `key`: after a short pause while typing,
 * and at once when the component goes away (an expired session unmounts the page mid-sentence).
 */
export function useDraft<T>(key: string, fallback: T): [T, (v: T) => void, () => void] {
  const [initial] = useState(fallback);
  const [state, setState] = useState<{ key: string; value: T }>(() => ({ key, value: readDraft(key, initial) }));
  // A new key (another channel, another document) starts from that key's own draft.
  const value = state.key === key ? state.value : readDraft(key, initial);
  const latest = useRef({ key, value });
  latest.current = { key, value };

  const set = useCallback((v: T) => setState({ key, value: v }), [key]);

  useEffect(() => {
    const timer = setTimeout(() => writeDraft(key, value === initial ? null : value), 250);
    return () => clearTimeout(timer);
  }, [key, value, initial]);

  useEffect(
    () => () => {
      const { key: k, value: v } = latest.current;
      writeDraft(k, v === initial ? null : v);
    },
    [initial],
  );

  const clear = useCallback(() => {
    writeDraft(key, null);
    latest.current = { key, value: initial };
    setState({ key, value: initial });
  }, [key, initial]);

  return [value, set, clear];
}
