import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ta/users';
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
      'one row per consultation that started in the period: consultation_id, date, start_time (New York), case_reference, ' +
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
}
