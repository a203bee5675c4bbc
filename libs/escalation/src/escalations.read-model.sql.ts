/**
 * The escalations list (a read model, docs/ARCHITECTURE.md §Ownership): escalated and at-risk cases, escalated first,
 * longest-waiting first — flagged earliest, then quiet longest, since one sweep flags many cases at the same instant —
 * with why and since when from the timeline. Reads cases, organizations (name), users (the assignee's name) and
 * case_events (the signal and its acknowledgement).
 */
export const ESCALATIONS = `
SELECT c.id, c.reference, c.title, c.status, c.stall_level, c.last_activity_at, c.first_response_due_at, c.first_response_at,
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
ORDER BY (c.stall_level = 'escalated') DESC, e.created_at ASC NULLS LAST, c.last_activity_at ASC, c.id
LIMIT 500`;

export interface EscalationRow {
  id: string;
  reference: string;
  title: string;
  status: string;
  stall_level: 'at_risk' | 'escalated';
  last_activity_at: Date;
  first_response_due_at: Date | null;
  first_response_at: Date | null;
  organization_id: string;
  organization_name: string;
  assignee_id: string | null;
  assignee_name: string | null;
  event_type: string | null;
  event_data: Record<string, unknown> | null;
  since: Date | null;
  acknowledged_at: Date | null;
}
