import { buildCsv, CsvCell } from '../common/csv';
import type { Participation } from './participation.view';

export const PARTICIPATION_TABLES = ['groups', 'organisations', 'events'] as const;
export type ParticipationTable = (typeof PARTICIPATION_TABLES)[number];

/** Participation tables as CSV. Pure. */
export function participationCsv(p: Participation, table: ParticipationTable): string {
  switch (table) {
    case 'groups':
      return buildCsv(
        ['group', 'associations', 'taking_part', 'contributing', 'from', 'to'],
        p.groups.map((g): CsvCell[] => [
          g.name,
          g.associations,
          g.takingPart,
          g.contributing,
          p.period.from,
          p.period.to,
        ]),
      );
    case 'organisations':
      return buildCsv(
        ['organisation', 'kind', 'sector', 'group', 'members', 'messages', 'documents', 'attendance', 'last_activity'],
        p.organisations.map((o): CsvCell[] => [
          o.name,
          o.kind,
          o.sector,
          o.groupName,
          o.members,
          o.messages,
          o.documents,
          o.attendance,
          o.lastActivityAt,
        ]),
      );
    case 'events':
      return buildCsv(
        [
          'event',
          'kind',
          'starts_at',
          'organisations_invited',
          'organisations_present',
          'present_of_invited',
          'people_present',
        ],
        p.events.map((e): CsvCell[] => [
          e.title,
          e.kind,
          e.startsAt,
          e.organisationsInvited,
          e.organisationsPresent,
          e.organisationsPresentInvited,
          e.peoplePresent,
        ]),
      );
  }
}
