import { Module } from '@nestjs/common';
import { AssessmentsModule } from '@ta/assessments';
import { CasesModule } from '@ta/cases';
import { MailModule } from '@ta/mail';
import { StaffDirectoryModule } from '@ta/users';
import { OutcomeReportController } from './outcome-report.controller.js';
import { OutcomeReportService } from './outcome-report.service.js';
import { PublicSurveysService } from './public-surveys.service.js';
import { PublicSurveysController, SurveysController } from './surveys.controller.js';
import { SurveysService } from './surveys.service.js';

@Module({
  imports: [CasesModule, MailModule, AssessmentsModule, StaffDirectoryModule],
  controllers: [SurveysController, PublicSurveysController, OutcomeReportController],
  providers: [SurveysService, PublicSurveysService, OutcomeReportService],
})
export class SurveysModule {}
