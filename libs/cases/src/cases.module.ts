import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailModule } from '@ta/mail';
import { OrganizationsModule } from '@ta/organizations';
import { StaffDirectoryModule } from '@ta/users';
import { CaseEvent } from './case-event.entity.js';
import { CaseEventsService } from './case-events.service.js';
import { Case } from './case.entity.js';
import { CasesController } from './cases.controller.js';
import { CasesService } from './cases.service.js';
import { Topic } from './topic.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([Case, CaseEvent, Topic]), MailModule, OrganizationsModule, StaffDirectoryModule],
  controllers: [CasesController],
  providers: [CasesService, CaseEventsService],
  exports: [CasesService, CaseEventsService],
})
export class CasesModule {}
