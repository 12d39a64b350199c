import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { ActivityRow } from './participation-queries';

/**
 * Messages per organisation × group, read from the realtime feature's `messages` table
 * (issue 3) without importing it: this is the one place that knows its shape
 * (`group_id`, `author_id`, `created_at`, `deleted_at`). When the table is not there yet,
 * or its shape differs, participation still answers, with `sources.messages = false`.
 */
export const MESSAGE_ACTIVITY_SQL = `
  SELECT m.group_id AS "groupId", u.organisation_id AS "organisationId",
         count(*)::int AS "count", max(m.created_at) AS "last"
  FROM messages m JOIN users u ON u.id = m.author_id
  WHERE m.deleted_at IS NULL AND m.created_at >= $1 AND m.created_at < $2 AND u.organisation_id IS NOT NULL
  GROUP BY 1, 2`;

const logger = new Logger('participation');

export async function messageActivity(
  dataSource: DataSource,
  start: Date,
  end: Date,
): Promise<{ available: boolean; rows: ActivityRow[] }> {
  const [{ present }] = await dataSource.query<Array<{ present: boolean }>>(
    `SELECT to_regclass('public.messages') IS NOT NULL AS present`,
  );
  if (!present) return { available: false, rows: [] };
  try {
    return { available: true, rows: await dataSource.query<ActivityRow[]>(MESSAGE_ACTIVITY_SQL, [start, end]) };
  } catch (e) {
    // Outside a transaction a failed read leaves nothing behind; report the figures without messages.
    logger.warn(`messages could not be read for participation: ${(e as Error).message}`);
    return { available: false, rows: [] };
  }
}
