import { randomUUID } from 'node:crypto';
import { io, Socket } from 'socket.io-client';
import type { ClientToServerEvents, MessageView, ServerToClientEvents } from '../../src/contract';
import { Latency } from '../lib/stats';
import { CONFIG } from './config';
import { LoadGenLoad, sleep, watchLoadGen } from './monitor';

/**
 * The load generator: one socket.io client per seat, each joined to its channel, speaking the
 * public protocol (docs/REALTIME.md). The same code drives the app and the bare baseline, which
 * answers the same events. Latency runs from a message's *intended* send time (carried in its
 * body) to its arrival at each other member of the room, so a late generator cannot hide a
 * slow server (no coordinated omission); its own CPU and event-loop delay are reported beside.
 */
export type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
export interface Seat {
  token: string | null;
  channelId: string;
}
export type Summary = ReturnType<Latency['summary']>;

export interface OpenLoopResult {
  rate: number;
  /** How long the server took to finish earlier work before this run; null: it was still busy. */
  backlogWaitMs: number | null;
  warmupSeconds: number;
  seconds: number;
  /** Sends scheduled; fewer are sent when the server falls too far behind (see openLoop). */
  planned: number;
  sent: number;
  acked: number;
  failed: number;
  errors: Record<string, number>;
  expected: number;
  delivered: number;
  complete: boolean;
  /** Deliveries of the messages sent after the warm-up, per measured second. */
  deliveriesPerSecond: number;
  latency: Summary;
  ack: Summary;
  /** Everything else the clients received (presence, channel:activity …), per second. */
  otherEvents: Record<string, number>;
  otherEventsPerSecond: number;
  loadGen: LoadGenLoad;
}

/** A message body: the phase tag and the intended send time, padded to the 200 bytes. */
export function messageBody(tag: string, at: number): string {
  const head = `bench|${tag}|${at.toFixed(3)}|`;
  return head + 'x'.repeat(Math.max(0, CONFIG.bodyBytes - head.length));
}

interface Phase {
  prefix: string;
  measureFrom: number;
  delivered: number;
  measured: number;
  latency: Latency;
}

export class Fleet {
  readonly sockets: Client[] = [];
  private readonly opened: Client[] = [];
  private readonly roomSize = new Map<string, number>();
  private readonly events = new Map<string, number>();
  private phase: Phase | null = null;
  private phases = 0;
  /** Sends not answered yet, across phases: a phase starts only once the last one's are answered. */
  private inFlight = 0;
  private lastEventAt = 0;

  private constructor(
    readonly url: string,
    readonly seats: Seat[],
    /** The server's process, for its CPU figure (null when unknown). */
    readonly serverPid: number | null,
  ) {
    for (const s of seats) this.roomSize.set(s.channelId, (this.roomSize.get(s.channelId) ?? 0) + 1);
  }

  /** Connects and joins every seat, `concurrency` at a time; closes what it opened on failure. */
  static async open(url: string, seats: Seat[], serverPid: number | null, concurrency = 50): Promise<Fleet> {
    const fleet = new Fleet(url, seats, serverPid);
    let next = 0;
    try {
      await Promise.all(
        Array.from({ length: Math.min(concurrency, seats.length) }, async () => {
          while (next < seats.length) {
            const i = next++;
            fleet.sockets[i] = await fleet.connect(seats[i]);
          }
        }),
      );
    } catch (e) {
      fleet.close();
      throw e;
    }
    return fleet;
  }

  /** The highest open-loop rate that keeps every socket under the server's per-socket limit. */
  get maxRate(): number {
    return this.sockets.length * CONFIG.perSocketMax;
  }

  close(): void {
    for (const s of this.opened) s.disconnect();
    this.opened.length = 0;
  }

  private async connect(seat: Seat): Promise<Client> {
    const socket: Client = io(this.url, {
      auth: seat.token ? { token: seat.token } : {},
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    this.opened.push(socket);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('socket connect timed out')), CONFIG.ackTimeoutMs);
      socket.once('connect', () => (clearTimeout(timer), resolve()));
      socket.once('connect_error', (e) => (clearTimeout(timer), reject(e)));
    });
    socket.onAny((event: string) => {
      this.events.set(event, (this.events.get(event) ?? 0) + 1);
      this.lastEventAt = performance.now();
    });
    socket.on('message:new', (m) => this.delivered(m));
    const joined = await socket.timeout(CONFIG.ackTimeoutMs).emitWithAck('channel:join', { channelId: seat.channelId });
    if (!joined.ok) throw new Error(`channel:join: ${joined.error.code} ${joined.error.message}`);
    return socket;
  }

  /**
   * Waits until the server has worked off earlier phases (every send answered, then no event
   * for CONFIG.quietIdleMs), so one overloaded phase's backlog is not charged to the next.
   * Bounded: returns the wait in ms, or null when the server was still busy after CONFIG.quietMaxMs.
   */
  async quiet(): Promise<number | null> {
    const t0 = performance.now();
    while (performance.now() - t0 < CONFIG.quietMaxMs) {
      if (this.inFlight === 0 && performance.now() - this.lastEventAt > CONFIG.quietIdleMs)
        return Math.round(performance.now() - t0);
      await sleep(100);
    }
    return null;
  }

  private delivered(m: MessageView): void {
    const p = this.phase;
    if (!p || !m.body.startsWith(p.prefix)) return; // another phase's straggler, or not ours
    const at = Number(m.body.slice(p.prefix.length, m.body.indexOf('|', p.prefix.length)));
    p.delivered++;
    if (at >= p.measureFrom) {
      p.measured++;
      p.latency.recordMs(performance.now() - at);
    }
  }

  /**
   * Sends `rate` messages/s in all for warm-up + seconds, round-robin over every seat (so every
   * channel), then waits (bounded) for the acks and deliveries to land.
   */
  async openLoop(rate: number, warmupSeconds: number, seconds: number): Promise<OpenLoopResult> {
    if (rate > this.maxRate) throw new Error(`${rate} msg/s would exceed the per-socket limit (max ${this.maxRate})`);
    const backlogWaitMs = await this.quiet();
    const tag = `p${++this.phases}`;
    const interval = 1000 / rate;
    const total = Math.round(rate * (warmupSeconds + seconds));
    const start = performance.now() + 20;
    const measureFrom = start + warmupSeconds * 1000;
    const phase: Phase = { prefix: `bench|${tag}|`, measureFrom, delivered: 0, measured: 0, latency: new Latency() };
    const ack = new Latency();
    const errors: Record<string, number> = {};
    const fail = (code: string): void => void (errors[code] = (errors[code] ?? 0) + 1);
    let sent = 0;
    let acked = 0;
    let answered = 0;
    let expected = 0;
    let stopped = false;
    const eventsBefore = new Map(this.events);
    this.phase = phase;
    const load = watchLoadGen(this.serverPid);

    const send = (k: number): void => {
      const i = k % this.sockets.length;
      const { channelId } = this.seats[i];
      const at = start + k * interval;
      expected += this.roomSize.get(channelId)! - 1; // everyone in the room but the sender
      sent++;
      this.inFlight++;
      this.sockets[i]
        .timeout(CONFIG.ackTimeoutMs)
        .emit('message:send', { channelId, body: messageBody(tag, at), clientMsgId: randomUUID() }, (err, res) => {
          answered++;
          this.inFlight--;
          this.lastEventAt = performance.now();
          if (err) fail('timeout');
          else if (!res.ok) fail(res.error.code);
          else {
            acked++;
            if (at >= measureFrom) ack.recordMs(performance.now() - at);
          }
        });
    };
    await new Promise<void>((resolve) => {
      let k = 0;
      const tick = (): void => {
        const now = performance.now();
        // Past CONFIG.maxBehindSeconds of unanswered sends the server has fallen behind for good:
        // stop, so the backlog it still has to work off stays bounded.
        stopped ||= this.inFlight > Math.max(100, rate * CONFIG.maxBehindSeconds);
        while (!stopped && k < total && start + k * interval <= now) send(k++);
        if (k >= total || stopped) resolve();
        else setTimeout(tick, Math.max(1, start + k * interval - now));
      };
      setTimeout(tick, 20);
    });
    const deadline = performance.now() + CONFIG.drainMs;
    while ((phase.delivered < expected || answered < sent) && performance.now() < deadline) await sleep(20);
    const elapsed = (performance.now() - start) / 1000;
    const loadGen = load();
    this.phase = null;

    const otherEvents: Record<string, number> = {};
    for (const [event, n] of this.events) {
      const d = n - (eventsBefore.get(event) ?? 0);
      if (event !== 'message:new' && d > 0) otherEvents[event] = d;
    }
    if (answered < sent) errors.unanswered = sent - answered;
    const failed = sent - acked;
    return {
      rate,
      backlogWaitMs,
      warmupSeconds,
      seconds,
      planned: total,
      sent,
      acked,
      failed,
      errors: { ...errors },
      expected,
      delivered: phase.delivered,
      complete: sent === total && failed === 0 && phase.delivered === expected,
      deliveriesPerSecond: Math.round(phase.measured / seconds),
      latency: phase.latency.summary(),
      ack: ack.summary(),
      otherEvents,
      otherEventsPerSecond: Math.round(Object.values(otherEvents).reduce((a, b) => a + b, 0) / elapsed),
      loadGen,
    };
  }
}
