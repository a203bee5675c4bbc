import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { escapeLike } from '@ta/common';
import { Repository } from 'typeorm';
import { Contact } from './contact.entity.js';
import type { CreateContactDto } from './dto/contact.dto.js';
import type { CreateOrganizationDto, ListOrganizationsQueryDto, UpdateOrganizationDto } from './dto/organization.dto.js';
import { normalizeOrganizationName } from './organization-enums.js';
import { Organization } from './organization.entity.js';

@Injectable()
export class OrganizationsService {
  constructor(
    @InjectRepository(Organization) private readonly organizations: Repository<Organization>,
    @InjectRepository(Contact) private readonly contacts: Repository<Contact>,
  ) {}

  /**
   * Name search uses the trigram index over the unaccented name: substring matches first, then similar spellings;
   * accents and case never matter ("Clinica" finds "Clínica").
   */
  async list(query: ListOrganizationsQueryDto): Promise<{ items: Organization[]; total: number }> {
    const qb = this.organizations.createQueryBuilder('o');
    if (query.q) {
      qb.andWhere('(f_unaccent(o.name) ILIKE f_unaccent(:like) OR f_unaccent(o.name) % f_unaccent(:q))', {
        like: `%${escapeLike(query.q)}%`,
        q: query.q,
      })
        .orderBy('similarity(f_unaccent(o.name), f_unaccent(:q))', 'DESC')
        .addOrderBy('o.name', 'ASC');
    } else {
      qb.orderBy('o.name', 'ASC');
    }
    if (query.region) qb.andWhere('o.region = :region', { region: query.region });
    if (query.stage) qb.andWhere('o.stage = :stage', { stage: query.stage });
    if (query.kind) qb.andWhere('o.kind = :kind', { kind: query.kind });
    const [items, total] = await qb
      .addOrderBy('o.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items, total };
  }

  async get(id: string): Promise<Organization> {
    const organization = await this.organizations.findOneBy({ id });
    if (!organization) throw new NotFoundException(`No organization with id ${id}`);
    return organization;
  }

  findByNormalizedName(name: string): Promise<Organization[]> {
    return this.organizations.findBy({ normalizedName: normalizeOrganizationName(name) });
  }

  async create(dto: CreateOrganizationDto): Promise<Organization> {
    if (!dto.allowDuplicate) {
      const duplicates = await this.findByNormalizedName(dto.name);
      if (duplicates.length > 0) {
        throw new ConflictException({
          message: `An organization named like "${dto.name}" already exists; send allowDuplicate: true to create it anyway`,
          details: { duplicates: duplicates.map((d) => ({ id: d.id, name: d.name, region: d.region, county: d.county })) },
        });
      }
    }
    return this.organizations.save(this.organizations.create(this.toColumns(dto)));
  }

  async update(id: string, dto: UpdateOrganizationDto): Promise<Organization> {
    const organization = await this.get(id);
    Object.assign(organization, this.toColumns(dto));
    return this.organizations.save(organization);
  }

  async listContacts(organizationId: string): Promise<Contact[]> {
    await this.get(organizationId);
    return this.contacts.find({ where: { organizationId }, order: { name: 'ASC' } });
  }

  async createContact(organizationId: string, dto: CreateContactDto): Promise<Contact> {
    await this.get(organizationId);
    return this.contacts.save(this.contacts.create({ organizationId, ...dto, phone: dto.phone ?? null, title: dto.title ?? null }));
  }

  /** Contacts by id that belong to the organization; used to check references from other domains. */
  findContacts(organizationId: string, ids: string[]): Promise<Contact[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.contacts
      .createQueryBuilder('c')
      .where('c.organizationId = :organizationId', { organizationId })
      .andWhere('c.id IN (:...ids)', { ids })
      .getMany();
  }

  private toColumns(dto: UpdateOrganizationDto): Partial<Organization> {
    const { peerWorkforce, allowDuplicate: _allow, ...fields } = dto;
    return {
      ...fields,
      ...(dto.name !== undefined ? { normalizedName: normalizeOrganizationName(dto.name) } : {}),
      ...(peerWorkforce ? { peerNycps: peerWorkforce.nycps, peerYpa: peerWorkforce.ypa, peerFpa: peerWorkforce.fpa } : {}),
    };
  }
}
