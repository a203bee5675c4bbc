import { Module } from '@nestjs/common';
import { AssessmentsModule } from '@ta/assessments';
import { CasesModule } from '@ta/cases';
import { DashboardController } from './dashboard.controller.js';
import { DashboardService } from './dashboard.service.js';
import { CaseExportController, ReportsController } from './reports.controller.js';
import { ReportsService } from './reports.service.js';

/**
 * Dashboards and funder reports: read-only SQL over cases, sessions and follow-ups (no entities of its own); the
 * readiness figures come from the assessments lib's report service.
 */
@Module({
  imports: [CasesModule, AssessmentsModule],
  controllers: [DashboardController, ReportsController, CaseExportController],
  providers: [DashboardService, ReportsService],
})
export class ReportingModule {}
