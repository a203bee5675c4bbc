export { Clock } from './clock.js';
export { EscalationModule } from './escalation.module.js';
export { EscalationSweep, type SweepReport } from './escalation.sweep.js';
