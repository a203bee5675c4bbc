export { IntakeModule } from './intake.module.js';
export { IntakeService } from './intake.service.js';
