import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Actor, isAdmin } from '../auth/actor';
import { CacheBus } from '../cache/cache-bus';
import { conflict, forbidden, notFound } from '../common/errors';
import { CreateOrganisationDto, UpdateOrganisationDto } from './dto/organisation.dto';
import { Organisation } from './organisation.entity';

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
    private readonly cache: CacheBus,
  ) {}

  list(_actor: Actor): Promise<Organisation[]> {
    return this.organisations.find({ order: { name: 'ASC' } });
  }

  async get(_actor: Actor, id: string): Promise<Organisation> {
    const organisation = await this.organisations.findOneBy({ id });
    if (!organisation) throw notFound('Organisation');
    return organisation;
  }

  async create(actor: Actor, dto: CreateOrganisationDto): Promise<Organisation> {
    if (!isAdmin(actor)) throw forbidden('Only admins manage organisations');
    await this.assertNameFree(dto.name);
    return this.organisations.save(this.organisations.create({ sector: null, website: null, ...dto }));
  }

  async update(actor: Actor, id: string, dto: UpdateOrganisationDto): Promise<Organisation> {
    if (!isAdmin(actor)) throw forbidden('Only admins manage organisations');
    const organisation = await this.get(actor, id);
    if (dto.name !== undefined && dto.name !== organisation.name) await this.assertNameFree(dto.name);
    // People's profiles (/me) show their organisation's name.
    return this.cache.write(
      (m) => m.save(Object.assign(organisation, dto)),
      () => [{ kind: 'organisation', organisationId: id }],
    );
  }

  private async assertNameFree(name: string): Promise<void> {
    const clash = await this.organisations
      .createQueryBuilder('o')
      .where('lower(o.name) = lower(:name)', { name })
      .getExists();
    if (clash) throw conflict(`An organisation named "${name}" already exists`, [{ field: 'name', reason: 'taken' }]);
  }
}
