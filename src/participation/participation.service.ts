import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor } from '../auth/actor';
import { AppError, forbidden } from '../common/errors';
import { GroupsPolicy } from '../groups/groups.policy';
import { messageActivity } from './message-activity';
import {
  ActivityRow,
  attendanceByOrganisation,
  documentsByOrganisation,
  eventParticipation,
  membersByOrganisation,
} from './participation-queries';
import { OrganisationParticipation, Participation } from './participation.view';
import { parsePeriod } from './period';

interface OrganisationRow {
  id: string;
  name: string;
  short_name: string;
  kind: string;
  sector: string | null;
}

const key = (groupId: string, organisationId: string): string => `${groupId}/${organisationId}`;

function index(rows: ActivityRow[]): Map<string, ActivityRow> {
  return new Map(rows.map((r) => [key(r.groupId, r.organisationId), r]));
}

/**
 * Participation by organisation, computed live: for admins over every group, for
 * facilitators over the groups they facilitate.
 */
@Injectable()
export class ParticipationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: GroupsPolicy,
  ) {}

  async compute(actor: Actor, from: string | undefined, to: string | undefined): Promise<Participation> {
    const period = parsePeriod(from, to, new Date());
    if (!('start' in period)) throw new AppError('validation_failed', `${period.field}: ${period.reason}`, [period]);
    const groupIds = await this.groupScope(actor);
    const ds = this.dataSource;
    const groups = await ds.query<Array<{ id: string; slug: string; name: string }>>(
      `SELECT id, slug, name FROM working_groups ORDER BY name`,
    );
    const visible = groups.filter((g) => groupIds === null || groupIds.includes(g.id));
    const organisations = await ds.query<OrganisationRow[]>(
      `SELECT id, name, short_name, kind, sector FROM organisations ORDER BY name`,
    );
    const [members, documents, attendance, messages, events] = [
      index(await membersByOrganisation(ds)),
      index(await documentsByOrganisation(ds, period)),
      index(await attendanceByOrganisation(ds, period)),
      await messageActivity(ds, period.start, period.end),
      await eventParticipation(ds, period, groupIds),
    ];
    const messageIndex = index(messages);
    // A workshop names its Cluster Day only when the reader may see that day (the event rule).
    const readable = groupIds === null ? null : new Set(await this.policy.readableGroupIds(actor));
    const parentSeen = (e: (typeof events)[number]): boolean =>
      e.parent_group_id === null || readable === null || readable.has(e.parent_group_id);

    const rows: OrganisationParticipation[] = [];
    for (const group of visible) {
      for (const org of organisations) {
        const k = key(group.id, org.id);
        const figures = [members, messageIndex, documents, attendance].map((m) => m.get(k));
        const [mem, msg, doc, att] = figures.map((f) => f?.count ?? 0);
        // Other organisations appear only where they have something; associations always (heat map rows).
        if (org.kind !== 'cluster_association' && mem + msg + doc + att === 0) continue;
        const last = figures
          .slice(1)
          .map((f) => (f?.last ? new Date(f.last).getTime() : 0))
          .reduce((a, b) => Math.max(a, b), 0);
        rows.push({
          organisationId: org.id,
          name: org.name,
          shortName: org.short_name,
          kind: org.kind,
          sector: org.sector,
          groupId: group.id,
          groupName: group.name,
          members: mem,
          messages: msg,
          documents: doc,
          attendance: att,
          lastActivityAt: last ? new Date(last).toISOString() : null,
          takesPart: mem > 0,
          contributed: msg + doc + att > 0,
        });
      }
    }
    const associations = organisations.filter((o) => o.kind === 'cluster_association').length;
    const isAssociation = (r: OrganisationParticipation) => r.kind === 'cluster_association';
    return {
      period: { from: period.from, to: period.to },
      associations,
      groups: visible.map((g) => {
        const own = rows.filter((r) => r.groupId === g.id && isAssociation(r));
        return {
          groupId: g.id,
          slug: g.slug,
          name: g.name,
          associations,
          takingPart: own.filter((r) => r.takesPart).length,
          contributing: own.filter((r) => r.contributed).length,
        };
      }),
      organisations: rows,
      events: events.map((e) => ({
        eventId: e.id,
        title: e.title,
        kind: e.kind,
        startsAt: new Date(e.starts_at).toISOString(),
        groupId: e.group_id,
        parentId: parentSeen(e) ? e.parent_id : null,
        organisationsInvited: e.invited,
        organisationsPresent: e.present,
        organisationsPresentInvited: e.present_invited,
        peoplePresent: e.people,
      })),
    };
  }

  /** null = every group (admins); otherwise the groups the actor facilitates. */
  private async groupScope(actor: Actor): Promise<string[] | null> {
    const managed = await this.policy.managedGroupIds(actor);
    if (managed?.length === 0) throw forbidden('Only admins and facilitators read participation figures');
    return managed;
  }
}
