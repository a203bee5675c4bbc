import { createHmac, randomBytes } from 'node:crypto';
import { Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { TooManyRequestsException } from '@ta/common';
import { AppConfig } from '@ta/config';
import { readModel } from '@ta/database';
import { OutboxService } from '@ta/mail';
import { LessThan, Repository } from 'typeorm';
import { LoginThrottle } from './login-throttle.js';
import { verifyAgainstDecoy, verifyPassword } from './password.js';
import { Session } from './session.entity.js';
import { SESSION_USER, type SessionUserRow } from './session.sql.js';
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
    private readonly throttle: LoginThrottle,
    private readonly outbox: OutboxService,
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
  ) {}

  /**
   * One answer for an unknown email, a wrong password and a deactivated user: no user enumeration. `ip` is the
   * client's address, for throttling failures (LoginThrottle).
   */
  async login(email: string, password: string, ip: string): Promise<{ token: string; expiresAt: Date; user: User }> {
    const wait = await this.throttle.secondsToWait(email, ip);
    if (wait > 0) {
      throw new TooManyRequestsException(`Too many failed sign-in attempts; try again in ${waitInWords(wait)}`, wait);
    }
    const user = await this.usersService.findForLogin(email);
    const ok = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDecoy(password);
    if (!user || !ok) {
      const { reachedCeiling } = await this.throttle.failed(email, ip);
      if (reachedCeiling && user) await this.tellOwnerOfFailures(user);
      throw new UnauthorizedException('Email or password is incorrect');
    }
    await this.throttle.succeeded(email, ip);

    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.SESSION_TTL_HOURS * 3600_000);
    await this.sessions.insert({ tokenHash: this.hash(token), userId: user.id, expiresAt });
    // Expired sessions are swept on sign-in so the table stays small without a job of its own.
    await this.sessions.delete({ userId: user.id, expiresAt: LessThan(new Date()) });
    return { token, expiresAt, user };
  }

  /** The signed-in user behind a token, or null: one statement per request (session.sql.ts). */
  async authenticate(token: string): Promise<AuthenticatedUser | null> {
    const [row] = await readModel<SessionUserRow>(this.sessions.manager.connection, SESSION_USER, [this.hash(token)]);
    if (!row) return null;
    return { id: row.id, email: row.email, name: row.name, role: row.role, sessionId: row.session_id };
  }

  async logout(sessionId: string): Promise<void> {
    await this.sessions.delete({ id: sessionId });
  }

  /** Once per window: the owner learns that someone is guessing, and that sign-ins pause for the window. */
  private async tellOwnerOfFailures(user: User): Promise<void> {
    const windowMs = this.config.LOGIN_THROTTLE_WINDOW_SECONDS * 1000;
    const window = Math.floor(Date.now() / windowMs);
    const ids = await this.outbox.enqueue(this.sessions.manager, [
      {
        to: user.email,
        template: 'sign_in_failures',
        data: {
          name: user.name,
          failures: this.config.LOGIN_ACCOUNT_CEILING,
          minutes: Math.round(windowMs / 60_000),
          appUrl: this.config.APP_URL,
        },
        dedupeKey: `sign-in-failures:${user.id}:${window}`,
      },
    ]);
    await this.outbox.dispatch(ids);
  }

  private hash(token: string): string {
    return createHmac('sha256', this.config.SESSION_SECRET).update(token).digest('hex');
  }
}

function waitInWords(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
