import { ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CaseEventsService, CasesService } from '@ta/cases';
import type { AuthenticatedUser } from '@ta/users';
import { DataSource } from 'typeorm';
import type { EscalationDto } from './escalation.dto.js';
import { ESCALATIONS, type EscalationRow } from './escalations.read-model.sql.js';

@Injectable()
export class EscalationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: CaseEventsService,
    private readonly cases: CasesService,
  ) {}

  /** Escalated and at-risk cases, escalated first, longest-waiting first; why and since when come from the timeline. */
  async list(): Promise<EscalationDto[]> {
    const rows = (await this.dataSource.query(ESCALATIONS)) as EscalationRow[];
    return rows.map((r) => ({
      caseId: r.id,
      reference: r.reference,
      title: r.title,
      status: r.status,
      stallLevel: r.stall_level,
      reason: reasonOf(r.event_type, r.event_data),
      since: r.since?.toISOString() ?? null,
      lastActivityAt: r.last_activity_at.toISOString(),
      organization: { id: r.organization_id, name: r.organization_name },
      assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name ?? '' } : null,
      acknowledgedAt: r.acknowledged_at?.toISOString() ?? null,
    }));
  }

  /** A lead has seen the escalation and taken it on: a timeline event (the stall level clears only with real activity). */
  async acknowledge(caseId: string, actor: Pick<AuthenticatedUser, 'id' | 'role'>, note?: string): Promise<void> {
    if (actor.role === 'consultant') throw new ForbiddenException('Only leads and admins acknowledge escalations');
    await this.dataSource.transaction(async (manager) => {
      const locked = await this.cases.lock(manager, caseId);
      await this.events.record(manager, caseId, actor.id, 'escalation_acknowledged', {
        level: locked.stallLevel,
        ...(note ? { note } : {}),
      });
    });
  }
}

function reasonOf(type: string | null, data: Record<string, unknown> | null): string {
  if (type === 'escalated' && data?.reason === 'first_response_overdue') return 'First response overdue';
  if (type === 'escalated') return `No activity for ${String(data?.days ?? 'many')} days`;
  if (type === 'stall_at_risk') return `No activity for ${String(data?.days ?? 'many')} days`;
  if (type === 'follow_up_missed') return 'A follow-up was missed';
  return 'Stalled';
}
