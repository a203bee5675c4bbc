import { Module } from '@nestjs/common';
import { CasesModule } from '@ta/cases';
import { DashboardController } from './dashboard.controller.js';
import { DashboardService } from './dashboard.service.js';
import { CaseExportController, ReportsController } from './reports.controller.js';
import { ReportsService } from './reports.service.js';

/** Dashboards and funder reports: read-only SQL over cases, sessions and follow-ups (no entities of its own). */
@Module({
  imports: [CasesModule],
  controllers: [DashboardController, ReportsController, CaseExportController],
  providers: [DashboardService, ReportsService],
})
export class ReportingModule {}
