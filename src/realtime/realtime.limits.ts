/** Socket limits, named so docs/REALTIME.md and the tests refer to the same numbers. */
export const REALTIME_LIMITS = {
  /** Largest socket.io packet the transport accepts at all; bigger ones close the connection. */
  maxPacketBytes: 1_000_000,
  /** Largest event payload answered normally; bigger ones get a `payload_too_large` ack. */
  maxEventBytes: 64 * 1024,
  /** Per socket: a burst of this many events, refilled at `socketPerSecond`. */
  socketBurst: 60,
  socketPerSecond: 30,
  /** Per user across all sockets and processes (shared through Redis when configured). */
  userPerWindow: 300,
  userWindowMs: 10_000,
  /** A socket's session is re-validated on its next event once this much time has passed. */
  sessionRecheckMs: 5_000,
  /** Presence entries expire unless their process refreshes them (every third of this). */
  presenceTtlMs: 45_000,
  /** Presence broadcasts for one group are coalesced over this delay. */
  presenceDebounceMs: 100,
  /** `typing` is relayed at most once per this interval per socket and channel. */
  typingIntervalMs: 2_000,
  /** `channel:join` returns at most this many missed messages. */
  joinMissedMax: 500,
} as const;
