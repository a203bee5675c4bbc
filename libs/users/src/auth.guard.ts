import { ForbiddenException, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IS_PUBLIC, ROLES } from './auth.decorators.js';
import { AuthService, type AuthenticatedUser } from './auth.service.js';
import { requestCredentials } from './credentials.js';
import type { UserRole } from './user-role.js';

interface AuthRequest {
  headers: Record<string, string | string[] | undefined>;
  cookies?: Record<string, string | undefined>;
  user?: AuthenticatedUser;
}

/** Global guard: every route needs a signed-in staff user unless marked @Public(); @Roles() narrows further. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthRequest>();
    const credentials = requestCredentials(request);
    if (credentials.via === 'malformed') throw new UnauthorizedException('The Authorization header must be "Bearer <token>"');
    const user = credentials.via === 'none' ? null : await this.auth.authenticate(credentials.token);
    if (!user) throw new UnauthorizedException('Sign in to continue');
    request.user = user;

    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(user.role)) {
      throw new ForbiddenException(`This needs the role ${roles.join(' or ')}`);
    }
    return true;
  }
}
