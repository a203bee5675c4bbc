import { Body, Controller, Get, HttpCode, Ip, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AppConfig } from '@ta/config';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Public } from './auth.decorators.js';
import { SESSION_COOKIE } from './session-cookie.js';
import { AuthService, type AuthenticatedUser } from './auth.service.js';
import { LoginDto, LoginResponseDto, MeDto } from './dto/login.dto.js';
import { toUserResponse } from './dto/user-response.dto.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  /** Public; failures are throttled per account and address, per account and per address (LoginThrottle). */
  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ description: 'Email or password is incorrect (same answer for an unknown email)' })
  @ApiTooManyRequestsResponse({
    description: 'Too many failed sign-ins for this account or from this address; Retry-After says when to try again',
  })
  async login(@Body() dto: LoginDto, @Ip() ip: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<LoginResponseDto> {
    const { token, expiresAt, user } = await this.auth.login(dto.email, dto.password, ip);
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.APP_URL.startsWith('https://'),
      path: '/',
      expires: expiresAt,
    });
    return { accessToken: token, expiresAt: expiresAt.toISOString(), user: toUserResponse(user) };
  }

  /** Any signed-in staff user. */
  @ApiBearerAuth()
  @Get('me')
  @ApiOkResponse({ type: MeDto })
  me(@CurrentUser() user: AuthenticatedUser): MeDto {
    return { id: user.id, email: user.email, name: user.name, role: user.role, centerTimeZone: this.config.CENTER_TIME_ZONE };
  }

  /** Any signed-in staff user; revokes this session everywhere (it is deleted from the database). */
  @ApiBearerAuth()
  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentUser() user: AuthenticatedUser, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logout(user.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }
}
