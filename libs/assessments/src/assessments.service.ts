import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CaseEventsService, CasesService } from '@ta/cases';
import { calendarDateIn, fieldError, hashLinkToken, newLinkToken } from '@ta/common';
import { AppConfig } from '@ta/config';
import { ActionPlanService, type ActionPlanDto } from '@ta/engagement';
import { OutboxService, type EmailToQueue } from '@ta/mail';
import { OrganizationsService } from '@ta/organizations';
import type { AuthenticatedUser } from '@ta/users';
import { DataSource, type EntityManager } from 'typeorm';
import { DEFAULT_ROUND_DAYS } from './assessment-enums.js';
import { GET_ROUND, LIST_ROUNDS, type RoundRow } from './assessments.read-model.sql.js';
import {
  CHANGE_PAIR,
  CLOSE_ASSESSMENT,
  INSERT_ASSESSMENT,
  INSERT_ENTERED_RESPONDENT,
  INSERT_INVITED_RESPONDENT,
  INSTRUMENT_EXISTS,
  INSTRUMENT_OF_ROUND,
  ITEM_SCORES,
  LOCK_ASSESSMENT,
  RESPONDENTS,
  UPSERT_ANSWERS,
  type ChangePairRow,
  type IdRow,
  type ItemScoreRow,
  type RespondentRow,
  type RoundInstrumentRow,
} from './assessments.sql.js';
import type {
  AssessmentDto,
  ChangeDto,
  CreateAssessmentDto,
  GoalsFromAssessmentDto,
  InvitationsDto,
  InvitationsResultDto,
  InvitedDto,
  OrganizationAssessmentsDto,
  ResponsesDto,
  SectionScoreDto,
} from './dto/assessment.dto.js';
import type { InstrumentFile } from './instrument-file.js';
import { CLOSED_ROUND_PAIRS, type RoundPairRow } from './readiness-report.read-model.sql.js';
import { changeOf, checkAnswers, sectionsOf, toRespondent, toSummary, type AnswerInput } from './scores.js';

type Actor = Pick<AuthenticatedUser, 'id' | 'role'>;

/** An organization's readiness change between two closed rounds, for other libs' reports (see CLOSED_ROUND_PAIRS). */
export interface RoundPairChange {
  organizationId: string;
  organizationName: string;
  instrumentCode: string;
  /** When the baseline round and the later round started. */
  baselineAt: Date;
  followUpAt: Date;
  sections: Array<{ code: string; title: string; change: number | null }>;
  /** Mean of the sections' changes (those with both scores), 2 places. */
  meanChange: number | null;
}

/** Rounds of a readiness instrument for one organization: who answers, what they said, the scores, and the change. */
@Injectable()
export class AssessmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly cases: CasesService,
    private readonly events: CaseEventsService,
    private readonly plans: ActionPlanService,
    private readonly outbox: OutboxService,
    private readonly organizations: OrganizationsService,
  ) {}

  async create(organizationId: string, dto: CreateAssessmentDto, actor: Actor): Promise<AssessmentDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      if (!(await this.organizations.exists(organizationId, manager)))
        throw new NotFoundException(`No organization with id ${organizationId}`);
      const [instrument] = (await manager.query(INSTRUMENT_EXISTS, [dto.instrumentId])) as IdRow[];
      if (!instrument) throw fieldError('instrumentId', 'is not a loaded instrument');
      if (dto.caseId) {
        const found = await this.cases.get(dto.caseId).catch(() => null);
        if (!found || found.organization.id !== organizationId) throw fieldError('caseId', 'must be a case of this organization');
      }
      if (dto.closesOn && dto.closesOn < calendarDateIn(this.config.CENTER_TIME_ZONE))
        throw fieldError('closesOn', 'must be today or later');
      const [row] = (await manager.query(INSERT_ASSESSMENT, [
        organizationId,
        dto.instrumentId,
        dto.purpose,
        dto.caseId ?? null,
        dto.closesOn ?? null,
        this.config.CENTER_TIME_ZONE,
        DEFAULT_ROUND_DAYS,
        actor.id,
      ])) as [IdRow];
      if (dto.caseId)
        await this.events.record(manager, dto.caseId, actor.id, 'assessment_started', { assessmentId: row.id, purpose: dto.purpose });
      return row.id;
    });
    return this.get(id);
  }

  async get(id: string): Promise<AssessmentDto> {
    const round = await this.round(id);
    const [scores, respondents, change] = await Promise.all([
      this.scores([id]),
      this.dataSource.query(RESPONDENTS, [id]) as Promise<RespondentRow[]>,
      round.purpose === 'follow_up' ? this.change(round.organization_id, id) : Promise.resolve(null),
    ]);
    return { ...toSummary(round), sections: scores.get(id) ?? [], respondents: respondents.map(toRespondent), change };
  }

  async listForOrganization(organizationId: string): Promise<OrganizationAssessmentsDto> {
    if (!(await this.organizations.exists(organizationId))) throw new NotFoundException(`No organization with id ${organizationId}`);
    const rounds = (await this.dataSource.query(LIST_ROUNDS, [organizationId])) as RoundRow[];
    const latestAnswered = rounds.find((r) => r.submitted > 0);
    return {
      rounds: rounds.map(toSummary),
      latest: latestAnswered ? await this.get(latestAnswered.id) : null,
      change: await this.change(organizationId, null),
    };
  }

  async invite(id: string, dto: InvitationsDto, actor: Actor): Promise<InvitationsResultDto> {
    const { results, emailIds } = await this.dataSource.transaction(async (manager) => {
      const round = await this.openRound(manager, id);
      const contacts = await this.organizations.findContacts(dto.contactIds, round.organization_id, manager);
      if (contacts.length !== dto.contactIds.length) throw fieldError('contactIds', 'must be contacts of the round’s organization');
      const results: InvitedDto[] = [];
      const emails: EmailToQueue[] = [];
      for (const contactId of dto.contactIds) {
        const contact = contacts.find((c) => c.id === contactId);
        if (!contact?.email) {
          results.push({ contactId, respondentId: null, outcome: 'no_email' });
          continue;
        }
        const token = newLinkToken();
        const [row] = (await manager.query(INSERT_INVITED_RESPONDENT, [id, contactId, contact.name, hashLinkToken(token)])) as IdRow[];
        if (!row) {
          results.push({ contactId, respondentId: null, outcome: 'already_invited' });
          continue;
        }
        results.push({ contactId, respondentId: row.id, outcome: 'invited' });
        emails.push({
          to: contact.email,
          template: 'assessment_invitation',
          data: {
            contactName: contact.name,
            organizationName: round.organization_name,
            instrumentTitle: round.instrument_title,
            url: `${this.config.APP_URL}/request/assessment/${token}`,
            closesOn: new Intl.DateTimeFormat('en-US', { timeZone: this.config.CENTER_TIME_ZONE, dateStyle: 'long' }).format(
              round.expires_at,
            ),
          },
          dedupeKey: `assessment:${id}:invite:${row.id}`,
        });
      }
      const emailIds = await this.outbox.enqueue(manager, emails);
      if (round.case_id && emails.length)
        await this.events.record(manager, round.case_id, actor.id, 'assessment_invited', {
          assessmentId: id,
          invited: results.flatMap((r) => (r.outcome === 'invited' ? (contacts.find((c) => c.id === r.contactId)?.name ?? []) : [])),
        });
      return { results, emailIds };
    });
    await this.outbox.dispatch(emailIds);
    return { invitations: results };
  }

  /** Answers a consultant took down (in a session, by phone): one submitted respondent. */
  async enterResponses(id: string, dto: ResponsesDto, actor: Actor): Promise<AssessmentDto> {
    await this.dataSource.transaction(async (manager) => {
      const round = await this.openRound(manager, id);
      let name = dto.respondentName;
      if (dto.contactId) {
        const [contact] = await this.organizations.findContacts([dto.contactId], round.organization_id, manager);
        if (!contact) throw fieldError('contactId', 'must be a contact of the round’s organization');
        name ??= contact.name;
      }
      if (!name) throw fieldError('respondentName', 'give the respondent’s name or a contactId');
      checkAnswers(await this.instrumentOf(manager, id), dto.answers);
      const [row] = (await manager.query(INSERT_ENTERED_RESPONDENT, [id, dto.contactId ?? null, name, actor.id])) as [IdRow];
      await saveAnswers(manager, row.id, dto.answers);
    });
    return this.get(id);
  }

  async close(id: string, actor: Actor): Promise<AssessmentDto> {
    await this.dataSource.transaction(async (manager) => {
      const round = await this.openRound(manager, id);
      await manager.query(CLOSE_ASSESSMENT, [id]);
      if (round.case_id)
        await this.events.record(manager, round.case_id, actor.id, 'assessment_closed', { assessmentId: id, submitted: round.submitted });
    });
    return this.get(id);
  }

  /**
   * "Suggested goals" in one click: per section, a goal titled after it in the section's goal area, with the section's
   * lowest-scoring item as the first action item — through the engagement lib's plan, on the case's timeline.
   */
  async goalsFromAssessment(caseId: string, dto: GoalsFromAssessmentDto, actor: Actor): Promise<ActionPlanDto> {
    await this.dataSource.transaction(async (manager) => {
      // Who may plan on the case first (a 403 says nothing about the round), then what the round offers.
      const locked = await this.cases.lockForChange(manager, caseId, actor);
      const round = await this.round(dto.assessmentId, manager).catch(() => {
        throw fieldError('assessmentId', 'is not an assessment round');
      });
      if (locked.organizationId !== round.organization_id) throw fieldError('assessmentId', 'must be a round of the case’s organization');
      const sections = (await this.scores([round.id], manager)).get(round.id) ?? [];
      const chosen = dto.sectionCodes.map((code, index) => {
        const section = sections.find((s) => s.code === code);
        if (!section) throw fieldError(`sectionCodes[${index}]`, `is not a section of ${round.instrument_title}`);
        const lowest = lowestItem(section);
        if (!lowest) throw fieldError(`sectionCodes[${index}]`, 'has no answers yet');
        return { section, lowest };
      });
      for (const [index, { section, lowest }] of chosen.entries()) {
        await this.plans.addItemIn(
          manager,
          locked,
          {
            goalTitle: clip(`Strengthen ${section.title.toLowerCase()}`, 200),
            goalArea: section.goalArea,
            description: clip(lowest.statement, 500),
          },
          actor,
          `sectionCodes[${index}]`,
        );
      }
      await this.events.record(manager, caseId, actor.id, 'goals_from_assessment', {
        assessmentId: round.id,
        sections: chosen.map(({ section }) => ({ code: section.code, title: section.title, score: section.score })),
      });
    });
    return this.plans.get(caseId);
  }

  /** Scores of several rounds at once, one statement. */
  async scores(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, SectionScoreDto[]>> {
    const rows = (await manager.query(ITEM_SCORES, [ids])) as ItemScoreRow[];
    const byRound = new Map<string, ItemScoreRow[]>();
    for (const row of rows) byRound.set(row.assessment_id, [...(byRound.get(row.assessment_id) ?? []), row]);
    return new Map([...byRound].map(([id, r]) => [id, sectionsOf(r)]));
  }

  /** Organizations whose later closed round closed in [start, end), with their section changes since their baseline. */
  async closedRoundChanges(start: Date, end: Date): Promise<RoundPairChange[]> {
    const pairs = (await this.dataSource.query(CLOSED_ROUND_PAIRS, [start, end])) as RoundPairRow[];
    if (!pairs.length) return [];
    const scores = await this.scores(pairs.flatMap((p) => [p.baseline_id, p.latest_id]));
    return pairs.map((pair) => {
      const before = new Map((scores.get(pair.baseline_id) ?? []).map((s) => [s.code, s.score]));
      const sections = (scores.get(pair.latest_id) ?? []).map((s) => {
        const b = before.get(s.code);
        return { code: s.code, title: s.title, change: b == null || s.score === null ? null : Math.round((s.score - b) * 100) / 100 };
      });
      const known = sections.flatMap((s) => (s.change === null ? [] : [s.change]));
      return {
        organizationId: pair.organization_id,
        organizationName: pair.organization_name,
        instrumentCode: pair.instrument_code,
        baselineAt: pair.baseline_at,
        followUpAt: pair.latest_at,
        sections,
        meanChange: known.length ? Math.round((known.reduce((a, b) => a + b, 0) / known.length) * 100) / 100 : null,
      };
    });
  }

  private async change(organizationId: string, roundId: string | null): Promise<ChangeDto | null> {
    const [pair] = (await this.dataSource.query(CHANGE_PAIR, [organizationId, roundId])) as ChangePairRow[];
    if (!pair?.latest_id) return null;
    const [baseline, latest, scores] = await Promise.all([
      this.round(pair.baseline_id),
      this.round(pair.latest_id),
      this.scores([pair.baseline_id, pair.latest_id]),
    ]);
    return changeOf(baseline, scores.get(baseline.id) ?? [], latest, scores.get(latest.id) ?? []);
  }

  private async round(id: string, manager: EntityManager = this.dataSource.manager): Promise<RoundRow> {
    const [row] = (await manager.query(GET_ROUND, [id])) as RoundRow[];
    if (!row) throw new NotFoundException(`No assessment with id ${id}`);
    return row;
  }

  /** Locks the round; a closed or expired one takes no more answers or invitations. */
  private async openRound(manager: EntityManager, id: string): Promise<RoundRow> {
    const [locked] = (await manager.query(LOCK_ASSESSMENT, [id])) as IdRow[];
    if (!locked) throw new NotFoundException(`No assessment with id ${id}`);
    const round = await this.round(id, manager);
    if (round.status === 'closed') throw new ConflictException('This assessment round is closed');
    if (round.expires_at.getTime() <= Date.now()) throw new ConflictException('This assessment round has passed its closing date');
    return round;
  }

  private async instrumentOf(manager: EntityManager, id: string): Promise<InstrumentFile> {
    const [row] = (await manager.query(INSTRUMENT_OF_ROUND, [id])) as RoundInstrumentRow[];
    if (!row) throw new BadRequestException('No instrument for this round');
    return row.definition;
  }
}

export async function saveAnswers(manager: EntityManager, respondentId: string, answers: AnswerInput[]): Promise<void> {
  if (!answers.length) return;
  await manager.query(UPSERT_ANSWERS, [
    respondentId,
    answers.map((a) => a.itemCode),
    answers.map((a) => a.score),
    answers.map((a) => a.comment || null),
  ]);
}

const lowestItem = (section: SectionScoreDto) =>
  section.items.filter((i) => i.score !== null).sort((a, b) => (a.score ?? 0) - (b.score ?? 0) || (b.spread ?? 0) - (a.spread ?? 0))[0];

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
