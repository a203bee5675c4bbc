import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { User } from '@ta/users';
import { In, Repository, type EntityManager } from 'typeorm';
import { CaseEvent, type CaseEventType } from './case-event.entity.js';
import type { CaseEventDto } from './dto/case.dto.js';

/** Writes and reads the case timeline. record() takes the caller's transaction, so an event never outlives a rolled-back change. */
@Injectable()
export class CaseEventsService {
  constructor(@InjectRepository(CaseEvent) private readonly events: Repository<CaseEvent>) {}

  async record(
    manager: EntityManager,
    caseId: string,
    actorId: string | null,
    type: CaseEventType,
    data: Record<string, unknown> = {},
  ): Promise<string> {
    return (await manager.save(CaseEvent, { caseId, actorId, type, data })).id;
  }

  async page(caseId: string, page: number, pageSize: number): Promise<{ items: CaseEventDto[]; total: number }> {
    const [events, total] = await this.events.findAndCount({
      where: { caseId },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    const actorIds = [...new Set(events.map((e) => e.actorId).filter((id): id is string => id !== null))];
    const actors = actorIds.length ? await this.events.manager.findBy(User, { id: In(actorIds) }) : [];
    const names = new Map(actors.map((a) => [a.id, a.name]));
    const items = events.map((event) => ({
      id: event.id,
      type: event.type,
      actor: event.actorId ? { id: event.actorId, name: names.get(event.actorId) ?? 'Former user' } : null,
      data: event.data,
      createdAt: event.createdAt.toISOString(),
    }));
    return { items, total };
  }
}
