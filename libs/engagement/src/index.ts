export { ConsultationsService } from './consultations.service.js';
export * from './engagement-enums.js';
export { EngagementModule } from './engagement.module.js';
export { ActionPlanService } from './action-plan.service.js';
export { ActionPlanDto } from './dto/action-plan.dto.js';
export { markFollowUpsMissedSql } from './follow-ups.sql.js';
