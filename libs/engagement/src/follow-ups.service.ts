import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { fieldError } from '@ta/common';
import { CaseEventsService, CasesService, type LockedCase } from '@ta/cases';
import { UsersService, type AuthenticatedUser } from '@ta/users';
import { DataSource, type EntityManager } from 'typeorm';
import { lockCaseChild } from './case-child-lock.js';
import type { CreateFollowUpDto, FollowUpDto, MyFollowUpsDto, UpdateFollowUpDto } from './dto/follow-up.dto.js';
import { toFollowUpDto } from './dto/follow-up.dto.js';
import { FollowUp } from './follow-up.entity.js';
import { COUNT_MISSED, type CountMissedRow } from './follow-ups.sql.js';
import { MY_FOLLOW_UPS, type MyFollowUpRow } from './my-follow-ups.read-model.sql.js';
import { checkActiveStaff } from './staff-check.js';

type Actor = Pick<AuthenticatedUser, 'id' | 'role'>;

const DAY_MS = 86_400_000;

@Injectable()
export class FollowUpsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly events: CaseEventsService,
    private readonly users: UsersService,
  ) {}

  async list(caseId: string): Promise<FollowUpDto[]> {
    await this.cases.assertExists(caseId);
    const rows = await this.dataSource.manager.find(FollowUp, { where: { caseId }, order: { dueAt: 'ASC' } });
    return rows.map(toFollowUpDto);
  }

  async create(caseId: string, dto: CreateFollowUpDto, actor: Actor): Promise<FollowUpDto> {
    return this.dataSource.transaction(async (manager) => {
      const locked = await this.cases.lockForChange(manager, caseId, actor);
      return toFollowUpDto(await this.createIn(manager, locked, dto, actor, 'followUp'));
    });
  }

  /** Creates a follow-up inside the caller's transaction (a consultation's next steps use it too). */
  async createIn(manager: EntityManager, locked: LockedCase, dto: CreateFollowUpDto, actor: Actor, fieldPrefix: string): Promise<FollowUp> {
    const assigneeId = dto.assigneeId ?? actor.id;
    const status = dto.status ?? 'scheduled';
    const now = new Date();
    // The sweep marks a follow-up missed a day past due: one scheduled further back would be missed at once.
    if (status === 'scheduled' && dto.dueAt.getTime() < now.getTime() - DAY_MS) {
      throw fieldError(
        `${fieldPrefix}.dueAt`,
        'is more than a day in the past; pick a time ahead, or log it as done if it already happened',
      );
    }
    if (dto.assigneeId) await checkActiveStaff(this.users, manager, dto.assigneeId, `${fieldPrefix}.assigneeId`);
    const saved = await manager.save(
      manager.create(FollowUp, {
        caseId: locked.id,
        dueAt: dto.dueAt,
        assigneeId,
        kind: dto.kind,
        note: dto.note ?? '',
        status,
        completedAt: status === 'done' ? now : null,
        createdBy: actor.id,
      }),
    );
    const event = {
      type: 'follow_up_scheduled' as const,
      data: {
        followUpId: saved.id,
        kind: saved.kind,
        dueAt: saved.dueAt.toISOString(),
        assigneeId,
        ...(status === 'done' ? { status } : {}),
      },
    };
    // A follow-up logged as done is work with the clinic: the case records it with the event, in one statement.
    if (status === 'done') await this.cases.recordActivity(manager, locked.id, { actor, authorize: false, at: now, event });
    else await this.events.record(manager, locked.id, actor.id, event.type, event.data);
    return saved;
  }

  /** The follow-up's assignee may update it; otherwise the case's own rule applies (assigned consultant, lead, admin). */
  async update(id: string, dto: UpdateFollowUpDto, actor: Actor): Promise<FollowUpDto> {
    return this.dataSource.transaction(async (manager) => {
      const { row: followUp, caseRow } = await lockCaseChild(manager, this.cases, FollowUp, id, `No follow-up with id ${id}`);
      if (followUp.assigneeId !== actor.id) this.cases.assertCanEdit(caseRow, actor);
      if (dto.assigneeId) await checkActiveStaff(this.users, manager, dto.assigneeId, 'assigneeId');
      const before = followUp.status;
      const fromDueAt = followUp.dueAt;
      const edited =
        (dto.dueAt !== undefined && dto.dueAt.getTime() !== fromDueAt.getTime()) ||
        (dto.assigneeId !== undefined && dto.assigneeId !== followUp.assigneeId) ||
        (dto.kind !== undefined && dto.kind !== followUp.kind) ||
        (dto.note !== undefined && dto.note !== followUp.note);
      Object.assign(followUp, {
        ...(dto.dueAt ? { dueAt: dto.dueAt } : {}),
        ...(dto.assigneeId ? { assigneeId: dto.assigneeId } : {}),
        ...(dto.kind ? { kind: dto.kind } : {}),
        ...(dto.note !== undefined ? { note: dto.note } : {}),
      });
      const now = new Date();
      if (dto.status && dto.status !== before) {
        followUp.status = dto.status;
        followUp.completedAt = dto.status === 'done' ? now : null;
      }
      const saved = await manager.save(followUp);
      if (dto.status && dto.status !== before) {
        const event = { type: 'follow_up_status' as const, data: { followUpId: id, kind: followUp.kind, from: before, to: dto.status } };
        if (dto.status === 'done') await this.cases.recordActivity(manager, followUp.caseId, { actor, authorize: false, at: now, event });
        else await this.events.record(manager, followUp.caseId, actor.id, event.type, event.data);
      }
      // Handling a missed follow-up (done, cancelled, rescheduled) handles the signal it raised.
      if (before === 'missed' && saved.status !== 'missed') {
        const [{ missed }] = (await manager.query(COUNT_MISSED, [followUp.caseId])) as [CountMissedRow];
        if (missed === 0) await this.cases.clearMissedWorkSignal(manager, followUp.caseId, now);
      }
      // A missed follow-up rescheduled is both: scheduled again, and due at a new time.
      if (edited) {
        const moved = saved.dueAt.getTime() !== fromDueAt.getTime();
        await this.events.record(manager, followUp.caseId, actor.id, 'follow_up_updated', {
          followUpId: id,
          kind: followUp.kind,
          dueAt: saved.dueAt.toISOString(),
          ...(moved ? { fromDueAt: fromDueAt.toISOString() } : {}),
        });
      }
      return toFollowUpDto(saved);
    });
  }

  /** The signed-in user's scheduled follow-ups: overdue, due today, and due in the 7 days after today (days in the center's time zone). */
  async mine(actor: Actor, now = new Date()): Promise<MyFollowUpsDto> {
    const rows = (await this.dataSource.query(MY_FOLLOW_UPS, [actor.id, now])) as MyFollowUpRow[];
    const result: MyFollowUpsDto = { overdue: [], today: [], thisWeek: [] };
    for (const row of rows) {
      result[row.bucket].push({
        id: row.id,
        caseId: row.case_id,
        dueAt: row.due_at.toISOString(),
        assigneeId: row.assignee_id,
        kind: row.kind,
        note: row.note,
        status: row.status,
        completedAt: null,
        caseReference: row.reference,
        caseTitle: row.title,
        organizationName: row.organization_name,
      });
    }
    return result;
  }
}
