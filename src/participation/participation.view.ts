/** Participation figures, as the API returns them (and the client draws them). */
export interface GroupParticipation {
  groupId: string;
  slug: string;
  name: string;
  /** All cluster associations on the platform (the denominator: "12 of 17"). */
  associations: number;
  /** Associations with at least one active member or facilitator in the group. */
  takingPart: number;
  /** Associations with at least one message, document or meeting attendance in the period. */
  contributing: number;
}

export interface OrganisationParticipation {
  organisationId: string;
  name: string;
  shortName: string;
  kind: string;
  sector: string | null;
  groupId: string;
  groupName: string;
  members: number;
  messages: number;
  documents: number;
  attendance: number;
  lastActivityAt: string | null;
  takesPart: boolean;
  contributed: boolean;
}

export interface EventParticipation {
  eventId: string;
  title: string;
  kind: string;
  startsAt: string;
  groupId: string | null;
  parentId: string | null;
  organisationsInvited: number;
  organisationsPresent: number;
  /** Present organisations that were invited: "17 of 17". */
  organisationsPresentInvited: number;
  peoplePresent: number;
}

export interface Participation {
  period: { from: string; to: string };
  associations: number;
  groups: GroupParticipation[];
  organisations: OrganisationParticipation[];
  events: EventParticipation[];
}
