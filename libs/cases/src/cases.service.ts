import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { addBusinessDays, escapeLike, fieldError } from '@ta/common';
import { AppConfig } from '@ta/config';
import { OutboxService } from '@ta/mail';
import { Contact, Organization } from '@ta/organizations';
import { User, type AuthenticatedUser } from '@ta/users';
import { DataSource, In, Repository, type EntityManager } from 'typeorm';
import type { CaseStatus } from './case-enums.js';
import { CaseEventsService } from './case-events.service.js';
import { allowedMoves, canMove, needsReason, timestampsFor } from './case-status-machine.js';
import {
  CASE_BY_ID,
  CASE_EXISTS,
  CASE_ID_BY_REFERENCE,
  caseCount,
  casePage,
  type CaseCountRow,
  type CaseExistsRow,
  type CaseIdRow,
  type CaseJson,
  type CaseJsonRow,
  type CasePageRow,
} from './case.sql.js';
import { Case } from './case.entity.js';
import type {
  AssignDto,
  CaseDto,
  CaseFilterQuery,
  CreateCaseDto,
  ListCasesQueryDto,
  TransitionDto,
  UpdateCaseDto,
} from './dto/case.dto.js';
import { Topic } from './topic.entity.js';

type Actor = Pick<AuthenticatedUser, 'id' | 'role'>;

/**
 * Work another domain does on a case inside the same transaction, after the case row is locked (one lock order for
 * all casework: the case first, then its children). What it returns is added to the timeline event.
 */
export type CaseworkHook = (manager: EntityManager, locked: Case) => Promise<Record<string, unknown>>;

/** "00087", "2026-00087", "TA-2026-000": what people type when they look a case up by its reference. */
const looksLikeReference = (text: string) => /^(?:TA-?)?[\d-]+$/i.test(text) && /\d/.test(text);

/** Only these can be picked up with claim: nobody has started on them yet. */
const CLAIMABLE: readonly CaseStatus[] = ['new', 'triaged'];

/** Fields a PATCH may change; each change is a field_changed event. */
const EDITABLE = ['title', 'description', 'topics', 'serviceLines', 'priority', 'intensity', 'primaryContactId'] as const;

const SORTS: Record<string, [string, 'ASC' | 'DESC']> = {
  openedAt: ['c.opened_at', 'ASC'],
  '-openedAt': ['c.opened_at', 'DESC'],
  lastActivityAt: ['c.last_activity_at', 'ASC'],
  '-lastActivityAt': ['c.last_activity_at', 'DESC'],
  priority: ["array_position(ARRAY['low','normal','high','urgent']::varchar[], c.priority)", 'ASC'],
  '-priority': ["array_position(ARRAY['low','normal','high','urgent']::varchar[], c.priority)", 'DESC'],
};

@Injectable()
export class CasesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Topic) private readonly topicRepo: Repository<Topic>,
    private readonly events: CaseEventsService,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
  ) {}

  topics(): Promise<Topic[]> {
    return this.topicRepo.find({ order: { sortOrder: 'ASC' } });
  }

  /** One statement for a page and its total (the case read model, case.sql.ts); a page past the end counts apart. */
  async list(query: ListCasesQueryDto, actor: Actor): Promise<{ items: CaseDto[]; total: number }> {
    const { where, params } = caseFilters(query, actor);
    const rows = (await this.dataSource.query(casePage(where, listOrder(query), params.length + 1), [
      ...params,
      query.pageSize,
      (query.page - 1) * query.pageSize,
    ])) as CasePageRow[];
    const total = rows[0]
      ? Number(rows[0].total)
      : Number(((await this.dataSource.query(caseCount(where), params)) as [CaseCountRow])[0].total);
    return { items: rows.map((row) => withMoves(row.dto)), total };
  }

  /**
   * The list's filters and order as one SQL statement, for reads that go through every matching case (the CSV export):
   * `SELECT id, position FROM cases …` with `position` the row's place in the list's order (1, 2, …) and its parameters
   * ($1, $2, …). The same filters as `list`, from the same code.
   */
  matchingCasesSql(query: CaseFilterQuery, actor: Actor): { sql: string; parameters: unknown[] } {
    const { where, params } = caseFilters(query, actor);
    return {
      sql: `SELECT c.id AS id, row_number() OVER (ORDER BY ${listOrder(query)}) AS position FROM cases c WHERE ${where}`,
      parameters: params,
    };
  }

  async get(id: string): Promise<CaseDto> {
    const [row] = (await this.dataSource.query(CASE_BY_ID, [id])) as CaseJsonRow[];
    if (!row) throw new NotFoundException(`No case with id ${id}`);
    return withMoves(row.dto);
  }

  /** A 404 unless the case exists: for reads about a case that need nothing of it. */
  async assertExists(id: string): Promise<void> {
    const [{ found }] = (await this.dataSource.query(CASE_EXISTS, [id])) as [CaseExistsRow];
    if (!found) throw new NotFoundException(`No case with id ${id}`);
  }

  /** The first of these references (TA-2026-00087) that names a case: a reply names its case in its subject. */
  async idByReference(references: string[]): Promise<string | null> {
    if (references.length === 0) return null;
    const [row] = (await this.dataSource.query(CASE_ID_BY_REFERENCE, [references])) as CaseIdRow[];
    return row?.id ?? null;
  }

  async create(dto: CreateCaseDto, actor: Actor): Promise<CaseDto> {
    if (dto.assigneeId && actor.role === 'consultant') throw new ForbiddenException('Only leads and admins assign cases');
    const assigneeId = dto.assigneeId ?? (actor.role === 'consultant' ? actor.id : null);
    const id = await this.dataSource.transaction(async (manager) => {
      await this.checkOrganization(manager, dto.organizationId);
      await this.checkTopics(manager, dto.topics);
      if (dto.primaryContactId) await this.checkContact(manager, dto.organizationId, dto.primaryContactId, 'primaryContactId');
      if (dto.assigneeId) await this.checkAssignee(manager, dto.assigneeId, 'assigneeId');
      const now = new Date();
      const saved = await manager.save(
        manager.create(Case, {
          organizationId: dto.organizationId,
          primaryContactId: dto.primaryContactId ?? null,
          title: dto.title,
          description: dto.description,
          source: dto.source,
          priority: dto.priority,
          topics: dto.topics,
          serviceLines: dto.serviceLines,
          intensity: dto.intensity ?? null,
          assigneeId,
          status: 'new',
          stallLevel: 'none',
          openedAt: now,
          lastActivityAt: now,
          // Every source waits for a first response the same way (a phone or event request too), DESIGN §3.
          firstResponseDueAt: addBusinessDays(now, this.config.FIRST_RESPONSE_BUSINESS_DAYS),
        }),
      );
      await this.events.record(manager, saved.id, actor.id, 'created', { title: saved.title, source: saved.source, status: 'new' });
      if (assigneeId) await this.events.record(manager, saved.id, actor.id, 'assigned', { from: null, to: assigneeId });
      return saved.id;
    });
    return this.get(id);
  }

  /** Opens a case for a public request in the caller's transaction; the system is the actor. */
  async openFromIntake(
    manager: EntityManager,
    input: Pick<
      Case,
      'organizationId' | 'primaryContactId' | 'title' | 'description' | 'topics' | 'serviceLines' | 'firstResponseDueAt'
    > & { openedAt: Date; intakeId: string },
  ): Promise<Case> {
    await this.checkTopics(manager, input.topics);
    const saved = await manager.save(
      manager.create(Case, {
        ...input,
        source: 'web_form',
        priority: 'normal',
        intensity: null,
        assigneeId: null,
        status: 'new',
        stallLevel: 'none',
        lastActivityAt: input.openedAt,
      }),
    );
    await this.events.record(manager, saved.id, null, 'created', {
      title: saved.title,
      source: 'web_form',
      status: 'new',
      intakeId: input.intakeId,
    });
    return manager.findOneByOrFail(Case, { id: saved.id });
  }

  /**
   * Takes the next case reference without opening a case: the request form's honeypot answers a bot with it, so the
   * decoy cannot be told from a real answer (the number is simply never used, like one from a rolled-back insert).
   */
  async burnReference(): Promise<string> {
    const [row] = (await this.dataSource.query(`SELECT next_case_reference() AS reference`)) as [{ reference: string }];
    return row.reference;
  }

  async update(id: string, dto: UpdateCaseDto, actor: Actor): Promise<CaseDto> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.find(manager, id, true);
      this.assertCanEdit(current, actor);
      this.assertVersion(current, dto.version);
      if (dto.topics) await this.checkTopics(manager, dto.topics);
      if (dto.primaryContactId) await this.checkContact(manager, current.organizationId, dto.primaryContactId, 'primaryContactId');
      const changes: Array<{ field: string; from: unknown; to: unknown }> = [];
      for (const field of EDITABLE) {
        const next = dto[field];
        if (next === undefined || JSON.stringify(next) === JSON.stringify(current[field])) continue;
        changes.push({ field, from: current[field], to: next });
        Object.assign(current, { [field]: next });
      }
      if (changes.length === 0) return;
      await manager.save(current);
      for (const change of changes) await this.events.record(manager, id, actor.id, 'field_changed', change);
    });
    return this.get(id);
  }

  /**
   * Moves the case; `settleOpenWork` handles its follow-ups and action items in the same transaction (resolving
   * and closing). A consultant may also triage a case nobody has yet.
   */
  async transition(id: string, dto: TransitionDto, actor: Actor, settleOpenWork?: CaseworkHook): Promise<CaseDto> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.find(manager, id, true);
      const triagingUnassigned = dto.to === 'triaged' && current.assigneeId === null;
      if (!triagingUnassigned) this.assertCanEdit(current, actor);
      if (dto.version !== undefined) this.assertVersion(current, dto.version);
      if (!canMove(current.status, dto.to)) {
        const allowed = allowedMoves(current.status);
        throw new ConflictException({
          message: `A ${current.status} case cannot move to ${dto.to}; allowed: ${allowed.join(', ') || 'none'}`,
          details: { from: current.status, to: dto.to, allowed },
        });
      }
      if (needsReason(dto.to) && !dto.reason) throw fieldError('reason', `a reason code is required to move a case to ${dto.to}`);
      const now = new Date();
      const from = current.status;
      Object.assign(current, timestampsFor(dto.to, now), {
        status: dto.to,
        statusReason: needsReason(dto.to) ? dto.reason : null,
        lastActivityAt: now,
        // A finished case raises no signals, so it carries none either: never resolved and at risk at once.
        ...(dto.to === 'resolved' || dto.to === 'closed' ? { stallLevel: 'none' as const } : {}),
      });
      await manager.save(current);
      const settled = settleOpenWork ? await settleOpenWork(manager, current) : {};
      await this.events.record(manager, id, actor.id, 'transition', {
        from,
        to: dto.to,
        ...(dto.reason && needsReason(dto.to) ? { reason: dto.reason } : {}),
        ...settled,
      });
    });
    return this.get(id);
  }

  /**
   * Leads and admins only (enforced by the controller's @Roles). `handOver` moves the open work in the same
   * transaction. The new assignee is emailed (through the outbox, once per assignment) unless they assigned themselves.
   */
  async assign(
    id: string,
    dto: AssignDto,
    actor: Actor,
    handOver?: (manager: EntityManager, locked: Case, from: string | null) => Promise<Record<string, unknown>>,
  ): Promise<CaseDto> {
    const emailIds = await this.dataSource.transaction(async (manager) => {
      const current = await this.find(manager, id, true);
      const assignee = await this.checkAssignee(manager, dto.consultantId, 'consultantId');
      if (current.assigneeId === dto.consultantId) return [];
      const from = current.assigneeId;
      current.assigneeId = dto.consultantId;
      await manager.save(current);
      const moved = handOver ? await handOver(manager, current, from) : {};
      const eventId = await this.events.record(manager, id, actor.id, 'assigned', { from, to: dto.consultantId, ...moved });
      if (assignee.id === actor.id) return [];
      return this.outbox.enqueue(manager, [
        {
          to: assignee.email,
          template: 'case_assigned',
          data: {
            assigneeName: assignee.name,
            assignedBy: (await manager.findOneByOrFail(User, { id: actor.id })).name,
            reference: current.reference,
            title: current.title,
            organizationName: (await manager.findOneByOrFail(Organization, { id: current.organizationId })).name,
            caseUrl: `${this.config.APP_URL}/cases/${id}`,
            movedWork: 'moved' in moved,
          },
          dedupeKey: `case:${id}:assigned:${eventId}`,
        },
      ]);
    });
    await this.outbox.dispatch(emailIds);
    return this.get(id);
  }

  /**
   * A consultant (or lead) picks up a case nobody has: only a new or triaged one. Two at once: the row lock makes
   * the second wait, then find it taken, and its answer names who has it.
   */
  async claim(id: string, actor: Actor): Promise<CaseDto> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.find(manager, id, true);
      if (current.assigneeId !== null) {
        const holder =
          current.assigneeId === actor.id ? 'you' : ((await manager.findOneBy(User, { id: current.assigneeId }))?.name ?? 'someone else');
        throw new ConflictException({
          message: `${current.reference} is already assigned to ${holder}`,
          details: { assignee: { id: current.assigneeId, name: holder } },
        });
      }
      if (!CLAIMABLE.includes(current.status)) {
        throw new ConflictException(`Only a new or triaged case can be claimed; ${current.reference} is ${current.status}`);
      }
      current.assigneeId = actor.id;
      await manager.save(current);
      await this.events.record(manager, id, actor.id, 'assigned', { from: null, to: actor.id, claimed: true });
    });
    return this.get(id);
  }

  /**
   * For other domains changing something on a case (sessions, plans, follow-ups) in their own transaction:
   * locks the case row and applies the same rule as editing the case itself.
   */
  async lockForChange(manager: EntityManager, id: string, actor: Actor): Promise<Case> {
    const current = await this.lock(manager, id);
    this.assertCanEdit(current, actor);
    return current;
  }

  /**
   * Locks the case row in the caller's transaction, before any row of its sessions, plan or follow-ups: one lock
   * order for every casework write, so concurrent writers on one case queue instead of deadlocking.
   */
  lock(manager: EntityManager, id: string): Promise<Case> {
    return this.find(manager, id, true);
  }

  /**
   * Work with the clinic happened: the stall level clears and the case counts as answered if it was not yet.
   * The version is left alone: it guards the editable fields, which did not change.
   */
  async recordActivity(manager: EntityManager, caseId: string, at: Date, firstResponseAt?: Date): Promise<void> {
    await manager.query(
      `UPDATE cases SET last_activity_at = greatest(last_activity_at, $2), stall_level = 'none',
         first_response_at = coalesce(first_response_at, $3), updated_at = now()
       WHERE id = $1`,
      [caseId, at, firstResponseAt ?? null],
    );
  }

  /**
   * The last missed follow-up on the case was handled: the at-risk level it raised clears, unless the case is at risk
   * for its own silence too (no activity for STALL_AT_RISK_DAYS). An escalated case stays escalated (leads handle it).
   */
  async clearMissedWorkSignal(manager: EntityManager, caseId: string, now: Date): Promise<void> {
    await manager.query(
      `UPDATE cases SET stall_level = 'none', updated_at = now()
       WHERE id = $1 AND stall_level = 'at_risk' AND last_activity_at > $2::timestamptz - make_interval(days => $3::int)`,
      [caseId, now, this.config.STALL_AT_RISK_DAYS],
    );
  }

  /** 404 for an unknown case; `lock` takes a row lock so concurrent writers queue instead of overwriting. */
  private async find(manager: EntityManager, id: string, lock = false): Promise<Case> {
    const found = await manager.findOne(Case, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!found) throw new NotFoundException(`No case with id ${id}`);
    return found;
  }

  /** The rule for changing a case or its work: its assigned consultant, a lead or an admin. */
  assertCanEdit(current: Case, actor: Actor): void {
    if (actor.role === 'consultant' && current.assigneeId !== actor.id) {
      throw new ForbiddenException('Only the assigned consultant, a lead or an admin may change this case');
    }
  }

  private assertVersion(current: Case, version: number): void {
    if (current.version !== version) {
      throw new ConflictException({
        message: `This case changed since you loaded it (your version ${version}, now ${current.version}); reload and try again`,
        details: { currentVersion: current.version },
      });
    }
  }

  private async checkOrganization(manager: EntityManager, organizationId: string): Promise<void> {
    if (!(await manager.existsBy(Organization, { id: organizationId }))) throw fieldError('organizationId', 'no such organization');
  }

  /** A 400 naming `field` when any code is not a topic. */
  async checkTopics(manager: EntityManager, codes: string[], field = 'topics'): Promise<void> {
    if (codes.length === 0) return;
    const known = new Set((await manager.findBy(Topic, { code: In(codes) })).map((t) => t.code));
    const unknown = codes.filter((code) => !known.has(code));
    if (unknown.length) throw fieldError(field, `unknown topic: ${unknown.join(', ')}`);
  }

  private async checkContact(manager: EntityManager, organizationId: string, contactId: string, field: string): Promise<void> {
    if (!(await manager.existsBy(Contact, { id: contactId, organizationId })))
      throw fieldError(field, 'not a contact of this organization');
  }

  private async checkAssignee(manager: EntityManager, userId: string, field: string): Promise<User> {
    const user = await manager.findOneBy(User, { id: userId, active: true, role: In(['consultant', 'lead']) });
    if (!user) throw fieldError(field, 'must be an active consultant or lead');
    return user;
  }
}

const withMoves = (dto: CaseJson): CaseDto => ({ ...dto, allowedMoves: [...allowedMoves(dto.status)] });

/** The list's order (ties broken by id, so pages never overlap). */
function listOrder(query: Pick<CaseFilterQuery, 'sort'>): string {
  const [expression, direction] = SORTS[query.sort ?? ''] ?? ['c.last_activity_at', 'DESC'];
  return `${expression} ${direction} ${direction === 'DESC' ? 'NULLS LAST' : 'NULLS FIRST'}, c.id ASC`;
}

/** The list's filters as SQL over `c` (cases) with numbered parameters; every fragment is fixed text. */
function caseFilters(query: CaseFilterQuery, actor: Actor): { where: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (value: unknown) => `$${params.push(value)}`;
  const where = ['TRUE'];
  if (query.status?.length) where.push(`c.status = ANY(${p(query.status)})`);
  if (query.priority?.length) where.push(`c.priority = ANY(${p(query.priority)})`);
  if (query.stallLevel?.length) where.push(`c.stall_level = ANY(${p(query.stallLevel)})`);
  if (query.assigneeId === 'none') where.push('c.assignee_id IS NULL');
  else if (query.assigneeId) where.push(`c.assignee_id = ${p(query.assigneeId === 'me' ? actor.id : query.assigneeId)}`);
  if (query.organizationId) where.push(`c.organization_id = ${p(query.organizationId)}`);
  if (query.region) where.push(`c.organization_id IN (SELECT r.id FROM organizations r WHERE r.region = ${p(query.region)})`);
  if (query.topic) where.push(`${p(query.topic)} = ANY(c.topics)`);
  if (query.goalArea) where.push(`c.topics && ARRAY(SELECT t.code FROM topics t WHERE t.goal_area = ${p(query.goalArea)})::text[]`);
  if (query.q) {
    // Words match the full text (accents ignored); a number, or part of a reference, matches references by substring.
    const text = query.q.trim();
    const byWords = `c.search_vector @@ websearch_to_tsquery('english', f_unaccent(${p(query.q)}))`;
    where.push(looksLikeReference(text) ? `(${byWords} OR c.reference LIKE ${p(`%${escapeLike(text.toUpperCase())}%`)})` : byWords);
  }
  if (query.openedFrom) where.push(`c.opened_at >= ${p(query.openedFrom)}`);
  if (query.openedTo) where.push(`c.opened_at < ${p(query.openedTo)}`);
  if (query.sessionFrom || query.sessionTo) {
    // consultations_case_started_idx answers this per case.
    const held = [
      's.case_id = c.id',
      ...(query.sessionFrom ? [`s.started_at >= ${p(query.sessionFrom)}`] : []),
      ...(query.sessionTo ? [`s.started_at < ${p(query.sessionTo)}`] : []),
    ];
    where.push(`EXISTS (SELECT 1 FROM consultations s WHERE ${held.join(' AND ')})`);
  }
  return { where: where.join(' AND '), params };
}
