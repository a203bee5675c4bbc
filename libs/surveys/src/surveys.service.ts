import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CasesService } from '@ta/cases';
import { assertRange, periodBounds } from '@ta/common';
import { DataSource } from 'typeorm';
import type {
  AnswerDto,
  CaseSurveyDto,
  CaseSurveysDto,
  LoadSurveyResultDto,
  SurveyDto,
  SurveyFileDto,
  SurveyResponseDto,
  SurveyResponsesQueryDto,
  SurveySummaryDto,
} from './dto/survey.dto.js';
import { YES_NO_LABELS } from './survey-enums.js';
import { SurveyFileError, type SurveyFile, type SurveyQuestion } from './survey-file.js';
import { storeSurvey } from './survey-store.js';
import {
  CASE_INVITATIONS,
  CASE_OPTED_OUT,
  GET_SURVEY,
  LIST_SURVEYS,
  type InvitationRow,
  type SurveyDefinitionRow,
  type SurveyRow,
} from './surveys.sql.js';
import { RESPONSES_IN_PERIOD, type ResponseRow } from './surveys.read-model.sql.js';

const toSummary = (row: SurveyRow): SurveySummaryDto => ({
  id: row.id,
  kind: row.kind,
  version: row.version,
  title: row.title,
  questions: row.questions,
  sent: row.sent,
  current: row.current,
  createdAt: row.created_at.toISOString(),
});

/** An answer in the words the person chose: the rating's label, the options' labels, the number or the text. */
export function displayAnswer(question: SurveyQuestion | undefined, answer: InvitationRow['answers'][number]): string {
  if (answer.text !== null) return answer.text;
  if (answer.number !== null)
    return question?.type === 'rating' ? `${answer.number} – ${question.labels?.[String(answer.number)] ?? ''}` : String(answer.number);
  const labelOf = (code: string) =>
    question?.type === 'yes_no'
      ? (YES_NO_LABELS[code as 'yes' | 'no'] ?? code)
      : (question?.options?.find((o) => o.code === code)?.label ?? code);
  return (answer.choices ?? []).map(labelOf).join('; ');
}

export function toCaseSurvey(row: InvitationRow): CaseSurveyDto {
  const survey = row.definition as SurveyFile;
  const byCode = new Map(row.answers.map((a) => [a.code, a]));
  // In the survey's order, whatever order they were stored in.
  const answers: AnswerDto[] = survey.questions.flatMap((q) => {
    const answer = byCode.get(q.code);
    return answer
      ? [
          {
            questionCode: q.code,
            prompt: q.prompt,
            type: q.type,
            number: answer.number,
            choices: answer.choices,
            text: answer.text,
            display: displayAnswer(q, answer),
          },
        ]
      : [];
  });
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    surveyVersion: row.version,
    recipientName: row.recipient_name,
    status: row.status,
    sentAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    answeredAt: row.answered_at?.toISOString() ?? null,
    satisfaction: survey.satisfactionQuestion ? (byCode.get(survey.satisfactionQuestion)?.number ?? null) : null,
    answers,
  };
}

/** Survey definitions (versions loaded by admins) and the staff's reads of what was sent and answered. */
@Injectable()
export class SurveysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
  ) {}

  async list(): Promise<SurveySummaryDto[]> {
    return ((await this.dataSource.query(LIST_SURVEYS)) as SurveyRow[]).map(toSummary);
  }

  async get(id: string): Promise<SurveyDto> {
    const [row] = (await this.dataSource.query(GET_SURVEY, [id])) as SurveyDefinitionRow[];
    if (!row) throw new NotFoundException(`No survey with id ${id}`);
    return { ...toSummary(row), definition: row.definition as SurveyFileDto };
  }

  /** Validates and stores a survey file; problems are a 400 listing each JSON path at fault. */
  async load(file: unknown, actorId: string): Promise<LoadSurveyResultDto> {
    try {
      const { id, outcome } = await this.dataSource.transaction((manager) => storeSurvey(manager, file, actorId));
      const [row] = (await this.dataSource.query(GET_SURVEY, [id])) as [SurveyRow];
      return { survey: toSummary(row), outcome };
    } catch (error) {
      if (!(error instanceof SurveyFileError)) throw error;
      throw new BadRequestException({
        message: `Validation failed: ${error.message.split('\n').join('; ')}`,
        details: error.problems.map((p) => ({ field: p.path || 'body', messages: [p.message] })),
      });
    }
  }

  /** The case page's Satisfaction card: what was sent, to whom, and the answers. */
  async forCase(caseId: string): Promise<CaseSurveysDto> {
    await this.cases.assertExists(caseId);
    const [rows, [{ opted_out }]] = (await Promise.all([
      this.dataSource.query(CASE_INVITATIONS, [caseId]),
      this.dataSource.query(CASE_OPTED_OUT, [caseId]),
    ])) as [InvitationRow[], [{ opted_out: boolean }]];
    return { surveys: rows.map(toCaseSurvey), optedOut: opted_out };
  }

  /** Answers given in a period (the center's days), for reporting. */
  async responses(query: SurveyResponsesQueryDto): Promise<SurveyResponseDto[]> {
    assertRange(query);
    const [start, end] = await periodBounds(this.dataSource, query);
    const rows = (await this.dataSource.query(RESPONSES_IN_PERIOD, [start, end])) as ResponseRow[];
    return rows.map((row) => ({
      ...toCaseSurvey(row),
      caseId: row.case_id,
      caseReference: row.reference,
      organizationName: row.organization_name,
      consultantName: row.consultant_name,
    }));
  }
}
