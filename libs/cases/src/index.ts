export * from './case-enums.js';
export { CaseEvent } from './case-event.entity.js';
export { CaseEventsService } from './case-events.service.js';
export { allowedMoves, canMove } from './case-status-machine.js';
export { Case } from './case.entity.js';
export { CasesModule } from './cases.module.js';
export { CasesService, type CaseworkHook } from './cases.service.js';
export { AssignDto, CaseDto, CreateCaseDto, ListCasesQueryDto, TransitionDto, type CaseFilterQuery } from './dto/case.dto.js';
export { Topic } from './topic.entity.js';
