import type { ActionItemView, Json } from '@contract';

/** Who owns an action item, as a name to show: the person, or the organisation's short name. */
export const ownerName = (a: Json<ActionItemView>): string =>
  a.owner.type === 'user' ? a.owner.displayName : a.owner.shortName;
