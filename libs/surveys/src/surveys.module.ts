import { Module } from '@nestjs/common';
import { CasesModule } from '@ta/cases';
import { MailModule } from '@ta/mail';
import { PublicSurveysService } from './public-surveys.service.js';
import { PublicSurveysController, SurveysController } from './surveys.controller.js';
import { SurveysService } from './surveys.service.js';

@Module({
  imports: [CasesModule, MailModule],
  controllers: [SurveysController, PublicSurveysController],
  providers: [SurveysService, PublicSurveysService],
})
export class SurveysModule {}
