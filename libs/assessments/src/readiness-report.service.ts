import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { fieldError } from '@ta/common';
import { DataSource } from 'typeorm';
import { AssessmentsService } from './assessments.service.js';
import type { SectionScoreDto } from './dto/assessment.dto.js';
import type { ReadinessGroupDto, ReadinessReportDto, ReadinessReportQueryDto, SectionMeanChangeDto } from './dto/readiness-report.dto.js';
import {
  ASSESSED_TWICE,
  PERIOD_BOUNDS,
  ROUNDS_IN_PERIOD,
  type AssessedTwiceRow,
  type PeriodBoundsRow,
  type RoundCountsRow,
} from './readiness-report.read-model.sql.js';

const MAX_DAYS = 3 * 366;
const round2 = (n: number) => Math.round(n * 100) / 100;

interface OrgChange {
  region: string;
  serviceLines: string[];
  deltas: Map<string, { title: string; delta: number | null }>;
}

/** The funder's readiness figures for a period: rounds taken, organizations assessed twice, mean change per section. */
@Injectable()
export class ReadinessReportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assessments: AssessmentsService,
  ) {}

  async report(query: ReadinessReportQueryDto): Promise<ReadinessReportDto> {
    const days = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000;
    if (!(days > 0)) throw fieldError('to', 'must be after from');
    if (days > MAX_DAYS) throw fieldError('to', 'must be at most 3 years after from');
    const [{ start, end }] = (await this.dataSource.query(PERIOD_BOUNDS, [query.from, query.to])) as [PeriodBoundsRow];
    const params = [start, end, query.instrument];
    const [[counts], pairs] = (await Promise.all([
      this.dataSource.query(ROUNDS_IN_PERIOD, params),
      this.dataSource.query(ASSESSED_TWICE, params),
    ])) as [[RoundCountsRow], AssessedTwiceRow[]];
    const scores = pairs.length
      ? await this.assessments.scores(pairs.flatMap((p) => [p.baseline_id, p.latest_id]))
      : new Map<string, SectionScoreDto[]>();
    const changes: OrgChange[] = pairs.map((pair) => {
      const before = new Map((scores.get(pair.baseline_id) ?? []).map((s) => [s.code, s.score]));
      const deltas = new Map<string, { title: string; delta: number | null }>();
      for (const s of scores.get(pair.latest_id) ?? []) {
        const b = before.get(s.code);
        deltas.set(s.code, { title: s.title, delta: b == null || s.score === null ? null : s.score - b });
      }
      return { region: pair.region, serviceLines: pair.peer_roles, deltas };
    });
    const group = (key: string, members: OrgChange[]): ReadinessGroupDto => ({
      key,
      organizations: members.length,
      sections: means(members),
    });
    const regions = [...new Set(changes.map((c) => c.region))].sort();
    const lines = [...new Set(changes.flatMap((c) => c.serviceLines))].sort();
    return {
      instrument: query.instrument,
      from: query.from,
      to: query.to,
      rounds: { total: counts.total, baseline: counts.baseline, followUp: counts.follow_up },
      organizationsAssessedTwice: changes.length,
      sections: means(changes),
      byRegion: regions.map((r) =>
        group(
          r,
          changes.filter((c) => c.region === r),
        ),
      ),
      byServiceLine: lines.map((l) =>
        group(
          l,
          changes.filter((c) => c.serviceLines.includes(l)),
        ),
      ),
    };
  }
}

/** Mean change per section over organizations (in the order sections first appear), with n. */
function means(changes: OrgChange[]): SectionMeanChangeDto[] {
  const acc = new Map<string, { title: string; sum: number; n: number }>();
  for (const change of changes)
    for (const [code, { title, delta }] of change.deltas) {
      const entry = acc.get(code) ?? { title, sum: 0, n: 0 };
      if (delta !== null) {
        entry.sum += delta;
        entry.n += 1;
      }
      acc.set(code, entry);
    }
  return [...acc].map(([code, { title, sum, n }]) => ({ code, title, meanChange: n ? round2(sum / n) : null, n }));
}
