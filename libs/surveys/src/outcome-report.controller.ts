import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ta/users';
import { OutcomeReportDto, OutcomeReportQueryDto } from './dto/outcome-report.dto.js';
import { OutcomeReportService } from './outcome-report.service.js';

/** For the funder: leads and admins, like the other reports. JSON for the dashboard, CSV to download. */
@ApiTags('reports')
@ApiBearerAuth()
@Roles('lead', 'admin')
@Controller('reports')
export class OutcomeReportController {
  constructor(private readonly reports: OutcomeReportService) {}

  @Get('outcomes')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    type: OutcomeReportDto,
    description: 'format=csv: the same figures as an attachment, one a row (Section, Group, Measure, Value)',
  })
  @ApiBadRequestResponse({ description: 'bad dates, from not before to, more than 3 years, unknown format' })
  @ApiForbiddenResponse({ description: 'consultants' })
  async outcomes(@Query() query: OutcomeReportQueryDto): Promise<OutcomeReportDto | StreamableFile> {
    if (query.format !== 'csv') return this.reports.report(query);
    const file = await this.reports.csv(query);
    return new StreamableFile(file.stream, { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="${file.filename}"` });
  }
}
