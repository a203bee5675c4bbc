export { ActionItem, ActionPlanGoal } from './action-plan.entity.js';
export { Consultation } from './consultation.entity.js';
export * from './engagement-enums.js';
export { EngagementModule } from './engagement.module.js';
export { FollowUp } from './follow-up.entity.js';
