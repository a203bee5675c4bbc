import { ConflictException, GoneException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CaseEventsService } from '@ta/cases';
import { hashLinkToken, sameLinkHash } from '@ta/common';
import { AppConfig } from '@ta/config';
import { OutboxService, type EmailToQueue } from '@ta/mail';
import { UsersService } from '@ta/users';
import { DataSource, type EntityManager } from 'typeorm';
import { checkSurveyAnswers } from './answers.js';
import type { OptOutDto, PublicSurveyDto, SurveyAnswersDto, SurveyFileDto } from './dto/survey.dto.js';
import { LOW_RATING } from './survey-enums.js';
import type { SurveyFile } from './survey-file.js';
import { PUBLIC_INVITATION, PUBLIC_INVITATION_FOR_UPDATE, type PublicInvitationRow } from './surveys.read-model.sql.js';
import { INSERT_ANSWERS, INSERT_OPT_OUT, MARK_INVITATION_ANSWERED, OPT_OUT_OF, type OptOutRow } from './surveys.sql.js';

export const UNKNOWN_SURVEY =
  'We could not find this survey. Check that the link is complete: it is the whole address in the email we sent.';
const EXPIRED = 'This survey has closed, so answers can no longer be given with this link. Thank you all the same.';
const ALREADY = 'This survey has already been answered; each link takes one set of answers. Thank you!';

/**
 * The survey link: a token (192 bits, only its SHA-256 stored) sees its own survey and nothing else of the case.
 * Answered once, in one transaction that also writes the case timeline and, for a low overall rating, the emails
 * to the case's consultant and the leads.
 */
@Injectable()
export class PublicSurveysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly events: CaseEventsService,
    private readonly outbox: OutboxService,
    private readonly users: UsersService,
  ) {}

  async get(token: string): Promise<PublicSurveyDto> {
    const row = await this.find(this.dataSource.manager, token);
    if (row.status !== 'answered') this.assertOpen(row);
    return view(row);
  }

  async answer(token: string, dto: SurveyAnswersDto): Promise<PublicSurveyDto> {
    const emailIds = await this.dataSource.transaction(async (manager) => {
      const row = await this.find(manager, token, true);
      if (row.status === 'answered') throw new ConflictException(ALREADY);
      this.assertOpen(row);
      const survey = row.definition as SurveyFile;
      const answers = checkSurveyAnswers(survey, dto.answers);
      await manager.query(INSERT_ANSWERS, [
        row.id,
        answers.map((a) => a.code),
        answers.map((a) => a.number),
        answers.map((a) => (a.choices ? JSON.stringify(a.choices) : null)),
        answers.map((a) => a.text),
      ]);
      await manager.query(MARK_INVITATION_ANSWERED, [row.id]);
      const satisfaction = survey.satisfactionQuestion
        ? (answers.find((a) => a.code === survey.satisfactionQuestion)?.number ?? null)
        : null;
      await this.events.record(manager, row.case_id, null, 'survey_answered', {
        invitationId: row.id,
        kind: row.kind,
        recipient: row.recipient_name,
        ...(satisfaction !== null ? { satisfaction } : {}),
      });
      return satisfaction !== null && satisfaction <= LOW_RATING ? this.alertLowRating(manager, row, satisfaction) : [];
    });
    await this.outbox.dispatch(emailIds);
    return this.get(token);
  }

  /** The opt-out page: whose address this link stands for (partly hidden), and whether it has opted out. */
  async optOutStatus(token: string): Promise<OptOutDto> {
    const row = await this.find(this.dataSource.manager, token);
    const [found] = (await this.dataSource.query(OPT_OUT_OF, [row.recipient_email])) as OptOutRow[];
    return { email: maskEmail(row.recipient_email), optedOut: Boolean(found) };
  }

  /** One click, any time (answered or expired links too): no more surveys to this address, from any case. */
  async optOut(token: string): Promise<OptOutDto> {
    const row = await this.find(this.dataSource.manager, token);
    await this.dataSource.transaction(async (manager) => {
      const [inserted] = (await manager.query(INSERT_OPT_OUT, [row.recipient_email, row.id])) as OptOutRow[];
      if (inserted) await this.events.record(manager, row.case_id, null, 'survey_opted_out', { recipient: row.recipient_name });
    });
    return { email: maskEmail(row.recipient_email), optedOut: true };
  }

  private async find(manager: EntityManager, token: string, lock = false): Promise<PublicInvitationRow> {
    const hash = hashLinkToken(token);
    const [row] = (await manager.query(lock ? PUBLIC_INVITATION_FOR_UPDATE : PUBLIC_INVITATION, [hash])) as PublicInvitationRow[];
    if (!row || !sameLinkHash(row.token_hash, hash)) throw new NotFoundException(UNKNOWN_SURVEY);
    return row;
  }

  private assertOpen(row: PublicInvitationRow): void {
    if (row.expires_at.getTime() <= Date.now()) throw new GoneException(EXPIRED);
  }

  /** The case's consultant and every active lead, once each (dedupe key per invitation and person). */
  private async alertLowRating(manager: EntityManager, row: PublicInvitationRow, rating: number): Promise<string[]> {
    const leads = await this.users.activeLeads(manager);
    const consultant = row.assignee_id ? await this.users.findActiveStaff(manager, row.assignee_id) : null;
    const people = [...leads, ...(consultant && !leads.some((l) => l.id === consultant.id) ? [consultant] : [])];
    const emails: EmailToQueue[] = people.map((person) => ({
      to: person.email,
      template: 'survey_low_rating',
      data: {
        name: person.name,
        rating,
        organizationName: row.organization_name,
        reference: row.reference,
        title: row.title,
        caseUrl: `${this.config.APP_URL}/cases/${row.case_id}`,
      },
      dedupeKey: `survey:${row.id}:low-rating:${person.id}`,
    }));
    return this.outbox.enqueue(manager, emails);
  }
}

function view(row: PublicInvitationRow): PublicSurveyDto {
  return {
    kind: row.kind,
    organizationName: row.organization_name,
    recipientName: row.recipient_name.split(/\s+/)[0] ?? row.recipient_name,
    status: row.status,
    expiresAt: row.expires_at.toISOString(),
    answeredAt: row.answered_at?.toISOString() ?? null,
    survey: row.definition as SurveyFileDto,
  };
}

/** j•••@clinic.org: enough for its owner to recognise, not enough to harvest. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}•••@${domain}`;
}
