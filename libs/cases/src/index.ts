export * from './case-enums.js';
export { CaseEvent } from './case-event.entity.js';
export { CaseEventsService } from './case-events.service.js';
export {
  CASE_EVENT_TYPES,
  insertCaseEventsSql,
  REMINDER_KINDS,
  type CaseEventPayloads,
  type CaseEventType,
  type ReminderKind,
} from './case-events.js';
export { CaseEventListDto, type CaseEventDto } from './dto/case-event.dto.js';
export { allowedMoves, canMove } from './case-status-machine.js';
export { Case } from './case.entity.js';
export { CasesModule } from './cases.module.js';
export { CasesService, type CaseworkHook, type SettledOpenWork } from './cases.service.js';
export { AssignDto, CaseDto, ListCasesQueryDto, TransitionDto, type CaseFilterQuery } from './dto/case.dto.js';
export { Topic } from './topic.entity.js';
