import { randomUUID } from 'node:crypto';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CasesService } from '@ta/cases';
import { addBusinessDays, hashLinkToken, newLinkToken, sameLinkHash } from '@ta/common';
import { AppConfig } from '@ta/config';
import { sqlTransaction } from '@ta/database';
import { OutboxService, type EmailToQueue } from '@ta/mail';
import { CONTACT_ROLE_LABELS, OrganizationsService, PEER_ROLE_LABELS, POPULATION_LABELS, STAGE_LABELS } from '@ta/organizations';
import { UsersService } from '@ta/users';
import { DataSource } from 'typeorm';
import { CONTACT_METHOD_LABELS, type IntakeDto, type IntakeResultDto, type RequestStatusDto } from './dto/intake.dto.js';
import { INSERT_SUBMISSION, SUBMISSION_BY_TOKEN, type SubmissionCaseRow } from './intake.sql.js';
import { REQUEST_STATUS, type RequestStatusRow } from './request-status.read-model.sql.js';

/** The requester's view of where a case is; paused sits on "in progress", closed on the last step. */
const PLAIN_STATUS: Record<string, string> = {
  new: 'received',
  triaged: 'in_review',
  active: 'in_progress',
  on_hold: 'paused',
  resolved: 'completed',
  closed: 'closed',
};

interface StatusFacts {
  status: string;
  consultant: string | null;
  sessionsHeld: number;
  nextFollowUp: string | null;
}

/**
 * One consistent story in plain words, from what actually happened: a triaged case whose consultant already met the
 * clinic does not "plan a first conversation", and a completed one with a check-in ahead says so.
 */
function statusStory({ status, consultant, sessionsHeld, nextFollowUp }: StatusFacts): string {
  const who = consultant ?? 'A consultant';
  switch (status) {
    case 'new':
      return consultant
        ? `${consultant} has your request and will contact you soon.`
        : 'We received your request and will contact you soon.';
    case 'triaged':
      return sessionsHeld > 0
        ? `${who} has met with you and is preparing the next steps.`
        : `${who} is reviewing your request and will contact you to plan a first conversation.`;
    case 'active':
      return `You and ${consultant ?? 'your consultant'} are working on this request together.`;
    case 'on_hold':
      return 'This request is paused for now; we will pick it up again with you.';
    case 'resolved':
      return nextFollowUp
        ? `We have completed the work on this request. ${who} will check in with you on the date below.`
        : 'We have completed the work on this request.';
    default:
      return 'This request is closed.';
  }
}

/** What a status-page token looks like (24 random bytes, base64url); anything else is not looked up. */
export const STATUS_TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,64}$/;

@Injectable()
export class IntakeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly cases: CasesService,
    private readonly outbox: OutboxService,
    private readonly organizations: OrganizationsService,
    private readonly users: UsersService,
  ) {}

  /**
   * Stores the request, matches or creates the organization and contact, opens a case due in
   * FIRST_RESPONSE_BUSINESS_DAYS business days, and queues the emails — one transaction; the emails go out after it commits.
   * Each owner does its part in one or two statements (organizations files the requester, cases opens the case with its
   * event, users names the leads, mail writes the emails).
   */
  async submit(dto: IntakeDto): Promise<IntakeResultDto> {
    if (dto.website) return this.decoy();
    const token = newLinkToken();
    const statusUrl = `${this.config.APP_URL}/request/status/${token}`;
    const { reference, emailIds } = await sqlTransaction(this.dataSource, async (sql) => {
      const { organization, organizationCreated, contactId, contactCreated } = await this.organizations.findOrCreateForIntake(sql, {
        ...dto,
        phone: dto.phone ?? null,
      });
      const openedAt = new Date();
      const submissionId = randomUUID();
      const opened = await this.cases.openFromIntake(sql, {
        organizationId: organization.id,
        primaryContactId: contactId,
        title: (topicLabels) => titleFrom(topicLabels, organization.name),
        description: describe(dto),
        topics: dto.topics,
        serviceLines: dto.peerRoles,
        firstResponseDueAt: addBusinessDays(openedAt, this.config.FIRST_RESPONSE_BUSINESS_DAYS, this.config.CENTER_TIME_ZONE),
        openedAt,
        intakeId: submissionId,
      });
      const { website: _honeypot, ...payload } = dto;
      await sql.query(INSERT_SUBMISSION, [
        submissionId,
        payload,
        organization.id,
        organizationCreated,
        contactId,
        contactCreated,
        opened.id,
        hashLinkToken(token),
      ]);
      const leads = await this.users.activeLeads(sql);
      const emailIds = await this.outbox.enqueue(sql, [
        {
          to: dto.email,
          template: 'intake_confirmation',
          data: {
            contactName: dto.contactName,
            reference: opened.reference,
            statusUrl,
            businessDays: this.config.FIRST_RESPONSE_BUSINESS_DAYS,
          },
          dedupeKey: `intake:${submissionId}:confirmation`,
        },
        ...leads.map((lead): EmailToQueue => ({
          to: lead.email,
          template: 'intake_new_request',
          data: {
            reference: opened.reference,
            title: opened.title,
            organizationName: organization.name,
            caseUrl: `${this.config.APP_URL}/cases/${opened.id}`,
          },
          dedupeKey: `intake:${submissionId}:lead:${lead.id}`,
        })),
      ]);
      return { reference: opened.reference, emailIds };
    });
    await this.outbox.dispatch(emailIds);
    return { reference, statusUrl };
  }

  /**
   * The case a status-page link is for, for other libs serving the requester (their own files): a 404 for a link that
   * is malformed or unknown, in the same words as the status page.
   */
  async caseIdForStatusToken(token: string): Promise<string> {
    const hash = STATUS_TOKEN_SHAPE.test(token) ? hashLinkToken(token) : null;
    const [row] = hash ? ((await this.dataSource.query(SUBMISSION_BY_TOKEN, [hash])) as SubmissionCaseRow[]) : [];
    if (!row || !hash || !sameLinkHash(row.token_hash, hash)) throw new NotFoundException('No request found for this link');
    return row.case_id;
  }

  /** What the requester may see: no notes, no summaries, the consultant's first name only. */
  async status(token: string): Promise<RequestStatusDto> {
    const hash = hashLinkToken(token);
    const [row] = (await this.dataSource.query(REQUEST_STATUS, [hash])) as RequestStatusRow[];
    if (!row || !sameLinkHash(row.token_hash, hash)) throw new NotFoundException('No request found for this link');
    const consultantFirstName = row.consultant_name ? (row.consultant_name.split(' ')[0] ?? null) : null;
    // A closed case has nothing ahead of it, even a follow-up someone forgot.
    const nextFollowUpDate = row.status === 'closed' ? null : row.next_follow_up;
    return {
      reference: row.reference,
      organizationName: row.organization_name,
      status: PLAIN_STATUS[row.status] ?? 'received',
      statusText: statusStory({
        status: row.status,
        consultant: consultantFirstName,
        sessionsHeld: row.sessions.length,
        nextFollowUp: nextFollowUpDate,
      }),
      submittedAt: row.created_at.toISOString(),
      consultantFirstName,
      sessionDates: row.sessions,
      nextFollowUpDate,
    };
  }

  /** For the honeypot: looks like success to a bot (a real next reference, a well-formed link), creates nothing. */
  private async decoy(): Promise<IntakeResultDto> {
    const reference = await this.cases.burnReference();
    return { reference, statusUrl: `${this.config.APP_URL}/request/status/${newLinkToken()}` };
  }
}

/** "Peer job descriptions and Recruitment for Sunrise Clinic": what the request is about and for whom, at a glance. */
function titleFrom(topicLabels: string[], organizationName: string): string {
  const about =
    topicLabels.length <= 2
      ? topicLabels.join(' and ')
      : `${topicLabels.slice(0, 2).join(', ')} and ${topicLabels.length - 2} more topic${topicLabels.length === 3 ? '' : 's'}`;
  const title = `${about || 'Request'} for ${organizationName}`;
  return title.length > 200 ? `${title.slice(0, 199)}…` : title;
}

/** The question first, then who asked and what the form told us about the program, in the words people read. */
function describe(dto: IntakeDto): string {
  const list = <T extends string>(codes: T[], labels: Record<T, string>) => codes.map((code) => labels[code]).join(', ');
  const lines = [
    dto.question.trim(),
    '',
    `From: ${dto.contactName} (${CONTACT_ROLE_LABELS[dto.role]}), ${dto.email}${dto.phone ? `, ${dto.phone}` : ''}`,
  ];
  if (dto.preferredContact) lines.push(`Prefers to be contacted by: ${CONTACT_METHOD_LABELS[dto.preferredContact]}`);
  lines.push(`Stage with peer services: ${STAGE_LABELS[dto.stage]}`);
  if (dto.peerRoles.length) lines.push(`Peer roles employed or planned: ${list(dto.peerRoles, PEER_ROLE_LABELS)}`);
  if (dto.populations.length) lines.push(`Populations served: ${list(dto.populations, POPULATION_LABELS)}`);
  return lines.join('\n');
}
