import { ConflictException, GoneException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { fieldError, hashLinkToken, sameLinkHash } from '@ta/common';
import { AppConfig } from '@ta/config';
import { OutboxService, type AssessmentResultsEmail } from '@ta/mail';
import { DataSource, type EntityManager } from 'typeorm';
import { saveAnswers } from './assessments.service.js';
import { PUBLIC_RESPONDENT, PUBLIC_RESPONDENT_FOR_UPDATE, type PublicRespondentRow } from './assessments.read-model.sql.js';
import { ANSWERS_OF, MARK_RESPONDENT_DRAFT, MARK_RESPONDENT_SUBMITTED, type AnswerRow } from './assessments.sql.js';
import type { DraftDto, InstrumentFileDto, PublicAssessmentDto } from './dto/assessment.dto.js';
import type { InstrumentFile } from './instrument-file.js';
import { checkAnswers, ownResults } from './scores.js';

const UNKNOWN = 'We could not find this assessment. Check that the link is complete, or ask the person who sent it for a new one.';
const EXPIRED = 'This assessment has closed, so answers can no longer be given with this link. Thank you for your time.';
const ALREADY = 'You have already submitted your answers; they can be given only once. Thank you!';

/**
 * The respondent's page: a token (192 bits, only its SHA-256 stored) sees its own answers and nothing else — no other
 * respondent, no team scores. Drafts are saved as they go; submitting is once.
 */
@Injectable()
export class PublicAssessmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
  ) {}

  async get(token: string): Promise<PublicAssessmentDto> {
    const row = await this.find(this.dataSource.manager, token);
    if (row.status !== 'submitted') this.assertOpen(row);
    return this.view(row);
  }

  async saveDraft(token: string, dto: DraftDto): Promise<PublicAssessmentDto> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.find(manager, token, true);
      this.assertWritable(row);
      checkAnswers(row.definition as InstrumentFile, dto.answers);
      await saveAnswers(manager, row.respondent_id, dto.answers);
      await manager.query(MARK_RESPONDENT_DRAFT, [row.respondent_id]);
    });
    return this.get(token);
  }

  /**
   * Submits once, and emails the respondent their own section scores with the feedback (an invited contact: the
   * address their link came to). Automatic rather than a button: the address is already known, the email is the copy
   * they keep, and a public "send me" endpoint would be one more thing to rate-limit. Once per respondent (dedupe key).
   */
  async submit(token: string, dto: DraftDto): Promise<PublicAssessmentDto> {
    const emailIds = await this.dataSource.transaction(async (manager) => {
      const row = await this.find(manager, token, true);
      this.assertWritable(row);
      const instrument = row.definition as InstrumentFile;
      checkAnswers(instrument, dto.answers);
      await saveAnswers(manager, row.respondent_id, dto.answers);
      const answered = new Set(((await manager.query(ANSWERS_OF, [row.respondent_id])) as AnswerRow[]).map((a) => a.item_code));
      const missing = instrument.sections.flatMap((s) => s.items).filter((i) => !answered.has(i.code));
      if (missing.length)
        throw fieldError('answers', `${missing.length} statement${missing.length === 1 ? ' is' : 's are'} not answered yet`);
      await manager.query(MARK_RESPONDENT_SUBMITTED, [row.respondent_id]);
      if (!row.contact_email) return [];
      const answers = ((await manager.query(ANSWERS_OF, [row.respondent_id])) as AnswerRow[]).map((a) => ({
        itemCode: a.item_code,
        score: a.score,
      }));
      const data: AssessmentResultsEmail = {
        respondentName: row.name,
        organizationName: row.organization_name,
        instrumentTitle: instrument.title,
        scaleMin: instrument.scale.min,
        scaleMax: instrument.scale.max,
        sections: ownResults(instrument, answers).map(({ title, score, percent, feedback }) => ({ title, score, percent, feedback })),
        url: `${this.config.APP_URL}/request/assessment/${token}`,
      };
      return this.outbox.enqueue(manager, [
        {
          to: row.contact_email,
          template: 'assessment_results',
          data: { ...data },
          dedupeKey: `assessment-respondent:${row.respondent_id}:results`,
        },
      ]);
    });
    await this.outbox.dispatch(emailIds);
    return this.get(token);
  }

  private async find(manager: EntityManager, token: string, lock = false): Promise<PublicRespondentRow> {
    const hash = hashLinkToken(token);
    const [row] = (await manager.query(lock ? PUBLIC_RESPONDENT_FOR_UPDATE : PUBLIC_RESPONDENT, [hash])) as PublicRespondentRow[];
    if (!row || !sameLinkHash(row.token_hash, hash)) throw new NotFoundException(UNKNOWN);
    return row;
  }

  private assertOpen(row: PublicRespondentRow): void {
    if (row.round_status === 'closed' || row.expires_at.getTime() <= Date.now()) throw new GoneException(EXPIRED);
  }

  private assertWritable(row: PublicRespondentRow): void {
    if (row.status === 'submitted') throw new ConflictException(ALREADY);
    this.assertOpen(row);
  }

  private async view(row: PublicRespondentRow): Promise<PublicAssessmentDto> {
    const answers = (await this.dataSource.query(ANSWERS_OF, [row.respondent_id])) as AnswerRow[];
    const instrument = row.definition as InstrumentFile;
    return {
      organizationName: row.organization_name,
      respondentName: row.name,
      status: row.status,
      expiresAt: row.expires_at.toISOString(),
      submittedAt: row.submitted_at?.toISOString() ?? null,
      resultsEmailed: row.status === 'submitted' && row.contact_email !== null,
      instrument: instrument as InstrumentFileDto,
      answers: answers.map((a) => ({ itemCode: a.item_code, score: a.score, comment: a.comment })),
      results:
        row.status === 'submitted'
          ? ownResults(
              instrument,
              answers.map((a) => ({ itemCode: a.item_code, score: a.score })),
            )
          : null,
    };
  }
}
