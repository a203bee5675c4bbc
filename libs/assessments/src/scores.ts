import type { RoundRow } from './assessments.read-model.sql.js';
import type { ItemScoreRow, RespondentRow } from './assessments.sql.js';
import type { AssessmentSummaryDto, ChangeDto, ItemChangeDto, RespondentDto, SectionScoreDto } from './dto/assessment.dto.js';
import type { GoalArea } from '@ta/cases';
import { fieldError } from '@ta/common';
import type { InstrumentFile } from './instrument-file.js';

/** Groups the item rows of one round (in instrument order) into sections. */
export function sectionsOf(rows: ItemScoreRow[]): SectionScoreDto[] {
  const sections: SectionScoreDto[] = [];
  for (const row of rows) {
    let section = sections[sections.length - 1];
    if (!section || section.code !== row.section_code) {
      section = {
        code: row.section_code,
        title: row.section_title,
        goalArea: row.goal_area as GoalArea,
        score: row.section_score,
        percent: row.section_percent,
        items: [],
      };
      sections.push(section);
    }
    section.items.push({
      code: row.item_code,
      statement: row.statement,
      n: row.n,
      score: row.item_score,
      spread: row.spread,
      disagreement: row.disagreement,
    });
  }
  return sections;
}

const delta = (a: number | null, b: number | null) => (a === null || b === null ? null : Math.round((b - a) * 100) / 100);

/** Latest vs baseline per section and item, matched by code (so a later instrument version compares where codes match). */
export function changeOf(
  baseline: RoundRow,
  baselineSections: SectionScoreDto[],
  latest: RoundRow,
  latestSections: SectionScoreDto[],
): ChangeDto {
  const before = new Map(baselineSections.map((s) => [s.code, s]));
  const beforeItems = new Map(baselineSections.flatMap((s) => s.items.map((i) => [i.code, i] as const)));
  const items: ItemChangeDto[] = latestSections.flatMap((s) =>
    s.items
      .filter((i) => beforeItems.has(i.code))
      .map((i) => {
        const b = beforeItems.get(i.code)?.score ?? null;
        return { code: i.code, title: i.statement, sectionCode: s.code, baseline: b, latest: i.score, delta: delta(b, i.score) };
      }),
  );
  return {
    baselineId: baseline.id,
    latestId: latest.id,
    baselineAt: baseline.created_at.toISOString(),
    latestAt: latest.created_at.toISOString(),
    sections: latestSections.map((s) => {
      const b = before.get(s.code)?.score ?? null;
      return { code: s.code, title: s.title, baseline: b, latest: s.score, delta: delta(b, s.score) };
    }),
    itemsMovedMost: items
      .filter((i) => i.delta !== null && i.delta !== 0)
      .sort((x, y) => Math.abs(y.delta ?? 0) - Math.abs(x.delta ?? 0) || x.code.localeCompare(y.code))
      .slice(0, 5),
  };
}

export const toSummary = (row: RoundRow): AssessmentSummaryDto => ({
  id: row.id,
  organizationId: row.organization_id,
  organizationName: row.organization_name,
  instrument: {
    id: row.instrument_id,
    code: row.instrument_code,
    version: row.instrument_version,
    title: row.instrument_title,
    scaleMin: row.scale_min,
    scaleMax: row.scale_max,
  },
  purpose: row.purpose,
  caseId: row.case_id,
  caseReference: row.case_reference,
  status: row.status,
  expiresAt: row.expires_at.toISOString(),
  createdAt: row.created_at.toISOString(),
  closedAt: row.closed_at?.toISOString() ?? null,
  createdByName: row.created_by_name,
  respondentCount: row.respondents,
  submittedCount: row.submitted,
});

export const toRespondent = (row: RespondentRow): RespondentDto => ({
  id: row.id,
  name: row.name,
  source: row.source,
  status: row.status,
  submittedAt: row.submitted_at?.toISOString() ?? null,
  answers: row.answers,
  comments: row.comments,
});

export interface AnswerInput {
  itemCode: string;
  score: number;
  comment?: string;
}

/** 400s naming `answers[i].…` for unknown items, repeated items and scores outside the scale. */
export function checkAnswers(instrument: InstrumentFile, answers: AnswerInput[]): void {
  const items = new Set(instrument.sections.flatMap((s) => s.items.map((i) => i.code)));
  const seen = new Set<string>();
  answers.forEach((answer, index) => {
    if (!items.has(answer.itemCode)) throw fieldError(`answers[${index}].itemCode`, `is not an item of ${instrument.title}`);
    if (seen.has(answer.itemCode)) throw fieldError(`answers[${index}].itemCode`, `answers ${answer.itemCode} twice`);
    seen.add(answer.itemCode);
    if (answer.score < instrument.scale.min || answer.score > instrument.scale.max)
      throw fieldError(`answers[${index}].score`, `must be between ${instrument.scale.min} and ${instrument.scale.max}`);
  });
}

/** One respondent's own section scores (mean of the items they rated) with the band's feedback text. */
export function ownResults(instrument: InstrumentFile, answers: Array<{ itemCode: string; score: number }>) {
  const byItem = new Map(answers.map((a) => [a.itemCode, a.score]));
  const range = instrument.scale.max - instrument.scale.min;
  return instrument.sections.flatMap((section) => {
    const scores = section.items.map((i) => byItem.get(i.code)).filter((s): s is number => s !== undefined);
    if (!scores.length) return [];
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
    let feedback: string | null = null;
    for (const band of section.feedback) if (mean >= band.minScore - 1e-9) feedback = band.text;
    return [
      {
        code: section.code,
        title: section.title,
        score: Math.round(mean * 100) / 100,
        percent: Math.round(((mean - instrument.scale.min) * 1000) / range) / 10,
        feedback,
      },
    ];
  });
}
