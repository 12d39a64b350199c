import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import { Actor } from '../auth/actor';
import { conflict, notFound } from '../common/errors';
import { AppConfig } from '../config/config';
import { AuzolanDataSource } from '../database/data-source';
import { databaseMode } from '../database/mode';
import { DomainEvents } from '../domain-events/domain-events';
import { insertOutboxSql, NOTIFY_OUTBOX_SQL, outboxRows } from '../search/outbox';
import { Mentions } from './mentions';
import type { MessageView } from './message.view';
import { searchDocument, toViews } from './message.mapper';
import { Message } from './message.entity';

/** A send that passed validation and the access check, waiting for its group commit. */
export interface PendingSend {
  actor: Actor;
  channelId: string;
  groupId: string;
  clientMsgId: string;
  body: string;
  html: string;
  parentId: string | null;
  /** Members mentioned in the body (found before queueing). */
  mentioned: string[];
}

export type SendOutcome =
  /** Committed now; `root` is the thread root's view after its reply count went up. */
  | { kind: 'created'; message: Message; root: MessageView | null }
  /** This author already used this clientMsgId: the caller decides whether it is a faithful resend. */
  | { kind: 'existing'; message: Message };

/** What the transaction produces, before thread roots are turned into views. */
type Written = Exclude<SendOutcome, { kind: 'created' }> | { kind: 'created'; message: Message; root: Message | null };

interface Waiter {
  send: PendingSend;
  resolve: (outcome: SendOutcome) => void;
  reject: (error: unknown) => void;
}

interface LockedChannel {
  id: string;
  name: string;
  archived: boolean;
  /** bigint, as text */
  lastSeq: string;
}

interface Locked {
  /** The transaction's start time: every message of the batch is created at it. */
  now: Date;
  channels: Map<string, LockedChannel>;
  /** Sends already stored, by author and clientMsgId. */
  stored: Map<string, Message>;
}

/**
 * Upper bounds of one commit; what arrives meanwhile waits for the next. Larger batches spread
 * a commit's fixed cost wider (G2 on Postgres: about 4,800/s at 256, 5,600/s at 1,024); the
 * text bound keeps one statement's parameters to a few megabytes however long the messages.
 */
export const MAX_BATCH = 1024;
const MAX_BATCH_BODY_CHARS = 1_000_000;
const CLIENT_MSG_KEY = 'messages_author_client_msg_id_key';
const ATTEMPTS = 3;
const PARALLEL_COMMITS = 2;

const keyOf = (s: PendingSend): string => `${s.actor.id} ${s.clientMsgId}`;

const isUniqueViolation = (e: unknown, constraint: string): boolean => {
  const driverError = (e as { driverError?: { code?: string; constraint?: string } }).driverError;
  return driverError?.code === '23505' && driverError.constraint === constraint;
};

/**
 * Group commit for new messages. Sends that arrive while a commit is running are written
 * together by the next one: one transaction, one seq increment per channel, one multi-row
 * insert and one outbox insert, however many messages. A lone send still commits at once
 * (no timer), so latency stays one transaction when the server is quiet.
 *
 * Guarantees (proved by test/channels*.test.ts): seqs are gapless per channel and handed out
 * in arrival order; the ack comes only after commit; a clientMsgId is stored once per author.
 */
@Injectable()
export class SendQueue {
  private readonly logger = new Logger('send-queue');
  private waiting: Waiter[] = [];
  private scheduled = false;
  private running = 0;
  /** A batch has started but does not hold its locks yet. */
  private starting = false;
  /**
   * Commits in flight at once. With a server, a second batch can take its locks and write
   * while the first waits for its commit to reach disk (batches on the same channel still queue
   * on the channel lock, so seqs stay in order). PGlite has one session: one at a time.
   */
  private readonly parallel: number;

  constructor(
    @InjectDataSource() private readonly dataSource: AuzolanDataSource,
    private readonly mentions: Mentions,
    private readonly events: DomainEvents,
    config: AppConfig,
  ) {
    this.parallel =
      databaseMode(config) === 'embedded' ? 1 : Math.max(1, Math.min(PARALLEL_COMMITS, config.databasePoolSize - 1));
  }

  commit(send: PendingSend): Promise<SendOutcome> {
    return new Promise<SendOutcome>((resolve, reject) => {
      this.waiting.push({ send, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // setImmediate, not a microtask: sends read in the same poll of the sockets join this batch.
        setImmediate(() => {
          this.scheduled = false;
          this.pump();
        });
      }
    });
  }

  /**
   * Starts the next batch once the one before holds its channel locks (or is done): a later
   * batch into the same channel then queues behind it, so one person's quick successive sends
   * keep their order in seq.
   */
  private pump(): void {
    if (this.starting || this.running >= this.parallel || this.waiting.length === 0) return;
    let size = 0;
    for (let chars = 0; size < Math.min(MAX_BATCH, this.waiting.length); size++) {
      chars += this.waiting[size].send.body.length;
      if (chars > MAX_BATCH_BODY_CHARS && size > 0) break;
    }
    const batch = this.waiting.splice(0, size);
    this.running++;
    this.starting = true;
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      this.starting = false;
      this.pump();
    };
    void this.flush(batch, release).finally(() => {
      this.running--;
      release();
      this.pump();
    });
  }

  private async flush(batch: Waiter[], locked: () => void = () => undefined): Promise<void> {
    let written: Array<Written | Error>;
    for (let attempt = 1; ; attempt++) {
      try {
        written = await this.events.transaction((manager) => this.write(manager, batch, locked));
        break;
      } catch (e) {
        // A resend's original was committed after our check read its snapshot (by a batch we
        // waited for, or another process); rolled back, the retry finds it as existing.
        if (isUniqueViolation(e, CLIENT_MSG_KEY) && attempt < ATTEMPTS) continue;
        if (batch.length > 1) {
          // Nothing was committed: retry one by one so only the send that fails is refused.
          this.logger.warn({ err: e instanceof Error ? e.message : String(e), size: batch.length }, 'batch failed');
          for (const w of batch) await this.flush([w]);
          return;
        }
        batch[0].reject(e);
        return;
      }
    }
    // Committed. Thread roots become views once for the batch, and every waiter is settled in
    // batch order with the same number of awaits after this point, so broadcasts leave in seq order.
    let roots: Map<string, MessageView>;
    try {
      roots = await this.rootViews(written);
    } catch (e) {
      // The messages are stored; a sender that sees this error resends and gets its original.
      for (const w of batch) w.reject(e);
      return;
    }
    batch.forEach((w, i) => {
      const o = written[i];
      if (o instanceof Error) w.reject(o);
      else if (o.kind === 'existing') w.resolve(o);
      else w.resolve({ ...o, root: o.root ? roots.get(o.root.id)! : null });
    });
  }

  private async rootViews(written: Array<Written | Error>): Promise<Map<string, MessageView>> {
    const roots = new Map<string, Message>();
    for (const o of written) if (!(o instanceof Error) && o.kind === 'created' && o.root) roots.set(o.root.id, o.root);
    if (roots.size === 0) return new Map();
    return new Map((await toViews(this.dataSource.manager, [...roots.values()])).map((v) => [v.id, v]));
  }

  /** Writes one batch inside its transaction; returns each send's outcome, or the error that refuses it. */
  private async write(manager: EntityManager, batch: Waiter[], locked: () => void): Promise<Array<Written | Error>> {
    const sends = batch.map((w) => w.send);
    const { now, channels, stored } = await this.lockChannels(manager, sends);
    locked();

    const outcomes: Array<Written | Error | null> = sends.map(() => null);
    const fresh: number[] = [];
    const firstOf = new Map<string, number>();
    sends.forEach((s, i) => {
      const original = stored.get(keyOf(s));
      const channel = channels.get(s.channelId);
      if (original) outcomes[i] = { kind: 'existing', message: original };
      else if (!channel) outcomes[i] = notFound('Channel');
      else if (channel.archived) outcomes[i] = conflict(`#${channel.name} is archived; it takes no new messages`);
      else if (!firstOf.has(keyOf(s))) {
        firstOf.set(keyOf(s), i);
        fresh.push(i);
      }
    });

    const messages = await this.insert(
      manager,
      fresh.map((i) => sends[i]),
      channels,
      now,
    );
    const roots = await this.bumpThreads(manager, messages);
    for (const [k, i] of fresh.entries()) {
      const s = sends[i];
      const message = messages[k];
      const place = { id: s.channelId, groupId: s.groupId, name: channels.get(s.channelId)!.name };
      await this.mentions.record(manager, s.actor, place, message, s.mentioned);
      outcomes[i] = { kind: 'created', message, root: message.parentId ? roots.get(message.parentId)! : null };
    }
    // The same clientMsgId twice in one batch (a quick resend): the later one gets the first's message.
    return outcomes.map((o, i) => {
      if (o) return o;
      const first = outcomes[firstOf.get(keyOf(sends[i]))!] as Written;
      return { kind: 'existing', message: first.message };
    });
  }

  /**
   * Locks the batch's channels in id order (so batches in other processes cannot deadlock with
   * this one) and, in the same round trip, finds sends already stored (resends) and the
   * transaction's `now()`, which is what the messages' `created_at` default would be. The resend
   * check reads the statement's snapshot: a resend committed by a batch we waited for is missed
   * here, hits the unique key on insert, and the batch is retried (see flush), finding it then.
   */
  private async lockChannels(manager: EntityManager, sends: PendingSend[]): Promise<Locked> {
    const [row] = await manager.query<Array<{ now: Date; channels: LockedChannel[]; stored: string[] }>>(
      `WITH locked AS (
         SELECT id, name, archived_at IS NOT NULL AS archived, last_seq FROM channels
          WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE)
       SELECT now() AS now,
              COALESCE((SELECT json_agg(json_build_object('id', id, 'name', name, 'archived', archived,
                                                          'lastSeq', last_seq::text)) FROM locked), '[]') AS channels,
              COALESCE((SELECT json_agg(m.id) FROM messages m
                         WHERE (m.author_id, m.client_msg_id) IN
                               (SELECT * FROM unnest($2::uuid[], $3::uuid[]))), '[]') AS stored`,
      [
        [...new Set(sends.map((s) => s.channelId))].sort(),
        sends.map((s) => s.actor.id),
        sends.map((s) => s.clientMsgId),
      ],
    );
    // Resends are rare: only then are the originals read whole.
    const originals = row.stored.length ? await manager.findBy(Message, { id: In(row.stored) }) : [];
    return {
      now: new Date(row.now),
      channels: new Map(row.channels.map((c) => [c.id, c])),
      stored: new Map(originals.map((m) => [`${m.authorId} ${m.clientMsgId}`, m])),
    };
  }

  /**
   * One statement for the whole batch: each channel's last_seq moves once, every message is
   * inserted, and so is its search outbox row, with the outbox worker's wake-up.
   */
  private async insert(
    manager: EntityManager,
    sends: PendingSend[],
    channels: Map<string, LockedChannel>,
    now: Date,
  ): Promise<Message[]> {
    if (sends.length === 0) return [];
    // The channels are locked: their last_seq is current, and seqs are handed out in batch order.
    const last = new Map<string, number>();
    const messages = sends.map((s) => {
      const seq = (last.get(s.channelId) ?? Number(channels.get(s.channelId)!.lastSeq)) + 1;
      last.set(s.channelId, seq);
      return manager.create(Message, {
        id: randomUUID(),
        channelId: s.channelId,
        groupId: s.groupId,
        seq: String(seq),
        authorId: s.actor.id,
        clientMsgId: s.clientMsgId,
        body: s.body,
        html: s.html,
        parentId: s.parentId,
        replyCount: 0,
        lastReplyAt: null,
        version: 1,
        editedAt: null,
        deletedAt: null,
        deletedById: null,
        pinnedAt: null,
        pinnedById: null,
        createdAt: now,
      });
    });
    const outbox = outboxRows(
      messages.map((m, k) => ({
        op: 'upsert' as const,
        version: 1,
        document: searchDocument(m, channels.get(m.channelId)!.name, sends[k].actor.organisationId),
      })),
    );
    const column = <K extends keyof Message>(k: K) => messages.map((m) => m[k]);
    await manager.query(
      `WITH bumped AS (
         UPDATE channels c SET last_seq = v.last_seq
           FROM unnest($1::uuid[], $2::bigint[]) AS v(id, last_seq) WHERE c.id = v.id),
       inserted AS (
         INSERT INTO messages (id, channel_id, group_id, seq, author_id, client_msg_id, body, html, parent_id)
         SELECT * FROM unnest($3::uuid[], $4::uuid[], $5::uuid[], $6::bigint[], $7::uuid[], $8::uuid[],
                              $9::text[], $10::text[], $11::uuid[])),
       outbox AS (${insertOutboxSql('$12')})
       SELECT ${NOTIFY_OUTBOX_SQL}`,
      [
        [...last.keys()],
        [...last.values()],
        column('id'),
        column('channelId'),
        column('groupId'),
        column('seq'),
        column('authorId'),
        column('clientMsgId'),
        column('body'),
        column('html'),
        column('parentId'),
        outbox,
      ],
    );
    return messages;
  }

  /** Replies raise their root's reply count; returns the roots as they are after the batch. */
  private async bumpThreads(manager: EntityManager, messages: Message[]): Promise<Map<string, Message>> {
    const replies = messages.filter((m) => m.parentId);
    if (replies.length === 0) return new Map();
    for (const m of replies) {
      await manager.query('UPDATE messages SET reply_count = reply_count + 1, last_reply_at = $2 WHERE id = $1', [
        m.parentId,
        m.createdAt,
      ]);
    }
    const roots = await manager.findBy(Message, { id: In([...new Set(replies.map((m) => m.parentId!))]) });
    return new Map(roots.map((r) => [r.id, r]));
  }
}
