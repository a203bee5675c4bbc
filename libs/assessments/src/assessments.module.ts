import { Module } from '@nestjs/common';
import { CasesModule } from '@ta/cases';
import { EngagementModule } from '@ta/engagement';
import { MailModule } from '@ta/mail';
import { OrganizationsModule } from '@ta/organizations';
import { AssessmentsController, PublicAssessmentsController } from './assessments.controller.js';
import { AssessmentsService } from './assessments.service.js';
import { InstrumentsController } from './instruments.controller.js';
import { InstrumentsService } from './instruments.service.js';
import { PublicAssessmentsService } from './public-assessments.service.js';
import { ReadinessReportService } from './readiness-report.service.js';

@Module({
  imports: [CasesModule, EngagementModule, MailModule, OrganizationsModule],
  controllers: [InstrumentsController, AssessmentsController, PublicAssessmentsController],
  providers: [InstrumentsService, AssessmentsService, PublicAssessmentsService, ReadinessReportService],
  exports: [AssessmentsService, ReadinessReportService],
})
export class AssessmentsModule {}
