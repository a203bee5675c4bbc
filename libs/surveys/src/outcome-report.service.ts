import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AssessmentsService } from '@ta/assessments';
import { GOAL_AREA_LABELS, INTENSITIES, INTENSITY_LABELS, REASON_CODES, REASON_LABELS, SERVICE_LINE_LABELS } from '@ta/cases';
import { assertRange, neutralizeFormula, periodBounds } from '@ta/common';
import { REGION_LABELS } from '@ta/organizations';
import { stringify } from 'csv-stringify/sync';
import { DataSource } from 'typeorm';
import type {
  CountDto,
  DoseVsChangeDto,
  OutcomeChecksDto,
  OutcomeReportDto,
  OutcomeReportQueryDto,
  SatisfactionDto,
  SatisfactionGroupDto,
} from './dto/outcome-report.dto.js';
import {
  DOSE_BETWEEN,
  FINISHED_BY_REASON,
  OUTCOME_QUESTIONS,
  OUTCOME_RATE,
  OUTCOME_TEXTS,
  RESOLVED_BY_TIER,
  SATISFACTION,
  type CountRow,
  type DoseRow,
  type OutcomeQuestionRow,
  type OutcomeRateRow,
  type OutcomeTextRow,
  type SatisfactionRow,
} from './outcome-report.read-model.sql.js';
import { YES_NO_LABELS } from './survey-enums.js';

const rate = (answered: number, sent: number) => (sent ? Math.round((answered * 1000) / sent) / 10 : null);
const labelOf = (labels: Record<string, string>, key: string | null, none: string) => (key === null ? none : (labels[key] ?? key));

export const NO_CAUSAL_CLAIM =
  'Organizations differ in many ways besides the TA they received: read this as a description, not as evidence that TA caused the change.';

/** The funder's outcome questions for a period: how deep the TA was, how satisfied the clinics were, what changed. */
@Injectable()
export class OutcomeReportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assessments: AssessmentsService,
  ) {}

  async report(query: Pick<OutcomeReportQueryDto, 'from' | 'to'>): Promise<OutcomeReportDto> {
    assertRange(query);
    const [start, end] = await periodBounds(this.dataSource, query);
    const params = [start, end];
    const [tiers, reasons, satisfaction, [outcomeRate], questions, texts, doseVsChange] = (await Promise.all([
      this.dataSource.query(RESOLVED_BY_TIER, params),
      this.dataSource.query(FINISHED_BY_REASON, params),
      this.dataSource.query(SATISFACTION, params),
      this.dataSource.query(OUTCOME_RATE, params),
      this.dataSource.query(OUTCOME_QUESTIONS, params),
      this.dataSource.query(OUTCOME_TEXTS, params),
      this.doseVsChange(start, end),
    ])) as [CountRow[], CountRow[], SatisfactionRow[], [OutcomeRateRow], OutcomeQuestionRow[], OutcomeTextRow[], DoseVsChangeDto];
    const count = (rows: CountRow[], codes: readonly string[], labels: Record<string, string>, none: string): CountDto[] => {
      const keys = [...codes, ...(rows.some((r) => r.key === null) ? [null] : [])];
      return keys.map((key) => ({ key, label: labelOf(labels, key, none), cases: rows.find((r) => r.key === key)?.cases ?? 0 }));
    };
    const prompts = new Map(questions.map((q) => [q.code, q.question.prompt]));
    const outcomeChecks: OutcomeChecksDto = {
      sent: outcomeRate.sent,
      answered: outcomeRate.answered,
      responseRate: rate(outcomeRate.answered, outcomeRate.sent),
      questions: questions.map((q) => {
        const options =
          q.question.type === 'yes_no'
            ? Object.entries(YES_NO_LABELS).map(([code, label]) => ({ code, label }))
            : q.question.type === 'rating'
              ? Object.entries(q.question.labels ?? {}).map(([code, label]) => ({ code, label: `${code} – ${label}` }))
              : (q.question.options ?? []);
        return {
          code: q.code,
          prompt: q.question.prompt,
          type: q.question.type,
          n: q.n,
          total: q.question.type === 'number' ? q.total : null,
          mean: q.question.type === 'number' || q.question.type === 'rating' ? q.mean : null,
          choices: options.length && q.choices !== undefined ? options.map((o) => ({ ...o, count: q.choices?.[o.code] ?? 0 })) : [],
        };
      }),
      texts: texts.map((t) => ({
        questionCode: t.code,
        prompt: prompts.get(t.code) ?? t.code,
        text: t.text,
        caseReference: t.reference,
        organizationName: t.organization_name,
        answeredAt: t.answered_at.toISOString(),
      })),
    };
    return {
      from: query.from,
      to: query.to,
      resolvedByTier: count(tiers, INTENSITIES, INTENSITY_LABELS, 'Not set'),
      byCloseReason: count(reasons, REASON_CODES, REASON_LABELS, 'No reason recorded'),
      satisfaction: satisfactionOf(satisfaction),
      outcomeChecks,
      doseVsChange,
    };
  }

  /** The report as CSV: one figure a row (Section, Group, Measure, Value), words not codes. */
  async csv(query: OutcomeReportQueryDto): Promise<{ stream: Readable; filename: string }> {
    const report = await this.report(query);
    const rows: Array<[string, string, string, string | number]> = [];
    for (const c of report.resolvedByTier) rows.push(['Resolved cases by intensity tier', c.label, 'Cases', c.cases]);
    for (const c of report.byCloseReason) rows.push(['Resolved or closed cases by reason', c.label, 'Cases', c.cases]);
    const satisfactionRows = (section: string, groups: SatisfactionGroupDto[]) => {
      for (const g of groups) {
        rows.push([section, g.label, 'Surveys sent', g.sent], [section, g.label, 'Surveys answered', g.answered]);
        rows.push([section, g.label, 'Response rate (%)', g.responseRate ?? '']);
        rows.push([section, g.label, 'Ratings (n)', g.n], [section, g.label, 'Mean satisfaction (1–5)', g.mean ?? '']);
        g.distribution.forEach((times, i) => rows.push([section, g.label, `Rated ${i + 1}`, times]));
      }
    };
    satisfactionRows('Satisfaction', [report.satisfaction.overall]);
    satisfactionRows('Satisfaction by consultant', report.satisfaction.byConsultant);
    satisfactionRows('Satisfaction by goal area', report.satisfaction.byGoalArea);
    satisfactionRows('Satisfaction by OMH region', report.satisfaction.byRegion);
    satisfactionRows('Satisfaction by service line', report.satisfaction.byServiceLine);
    const oc = report.outcomeChecks;
    rows.push(['Outcome checks', 'All', 'Sent', oc.sent], ['Outcome checks', 'All', 'Answered', oc.answered]);
    rows.push(['Outcome checks', 'All', 'Response rate (%)', oc.responseRate ?? '']);
    for (const q of oc.questions) {
      rows.push(['Outcome check answers', q.prompt, 'Answers', q.n]);
      if (q.total !== null) rows.push(['Outcome check answers', q.prompt, 'Total', q.total]);
      if (q.mean !== null) rows.push(['Outcome check answers', q.prompt, 'Mean', q.mean]);
      for (const c of q.choices) rows.push(['Outcome check answers', q.prompt, c.label, c.count]);
    }
    for (const t of oc.texts) rows.push(['Outcome check text answers', t.prompt, `${t.organizationName} (${t.caseReference})`, t.text]);
    const dose = report.doseVsChange;
    for (const r of dose.rows) {
      const group = `${r.organizationName} (${r.instrumentCode})`;
      rows.push(['TA dose vs readiness change', group, 'TA sessions between rounds', r.sessions]);
      rows.push(['TA dose vs readiness change', group, 'TA hours between rounds', r.hours]);
      rows.push(['TA dose vs readiness change', group, 'Mean section change', r.meanChange ?? '']);
      for (const s of r.sections) rows.push(['TA dose vs readiness change', group, `Change: ${s.title}`, s.change ?? '']);
    }
    rows.push(['TA dose vs readiness change', 'All', `Organizations (n); ${dose.note}`, dose.n]);
    const cells = rows.map(([a, b, c, d]) => [
      a,
      neutralizeFormula(b),
      neutralizeFormula(c),
      typeof d === 'string' ? neutralizeFormula(d) : d,
    ]);
    const body = stringify([['Section', 'Group', 'Measure', 'Value'], ...cells], { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
    return {
      stream: Readable.from([(query.bom ? '\ufeff' : '') + body]),
      filename: `outcomes_${query.from}_${query.to}.csv`,
    };
  }

  /** Organizations with two closed rounds (assessments' read model) beside the TA they received between them. */
  private async doseVsChange(start: Date, end: Date): Promise<DoseVsChangeDto> {
    const changes = await this.assessments.closedRoundChanges(start, end);
    const doses = changes.length
      ? ((await this.dataSource.query(DOSE_BETWEEN, [
          changes.map((c) => c.organizationId),
          changes.map((c) => c.baselineAt),
          changes.map((c) => c.followUpAt),
        ])) as DoseRow[])
      : [];
    const rows = changes
      .map((c) => {
        const dose = doses.find((d) => d.organization_id === c.organizationId);
        return {
          organizationId: c.organizationId,
          organizationName: c.organizationName,
          instrumentCode: c.instrumentCode,
          baselineAt: c.baselineAt.toISOString(),
          followUpAt: c.followUpAt.toISOString(),
          sessions: dose?.sessions ?? 0,
          hours: Math.round(((dose?.minutes ?? 0) / 60) * 10) / 10,
          meanChange: c.meanChange,
          sections: c.sections,
        };
      })
      .sort((a, b) => a.hours - b.hours || a.organizationName.localeCompare(b.organizationName));
    return { n: rows.length, note: NO_CAUSAL_CLAIM, rows };
  }
}

function satisfactionOf(rows: SatisfactionRow[]): SatisfactionDto {
  const group = (row: SatisfactionRow, label: string): SatisfactionGroupDto => ({
    key: row.key,
    label,
    sent: row.sent,
    answered: row.answered,
    responseRate: rate(row.answered, row.sent),
    n: row.n,
    mean: row.mean,
    distribution: row.distribution,
  });
  const of = (dimension: SatisfactionRow['dimension'], labels: Record<string, string> | null, none: string) =>
    rows.filter((r) => r.dimension === dimension).map((r) => group(r, labels ? labelOf(labels, r.key, none) : (r.name ?? none)));
  const all = rows.find((r) => r.dimension === 'all') ?? {
    dimension: 'all',
    key: null,
    name: null,
    sent: 0,
    answered: 0,
    n: 0,
    mean: null,
    distribution: [0, 0, 0, 0, 0],
  };
  return {
    overall: group(all, 'All closure surveys'),
    byConsultant: of('consultant', null, 'Unassigned'),
    byGoalArea: of('goal_area', GOAL_AREA_LABELS, 'No plan goals'),
    byRegion: of('region', REGION_LABELS, 'No region'),
    byServiceLine: of('service_line', SERVICE_LINE_LABELS, 'No service line'),
  };
}
