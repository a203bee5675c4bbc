import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { fieldError } from '@ta/common';
import { CaseEventsService, CasesService, type Case } from '@ta/cases';
import type { AuthenticatedUser } from '@ta/users';
import { DataSource, type EntityManager } from 'typeorm';
import { lockCaseChild } from './case-child-lock.js';
import type { CreateFollowUpDto, FollowUpDto, MyFollowUpDto, MyFollowUpsDto, UpdateFollowUpDto } from './dto/follow-up.dto.js';
import { toFollowUpDto } from './dto/follow-up.dto.js';
import { FollowUp } from './follow-up.entity.js';
import { checkActiveStaff } from './staff-check.js';

type Actor = Pick<AuthenticatedUser, 'id' | 'role'>;

const DAY_MS = 86_400_000;

@Injectable()
export class FollowUpsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly events: CaseEventsService,
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
  async createIn(manager: EntityManager, locked: Case, dto: CreateFollowUpDto, actor: Actor, fieldPrefix: string): Promise<FollowUp> {
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
    if (dto.assigneeId) await checkActiveStaff(manager, dto.assigneeId, `${fieldPrefix}.assigneeId`);
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
    await this.events.record(manager, locked.id, actor.id, 'follow_up_scheduled', {
      followUpId: saved.id,
      kind: saved.kind,
      dueAt: saved.dueAt.toISOString(),
      assigneeId,
      ...(status === 'done' ? { status } : {}),
    });
    if (status === 'done') await this.cases.recordActivity(manager, locked.id, now);
    return saved;
  }

  /** The follow-up's assignee may update it; otherwise the case's own rule applies (assigned consultant, lead, admin). */
  async update(id: string, dto: UpdateFollowUpDto, actor: Actor): Promise<FollowUpDto> {
    return this.dataSource.transaction(async (manager) => {
      const { row: followUp, caseRow } = await lockCaseChild(manager, this.cases, FollowUp, id, `No follow-up with id ${id}`);
      if (followUp.assigneeId !== actor.id) this.cases.assertCanEdit(caseRow, actor);
      if (dto.assigneeId) await checkActiveStaff(manager, dto.assigneeId, 'assigneeId');
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
        await this.events.record(manager, followUp.caseId, actor.id, 'follow_up_status', {
          followUpId: id,
          kind: followUp.kind,
          from: before,
          to: dto.status,
        });
        if (dto.status === 'done') await this.cases.recordActivity(manager, followUp.caseId, now);
      }
      // Handling a missed follow-up (done, cancelled, rescheduled) handles the signal it raised.
      if (before === 'missed' && saved.status !== 'missed') {
        const [{ missed }] = (await manager.query(
          `SELECT count(*)::int AS missed FROM follow_ups WHERE case_id = $1 AND status = 'missed'`,
          [followUp.caseId],
        )) as [{ missed: number }];
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

  /** The signed-in user's scheduled follow-ups: overdue, due today, and due in the 7 days after today (days in New York). */
  async mine(actor: Actor, now = new Date()): Promise<MyFollowUpsDto> {
    const rows = (await this.dataSource.query(
      `WITH bounds AS (
         SELECT (date_trunc('day', $2::timestamptz AT TIME ZONE center_time_zone()) AT TIME ZONE center_time_zone()) AS today_start)
       SELECT f.*, c.reference, c.title, o.name AS organization_name,
              CASE WHEN f.due_at < b.today_start THEN 'overdue'
                   WHEN f.due_at < b.today_start + interval '1 day' THEN 'today'
                   ELSE 'thisWeek' END AS bucket
       FROM follow_ups f
       JOIN cases c ON c.id = f.case_id
       JOIN organizations o ON o.id = c.organization_id
       CROSS JOIN bounds b
       WHERE f.assignee_id = $1 AND f.status IN ('scheduled', 'missed') AND f.due_at < b.today_start + interval '8 days'
       ORDER BY f.due_at ASC
       LIMIT 500`,
      [actor.id, now],
    )) as Array<Record<string, unknown>>;
    const result: MyFollowUpsDto = { overdue: [], today: [], thisWeek: [] };
    for (const row of rows) {
      const item: MyFollowUpDto = {
        id: row.id as string,
        caseId: row.case_id as string,
        dueAt: (row.due_at as Date).toISOString(),
        assigneeId: row.assignee_id as string,
        kind: row.kind as MyFollowUpDto['kind'],
        note: row.note as string,
        status: row.status as MyFollowUpDto['status'],
        completedAt: null,
        caseReference: row.reference as string,
        caseTitle: row.title as string,
        organizationName: row.organization_name as string,
      };
      result[row.bucket as keyof MyFollowUpsDto].push(item);
    }
    return result;
  }
}
