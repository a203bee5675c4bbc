import { createHmac, randomBytes } from 'node:crypto';
import { Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AppConfig } from '@ta/config';
import { LessThan, Repository } from 'typeorm';
import { verifyAgainstDecoy, verifyPassword } from './password.js';
import { Session } from './session.entity.js';
import type { User } from './user.entity.js';
import { UsersService } from './users.service.js';

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  role: User['role'];
  sessionId: string;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly config: AppConfig,
    private readonly usersService: UsersService,
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
  ) {}

  /** One answer for an unknown email, a wrong password and a deactivated user: no user enumeration. */
  async login(email: string, password: string): Promise<{ token: string; expiresAt: Date; user: User }> {
    const user = await this.usersService.findForLogin(email);
    const ok = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDecoy(password);
    if (!user || !ok) throw new UnauthorizedException('Email or password is incorrect');

    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.SESSION_TTL_HOURS * 3600_000);
    await this.sessions.insert({ tokenHash: this.hash(token), userId: user.id, expiresAt });
    // Expired sessions are swept on sign-in so the table stays small without a job of its own.
    await this.sessions.delete({ userId: user.id, expiresAt: LessThan(new Date()) });
    return { token, expiresAt, user };
  }

  async authenticate(token: string): Promise<AuthenticatedUser | null> {
    const row = await this.sessions
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.user', 'u')
      .where('s.tokenHash = :hash', { hash: this.hash(token) })
      .andWhere('s.expiresAt > now()')
      .andWhere('u.active')
      .getOne();
    if (!row) return null;
    const { id, email, name, role } = row.user;
    return { id, email, name, role, sessionId: row.id };
  }

  async logout(sessionId: string): Promise<void> {
    await this.sessions.delete({ id: sessionId });
  }

  private hash(token: string): string {
    return createHmac('sha256', this.config.SESSION_SECRET).update(token).digest('hex');
  }
}
