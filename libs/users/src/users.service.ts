import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { CreateUserDto } from './dto/create-user.dto.js';
import type { ListUsersQueryDto } from './dto/list-users-query.dto.js';
import type { UpdateUserDto } from './dto/update-user.dto.js';
import { hashPassword } from './password.js';
import { Session } from './session.entity.js';
import { User } from './user.entity.js';

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
