import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '@ta/cases';
import { MailModule } from '@ta/mail';
import { OrganizationsModule } from '@ta/organizations';
import { StaffDirectoryModule } from '@ta/users';
import { IntakeController } from './intake.controller.js';
import { IntakeSubmission } from './intake-submission.entity.js';
import { IntakeService } from './intake.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([IntakeSubmission]), CasesModule, MailModule, OrganizationsModule, StaffDirectoryModule],
  controllers: [IntakeController],
  providers: [IntakeService],
  exports: [IntakeService],
})
export class IntakeModule {}
