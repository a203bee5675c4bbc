import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '@ta/cases';
import { OrganizationsModule } from '@ta/organizations';
import { StaffDirectoryModule } from '@ta/users';
import { ActionItem, ActionPlanGoal } from './action-plan.entity.js';
import { ActionPlanService } from './action-plan.service.js';
import { CaseworkController } from './casework.controller.js';
import { CaseworkService } from './casework.service.js';
import { Consultation } from './consultation.entity.js';
import { ConsultationsService } from './consultations.service.js';
import { EngagementController } from './engagement.controller.js';
import { FollowUp } from './follow-up.entity.js';
import { FollowUpsService } from './follow-ups.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([Consultation, ActionPlanGoal, ActionItem, FollowUp]),
    CasesModule,
    OrganizationsModule,
    StaffDirectoryModule,
  ],
  controllers: [EngagementController, CaseworkController],
  providers: [ConsultationsService, ActionPlanService, FollowUpsService, CaseworkService],
  exports: [ConsultationsService, ActionPlanService, FollowUpsService],
})
export class EngagementModule {}
