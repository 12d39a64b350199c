import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { hashPassword } from '../auth/password';
import { CacheBus } from '../cache/cache-bus';
import { ChannelsService } from '../channels/channels.service';
import { Message } from '../channels/message.entity';
import { MessagesService } from '../channels/messages.service';
import { AppConfig } from '../config/config';
import { DocumentWriter } from '../documents/document-writer';
import { DomainEvents } from '../domain-events/domain-events';
import { GroupsService } from '../groups/groups.service';
import { WorkingGroup } from '../groups/working-group.entity';
import { Organisation } from '../organisations/organisation.entity';
import { SearchSources } from '../search/search-sources';
import { requireEmail, UsersService } from '../users/users.service';
import { User } from '../users/user.entity';
import { DemoClock } from './clock';
import { seedConversations } from './conversations';
import { EVALUATION_HISTORY, TALENT_HISTORY } from './data/chat-groups';
import { TECH_WATCH_HISTORY } from './data/chat-tech-watch';
import { EVALUATION_DOCUMENTS, TALENT_DOCUMENTS } from './data/knowledge-groups';
import { TECH_WATCH_DOCUMENTS } from './data/knowledge-tech-watch';
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
import { seedKnowledge, WrittenDocument } from './knowledge';
import { backdate, reannounce } from './timeline';
import { DemoWorld, seedChannels, seedWorld } from './world';

export interface DemoLogin {
  email: string;
  role: string;
}

const HISTORY = [...TECH_WATCH_HISTORY, ...EVALUATION_HISTORY, ...TALENT_HISTORY];

/**
 * Start-up data: the bootstrap admin, then (when enabled) the demo world with a few weeks of
 * history. Both idempotent. The demo is written through the feature services at the current
 * time, in a few transactions (one for the world, its knowledge and the evaluation loop; one
 * group commit per wave of messages), then back-dated in one more (timeline.ts).
 */
@Injectable()
export class SeedService {
  private readonly logger = new Logger('seed');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly groups: GroupsService,
    private readonly channels: ChannelsService,
    private readonly messages: MessagesService,
    private readonly documents: DocumentWriter,
    private readonly search: SearchSources,
    private readonly cache: CacheBus,
    private readonly events: DomainEvents,
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

  /** Seeds once: skipped when the demo world exists (which only gains what it lacks). */
  private async seedDemo(): Promise<DemoLogin[]> {
    const logins: DemoLogin[] = [
      { email: 'admin@agency.demo', role: 'admin' },
      ...GROUPS.map((g) => ({ email: g.facilitator, role: `facilitator of ${g.name}` })),
      { email: ASSOCIATION_PEOPLE[0].email, role: 'member (Energy association)' },
      { email: 'nerea@agency.demo', role: 'observer (liaison officer)' },
    ];
    const clock = new DemoClock(new Date());
    if (await this.dataSource.manager.existsBy(Organisation, { name: AGENCY.name })) {
      await this.upgrade(clock);
      return logins;
    }
    const started = performance.now();
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const { world, documents, writtenAt } = await this.events.transaction(async (manager) => {
      const world = await seedWorld(manager, { users: this.users, groups: this.groups }, passwordHash);
      const documents = await seedKnowledge(manager, this.documents, world, clock, {
        'tech-watch': TECH_WATCH_DOCUMENTS,
        evaluation: EVALUATION_DOCUMENTS,
        talent: TALENT_DOCUMENTS,
      });
      await seedEvaluation(manager, clock.now);
      return { world, documents, writtenAt: await transactionStart(manager) };
    });
    // Groups and memberships written in bulk: other processes on this database start afresh.
    await this.cache.publish([{ kind: 'all' }]);
    const worldMs = Math.round(performance.now() - started);
    const counts = await this.history(clock, world, documents, writtenAt);
    this.logger.log(
      { ...counts, documents: documents.length, worldMs, ms: Math.round(performance.now() - started) },
      'demo data seeded',
    );
    return logins;
  }

  /** A demo database from before the evaluation loop or the history gets them now. */
  private async upgrade(clock: DemoClock): Promise<void> {
    if (await this.events.transaction((manager) => seedEvaluation(manager, clock.now))) {
      this.logger.log('demo evaluation data seeded');
    }
    const world = await this.loadWorld();
    if (!world || (await this.dataSource.manager.existsBy(Message, { groupId: In([...world.groups.values()]) })))
      return;
    await this.history(clock, world, [], null);
    this.logger.log('demo history seeded');
  }

  private async history(
    clock: DemoClock,
    world: DemoWorld,
    documents: WrittenDocument[],
    worldWrittenAt: string | null,
  ): Promise<{ messages: number; historyMs: number; backdateMs: number }> {
    const started = performance.now();
    await seedChannels(this.channels, world);
    const messages = await seedConversations(this.messages, world, clock, HISTORY);
    const historyMs = Math.round(performance.now() - started);
    const channelIds = [...world.channels.values()];
    await this.events.transaction((manager) =>
      backdate(manager, { clock, worldWrittenAt, channelIds, documents, messages }),
    );
    await this.cache.publish([{ kind: 'all' }]);
    await reannounce(this.search, (fn) => this.events.transaction(fn));
    return { messages: messages.length, historyMs, backdateMs: Math.round(performance.now() - started) - historyMs };
  }

  /** The demo world as stored, or null when a person or group of it is missing (then it is left alone). */
  private async loadWorld(): Promise<DemoWorld | null> {
    const m = this.dataSource.manager;
    const emails = [...STAFF, ...ASSOCIATION_PEOPLE].map((p) => p.email);
    const [users, groups, orgs] = await Promise.all([
      m.findBy(User, { email: In(emails) }),
      m.findBy(WorkingGroup, { slug: In(GROUPS.map((g) => g.slug)) }),
      m.findBy(Organisation, { name: In([AGENCY, UNIVERSITY, ...CLUSTER_ASSOCIATIONS].map((o) => o.name)) }),
    ]);
    if (users.length !== emails.length || groups.length !== GROUPS.length) return null;
    const orgKey = new Map([AGENCY, UNIVERSITY, ...CLUSTER_ASSOCIATIONS].map((o) => [o.name, o.key]));
    return {
      organisations: new Map(orgs.map((o) => [orgKey.get(o.name)!, o.id])),
      users: new Map(users.map((u) => [u.email, u])),
      groups: new Map(groups.map((g) => [g.slug, g.id])),
      channels: new Map(),
    };
  }
}

/** Every row a transaction inserts with a `now()` default carries this time (as text: to the microsecond). */
async function transactionStart(manager: EntityManager): Promise<string> {
  const [row] = await manager.query<Array<{ now: string }>>('SELECT now()::text AS now');
  return row.now;
}
