import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '@ta/common';
import { CurrentUser, Roles, type AuthenticatedUser } from '@ta/users';
import { ConfirmIntensityDto, ConfirmIntensityResultDto, IntensityDto } from './dto/intensity.dto.js';
import { IntensityService } from './intensity.service.js';

/** Intensity tiers: any staff user reads a case's; leads and admins confirm suggestions in bulk. */
@ApiTags('engagement')
@ApiBearerAuth()
@Controller('cases')
export class IntensityController {
  constructor(private readonly intensity: IntensityService) {}

  @Get('intensity-suggestions')
  @Roles('lead', 'admin')
  @ApiOkResponse({ type: [IntensityDto], description: 'cases without a tier, with the suggested one (at most 500)' })
  suggestions(): Promise<IntensityDto[]> {
    return this.intensity.unset();
  }

  @Post('intensity/confirm')
  @HttpCode(200)
  @Roles('lead', 'admin')
  @ApiOkResponse({ type: ConfirmIntensityResultDto })
  confirm(@Body() dto: ConfirmIntensityDto, @CurrentUser() user: AuthenticatedUser): Promise<ConfirmIntensityResultDto> {
    return this.intensity.confirm(dto.caseIds, user);
  }

  @Get(':id/intensity')
  @ApiOkResponse({ type: IntensityDto })
  forCase(@UuidParam('id') caseId: string): Promise<IntensityDto> {
    return this.intensity.forCase(caseId);
  }
}
