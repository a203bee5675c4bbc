import { Body, Controller, Get, NotFoundException, Put, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  CenterSettingsDto,
  LOGO_TYPES,
  PublicCenterDto,
  SettingsService,
  toCenterSettingsDto,
  UpdateCenterSettingsDto,
} from '@ta/settings';
import { CurrentUser, Public, Roles, type AuthenticatedUser } from '@ta/users';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The center's identity: its public face for anyone, the whole of it for staff (printable plans sign with it), admins edit it. */
@ApiTags('settings')
@Controller('settings/center')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get()
  @Public()
  @ApiOkResponse({ type: PublicCenterDto, description: "The center's name, phone, public text and logo URL (what the public pages show)" })
  center(): Promise<PublicCenterDto> {
    return this.settings.publicCenter();
  }

  @Get('full')
  @ApiBearerAuth()
  @ApiOkResponse({ type: CenterSettingsDto })
  async full(): Promise<CenterSettingsDto> {
    return toCenterSettingsDto(await this.settings.center());
  }

  @Put()
  @ApiBearerAuth()
  @Roles('admin')
  @ApiOkResponse({ type: CenterSettingsDto })
  async update(@Body() dto: UpdateCenterSettingsDto, @CurrentUser() user: AuthenticatedUser): Promise<CenterSettingsDto> {
    return toCenterSettingsDto(await this.settings.updateCenter(dto, user.id));
  }

  /**
   * The logo as an image, for <img> tags only: an SVG goes out under a CSP that lets nothing in it run or load (its
   * content was checked when uploaded, too). Its URL carries the logo's version, so that URL can be cached for good.
   */
  @Get('logo')
  @Public()
  @ApiProduces(...LOGO_TYPES)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ description: 'The center has no logo' })
  async logo(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const logo = await this.settings.logo();
    if (!logo) throw new NotFoundException('The center has no logo');
    const current = (request.query as Record<string, unknown>).v === logo.version;
    await reply
      .type(logo.type)
      .header('Cache-Control', current ? 'public, max-age=31536000, immutable' : 'no-cache')
      .header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox")
      .header('Content-Disposition', `inline; filename="logo.${logo.type === 'image/svg+xml' ? 'svg' : logo.type.slice(6)}"`)
      .send(logo.bytes);
  }
}
