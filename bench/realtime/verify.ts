import type { MessageView } from '../../src/contract';
import { Api } from '../../test/support/http';
import { pool } from './setup';

export interface Acked {
  id: string;
  channelId: string;
  seq: number;
  clientMsgId: string;
}

export interface Verification {
  ok: boolean;
  acked: number;
  stored: number;
  channels: number;
  problems: string[];
}

const PAGE = 200;
const MAX_PAGES = 5_000; // bounded: 1,000,000 messages per channel

/**
 * Reads every channel back through the public history endpoint (GET /api/channels/:id/messages,
 * paging with afterSeq) and checks that seqs run 1..lastSeq with no gap or repeat, and that every
 * acked message is stored under the seq and clientMsgId its ack gave. `readers[c]` may read channel c.
 */
export async function verifyStored(channels: string[], readers: Api[], acked: Acked[]): Promise<Verification> {
  const problems: string[] = [];
  const stored = new Map<string, MessageView>();
  await pool(channels.length, 4, async (c) => {
    const channelId = channels[c];
    let after = 0;
    for (let page = 0; page < MAX_PAGES; page++) {
      const r = await readers[c].get<{ messages: MessageView[]; lastSeq: number; hasMore: boolean }>(
        `/api/channels/${channelId}/messages?afterSeq=${after}&limit=${PAGE}`,
      );
      if (r.status !== 200) {
        problems.push(`channel ${c}: history ${r.status}`);
        return;
      }
      for (const m of r.body.messages) {
        if (m.seq !== after + 1) {
          problems.push(`channel ${c}: seq ${m.seq} follows ${after}`);
          return;
        }
        after = m.seq;
        stored.set(m.id, m);
      }
      if (!r.body.hasMore) {
        if (after !== Number(r.body.lastSeq))
          problems.push(`channel ${c}: read up to ${after}, lastSeq ${r.body.lastSeq}`);
        return;
      }
    }
    problems.push(`channel ${c}: more than ${MAX_PAGES} pages`);
  });
  let missing = 0;
  for (const a of acked) {
    const m = stored.get(a.id);
    if (!m || m.seq !== a.seq || m.channelId !== a.channelId || m.clientMsgId !== a.clientMsgId) missing++;
  }
  if (missing) problems.push(`${missing} acked messages not stored as acked`);
  return { ok: problems.length === 0, acked: acked.length, stored: stored.size, channels: channels.length, problems };
}
