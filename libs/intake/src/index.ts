export { IntakeSubmission } from './intake-submission.entity.js';
export { IntakeModule } from './intake.module.js';
