import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { SqlRunner } from '@ta/database';
import { In, Repository, type EntityManager } from 'typeorm';
import type { CreateUserDto } from './dto/create-user.dto.js';
import type { ListUsersQueryDto } from './dto/list-users-query.dto.js';
import type { UpdateUserDto } from './dto/update-user.dto.js';
import { hashPassword } from './password.js';
import { Session } from './session.entity.js';
import type { UserRole } from './user-role.js';
import { User } from './user.entity.js';
import { ACTIVE_LEADS, type ActiveLeadRow } from './users.sql.js';

/** A staff user as other libs see them: enough to check a reference, name them or write to them. */
export interface StaffRef {
  id: string;
  name: string;
  email: string;
}

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class UsersService {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  async list(query: ListUsersQueryDto): Promise<{ items: User[]; total: number }> {
    const qb = this.users.createQueryBuilder('u').orderBy('lower(u.name)', 'ASC').addOrderBy('u.id', 'ASC');
    if (query.q) {
      qb.andWhere('(u.name ILIKE :q OR u.email ILIKE :q)', { q: `%${escapeLike(query.q)}%` });
    }
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    const [items, total] = await qb
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items, total };
  }

  /** Active staff by name; a center has tens of staff, so no paging. */
  activeStaff(): Promise<User[]> {
    return this.users.find({ where: { active: true }, order: { name: 'ASC' }, take: 1000 });
  }

  async get(id: string): Promise<User> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new NotFoundException(`No user with id ${id}`);
    return user;
  }

  /** An active staff user, of one of `roles` when given; null when there is none (a reference check from another domain). */
  async findActiveStaff(manager: EntityManager, id: string, roles?: UserRole[]): Promise<StaffRef | null> {
    return manager.findOne(User, {
      select: { id: true, name: true, email: true },
      where: { id, active: true, ...(roles ? { role: In(roles) } : {}) },
    });
  }

  /** Names by id, former (inactive) users' too: for owners, actors and holders named in answers and emails. */
  async names(ids: string[], manager: EntityManager = this.users.manager): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await manager.find(User, { select: { id: true, name: true }, where: { id: In(ids) } });
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  /** Every active lead: who hears of new requests. In the caller's transaction (a hot path's: one plain statement). */
  async activeLeads(sql: SqlRunner): Promise<StaffRef[]> {
    return (await sql.query(ACTIVE_LEADS)) as ActiveLeadRow[];
  }

  /** Loads an active user with the password hash, for signing in. */
  findForLogin(email: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = lower(:email)', { email })
      .andWhere('u.active')
      .getOne();
  }

  async create(dto: CreateUserDto): Promise<User> {
    const user = this.users.create({
      email: dto.email,
      name: dto.name,
      role: dto.role,
      active: true,
      passwordHash: await hashPassword(dto.password),
    });
    try {
      return await this.users.save(user);
    } catch (error) {
      throw translateUniqueEmail(error, dto.email);
    }
  }

  async update(id: string, dto: UpdateUserDto): Promise<User> {
    return this.users.manager.transaction(async (manager) => {
      const user = await manager.findOneBy(User, { id });
      if (!user) throw new NotFoundException(`No user with id ${id}`);
      if (dto.name !== undefined) user.name = dto.name;
      if (dto.role !== undefined) user.role = dto.role;
      if (dto.active !== undefined) user.active = dto.active;
      if (dto.password !== undefined) user.passwordHash = await hashPassword(dto.password);
      const saved = await manager.save(user);
      // A deactivated user or a changed password ends every open session at once.
      if (dto.active === false || dto.password !== undefined) {
        await manager.delete(Session, { userId: id });
      }
      return saved;
    });
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function translateUniqueEmail(error: unknown, email: string): unknown {
  if (typeof error === 'object' && error !== null && (error as { code?: string }).code === UNIQUE_VIOLATION) {
    return new ConflictException({
      message: `A user with email ${email} already exists`,
      details: [{ field: 'email', messages: ['already in use'] }],
    });
  }
  return error;
}
