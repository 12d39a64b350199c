import type { DataSource } from 'typeorm';
import type { Period } from './period';

/** One figure per organisation × group, with the latest moment behind it. */
export interface ActivityRow {
  groupId: string;
  organisationId: string;
  count: number;
  last: Date | null;
}

/** Active members and facilitators (observers do not take part) with an organisation. */
export const membersByOrganisation = (ds: DataSource): Promise<ActivityRow[]> =>
  ds.query(
    `SELECT m.group_id AS "groupId", u.organisation_id AS "organisationId", count(*)::int AS "count", NULL AS "last"
     FROM memberships m JOIN users u ON u.id = m.user_id
     WHERE m.role IN ('facilitator', 'member') AND u.active AND u.organisation_id IS NOT NULL
     GROUP BY 1, 2`,
  );

/** Documents (any kind, not deleted) that the organisation's people created or edited in the period. */
export const documentsByOrganisation = (ds: DataSource, p: Period): Promise<ActivityRow[]> =>
  ds.query(
    `SELECT d.group_id AS "groupId", u.organisation_id AS "organisationId",
            count(DISTINCT d.id)::int AS "count", max(r.created_at) AS "last"
     FROM document_revisions r
     JOIN documents d ON d.id = r.document_id
     JOIN users u ON u.id = r.author_id
     WHERE d.deleted_at IS NULL AND r.created_at >= $1 AND r.created_at < $2 AND u.organisation_id IS NOT NULL
     GROUP BY 1, 2`,
    [p.start, p.end],
  );

/**
 * Meetings attended in the period: published meeting summaries listing the organisation
 * (a person of it, or the organisation itself) and events of the group it attended.
 */
export const attendanceByOrganisation = (ds: DataSource, p: Period): Promise<ActivityRow[]> =>
  ds.query(
    `SELECT "groupId", "organisationId", count(DISTINCT meeting)::int AS "count", max(day) AS "last" FROM (
       SELECT d.group_id AS "groupId", a.organisation_id AS "organisationId", 'summary:' || d.id AS meeting,
              (COALESCE(d.meeting_date, d.published_in_group_at::date)::timestamp AT TIME ZONE 'UTC') AS day
       FROM meeting_attendees a JOIN documents d ON d.id = a.document_id
       WHERE d.kind = 'meeting_summary' AND d.status = 'published' AND d.deleted_at IS NULL
         AND a.organisation_id IS NOT NULL
         AND COALESCE(d.meeting_date, d.published_in_group_at::date) >= $3::date
         AND COALESCE(d.meeting_date, d.published_in_group_at::date) < $4::date
       UNION ALL
       SELECT e.group_id, ea.organisation_id, 'event:' || e.id, e.starts_at
       FROM event_attendances ea JOIN events e ON e.id = ea.event_id
       WHERE e.group_id IS NOT NULL AND ea.organisation_id IS NOT NULL AND e.starts_at >= $1 AND e.starts_at < $2
     ) x GROUP BY 1, 2`,
    [p.start, p.end, p.from, p.end.toISOString().slice(0, 10)],
  );

export interface EventRow {
  id: string;
  title: string;
  kind: string;
  starts_at: Date;
  group_id: string | null;
  parent_id: string | null;
  /** The parent's group: a Cluster Day may belong to a group the reader is not in. */
  parent_group_id: string | null;
  invited: number;
  present: number;
  present_invited: number;
  people: number;
}

/** Events in the period: organisations invited, present, and present among the invited. */
export function eventParticipation(ds: DataSource, p: Period, groupIds: string[] | null): Promise<EventRow[]> {
  // Facilitators see their groups' events; placeholders rather than an array parameter, which
  // both drivers (pg and PGlite) take the same way.
  const only =
    groupIds === null ? '' : `AND e.group_id IN (${groupIds.map((_, i) => `$${i + 3}`).join(', ') || 'NULL'})`;
  return ds.query(
    `SELECT e.id, e.title, e.kind, e.starts_at, e.group_id, e.parent_id, p.group_id AS parent_group_id,
       (SELECT count(*)::int FROM event_invitations i WHERE i.event_id = e.id) AS invited,
       (SELECT count(DISTINCT a.organisation_id)::int FROM event_attendances a WHERE a.event_id = e.id) AS present,
       (SELECT count(DISTINCT a.organisation_id)::int FROM event_attendances a
          JOIN event_invitations i ON i.event_id = a.event_id AND i.organisation_id = a.organisation_id
          WHERE a.event_id = e.id) AS present_invited,
       (SELECT count(*)::int FROM event_attendances a WHERE a.event_id = e.id) AS people
     FROM events e LEFT JOIN events p ON p.id = e.parent_id
     WHERE e.starts_at >= $1 AND e.starts_at < $2 ${only}
     ORDER BY e.starts_at, e.title`,
    [p.start, p.end, ...(groupIds ?? [])],
  );
}
