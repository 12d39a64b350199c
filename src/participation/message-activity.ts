import type { DataSource } from 'typeorm';
import type { ActivityRow } from './participation-queries';

/**
 * Messages per organisation × group, read from the channels feature's `messages` table
 * without importing the feature: this is the one place that knows its shape.
 */
export const MESSAGE_ACTIVITY_SQL = `
  SELECT m.group_id AS "groupId", u.organisation_id AS "organisationId",
         count(*)::int AS "count", max(m.created_at) AS "last"
  FROM messages m JOIN users u ON u.id = m.author_id
  WHERE m.deleted_at IS NULL AND m.created_at >= $1 AND m.created_at < $2 AND u.organisation_id IS NOT NULL
  GROUP BY 1, 2`;

export async function messageActivity(dataSource: DataSource, start: Date, end: Date): Promise<ActivityRow[]> {
  return dataSource.query<ActivityRow[]>(MESSAGE_ACTIVITY_SQL, [start, end]);
}
