import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { WaveContext } from './survey-access';
import type { InviteeBasis } from './survey.view';

export type { InviteeBasis } from './survey.view';

export interface Invitees {
  basis: InviteeBasis;
  userIds: Set<string>;
}

@Injectable()
export class InviteesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async of(ctx: Pick<WaveContext, 'survey' | 'event'>): Promise<Invitees> {
    const ids = async (sql: string, params: unknown[]): Promise<Set<string>> =>
      new Set((await this.dataSource.query<Array<{ id: string }>>(sql, params)).map((r) => r.id));
    if (ctx.event) {
      const attendees = await ids(
        `SELECT DISTINCT a.user_id AS id FROM event_attendances a JOIN events e ON e.id = a.event_id
         WHERE e.id = $1 OR e.parent_id = $1`,
        [ctx.event.id],
      );
      if (attendees.size) return { basis: 'attendees', userIds: attendees };
      return {
        basis: 'invited_organisations',
        userIds: await ids(
          `SELECT u.id FROM users u JOIN event_invitations i ON i.organisation_id = u.organisation_id
           WHERE i.event_id = $1 AND u.active`,
          [ctx.event.id],
        ),
      };
    }
    if (ctx.survey.groupId) {
      return {
        basis: 'group_members',
        userIds: await ids(
          `SELECT u.id FROM users u JOIN memberships m ON m.user_id = u.id
           WHERE m.group_id = $1 AND m.role IN ('facilitator', 'member') AND u.active`,
          [ctx.survey.groupId],
        ),
      };
    }
    return { basis: 'everyone', userIds: await ids(`SELECT id FROM users WHERE active`, []) };
  }
}
