import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CasesService } from '@ta/cases';
import type { AuthenticatedUser } from '@ta/users';
import { DataSource } from 'typeorm';
import type { ConfirmIntensityResultDto, IntensityDto } from './dto/intensity.dto.js';
import { SUGGESTIONS_FOR, SUGGESTIONS_FOR_BY_REFERENCE, UNSET_SUGGESTIONS, type SuggestionRow } from './intensity.read-model.sql.js';

const toDto = (row: SuggestionRow): IntensityDto => ({
  caseId: row.case_id,
  reference: row.reference,
  title: row.title,
  status: row.status,
  organizationName: row.organization_name,
  consultantName: row.consultant_name,
  intensity: row.intensity,
  suggested: row.suggested,
  reason: row.reason,
  sessions: row.sessions,
  hours: Math.round((row.minutes / 60) * 10) / 10,
  goals: row.goals,
});

/** A case's tier and the tier its delivered TA suggests; leads confirm suggestions in bulk. */
@Injectable()
export class IntensityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
  ) {}

  async forCase(caseId: string): Promise<IntensityDto> {
    const [row] = (await this.dataSource.query(SUGGESTIONS_FOR, [[caseId]])) as SuggestionRow[];
    if (!row) throw new NotFoundException(`No case with id ${caseId}`);
    return toDto(row);
  }

  async unset(): Promise<IntensityDto[]> {
    return ((await this.dataSource.query(UNSET_SUGGESTIONS)) as SuggestionRow[]).map(toDto);
  }

  /** The suggestion is computed again inside the transaction: what is confirmed is what the TA says now. */
  async confirm(caseIds: string[], actor: Pick<AuthenticatedUser, 'id'>): Promise<ConfirmIntensityResultDto> {
    const confirmed = await this.dataSource.transaction(async (manager) => {
      // The case rows first (ARCHITECTURE §Ownership: one lock order).
      await this.cases.lockMany(manager, caseIds);
      const rows = (await manager.query(SUGGESTIONS_FOR, [caseIds])) as SuggestionRow[];
      return this.cases.confirmIntensities(
        manager,
        rows.filter((r) => r.intensity === null).map((r) => ({ caseId: r.case_id, intensity: r.suggested })),
        actor.id,
      );
    });
    const rows = (await this.dataSource.query(SUGGESTIONS_FOR_BY_REFERENCE, [caseIds])) as SuggestionRow[];
    return { confirmed: confirmed.length, cases: rows.map(toDto) };
  }
}
