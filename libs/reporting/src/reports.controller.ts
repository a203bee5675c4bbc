import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@ta/users';
import { CaseExportQueryDto } from './dto/case-export.dto.js';
import { ReadinessExportQueryDto } from './dto/readiness-export.dto.js';
import { ReportQueryDto } from './dto/report-query.dto.js';
import { ReportsService, type ReportFile } from './reports.service.js';

const download = (file: ReportFile) =>
  new StreamableFile(file.stream, { type: file.contentType, disposition: `attachment; filename="${file.filename}"` });

/** The funder's reports: leads and admins. Both stream their body (CSV by default, or JSON) as an attachment. */
@ApiTags('reports')
@ApiBearerAuth()
@Roles('lead', 'admin')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('ta-activity')
  @ApiProduces('text/csv', 'application/json')
  @ApiOkResponse({
    description:
      'one row per consultation that started in the period: consultation_id, date, start_time (the center’s time zone), case_reference, ' +
      'organization, region, county, service_lines, topics, goal_areas (lists separated by "; "), modality, minutes, headcount, consultant',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiBadRequestResponse({ description: 'bad dates, from not before to, more than 3 years, unknown format' })
  @ApiForbiddenResponse({ description: 'consultants' })
  async taActivity(@Query() query: ReportQueryDto): Promise<StreamableFile> {
    return download(await this.reports.taActivity(query));
  }

  @Get('ta-summary')
  @ApiProduces('text/csv', 'application/json')
  @ApiOkResponse({ description: 'sessions, minutes and hours by goal area × OMH region', schema: { type: 'string', format: 'binary' } })
  @ApiBadRequestResponse({ description: 'bad dates, from not before to, more than 3 years, unknown format' })
  @ApiForbiddenResponse({ description: 'consultants' })
  async taSummary(@Query() query: ReportQueryDto): Promise<StreamableFile> {
    return download(await this.reports.taSummary(query));
  }

  /** The readiness figures of GET /reports/readiness (JSON, for the dashboard) as the funder's CSV. */
  @Get('readiness-summary')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description:
      'one figure a row — Breakdown (All organizations, OMH region, Service line), Group, Figure (rounds taken, baseline and ' +
      'follow-up rounds, organizations assessed twice, mean change in section score since the baseline), Section, Value, Organizations (n)',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiBadRequestResponse({ description: 'bad dates, from not before to, more than 3 years, not an instrument code' })
  @ApiForbiddenResponse({ description: 'consultants' })
  async readinessSummary(@Query() query: ReadinessExportQueryDto): Promise<StreamableFile> {
    return download(await this.reports.readinessSummary(query));
  }
}

/**
 * The case list as CSV: any staff user, like the list itself (every staff user may read every case). A route of its
 * own rather than `GET /cases?format=csv`: the list answers a typed JSON page, this an unpaged streamed attachment,
 * and one operation per shape keeps the OpenAPI document, the typed web client and the access policy honest.
 */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CaseExportController {
  constructor(private readonly reports: ReportsService) {}

  @Get('export')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description:
      'every case the filters match (the same filters and sort as GET /cases, no paging), labels not codes: Reference, Title, ' +
      'Organization, OMH region, Status, Priority, Assignee, Topics, Goal areas, Opened, First response, Last activity (times in the center’s time zone, named in the header), Stall level',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiBadRequestResponse({ description: 'a filter that is not valid' })
  async export(@Query() query: CaseExportQueryDto, @CurrentUser() user: AuthenticatedUser): Promise<StreamableFile> {
    return download(await this.reports.caseList(query, user));
  }
}
