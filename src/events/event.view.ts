/**
 * Events as the API shows them: part of the contract the client imports (src/contract). Pure
 * (no entity, no Nest): the client's type check reads this file. Dates are ISO strings.
 */
import type { EventKind } from './event-rules';

export interface OrganisationRef {
  id: string;
  name: string;
  shortName: string;
  kind: string;
}

export interface PersonRef {
  id: string;
  displayName: string;
  organisation: OrganisationRef | null;
}

export interface EventSummary {
  id: string;
  kind: EventKind;
  title: string;
  startsAt: string;
  endsAt: string | null;
  place: string | null;
  online: boolean;
  groupId: string | null;
  parentId: string | null;
}

export interface EventView extends EventSummary {
  description: string;
  children: EventSummary[];
  invitedOrganisations: OrganisationRef[];
  counts: { registered: number; attended: number; organisationsPresent: number };
  me: { registered: boolean; attended: boolean; canManage: boolean };
}

export interface EventPersonRow {
  user: PersonRef;
  at: string;
}

/** What `eventSummary` reads: an `AgendaEvent` row (typed here so this file stays entity-free). */
export type EventRow = Omit<EventSummary, 'startsAt' | 'endsAt'> & { startsAt: Date; endsAt: Date | null };

/**
 * `parentSeen`: whether the caller may see the event's parent (a Cluster Day may belong to a
 * private group): an embedded reference passes the same rule as the event it names, so an
 * unseen parent is not named at all (null).
 */
export const eventSummary = (e: EventRow, parentSeen: boolean): EventSummary => ({
  id: e.id,
  kind: e.kind,
  title: e.title,
  startsAt: e.startsAt.toISOString(),
  endsAt: e.endsAt?.toISOString() ?? null,
  place: e.place,
  online: e.online,
  groupId: e.groupId,
  parentId: parentSeen ? e.parentId : null,
});
