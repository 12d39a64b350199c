/** Event kinds and rules, pure so they can be shared by services and tests. */
export const EVENT_KINDS = ['cluster_day', 'thematic_workshop', 'group_meeting'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface EventShape {
  kind: EventKind;
  groupId: string | null;
  parentKind: EventKind | null;
  place: string | null;
  online: boolean;
  startsAt: Date;
  endsAt: Date | null;
}

/** What makes an event coherent; each problem names its field. */
export function checkEvent(e: EventShape): Array<{ field: string; reason: string }> {
  const errors: Array<{ field: string; reason: string }> = [];
  if (e.kind === 'group_meeting' && !e.groupId) {
    errors.push({ field: 'groupId', reason: 'a working-group meeting needs its group' });
  }
  if (e.parentKind !== null && e.kind !== 'thematic_workshop') {
    errors.push({ field: 'parentId', reason: 'only a thematic workshop can be part of another event' });
  }
  if (e.parentKind !== null && e.parentKind !== 'cluster_day') {
    errors.push({ field: 'parentId', reason: 'the parent must be a Cluster Day' });
  }
  if (!e.online && !e.place) errors.push({ field: 'place', reason: 'give a place, or mark the event online' });
  if (e.endsAt && e.endsAt < e.startsAt) errors.push({ field: 'endsAt', reason: 'must not be before startsAt' });
  return errors;
}
