import { EntityManager } from 'typeorm';
import { Reaction } from '../channels/reaction.entity';
import { OutboxChange, writeOutbox } from '../search/outbox';
import { SearchSources } from '../search/search-sources';
import { DemoClock } from './clock';
import { WrittenMessage } from './conversations';
import { WrittenDocument } from './knowledge';

/** Rows written in the world's transaction carry its start time; these take the world's founding date. */
const FOUNDED_TABLES: Array<[table: string, updatedToo: boolean]> = [
  ['organisations', true],
  ['users', true],
  ['working_groups', true],
  ['memberships', false],
  ['channels', false],
  ['events', true],
  ['event_invitations', false],
  ['event_attendances', false],
  ['surveys', true],
  ['survey_questions', false],
  ['survey_question_versions', false],
];

export interface Timeline {
  clock: DemoClock;
  /** `now()` of the transaction that wrote the world, or null when it was written before (an upgrade). */
  worldWrittenAt: string | null;
  channelIds: string[];
  documents: WrittenDocument[];
  messages: WrittenMessage[];
}

/**
 * Gives the demo its history, in one transaction after everything was written through the
 * services at the current time: each row takes the time the demo data says it happened.
 * Seqs and versions were handed out in that same time order, so they stay consistent with it.
 * What people have read: everything before the last working day, so each demo login
 * finds a few unread messages, and the older mentions read.
 */
export async function backdate(manager: EntityManager, t: Timeline): Promise<void> {
  const founded = t.clock.founded;
  if (t.worldWrittenAt) {
    for (const [table, updatedToo] of FOUNDED_TABLES) {
      await manager.query(
        `UPDATE ${table} SET created_at = $1${updatedToo ? ', updated_at = $1' : ''} WHERE created_at = $2::timestamptz`,
        [founded, t.worldWrittenAt],
      );
    }
  }
  await manager.query('UPDATE channels SET created_at = $2 WHERE id = ANY($1::uuid[])', [t.channelIds, founded]);

  const docs = t.documents;
  if (docs.length) {
    await manager.query(
      `UPDATE documents d SET created_at = v.first, updated_at = v.last, published_in_group_at = v.first
         FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[]) AS v(id, first, last) WHERE d.id = v.id`,
      [docs.map((d) => d.id), docs.map((d) => d.times[0]), docs.map((d) => d.times[d.times.length - 1])],
    );
    const versions = docs.flatMap((d) => d.times.map((at, i) => ({ id: d.id, version: i + 1, at })));
    await manager.query(
      `UPDATE document_revisions r SET created_at = v.at
         FROM unnest($1::uuid[], $2::int[], $3::timestamptz[]) AS v(id, version, at)
        WHERE r.document_id = v.id AND r.version = v.version`,
      [versions.map((v) => v.id), versions.map((v) => v.version), versions.map((v) => v.at)],
    );
    await manager.query(
      `UPDATE action_items a SET created_at = d.created_at, updated_at = d.updated_at
         FROM documents d WHERE a.document_id = d.id AND d.id = ANY($1::uuid[])`,
      [docs.map((d) => d.id)],
    );
  }

  const messages = t.messages;
  if (messages.length === 0) return;
  const ids = messages.map((m) => m.id);
  await manager.query(
    `UPDATE messages m SET created_at = v.at FROM unnest($1::uuid[], $2::timestamptz[]) AS v(id, at) WHERE m.id = v.id`,
    [ids, messages.map((m) => m.at)],
  );
  await manager.query(
    `UPDATE messages r SET last_reply_at = x.at
       FROM (SELECT parent_id, max(created_at) AS at FROM messages WHERE id = ANY($1::uuid[]) AND parent_id IS NOT NULL
              GROUP BY parent_id) x
      WHERE r.id = x.parent_id`,
    [ids],
  );
  const reactions = messages.flatMap((m) => m.reactions.map((r) => ({ messageId: m.id, ...r })));
  if (reactions.length) {
    await manager.insert(
      Reaction,
      reactions.map((r) => ({ messageId: r.messageId, userId: r.userId, emoji: r.emoji, createdAt: r.at })),
    );
  }
  const readBefore = t.clock.at('d1 08:00');
  await manager.query(
    `UPDATE notifications n SET created_at = m.created_at,
            read_at = CASE WHEN m.created_at < $2 THEN m.created_at + interval '3 hours' END
       FROM messages m WHERE n.kind = 'mention' AND n.subject_id = m.id AND m.id = ANY($1::uuid[])`,
    [ids, readBefore],
  );
  await manager.query(
    `INSERT INTO channel_read_markers (channel_id, user_id, last_read_seq, updated_at)
     SELECT m.channel_id, mb.user_id, max(m.seq), max(m.created_at)
       FROM messages m JOIN memberships mb ON mb.group_id = m.group_id
      WHERE m.id = ANY($1::uuid[]) AND m.created_at < $2
      GROUP BY m.channel_id, mb.user_id
     ON CONFLICT (channel_id, user_id) DO UPDATE
       SET last_read_seq = GREATEST(channel_read_markers.last_read_seq, EXCLUDED.last_read_seq),
           updated_at = EXCLUDED.updated_at`,
    [ids, readBefore],
  );
}

/**
 * Search was told about each message and document when it was written, with the time of
 * writing; the features' search sources tell it again, with the times they have now.
 * Read outside any transaction (the sources use the pool), written in one.
 */
export async function reannounce(
  sources: SearchSources,
  write: (fn: (manager: EntityManager) => Promise<void>) => Promise<void>,
): Promise<void> {
  const changes: OutboxChange[] = [];
  for (const source of sources.all()) for await (const batch of source.batches(500)) changes.push(...batch);
  await write((manager) => writeOutbox(manager, changes));
}
