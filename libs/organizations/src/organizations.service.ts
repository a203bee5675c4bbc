import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { escapeLike, fieldError } from '@ta/common';
import type { SqlRunner } from '@ta/database';
import { In, Repository, type EntityManager } from 'typeorm';
import { Contact } from './contact.entity.js';
import type { CreateContactDto } from './dto/contact.dto.js';
import type { CreateOrganizationDto, ListOrganizationsQueryDto, UpdateOrganizationDto } from './dto/organization.dto.js';
import {
  normalizeOrganizationName,
  PEER_ROLES,
  type ContactRole,
  type ImplementationStage,
  type OmhRegion,
  type PeerRole,
  type Population,
} from './organization-enums.js';
import { Organization } from './organization.entity.js';
import { FIND_OR_CREATE_FOR_INTAKE, type IntakeOrganizationRow } from './organizations.sql.js';

/** A contact as other libs see it: enough to check a reference, name an owner or write to them. */
export interface ContactRef {
  id: string;
  organizationId: string;
  name: string;
  email: string;
}

/** What a public request says about who asks and for which program. */
export interface IntakeRequester {
  organizationName: string;
  region: OmhRegion;
  county: string;
  populations: Population[];
  stage: ImplementationStage;
  peerRoles: PeerRole[];
  contactName: string;
  email: string;
  phone?: string | null;
  role: ContactRole;
}

/** The organization and contact a request was filed under, and whether the request created them. */
export interface IntakeMatch {
  organization: { id: string; name: string };
  organizationCreated: boolean;
  contactId: string;
  contactCreated: boolean;
}

/** Mailbox providers shared by everyone: their domain says nothing about the organization. */
const SHARED_EMAIL_DOMAINS = new Set([
  'gmail.com',
  'yahoo.com',
  'hotmail.com',
  'outlook.com',
  'aol.com',
  'icloud.com',
  'live.com',
  'msn.com',
  'protonmail.com',
  'verizon.net',
  'optonline.net',
]);

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

  /**
   * Contacts by id, of one organization when `organizationId` is given (a reference check from another domain: fewer
   * found than asked means some are not the organization's), in the caller's transaction when `manager` is given.
   */
  async findContacts(ids: string[], organizationId?: string, manager: EntityManager = this.contacts.manager): Promise<ContactRef[]> {
    if (ids.length === 0) return [];
    return manager.find(Contact, {
      select: { id: true, organizationId: true, name: true, email: true },
      where: { id: In(ids), ...(organizationId ? { organizationId } : {}) },
    });
  }

  /** Does the organization exist (a check for another domain, which words its own answer). */
  exists(id: string, manager: EntityManager = this.organizations.manager): Promise<boolean> {
    return manager.existsBy(Organization, { id });
  }

  /** A 400 naming `field` unless the organization exists. */
  async assertExists(manager: EntityManager, id: string, field: string): Promise<void> {
    if (!(await this.exists(id, manager))) throw fieldError(field, 'no such organization');
  }

  /** The organization's name, for emails and messages. */
  async nameOf(manager: EntityManager, id: string): Promise<string> {
    return (await manager.findOneOrFail(Organization, { select: { id: true, name: true }, where: { id } })).name;
  }

  /**
   * Files a public request under a known person, a matching organization, or a new one (organizations.sql.ts has the
   * rules), in one statement in the caller's transaction.
   */
  async findOrCreateForIntake(sql: SqlRunner, request: IntakeRequester): Promise<IntakeMatch> {
    const domain = request.email.split('@')[1]?.toLowerCase() ?? '';
    const [row] = (await sql.query(FIND_OR_CREATE_FOR_INTAKE, [
      request.email,
      normalizeOrganizationName(request.organizationName),
      request.region,
      SHARED_EMAIL_DOMAINS.has(domain) ? null : domain,
      request.peerRoles,
      PEER_ROLES,
      request.organizationName,
      request.county,
      request.populations,
      request.stage,
      request.contactName,
      request.phone ?? null,
      request.role,
    ])) as [IntakeOrganizationRow];
    return {
      organization: { id: row.organization_id, name: row.organization_name },
      organizationCreated: row.organization_created,
      contactId: row.contact_id,
      contactCreated: row.contact_created,
    };
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
