export * from './assessment-enums.js';
export { AssessmentsModule } from './assessments.module.js';
export { AssessmentsService, type RoundPairChange } from './assessments.service.js';
export { InstrumentFileError, parseInstrumentFile, type InstrumentFile, type InstrumentProblem } from './instrument-file.js';
export { storeInstrument, type LoadOutcome } from './instrument-store.js';
export { ReassessmentModule, ReassessmentSweep } from './reassessment.sweep.js';
export { ReadinessReportService } from './readiness-report.service.js';
export { ReadinessReportQueryDto, type ReadinessReportDto } from './dto/readiness-report.dto.js';
