/**
 * One socket per signed-in tab. Events update the query cache (lib/cache-events.ts); channels
 * are joined while a view shows them and re-joined after every reconnect with `afterSeq`, the
 * last seq we hold, so the gap is filled from Postgres (lib/timeline.ts `fillGap`). Typing and
 * presence are ephemeral and live in small stores here, not in the cache.
 */
import type { Ack, ClientToServerEvents, HistoryPage, MessageView, ServerToClientEvents } from '@contract';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, ReactNode, useContext, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { io, Socket } from 'socket.io-client';
import { get, withQuery } from '../api/http';
import { keys } from '../api/keys';
import { channelsApi } from '../features/channels/urls';
import {
  addMessage,
  markChannelRead,
  onChannelActivity,
  onDocumentPublished,
  onMessageDeleted,
  onMessageNew,
  onMessageUpdated,
  onNotification,
  onReactionUpdated,
} from '../lib/cache-events';
import { Outbox } from '../lib/outbox';
import { emptyTimeline, fillGap, lastSeq, Timeline } from '../lib/timeline';

/** The socket, typed by the server's event maps (src/realtime/events.ts, through `@contract`). */
export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type ConnectionStatus = 'connecting' | 'online' | 'offline';

/** Client → server events that take an ack, and what their ack carries. */
type AckedEvent = { [E in keyof ClientToServerEvents]: AckOf<E> extends never ? never : E }[keyof ClientToServerEvents];
type AckOf<E extends keyof ClientToServerEvents> =
  NonNullable<Parameters<ClientToServerEvents[E]>[1]> extends (response: infer R) => void ? R : never;

/** A tiny observable map, read with useSyncExternalStore. */
class Store<V> {
  private map = new Map<string, V>();
  private listeners = new Set<() => void>();
  get = (key: string): V | undefined => this.map.get(key);
  set(key: string, value: V): void {
    this.map.set(key, value);
    this.listeners.forEach((l) => l());
  }
  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
}

interface Typist {
  userId: string;
  name: string;
  until: number;
}

export interface Realtime {
  socket: AppSocket;
  status: ConnectionStatus;
  outbox: Outbox<MessageView>;
  typing: Store<Typist[]>;
  presence: Store<string[]>;
  join(channelId: string): () => void;
  setActiveChannel(channelId: string | null): void;
  /** Emits and waits for the ack; no answer within 10 s is `{ok: false, error: {code: 'timeout'}}`. */
  emitAck<E extends AckedEvent>(event: E, payload: Parameters<ClientToServerEvents[E]>[0]): Promise<AckOf<E>>;
}

const RealtimeContext = createContext<Realtime | null>(null);

export function useRealtime(): Realtime {
  const rt = useContext(RealtimeContext);
  if (!rt) throw new Error('useRealtime outside <RealtimeProvider>');
  return rt;
}

export function useTyping(channelId: string): Typist[] {
  const { typing } = useRealtime();
  const list = useSyncExternalStore(typing.subscribe, () => typing.get(channelId)) ?? NONE;
  const [, tick] = useState(0);
  useEffect(() => {
    if (list.length === 0) return;
    const timer = setTimeout(() => tick((n) => n + 1), 1000);
    return () => clearTimeout(timer);
  });
  const now = Date.now();
  return list.filter((t) => t.until > now);
}

/** Who is online in a group: asked once (`presence:get`), then kept live by `presence` events. */
export function usePresence(groupId: string): string[] {
  const { presence, socket, status, emitAck } = useRealtime();
  useEffect(() => {
    if (status !== 'online' || presence.get(groupId)) return;
    void emitAck('presence:get', { groupId }).then((ack) => {
      if (ack.ok) presence.set(groupId, ack.online);
    });
  }, [groupId, status, presence, socket, emitAck]);
  return useSyncExternalStore(presence.subscribe, () => presence.get(groupId)) ?? NO_IDS;
}

const NONE: Typist[] = [];
const NO_IDS: string[] = [];
const ACK_TIMEOUT_MS = 10_000;
/** Backoff of the reconnects socket.io-client does not do itself (see `retryLater`). */
const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 30_000;

/** History after `afterSeq`: used to page through a gap larger than the join ack. */
export function fetchAfter(channelId: string, afterSeq: number) {
  return get<HistoryPage>(withQuery(channelsApi.messages(channelId), { afterSeq, limit: 200 }));
}

export function RealtimeProvider({ myId, children }: { myId: string; children: ReactNode }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<ConnectionStatus>('connecting');

  const rt = useMemo(() => {
    const socket: AppSocket = io({ path: '/socket.io', withCredentials: true, autoConnect: false });
    const joined = new Map<string, number>();
    const typing = new Store<Typist[]>();
    const presence = new Store<string[]>();
    let activeChannelId: string | null = null;

    const outbox = new Outbox<MessageView>({
      transport: (payload, timeoutMs) => socket.timeout(timeoutMs).emitWithAck('message:send', payload),
      newId: () => crypto.randomUUID(),
      timeoutMs: ACK_TIMEOUT_MS,
      autoRetries: 1,
      storage: localStorage,
      storageKey: `auzolan:outbox:${myId}`,
      onSent: (message) => addMessage(queryClient, message),
    });

    async function joinNow(channelId: string): Promise<void> {
      const key = keys.timeline(channelId);
      const current = queryClient.getQueryData<Timeline>(key);
      let ack: AckOf<'channel:join'>;
      try {
        ack = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('channel:join', {
          channelId,
          afterSeq: lastSeq(current),
        });
      } catch {
        return; // no answer: the next reconnect joins again
      }
      if (!ack.ok) return;
      const { missed } = ack;
      const base = queryClient.getQueryData<Timeline>(key);
      if (!base) return; // the view has not loaded its first page yet: it will include these
      const filled = await fillGap(
        base ?? emptyTimeline(),
        { missed, lastSeq: ack.lastSeq, hasMore: ack.hasMore },
        (after) => fetchAfter(channelId, after),
      ).catch(() => null);
      if (filled)
        queryClient.setQueryData<Timeline>(key, (tl) => (tl ? { ...filled, hasMoreBefore: tl.hasMoreBefore } : filled));
      for (const m of missed) outbox.confirm(m.clientMsgId);
    }

    socket.on('connect', () => {
      attempts = 0;
      setStatus('online');
      for (const channelId of joined.keys()) void joinNow(channelId);
      void outbox.resumeAll();
      // Counts may have moved while we were away.
      void queryClient.invalidateQueries({ queryKey: ['channels'] });
      void queryClient.invalidateQueries({ queryKey: keys.notifications });
    });
    // socket.io-client retries a lost connection by itself, but not one the server closed
    // ("io server disconnect") nor a refused handshake: a restart or a deploy does the first and
    // a server still starting may do the second. Those we retry here, with backoff, unless the
    // server said the session is over (`session:ended`, or a handshake refused as such).
    let sessionOver = false;
    let attempts = 0;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    const retryLater = () => {
      if (sessionOver || retryTimer !== undefined) return;
      const delay = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** attempts) * (0.5 + Math.random() / 2);
      attempts += 1;
      retryTimer = setTimeout(() => {
        retryTimer = undefined;
        if (!sessionOver && !socket.connected && !socket.active) socket.connect();
      }, delay);
    };
    const stopRetrying = () => {
      sessionOver = true;
      clearTimeout(retryTimer);
      retryTimer = undefined;
    };
    socket.on('session:ended', () => {
      stopRetrying();
      // Asking who we are answers 401 now, which takes this tab to the sign-in page.
      void queryClient.invalidateQueries({ queryKey: keys.me });
    });
    socket.on('disconnect', (reason) => {
      setStatus('offline');
      if (reason === 'io server disconnect') retryLater();
    });
    socket.on('connect_error', (err) => {
      setStatus('offline');
      if (socket.active) return; // a transport error: the manager is already retrying
      const code = (err as Error & { data?: { code?: string } }).data?.code;
      if (code === 'unauthenticated' || code === 'forbidden') {
        stopRetrying();
        void queryClient.invalidateQueries({ queryKey: keys.me });
      } else retryLater();
    });

    socket.on('message:new', (m) => {
      onMessageNew(queryClient, m, { myId, activeChannelId });
      outbox.confirm(m.clientMsgId);
      const list = typing.get(m.channelId);
      if (list?.some((t) => t.userId === m.authorId))
        typing.set(
          m.channelId,
          list.filter((t) => t.userId !== m.authorId),
        );
    });
    socket.on('message:updated', (p) => onMessageUpdated(queryClient, p));
    socket.on('message:deleted', (p) => onMessageDeleted(queryClient, p));
    socket.on('reaction:updated', (p) => onReactionUpdated(queryClient, p));
    socket.on('notification:new', (p) => onNotification(queryClient, p));
    socket.on('document:published', (p) => onDocumentPublished(queryClient, p));
    socket.on('typing', (p) => {
      if (p.userId === myId) return;
      const now = Date.now();
      const others = (typing.get(p.channelId) ?? []).filter((t) => t.userId !== p.userId && t.until > now);
      typing.set(p.channelId, [...others, { userId: p.userId, name: p.displayName, until: now + 5000 }]);
    });
    socket.on('presence', (p) => presence.set(p.groupId, p.online));
    socket.on('channel:activity', (p) =>
      p.channels.forEach((c) => onChannelActivity(queryClient, c, { myId, activeChannelId })),
    );
    socket.on('channel:read', (p) => markChannelRead(queryClient, null, p.channelId, p.lastReadSeq));
    socket.on('channel:created', (p) => void queryClient.invalidateQueries({ queryKey: keys.channels(p.groupId) }));
    socket.on('channel:updated', (p) => void queryClient.invalidateQueries({ queryKey: keys.channels(p.groupId) }));
    socket.on('access:revoked', (p) => {
      // Removed from a group: what we hold of it is no longer ours to show.
      void queryClient.invalidateQueries({ queryKey: keys.me });
      void queryClient.invalidateQueries({ queryKey: keys.group(p.groupId) });
      void queryClient.invalidateQueries({ queryKey: keys.channels(p.groupId) });
    });

    const realtime: Omit<Realtime, 'status'> & { open(): void; close(): void } = {
      open() {
        sessionOver = false;
        attempts = 0;
        socket.connect();
      },
      close() {
        stopRetrying();
        socket.disconnect();
      },
      socket,
      outbox,
      typing,
      presence,
      join(channelId) {
        joined.set(channelId, (joined.get(channelId) ?? 0) + 1);
        if (joined.get(channelId) === 1 && socket.connected) void joinNow(channelId);
        return () => {
          const n = (joined.get(channelId) ?? 1) - 1;
          if (n > 0) return void joined.set(channelId, n);
          joined.delete(channelId);
          if (socket.connected) socket.emit('channel:leave', { channelId }, () => undefined);
        };
      },
      setActiveChannel(channelId) {
        activeChannelId = channelId;
      },
      async emitAck<E extends AckedEvent>(event: E, payload: Parameters<ClientToServerEvents[E]>[0]) {
        try {
          // socket.io's types cannot follow a generic event name through emitWithAck's overloads;
          // the signature above is what ties the event to its payload and its ack.
          const timed = socket.timeout(ACK_TIMEOUT_MS) as unknown as {
            emitWithAck(e: E, p: Parameters<ClientToServerEvents[E]>[0]): Promise<AckOf<E>>;
          };
          return await timed.emitWithAck(event, payload);
        } catch {
          const timeout: Ack<never> = { ok: false, error: { code: 'timeout', message: 'No answer from the server' } };
          return timeout as AckOf<E>;
        }
      },
    };
    return realtime;
  }, [queryClient, myId]);

  useEffect(() => {
    rt.open();
    const goOffline = () => setStatus('offline');
    window.addEventListener('offline', goOffline);
    return () => {
      window.removeEventListener('offline', goOffline);
      rt.close();
    };
  }, [rt]);

  const value = useMemo(() => ({ ...rt, status }), [rt, status]);
  return <RealtimeContext.Provider value={value}>{children}</RealtimeContext.Provider>;
}
