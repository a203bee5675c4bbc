import { Module } from '@nestjs/common';
import { CasesModule } from '@ta/cases';
import { MailModule } from '@ta/mail';
import { Clock } from './clock.js';
import { EscalationSweep } from './escalation.sweep.js';
import { EscalationsController } from './escalations.controller.js';
import { EscalationsService } from './escalations.service.js';

@Module({
  imports: [CasesModule, MailModule],
  controllers: [EscalationsController],
  providers: [EscalationsService, EscalationSweep, Clock],
  exports: [EscalationSweep, Clock],
})
export class EscalationModule {}
