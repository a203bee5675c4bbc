import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '@ta/users';
import { DashboardService } from './dashboard.service.js';
import { CaseloadDto, SummaryDto } from './dto/dashboard.dto.js';
import { DateRangeQueryDto } from './dto/report-query.dto.js';

/** Any staff user. The caseload is everyone's for leads and admins, and a consultant's own row for a consultant. */
@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get('caseload')
  @ApiOkResponse({ type: CaseloadDto })
  caseload(@CurrentUser() user: AuthenticatedUser): Promise<CaseloadDto> {
    return this.dashboard.caseload(user);
  }

  @Get('summary')
  @ApiOkResponse({ type: SummaryDto })
  @ApiBadRequestResponse({ description: 'a date that is not YYYY-MM-DD, from not before to, or more than 3 years' })
  summary(@Query() query: DateRangeQueryDto): Promise<SummaryDto> {
    return this.dashboard.summary(query);
  }
}
