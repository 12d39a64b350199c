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

/** useState that is also written to localStorage (debounced) under `key`. */
export function useDraft<T>(key: string, fallback: T): [T, (v: T) => void, () => void] {
  const [value, setValue] = useState<T>(() => readDraft(key, fallback));
  const keyRef = useRef(key);
  useEffect(() => {
    if (keyRef.current !== key) {
      keyRef.current = key;
      setValue(readDraft(key, fallback));
    }
    // fallback is a constant per call site
  }, [key]);
  useEffect(() => {
    const timer = setTimeout(() => writeDraft(key, value === fallback ? null : value), 250);
    return () => clearTimeout(timer);
  }, [key, value, fallback]);
  const clear = useCallback(() => {
    writeDraft(key, null);
    setValue(fallback);
  }, [key, fallback]);
  return [value, setValue, clear];
}
