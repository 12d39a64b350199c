import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from '../auth/password';
import { CacheBus } from '../cache/cache-bus';
import { Channel } from '../channels/channel.entity';
import { DocumentWriter } from '../documents/document-writer';
import { AppConfig } from '../config/config';
import { GroupsService } from '../groups/groups.service';
import { Membership } from '../groups/membership.entity';
import { Organisation } from '../organisations/organisation.entity';
import { requireEmail, UsersService } from '../users/users.service';
import { User } from '../users/user.entity';
import {
  AGENCY,
  ASSOCIATION_PEOPLE,
  CLUSTER_ASSOCIATIONS,
  DEMO_PASSWORD,
  GROUPS,
  STAFF,
  UNIVERSITY,
} from './data/world';
import { seedEvaluation } from './evaluation';
import { seedKnowledge } from './knowledge';

export interface DemoLogin {
  email: string;
  role: string;
}

/** Start-up data: the bootstrap admin, then (when enabled) the demo world. Both idempotent. */
@Injectable()
export class SeedService {
  private readonly logger = new Logger('seed');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly groups: GroupsService,
    private readonly documents: DocumentWriter,
    private readonly cache: CacheBus,
  ) {}

  async run(): Promise<DemoLogin[] | null> {
    await this.bootstrapAdmin();
    return this.config.seedDemo ? this.seedDemo() : null;
  }

  private async bootstrapAdmin(): Promise<void> {
    const admin = this.config.admin;
    if (!admin) return;
    const email = requireEmail(admin.email, 'ADMIN_EMAIL');
    if (await this.dataSource.manager.existsBy(User, { email })) return;
    await this.users.insert(this.dataSource.manager, {
      email,
      password: admin.password,
      displayName: 'Administrator',
      role: 'admin',
    });
    this.logger.log(`created admin ${email} from ADMIN_EMAIL`);
  }

  /** Seeds once: skipped when the demo groups already exist. */
  private async seedDemo(): Promise<DemoLogin[]> {
    const logins: DemoLogin[] = [
      { email: 'admin@agency.demo', role: 'admin' },
      ...GROUPS.map((g) => ({ email: g.facilitator, role: `facilitator of ${g.name}` })),
      { email: ASSOCIATION_PEOPLE[0].email, role: 'member (Energy association)' },
      { email: 'nerea@agency.demo', role: 'observer (liaison officer)' },
    ];
    if (await this.dataSource.manager.existsBy(Organisation, { name: AGENCY.name })) {
      // A demo database from before the evaluation loop gets its events and surveys now.
      if (await this.dataSource.transaction((manager) => seedEvaluation(manager))) {
        this.logger.log('demo evaluation data seeded');
      }
      return logins;
    }
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await this.dataSource.transaction(async (manager) => {
      const orgIds = await this.insertOrganisations(manager);
      const userIds = new Map<string, string>();
      for (const person of [...STAFF, ...ASSOCIATION_PEOPLE]) {
        const user = await manager.save(
          manager.create(User, {
            email: requireEmail(person.email),
            displayName: person.displayName,
            organisationId: orgIds.get(person.organisation)!,
            locale: person.locale,
            role: person.role,
            active: true,
            passwordHash,
          }),
        );
        userIds.set(person.email, user.id);
      }
      const groupIds = new Map<string, string>();
      for (const demo of GROUPS) {
        const { slug, name, description, visibility } = demo;
        const group = await this.groups.insert(manager, { slug, name, description, visibility });
        groupIds.set(slug, group.id);
        const members: Array<[string, Membership['role']]> = [
          [demo.facilitator, 'facilitator'],
          ...demo.associations.map((key): [string, Membership['role']] => [
            ASSOCIATION_PEOPLE.find((p) => p.organisation === key)!.email,
            'member',
          ]),
          ...demo.extraMembers.map((email): [string, Membership['role']] => [email, 'member']),
          ...demo.observers.map((email): [string, Membership['role']] => [email, 'observer']),
        ];
        await manager.insert(
          Membership,
          members.map(([email, role]) => ({ groupId: group.id, userId: userIds.get(email)!, role })),
        );
        for (const channel of demo.extraChannels) {
          await manager.insert(Channel, { groupId: group.id, ...channel, createdById: userIds.get(demo.facilitator)! });
        }
      }
      await seedKnowledge(manager, this.documents, { groups: groupIds, users: userIds, organisations: orgIds });
      await seedEvaluation(manager);
    });
    // Groups and memberships written in bulk: other processes on this database start afresh.
    await this.cache.publish([{ kind: 'all' }]);
    this.logger.log('demo data seeded');
    return logins;
  }

  private async insertOrganisations(manager: EntityManager): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    for (const { key, ...fields } of [AGENCY, UNIVERSITY, ...CLUSTER_ASSOCIATIONS]) {
      const saved = await manager.save(manager.create(Organisation, fields));
      ids.set(key, saved.id);
    }
    return ids;
  }
}
