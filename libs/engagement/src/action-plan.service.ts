import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CaseEventsService, CasesService, type LockedCase } from '@ta/cases';
import { fieldError } from '@ta/common';
import { OrganizationsService } from '@ta/organizations';
import { UsersService, type AuthenticatedUser } from '@ta/users';
import { DataSource, In, type EntityManager } from 'typeorm';
import { ActionItem, ActionPlanGoal } from './action-plan.entity.js';
import { lockCaseChild } from './case-child-lock.js';
import type { ActionItemDto, ActionPlanDto, CreateActionItemDto, PutActionPlanDto, UpdateActionItemDto } from './dto/action-plan.dto.js';
import { progressOf } from './engagement-enums.js';
import { checkActiveStaff, checkContactsOf } from './staff-check.js';

type Actor = Pick<AuthenticatedUser, 'id' | 'role'>;

@Injectable()
export class ActionPlanService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly events: CaseEventsService,
    private readonly organizations: OrganizationsService,
    private readonly users: UsersService,
  ) {}

  async get(caseId: string, manager: EntityManager = this.dataSource.manager): Promise<ActionPlanDto> {
    await this.cases.assertExists(caseId);
    const goals = await manager.find(ActionPlanGoal, { where: { caseId }, order: { sortOrder: 'ASC', createdAt: 'ASC' } });
    const items = await manager.find(ActionItem, { where: { caseId }, order: { createdAt: 'ASC' } });
    const owners = await this.ownerNames(manager, items);
    const itemDtos = items.map((item) => this.toItemDto(item, owners));
    return {
      caseId,
      goals: goals.map((goal) => {
        const mine = itemDtos.filter((i) => i.goalId === goal.id);
        return { id: goal.id, title: goal.title, goalArea: goal.goalArea, items: mine, progress: progressOf(mine.map((i) => i.status)) };
      }),
      progress: progressOf(itemDtos.map((i) => i.status)),
    };
  }

  async put(caseId: string, dto: PutActionPlanDto, actor: Actor): Promise<ActionPlanDto> {
    await this.dataSource.transaction(async (manager) => {
      await this.cases.lockForChange(manager, caseId, actor);
      const existing = await manager.findBy(ActionPlanGoal, { caseId });
      const existingIds = new Set(existing.map((g) => g.id));
      const unknown = dto.goals.find((g) => g.id && !existingIds.has(g.id));
      if (unknown) throw fieldError('goals.id', `goal ${unknown.id} is not on this case’s plan`);
      const keep = new Set(dto.goals.map((g) => g.id).filter(Boolean));
      const removed = existing.filter((g) => !keep.has(g.id));
      if (removed.length) {
        await manager.delete(ActionItem, { goalId: In(removed.map((g) => g.id)) });
        await manager.delete(ActionPlanGoal, { id: In(removed.map((g) => g.id)) });
      }
      for (const [index, goal] of dto.goals.entries()) {
        await manager.save(ActionPlanGoal, {
          ...(goal.id ? { id: goal.id } : {}),
          caseId,
          title: goal.title,
          goalArea: goal.goalArea,
          sortOrder: index,
        });
      }
      await this.events.record(manager, caseId, actor.id, 'plan_updated', {
        goals: dto.goals.map((g) => g.title),
        removed: removed.map((g) => g.title),
      });
    });
    return this.get(caseId);
  }

  async addItem(caseId: string, dto: CreateActionItemDto, actor: Actor): Promise<ActionItemDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      const locked = await this.cases.lockForChange(manager, caseId, actor);
      return (await this.addItemIn(manager, locked, dto, actor, 'item')).id;
    });
    return this.itemOf(caseId, id);
  }

  /** Adds an item inside the caller's transaction (a consultation's next steps use it too). */
  async addItemIn(
    manager: EntityManager,
    locked: LockedCase,
    dto: CreateActionItemDto,
    actor: Actor,
    fieldPrefix: string,
  ): Promise<ActionItem> {
    if (dto.goalId !== undefined && dto.goalTitle !== undefined) {
      throw fieldError(`${fieldPrefix}.goalId`, 'give either a goal id or a new goal’s title and area, not both');
    }
    let goalId = dto.goalId;
    if (dto.goalTitle !== undefined && dto.goalArea !== undefined) {
      const count = await manager.countBy(ActionPlanGoal, { caseId: locked.id });
      goalId = (await manager.save(ActionPlanGoal, { caseId: locked.id, title: dto.goalTitle, goalArea: dto.goalArea, sortOrder: count }))
        .id;
    } else if (!goalId || !(await manager.existsBy(ActionPlanGoal, { id: goalId, caseId: locked.id }))) {
      throw fieldError(`${fieldPrefix}.goalId`, 'not a goal of this case’s plan');
    }
    const owner = await this.checkOwner(manager, locked, dto, actor, fieldPrefix);
    const item = await manager.save(
      manager.create(ActionItem, {
        goalId,
        caseId: locked.id,
        description: dto.description,
        ...owner,
        dueDate: dto.dueDate ?? null,
        status: 'todo',
      }),
    );
    await this.events.record(manager, locked.id, actor.id, 'action_item_added', {
      itemId: item.id,
      description: item.description,
      dueDate: item.dueDate,
    });
    return item;
  }

  async updateItem(id: string, dto: UpdateActionItemDto, actor: Actor): Promise<ActionItemDto> {
    const caseId = await this.dataSource.transaction(async (manager) => {
      const { row: item, caseRow: locked } = await lockCaseChild(manager, this.cases, ActionItem, id, `No action item with id ${id}`);
      this.cases.assertCanEdit(locked, actor);
      const before = item.status;
      if (dto.ownerUserId || dto.ownerContactId) Object.assign(item, await this.checkOwner(manager, locked, dto, actor, ''));
      if (dto.description !== undefined) item.description = dto.description;
      if (dto.dueDate !== undefined) item.dueDate = dto.dueDate;
      const now = new Date();
      if (dto.status && dto.status !== before) {
        item.status = dto.status;
        item.completedAt = dto.status === 'done' ? now : null;
      }
      await manager.save(item);
      if (dto.status && dto.status !== before) {
        await this.cases.recordActivity(manager, item.caseId, {
          actor,
          authorize: false, // the case is locked and the rule applied above
          at: now,
          event: { type: 'action_item_status', data: { itemId: id, description: item.description, from: before, to: dto.status } },
        });
      } else {
        await this.events.record(manager, item.caseId, actor.id, 'action_item_updated', { itemId: id, description: item.description });
      }
      return item.caseId;
    });
    return this.itemOf(caseId, id);
  }

  private async itemOf(caseId: string, itemId: string): Promise<ActionItemDto> {
    const item = (await this.get(caseId)).goals.flatMap((g) => g.items).find((i) => i.id === itemId);
    if (!item) throw new NotFoundException(`No action item with id ${itemId}`);
    return item;
  }

  private async checkOwner(
    manager: EntityManager,
    locked: LockedCase,
    dto: { ownerUserId?: string; ownerContactId?: string },
    actor: Actor,
    fieldPrefix: string,
  ): Promise<{ ownerUserId: string | null; ownerContactId: string | null }> {
    const field = (name: string) => (fieldPrefix ? `${fieldPrefix}.${name}` : name);
    if (dto.ownerUserId && dto.ownerContactId)
      throw fieldError(field('ownerContactId'), 'give either a staff owner or a clinic contact, not both');
    if (dto.ownerContactId) {
      await checkContactsOf(this.organizations, manager, locked.organizationId, [dto.ownerContactId], field('ownerContactId'));
      return { ownerContactId: dto.ownerContactId, ownerUserId: null };
    }
    const userId = dto.ownerUserId ?? actor.id;
    if (dto.ownerUserId) await checkActiveStaff(this.users, manager, userId, field('ownerUserId'));
    return { ownerUserId: userId, ownerContactId: null };
  }

  private async ownerNames(manager: EntityManager, items: ActionItem[]): Promise<Map<string, string>> {
    const userIds = [...new Set(items.map((i) => i.ownerUserId).filter((v): v is string => v !== null))];
    const contactIds = [...new Set(items.map((i) => i.ownerContactId).filter((v): v is string => v !== null))];
    const [users, contacts] = await Promise.all([
      this.users.names(userIds, manager),
      this.organizations.findContacts(contactIds, undefined, manager),
    ]);
    return new Map([...users, ...contacts.map((c) => [c.id, c.name] as const)]);
  }

  private toItemDto(item: ActionItem, names: Map<string, string>): ActionItemDto {
    const owner = item.ownerContactId
      ? { type: 'contact' as const, id: item.ownerContactId, name: names.get(item.ownerContactId) ?? '' }
      : { type: 'user' as const, id: item.ownerUserId ?? '', name: names.get(item.ownerUserId ?? '') ?? '' };
    return {
      id: item.id,
      goalId: item.goalId,
      description: item.description,
      owner,
      dueDate: item.dueDate,
      status: item.status,
      completedAt: item.completedAt?.toISOString() ?? null,
    };
  }
}
