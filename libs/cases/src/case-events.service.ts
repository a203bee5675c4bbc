import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { readModel } from '@ta/database';
import { Repository, type EntityManager } from 'typeorm';
import { CaseEvent } from './case-event.entity.js';
import type { CaseEventPayloads, CaseEventType } from './case-events.js';
import { TIMELINE_PAGE, type TimelinePageRow } from './case.read-model.sql.js';
import type { CaseEventDto } from './dto/case-event.dto.js';

/**
 * Writes and reads the case timeline. record() takes the caller's transaction, so an event never outlives a rolled-back
 * change; its data is checked against the event type's payload (case-events.ts).
 */
@Injectable()
export class CaseEventsService {
  constructor(@InjectRepository(CaseEvent) private readonly events: Repository<CaseEvent>) {}

  async record<T extends CaseEventType>(
    manager: EntityManager,
    caseId: string,
    actorId: string | null,
    type: T,
    data: CaseEventPayloads[T],
  ): Promise<string> {
    return (await manager.save(CaseEvent, { caseId, actorId, type, data })).id;
  }

  /** A page of the timeline in one statement (case.read-model.sql.ts); a 404 when the case does not exist. */
  async page(caseId: string, page: number, pageSize: number): Promise<{ items: CaseEventDto[]; total: number }> {
    const [row] = (await readModel<TimelinePageRow>(this.events.manager.connection, TIMELINE_PAGE, [
      caseId,
      pageSize,
      (page - 1) * pageSize,
    ])) as [TimelinePageRow];
    if (!row.found) throw new NotFoundException(`No case with id ${caseId}`);
    return { items: row.items, total: row.total };
  }
}
