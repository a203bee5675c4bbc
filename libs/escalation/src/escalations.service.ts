import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CaseEventsService, type StallLevel } from '@ta/cases';
import type { AuthenticatedUser } from '@ta/users';
import { DataSource } from 'typeorm';
import type { EscalationDto } from './escalation.dto.js';

@Injectable()
export class EscalationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: CaseEventsService,
  ) {}

  /** Escalated and at-risk cases, escalated first, longest-waiting first; why and since when come from the timeline. */
  async list(): Promise<EscalationDto[]> {
    const rows = (await this.dataSource.query(
      `SELECT c.id, c.reference, c.title, c.status, c.stall_level, c.last_activity_at, c.first_response_due_at, c.first_response_at,
              o.id AS organization_id, o.name AS organization_name, u.id AS assignee_id, u.name AS assignee_name,
              e.type AS event_type, e.data AS event_data, e.created_at AS since,
              (SELECT max(a.created_at) FROM case_events a WHERE a.case_id = c.id AND a.type = 'escalation_acknowledged' AND a.created_at >= e.created_at) AS acknowledged_at
       FROM cases c
       JOIN organizations o ON o.id = c.organization_id
       LEFT JOIN users u ON u.id = c.assignee_id
       LEFT JOIN LATERAL (
         SELECT type, data, created_at FROM case_events
         WHERE case_id = c.id AND type IN ('escalated', 'stall_at_risk', 'follow_up_missed')
         ORDER BY created_at DESC LIMIT 1
       ) e ON true
       WHERE c.stall_level <> 'none' AND c.status NOT IN ('resolved', 'closed')
       ORDER BY (c.stall_level = 'escalated') DESC, e.created_at ASC NULLS LAST
       LIMIT 500`,
    )) as Array<Record<string, unknown>>;
    return rows.map((r) => ({
      caseId: r.id as string,
      reference: r.reference as string,
      title: r.title as string,
      status: r.status as string,
      stallLevel: r.stall_level as 'at_risk' | 'escalated',
      reason: reasonOf(r.event_type as string | null, r.event_data as Record<string, unknown> | null),
      since: (r.since as Date | null)?.toISOString() ?? null,
      lastActivityAt: (r.last_activity_at as Date).toISOString(),
      organization: { id: r.organization_id as string, name: r.organization_name as string },
      assignee: r.assignee_id ? { id: r.assignee_id as string, name: r.assignee_name as string } : null,
      acknowledgedAt: (r.acknowledged_at as Date | null)?.toISOString() ?? null,
    }));
  }

  /** A lead has seen the escalation and taken it on: a timeline event (the stall level clears only with real activity). */
  async acknowledge(caseId: string, actor: Pick<AuthenticatedUser, 'id' | 'role'>, note?: string): Promise<void> {
    if (actor.role === 'consultant') throw new ForbiddenException('Only leads and admins acknowledge escalations');
    await this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(`SELECT stall_level FROM cases WHERE id = $1 FOR UPDATE`, [caseId])) as Array<{
        stall_level: StallLevel;
      }>;
      if (!row) throw new NotFoundException(`No case with id ${caseId}`);
      await this.events.record(manager, caseId, actor.id, 'escalation_acknowledged', { level: row.stall_level, ...(note ? { note } : {}) });
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
