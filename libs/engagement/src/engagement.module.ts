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
import { IntensityController } from './intensity.controller.js';
import { IntensityService } from './intensity.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([Consultation, ActionPlanGoal, ActionItem, FollowUp]),
    CasesModule,
    OrganizationsModule,
    StaffDirectoryModule,
  ],
  controllers: [EngagementController, CaseworkController, IntensityController],
  providers: [ConsultationsService, ActionPlanService, FollowUpsService, CaseworkService, IntensityService],
  exports: [ConsultationsService, ActionPlanService, FollowUpsService],
})
export class EngagementModule {}
