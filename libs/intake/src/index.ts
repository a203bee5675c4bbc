export { IntakeSubmission } from './intake-submission.entity.js';
export { IntakeModule } from './intake.module.js';
export { IntakeService } from './intake.service.js';
