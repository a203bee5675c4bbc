export { ActionItem, ActionPlanGoal } from './action-plan.entity.js';
export { Consultation } from './consultation.entity.js';
export { ConsultationsService } from './consultations.service.js';
export * from './engagement-enums.js';
export { EngagementModule } from './engagement.module.js';
export { FollowUp } from './follow-up.entity.js';
export { ActionPlanService } from './action-plan.service.js';
export { ActionPlanDto } from './dto/action-plan.dto.js';
