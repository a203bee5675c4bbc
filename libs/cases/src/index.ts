export * from './case-enums.js';
export { CaseEventsService } from './case-events.service.js';
export { CASE_EVENT_TYPES, REMINDER_KINDS, type CaseEventPayloads, type CaseEventType, type ReminderKind } from './case-events.js';
export { CaseEventListDto, type CaseEventDto } from './dto/case-event.dto.js';
export { allowedMoves, canMove } from './case-status-machine.js';
export { CasesModule } from './cases.module.js';
export { CasesService, type Activity, type CaseworkHook, type LockedCase, type SettledOpenWork } from './cases.service.js';
export { caseEventsInsertSql, raiseStallLevelSql } from './cases.sql.js';
export { AssignDto, CaseDto, CreateCaseDto, ListCasesQueryDto, TransitionDto, type CaseFilterQuery } from './dto/case.dto.js';
