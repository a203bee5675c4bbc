import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { addBusinessDays, escapeLike, fieldError } from '@ta/common';
import { AppConfig } from '@ta/config';
import { readModel, sqlLiteral, type SqlRunner, type SqlValue } from '@ta/database';
import { OutboxService } from '@ta/mail';
import { OrganizationsService } from '@ta/organizations';
import { UsersService, type AuthenticatedUser, type StaffRef } from '@ta/users';
import { DataSource, In, Repository, type EntityManager } from 'typeorm';
import type { CaseStatus, Intensity } from './case-enums.js';
import { CaseEventsService } from './case-events.service.js';
import {
  EDITABLE_CASE_FIELDS,
  type CaseEventPayloads,
  type CaseEventType,
  type CreatedEventData,
  type FieldChangedEventData,
  type OpenWorkCountsData,
  type TransitionEventData,
} from './case-events.js';
import { heldSessionSql, inRegionSql } from './case-filters.read-model.sql.js';
import { allowedMoves, canMove, needsReason, timestampsFor } from './case-status-machine.js';
import {
  CASE_BY_ID,
  CASE_EXISTS,
  CASE_ID_BY_REFERENCE,
  casePage,
  type CaseExistsRow,
  type CaseIdRow,
  type CaseJson,
  type CaseJsonRow,
  type CasePageRow,
} from './case.read-model.sql.js';
import { Case } from './case.entity.js';
import {
  CLEAR_MISSED_WORK_SIGNAL,
  CONFIRM_INTENSITIES,
  LOCK_CASES,
  NEXT_REFERENCE,
  OPEN_FROM_INTAKE,
  RECORD_ACTIVITY,
  TOPIC_LABELS,
  type ConfirmedIntensityRow,
  type NextReferenceRow,
  type OpenedCaseRow,
  type RecordActivityRow,
  type TopicLabelRow,
} from './cases.sql.js';
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

/** A case as a command that locked it hands it to another domain: what that domain's own rules need. */
export type LockedCase = Pick<Case, 'id' | 'reference' | 'title' | 'organizationId' | 'assigneeId' | 'status' | 'stallLevel'>;

/**
 * Work another domain does on a case inside the same transaction, after the case row is locked (one lock order for
 * all casework: the case first, then its children). What it returns is added to the timeline event.
 */
export type CaseworkHook = (manager: EntityManager, locked: LockedCase) => Promise<SettledOpenWork>;

/** What a status move did with the case's open work, as its `transition` event records it. */
export type SettledOpenWork = Pick<TransitionEventData, 'openWork' | 'followUps' | 'actionItems'>;

/** A timeline event as a command hands it over: its type and the payload that type carries (case-events.ts). */
export type CaseEventInput = { [K in CaseEventType]: { type: K; data: CaseEventPayloads[K] } }[CaseEventType];

/** Work with the clinic that happened on a case (a session logged, an item done): see CasesService.recordActivity. */
export type Activity = ActivityBy & {
  at: Date;
  /** When the clinic was first answered, if this answers it. */
  firstResponseAt?: Date;
  /** Topic codes the work names: a 400 naming `topics` when one is unknown. */
  topics?: string[];
  event: CaseEventInput;
  /** The caller's own rule on the locked case, applied before the topics are checked (e.g. no session on a closed case). */
  check?: (locked: LockedCase) => void;
};

/**
 * Who did it (the event's actor), and whether to hold them to the case's edit rule (assigned consultant, lead, admin;
 * off when the caller already did). No actor: the clinic itself, e.g. a reply the worker read from the mailbox.
 */
type ActivityBy = { actor: Actor; authorize: boolean } | { actor: null; authorize: false };

/** "00087", "2026-00087", "TA-2026-000": what people type when they look a case up by its reference. */
const looksLikeReference = (text: string) => /^(?:TA-?)?[\d-]+$/i.test(text) && /\d/.test(text);

/** Only these can be picked up with claim: nobody has started on them yet. */
const CLAIMABLE: readonly CaseStatus[] = ['new', 'triaged'];

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
    private readonly organizations: OrganizationsService,
    private readonly users: UsersService,
  ) {}

  topics(): Promise<Topic[]> {
    return this.topicRepo.find({ order: { sortOrder: 'ASC' } });
  }

  /** One statement for a page and its total (the case read model, case.read-model.sql.ts), a page past the end included. */
  async list(query: ListCasesQueryDto, actor: Actor): Promise<{ items: CaseDto[]; total: number }> {
    const params: unknown[] = [];
    const where = caseFilters(query, actor, (value) => `$${params.push(value)}`);
    const [row] = (await readModel<CasePageRow>(this.dataSource, casePage(where, listOrder(query), params.length + 1), [
      ...params,
      query.pageSize,
      (query.page - 1) * query.pageSize,
    ])) as [CasePageRow];
    return { items: row.items.map(withMoves), total: Number(row.total) };
  }

  /**
   * The list's filters and order as one SQL statement, for reads that go through every matching case (the CSV export):
   * `SELECT id, position FROM cases …` with `position` the row's place in the list's order (1, 2, …). The same filters
   * as `list`, from the same code, but with the filters' values written in as literals (sqlLiteral): the export runs
   * it inside `COPY (…) TO STDOUT`, which takes no bind parameters.
   */
  matchingCasesSql(query: CaseFilterQuery, actor: Actor): string {
    const where = caseFilters(query, actor, sqlLiteral);
    return `SELECT c.id AS id, row_number() OVER (ORDER BY ${listOrder(query)}) AS position FROM cases c WHERE ${where}`;
  }

  async get(id: string): Promise<CaseDto> {
    const [row] = await readModel<CaseJsonRow>(this.dataSource, CASE_BY_ID, [id]);
    if (!row) throw new NotFoundException(`No case with id ${id}`);
    return withMoves(row.dto);
  }

  /** A 404 unless the case exists: for reads about a case that need nothing of it. */
  async assertExists(id: string): Promise<void> {
    const [{ found }] = (await readModel<CaseExistsRow>(this.dataSource, CASE_EXISTS, [id])) as [CaseExistsRow];
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
      await this.organizations.assertExists(manager, dto.organizationId, 'organizationId');
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
          // Every source waits for a first response the same way (a phone or event request too), docs/ARCHITECTURE.md §Jobs.
          firstResponseDueAt: addBusinessDays(now, this.config.FIRST_RESPONSE_BUSINESS_DAYS, this.config.CENTER_TIME_ZONE),
        }),
      );
      await this.events.record(manager, saved.id, actor.id, 'created', { title: saved.title, source: saved.source, status: 'new' });
      if (assigneeId) await this.events.record(manager, saved.id, actor.id, 'assigned', { from: null, to: assigneeId });
      return saved.id;
    });
    return this.get(id);
  }

  /**
   * Opens a case for a public request in the caller's transaction, with its `created` event; the system is the actor.
   * `title` words the case from its topics' labels (in the order given). A 400 naming `topics` for an unknown code.
   */
  async openFromIntake(
    sql: SqlRunner,
    input: Pick<Case, 'organizationId' | 'primaryContactId' | 'description' | 'topics' | 'serviceLines' | 'firstResponseDueAt'> & {
      title: (topicLabels: string[]) => string;
      openedAt: Date;
      intakeId: string;
    },
  ): Promise<OpenedCaseRow> {
    const labels = new Map(((await sql.query(TOPIC_LABELS, [input.topics])) as TopicLabelRow[]).map((row) => [row.code, row.label]));
    const unknown = input.topics.filter((code) => !labels.has(code));
    if (unknown.length) throw fieldError('topics', `unknown topic: ${unknown.join(', ')}`);
    const [opened] = (await sql.query(OPEN_FROM_INTAKE, [
      input.organizationId,
      input.primaryContactId,
      input.title(input.topics.map((code) => labels.get(code) ?? code)),
      input.description,
      input.topics,
      input.serviceLines,
      input.openedAt,
      input.firstResponseDueAt,
      // The `created` payload but its title, which the statement adds from the row it wrote.
      { source: 'web_form', status: 'new', intakeId: input.intakeId } satisfies Omit<CreatedEventData, 'title'>,
    ])) as [OpenedCaseRow];
    return opened;
  }

  /**
   * Takes the next case reference without opening a case: the request form's honeypot answers a bot with it, so the
   * decoy cannot be told from a real answer (the number is simply never used, like one from a rolled-back insert).
   */
  async burnReference(): Promise<string> {
    const [row] = (await this.dataSource.query(NEXT_REFERENCE)) as [NextReferenceRow];
    return row.reference;
  }

  async update(id: string, dto: UpdateCaseDto, actor: Actor): Promise<CaseDto> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.find(manager, id, true);
      this.assertCanEdit(current, actor);
      this.assertVersion(current, dto.version);
      if (dto.topics) await this.checkTopics(manager, dto.topics);
      if (dto.primaryContactId) await this.checkContact(manager, current.organizationId, dto.primaryContactId, 'primaryContactId');
      const changes: FieldChangedEventData[] = [];
      for (const field of EDITABLE_CASE_FIELDS) {
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
    handOver?: (manager: EntityManager, locked: LockedCase, from: string | null) => Promise<{ moved?: OpenWorkCountsData }>,
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
            assignedBy: (await this.users.names([actor.id], manager)).get(actor.id) ?? '',
            reference: current.reference,
            title: current.title,
            organizationName: await this.organizations.nameOf(manager, current.organizationId),
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
          current.assigneeId === actor.id
            ? 'you'
            : ((await this.users.names([current.assigneeId], manager)).get(current.assigneeId) ?? 'someone else');
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
  async lockForChange(manager: EntityManager, id: string, actor: Actor): Promise<LockedCase> {
    const current = await this.lock(manager, id);
    this.assertCanEdit(current, actor);
    return current;
  }

  /**
   * Locks the case row in the caller's transaction, before any row of its sessions, plan or follow-ups: one lock
   * order for every casework write, so concurrent writers on one case queue instead of deadlocking.
   */
  lock(manager: EntityManager, id: string): Promise<LockedCase> {
    return this.find(manager, id, true);
  }

  /** Locks many case rows in the caller's transaction, in id order (two bulk commands cannot deadlock). */
  async lockMany(manager: EntityManager, ids: string[]): Promise<void> {
    await manager.query(LOCK_CASES, [ids]);
  }

  /**
   * Confirms tiers in bulk (a lead accepting suggestions): sets each case's intensity only where none is set yet (a
   * consultant's choice made meanwhile stands), bumps the version like an edit, and records the change on each timeline —
   * one statement for any number of cases. Returns the ids changed.
   */
  async confirmIntensities(
    manager: EntityManager,
    tiers: Array<{ caseId: string; intensity: Intensity }>,
    actorId: string,
  ): Promise<string[]> {
    if (!tiers.length) return [];
    const rows = (await manager.query(CONFIRM_INTENSITIES, [
      tiers.map((t) => t.caseId),
      tiers.map((t) => t.intensity),
      actorId,
    ])) as ConfirmedIntensityRow[];
    return rows.map((r) => r.id);
  }

  /**
   * Work with the clinic happened (a session logged, a follow-up or an action item done): one statement locks and
   * updates the case row (its stall level clears, it counts as answered if it was not yet) and writes the event; then
   * the rules: 404, the edit rule when `authorize`, the caller's `check`, the topics. A rule that fails rolls the
   * caller's transaction back, so nothing of it is kept. The version is left alone: it guards the editable fields.
   */
  async recordActivity(manager: EntityManager, caseId: string, activity: Activity): Promise<LockedCase> {
    const [row] = (await manager.query(RECORD_ACTIVITY, [
      caseId,
      activity.at,
      activity.firstResponseAt ?? null,
      activity.actor?.id ?? null,
      activity.event.type,
      activity.event.data,
      activity.topics ?? [],
    ])) as RecordActivityRow[];
    if (!row) throw new NotFoundException(`No case with id ${caseId}`);
    const locked: LockedCase = {
      id: row.id,
      reference: row.reference,
      title: row.title,
      organizationId: row.organization_id,
      assigneeId: row.assignee_id,
      status: row.status,
      stallLevel: row.stall_level,
    };
    if (activity.authorize) this.assertCanEdit(locked, activity.actor);
    activity.check?.(locked);
    if (row.unknown_topics.length) throw fieldError('topics', `unknown topic: ${row.unknown_topics.join(', ')}`);
    return locked;
  }

  /**
   * The last missed follow-up on the case was handled: the at-risk level it raised clears, unless the case is at risk
   * for its own silence too (no activity for STALL_AT_RISK_DAYS). An escalated case stays escalated (leads handle it).
   */
  async clearMissedWorkSignal(manager: EntityManager, caseId: string, now: Date): Promise<void> {
    await manager.query(CLEAR_MISSED_WORK_SIGNAL, [caseId, now, this.config.STALL_AT_RISK_DAYS]);
  }

  /** 404 for an unknown case; `lock` takes a row lock so concurrent writers queue instead of overwriting. */
  private async find(manager: EntityManager, id: string, lock = false): Promise<Case> {
    const found = await manager.findOne(Case, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!found) throw new NotFoundException(`No case with id ${id}`);
    return found;
  }

  /** The rule for changing a case or its work: its assigned consultant, a lead or an admin. */
  assertCanEdit(current: Pick<LockedCase, 'assigneeId'>, actor: Actor): void {
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

  /** A 400 naming `field` when any code is not a topic. */
  async checkTopics(manager: EntityManager, codes: string[], field = 'topics'): Promise<void> {
    if (codes.length === 0) return;
    const known = new Set((await manager.findBy(Topic, { code: In(codes) })).map((t) => t.code));
    const unknown = codes.filter((code) => !known.has(code));
    if (unknown.length) throw fieldError(field, `unknown topic: ${unknown.join(', ')}`);
  }

  private async checkContact(manager: EntityManager, organizationId: string, contactId: string, field: string): Promise<void> {
    if ((await this.organizations.findContacts([contactId], organizationId, manager)).length === 0)
      throw fieldError(field, 'not a contact of this organization');
  }

  private async checkAssignee(manager: EntityManager, userId: string, field: string): Promise<StaffRef> {
    const user = await this.users.findActiveStaff(manager, userId, ['consultant', 'lead']);
    if (!user) throw fieldError(field, 'must be an active consultant or lead');
    return user;
  }
}

const withMoves = (dto: CaseJson): CaseDto => ({ ...dto, allowedMoves: [...allowedMoves(dto.status)] });

/**
 * The list's order (ties broken by id, so pages never overlap). Every sort column is NOT NULL, so the order names no
 * NULLS placement: Postgres's default for each direction is what the indexes on opened_at and last_activity_at hold,
 * and a page is then an index scan of 25 rows instead of a sort of every matching case (bench/README.md "Case list").
 */
function listOrder(query: Pick<CaseFilterQuery, 'sort'>): string {
  const [expression, direction] = SORTS[query.sort ?? ''] ?? ['c.last_activity_at', 'DESC'];
  return `${expression} ${direction}, c.id ASC`;
}

/**
 * The list's filters as SQL over `c` (cases); every fragment is fixed text and each value goes through `p`, which
 * returns what stands for it in the SQL: a numbered parameter (the list) or a literal (the export's COPY).
 */
function caseFilters(query: CaseFilterQuery, actor: Actor, p: (value: SqlValue) => string): string {
  const where = ['TRUE'];
  if (query.status?.length) where.push(`c.status = ANY(${p(query.status)})`);
  if (query.priority?.length) where.push(`c.priority = ANY(${p(query.priority)})`);
  if (query.stallLevel?.length) where.push(`c.stall_level = ANY(${p(query.stallLevel)})`);
  if (query.assigneeId === 'none') where.push('c.assignee_id IS NULL');
  else if (query.assigneeId) where.push(`c.assignee_id = ${p(query.assigneeId === 'me' ? actor.id : query.assigneeId)}`);
  if (query.organizationId) where.push(`c.organization_id = ${p(query.organizationId)}`);
  if (query.region) where.push(inRegionSql(p(query.region)));
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
    where.push(
      heldSessionSql({
        ...(query.sessionFrom ? { from: p(query.sessionFrom) } : {}),
        ...(query.sessionTo ? { to: p(query.sessionTo) } : {}),
      }),
    );
  }
  return where.join(' AND ');
}
