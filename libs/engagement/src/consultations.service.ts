import { randomUUID } from 'node:crypto';
import { ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CaseEventsService, CasesService, type LockedCase } from '@ta/cases';
import { fieldError } from '@ta/common';
import { OrganizationsService } from '@ta/organizations';
import type { AuthenticatedUser } from '@ta/users';
import { DataSource, type EntityManager } from 'typeorm';
import { ActionPlanService } from './action-plan.service.js';
import { lockCaseChild } from './case-child-lock.js';
import { Consultation } from './consultation.entity.js';
import type { ConsultationDto, CreateConsultationDto, UpdateConsultationDto } from './dto/consultation.dto.js';
import { toConsultationDto } from './dto/consultation.dto.js';
import { FollowUpsService } from './follow-ups.service.js';
import { checkContactsOf } from './staff-check.js';
import { INSERT_CONSULTATION, type InsertedConsultationRow } from './consultations.sql.js';

type Actor = Pick<AuthenticatedUser, 'id' | 'role'>;

const EDITABLE = ['startedAt', 'durationMinutes', 'modality', 'attendeeContactIds', 'headcount', 'topics', 'summary', 'nextSteps'] as const;

@Injectable()
export class ConsultationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly events: CaseEventsService,
    private readonly followUps: FollowUpsService,
    private readonly actionPlan: ActionPlanService,
    private readonly organizations: OrganizationsService,
  ) {}

  async list(caseId: string): Promise<ConsultationDto[]> {
    await this.cases.assertExists(caseId);
    const rows = await this.dataSource.manager.find(Consultation, { where: { caseId }, order: { startedAt: 'DESC' } });
    return rows.map(toConsultationDto);
  }

  /** A 400 naming `field` unless the session is one of the case's (attachments hang files on sessions this way). */
  async assertOnCase(manager: EntityManager, caseId: string, consultationId: string, field: string): Promise<void> {
    if (!(await manager.existsBy(Consultation, { id: consultationId, caseId }))) throw fieldError(field, 'not a session of this case');
  }

  /**
   * Logs a session with the follow-ups and action items made of its next steps, all in one transaction:
   * anything invalid (an attendee of another organization, an unknown topic) saves nothing. The case is locked first
   * by the one command that records the activity and its event (its id is made here so the event can name it).
   */
  async create(caseId: string, dto: CreateConsultationDto, actor: Actor): Promise<ConsultationDto> {
    return this.dataSource.transaction(async (manager) => {
      const id = randomUUID();
      const now = new Date();
      const locked = await this.cases.recordActivity(manager, caseId, {
        actor,
        authorize: true,
        at: now,
        firstResponseAt: dto.startedAt < now ? dto.startedAt : now,
        topics: dto.topics,
        event: {
          type: 'consultation_logged',
          data: {
            consultationId: id,
            startedAt: dto.startedAt.toISOString(),
            durationMinutes: dto.durationMinutes,
            modality: dto.modality,
          },
        },
        check: (current) => {
          if (current.status === 'closed')
            throw new ConflictException('This case is closed; reopen is not possible from closed, open a new case instead');
        },
      });
      await checkContactsOf(this.organizations, manager, locked.organizationId, dto.attendeeContactIds, 'attendeeContactIds');
      const values = {
        id,
        caseId,
        consultantId: actor.id,
        startedAt: dto.startedAt,
        durationMinutes: dto.durationMinutes,
        modality: dto.modality,
        attendeeContactIds: dto.attendeeContactIds,
        headcount: dto.headcount ?? null,
        topics: dto.topics,
        summary: dto.summary,
        nextSteps: dto.nextSteps ?? '',
      };
      const [inserted] = (await manager.query(INSERT_CONSULTATION, [
        values.id,
        values.caseId,
        values.consultantId,
        values.startedAt,
        values.durationMinutes,
        values.modality,
        values.attendeeContactIds,
        values.headcount,
        values.topics,
        values.summary,
        values.nextSteps,
      ])) as [InsertedConsultationRow];
      const saved: Consultation = { ...values, createdAt: inserted.created_at, updatedAt: inserted.updated_at };
      for (const [i, followUp] of (dto.followUps ?? []).entries())
        await this.followUps.createIn(manager, locked, followUp, actor, `followUps.${i}`);
      for (const [i, item] of (dto.actionItems ?? []).entries())
        await this.actionPlan.addItemIn(manager, locked, item, actor, `actionItems.${i}`);
      return toConsultationDto(saved);
    });
  }

  async update(id: string, dto: UpdateConsultationDto, actor: Actor): Promise<ConsultationDto> {
    return this.dataSource.transaction(async (manager) => {
      const { consultation, caseRow } = await this.loadForAuthor(manager, id, actor);
      if (dto.attendeeContactIds)
        await checkContactsOf(this.organizations, manager, caseRow.organizationId, dto.attendeeContactIds, 'attendeeContactIds');
      if (dto.topics) await this.cases.checkTopics(manager, dto.topics);
      const changed: string[] = [];
      for (const field of EDITABLE) {
        const next = dto[field];
        if (next === undefined || JSON.stringify(next) === JSON.stringify(consultation[field])) continue;
        changed.push(field);
        Object.assign(consultation, { [field]: next });
      }
      const saved = await manager.save(consultation);
      if (changed.length)
        await this.events.record(manager, consultation.caseId, actor.id, 'consultation_updated', { consultationId: id, fields: changed });
      return toConsultationDto(saved);
    });
  }

  async remove(id: string, actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const { consultation } = await this.loadForAuthor(manager, id, actor);
      await manager.delete(Consultation, { id });
      await this.events.record(manager, consultation.caseId, actor.id, 'consultation_deleted', {
        consultationId: id,
        startedAt: consultation.startedAt.toISOString(),
        durationMinutes: consultation.durationMinutes,
      });
    });
  }

  /** Its author, a lead or an admin may change or delete a logged session. */
  private async loadForAuthor(
    manager: DataSource['manager'],
    id: string,
    actor: Actor,
  ): Promise<{ consultation: Consultation; caseRow: LockedCase }> {
    const { row: consultation, caseRow } = await lockCaseChild(manager, this.cases, Consultation, id, `No consultation with id ${id}`);
    if (actor.role === 'consultant' && consultation.consultantId !== actor.id) {
      throw new ForbiddenException('Only the consultant who logged this session, a lead or an admin may change it');
    }
    return { consultation, caseRow };
  }
}
