import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { emptyState } from '../documents/document-input';
import { DocumentState, DocumentWriter } from '../documents/document-writer';
import { Document } from '../documents/document.entity';
import { ActionItemState, DocumentKind } from '../documents/rules';
import { DemoClock } from './clock';
import { DemoWorld } from './world';

/** An action item as the demo writes it: owned by a person (email) or an association (`org:<key>`). */
export interface DemoAction {
  text: string;
  owner: string;
  /** Due so many days from today (negative: overdue unless done); null: no date. */
  due: number | null;
  done?: boolean;
}

/** What a document or one of its later versions changes; times are DemoClock specs. */
export interface DemoChange extends Partial<
  Omit<DocumentState, 'groupId' | 'status' | 'meetingDate' | 'attendees' | 'actionItems'>
> {
  /** When the meeting was (a DemoClock spec; only its date is kept). */
  meeting?: string;
  attendees?: { people: string[]; organisations: string[] };
  actions?: DemoAction[];
}

export interface DemoDocument extends DemoChange {
  kind: DocumentKind;
  title: string;
  author: string;
  at: string;
  /** Later versions, in time order: who changed what, when. */
  revisions?: Array<DemoChange & { at: string; by: string }>;
}

/** A written document and the time of each of its versions (version n at `times[n - 1]`). */
export interface WrittenDocument {
  id: string;
  times: Date[];
}

type Step = { at: Date; by: string; change: DemoChange; doc: DemoDocument; group: string; first: boolean };

/**
 * Writes the demo knowledge through DocumentWriter, inside the caller's transaction: every
 * document published in its group, then its later versions, all in time order across the
 * groups, so versions, wiki links and backlinks come out as they would have been written.
 * The times themselves are set afterwards (timeline.ts).
 */
export async function seedKnowledge(
  manager: EntityManager,
  writer: DocumentWriter,
  world: DemoWorld,
  clock: DemoClock,
  documents: Record<string, DemoDocument[]>,
): Promise<WrittenDocument[]> {
  const steps: Step[] = [];
  for (const [group, docs] of Object.entries(documents)) {
    for (const doc of docs) {
      steps.push({ at: clock.at(doc.at), by: doc.author, change: doc, doc, group, first: true });
      for (const r of doc.revisions ?? [])
        steps.push({ at: clock.at(r.at), by: r.by, change: r, doc, group, first: false });
    }
  }
  steps.sort((a, b) => a.at.getTime() - b.at.getTime());

  const written = new Map<DemoDocument, { row: Document; state: DocumentState; times: Date[] }>();
  for (const step of steps) {
    const groupId = world.groups.get(step.group)!;
    const authorId = userId(world, step.by);
    const before = written.get(step.doc);
    const base = before?.state ?? { ...emptyState(groupId, step.doc.title), status: 'published' as const };
    const state = apply(base, step.change, world, clock);
    const id = before?.row.id ?? randomUUID();
    const prepared = await writer.prepare(manager, groupId, state, id);
    const row = before
      ? await writer.save(manager, before.row, { action: 'update', actorId: authorId, state, prepared })
      : await writer.insert(manager, {
          id,
          kind: step.doc.kind,
          authorId,
          state,
          prepared,
          row: { publishedInGroupAt: step.at, publishedById: authorId },
        });
    written.set(step.doc, { row, state, times: [...(before?.times ?? []), step.at] });
  }
  return [...written.values()].map((w) => ({ id: w.row.id, times: w.times }));
}

function apply(state: DocumentState, change: DemoChange, world: DemoWorld, clock: DemoClock): DocumentState {
  const { meeting, attendees, actions, ...fields } = change;
  const next: DocumentState = { ...state };
  for (const key of FIELDS) if (fields[key] !== undefined) Object.assign(next, { [key]: fields[key] });
  if (meeting) next.meetingDate = clock.at(meeting).toISOString().slice(0, 10);
  if (attendees) {
    next.attendees = {
      users: attendees.people.map((email) => userId(world, email)),
      organisations: attendees.organisations.map((key) => world.organisations.get(key)!),
    };
  }
  if (actions) next.actionItems = actions.map((a) => actionItem(a, state.actionItems, world, clock));
  return next;
}

const FIELDS = [
  'title',
  'body',
  'tags',
  'templateFor',
  'sourceUrl',
  'publisher',
  'publishedAt',
  'relevance',
  'decisions',
  'linkUrl',
] as const satisfies ReadonlyArray<keyof DemoChange>;

/** An item keeps its id from one version to the next (matched by its text), as the editor does. */
function actionItem(a: DemoAction, before: ActionItemState[], world: DemoWorld, clock: DemoClock): ActionItemState {
  const org = a.owner.startsWith('org:') ? world.organisations.get(a.owner.slice(4)) : undefined;
  return {
    id: before.find((b) => b.description === a.text)?.id ?? randomUUID(),
    description: a.text,
    ownerUserId: org ? null : userId(world, a.owner),
    ownerOrganisationId: org ?? null,
    dueDate: a.due === null ? null : clock.date(a.due),
    status: a.done ? 'done' : 'open',
  };
}

function userId(world: DemoWorld, email: string): string {
  const user = world.users.get(email);
  if (!user) throw new Error(`demo: no person ${email}`);
  return user.id;
}
