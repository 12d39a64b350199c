import type { MessageView } from '@contract';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/** The open thread is in the URL (`?thread=<root id>`), so a link or a reload opens it again. */
export function useThreadParam() {
  const [params, setParams] = useSearchParams();
  const openThread = useCallback(
    (m: Pick<MessageView, 'id'>) =>
      setParams((p) => {
        p.set('thread', m.id);
        return p;
      }),
    [setParams],
  );
  const closeThread = () =>
    setParams((p) => {
      p.delete('thread');
      return p;
    });
  return { threadId: params.get('thread'), openThread, closeThread };
}
