import { randomUUID } from 'node:crypto';
import { MessagesService } from '../channels/messages.service';
import { ArrivalOrder } from '../realtime/arrival-order';
import { DemoClock } from './clock';
import { actorOf, DemoWorld } from './world';

/** A message of the demo history: when (a DemoClock spec), who (email), what, and what followed. */
export interface DemoMessage {
  at: string;
  by: string;
  text: string;
  /** emoji → who reacted (emails), in the order they did. */
  react?: Record<string, string[]>;
  /** The thread under this message, in time order. */
  replies?: DemoMessage[];
}

export interface DemoChannelHistory {
  group: string;
  channel: string;
  messages: DemoMessage[];
}

export const say = (
  at: string,
  by: string,
  text: string,
  more: Omit<DemoMessage, 'at' | 'by' | 'text'> = {},
): DemoMessage => ({
  at,
  by,
  text,
  ...more,
});

/** A message as written, with the time it is given afterwards and the reactions to add then. */
export interface WrittenMessage {
  id: string;
  at: Date;
  reactions: Array<{ emoji: string; userId: string; at: Date }>;
}

interface Entry {
  channelId: string;
  message: DemoMessage;
  at: Date;
  root: Entry | null;
  wave: number;
  id?: string;
}

/** Reactions come a few minutes after the message, one after another, never in the future. */
const REACTION_GAP_MS = 4 * 60_000;

/**
 * Sends the demo history through MessagesService, as its authors would have: access checks,
 * mentions (with their notifications), markdown and the search outbox all apply. Each channel's
 * messages go in time order, so seq follows time. Sends that may go together are sent at once
 * and share a group commit: a wave ends where a reply's thread root is still in it (the root must
 * be stored before a reply to it is accepted), so the whole history takes a few transactions.
 */
export async function seedConversations(
  messages: MessagesService,
  world: DemoWorld,
  clock: DemoClock,
  histories: DemoChannelHistory[],
): Promise<WrittenMessage[]> {
  const entries = histories.flatMap((h) => plan(h, world, clock));
  const waves = Math.max(0, ...entries.map((e) => e.wave + 1));
  for (let wave = 0; wave < waves; wave++) {
    const line = new ArrivalOrder();
    const batch = entries.filter((e) => e.wave === wave).sort((a, b) => a.at.getTime() - b.at.getTime());
    await Promise.all(
      batch.map(async (e) => {
        const turn = line.take(); // taken in time order: the sends join the queue in that order
        const sent = await messages.send(
          actorOf(world, e.message.by),
          { channelId: e.channelId, body: e.message.text, parentId: e.root?.id ?? null, clientMsgId: randomUUID() },
          turn,
        );
        e.id = sent.message.id;
      }),
    );
  }
  return entries.map((e) => ({
    id: e.id!,
    at: e.at,
    reactions: Object.entries(e.message.react ?? {}).flatMap(([emoji, emails]) =>
      emails.map((email, k) => ({
        emoji,
        userId: actorOf(world, email).id,
        at: new Date(Math.min(e.at.getTime() + (k + 1) * REACTION_GAP_MS, clock.now.getTime() - 1000)),
      })),
    ),
  }));
}

/** One channel's messages in time order, each with the wave it can be sent in. */
function plan(history: DemoChannelHistory, world: DemoWorld, clock: DemoClock): Entry[] {
  const channelId = world.channels.get(`${history.group}/${history.channel}`);
  if (!channelId) throw new Error(`demo: no channel #${history.channel} in ${history.group}`);
  const entries: Entry[] = [];
  for (const message of history.messages) {
    const root: Entry = { channelId, message, at: clock.at(message.at), root: null, wave: 0 };
    entries.push(root);
    for (const reply of message.replies ?? []) {
      const entry: Entry = { channelId, message: reply, at: clock.at(reply.at), root, wave: 0 };
      if (entry.at <= root.at) throw new Error(`demo: a reply (${reply.at}) before its root (${message.at})`);
      entries.push(entry);
    }
  }
  entries.sort((a, b) => a.at.getTime() - b.at.getTime());
  let wave = 0;
  for (const e of entries) {
    if (e.root && e.root.wave === wave) wave++;
    e.wave = wave;
  }
  return entries;
}
