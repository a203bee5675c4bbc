import type { FollowUpKind, FollowUpStatus } from './engagement-enums.js';

/**
 * The signed-in user's scheduled follow-ups for their "my follow-ups" list (a read model, docs/ARCHITECTURE.md
 * §Ownership): reads follow_ups, cases (reference, title) and organizations (name). Overdue, due today, and due in the
 * 7 days after today, days in the center's time zone. $1 the user, $2 now.
 */
export const MY_FOLLOW_UPS = `
WITH bounds AS (
  SELECT (date_trunc('day', $2::timestamptz AT TIME ZONE center_time_zone()) AT TIME ZONE center_time_zone()) AS today_start)
SELECT f.id, f.case_id, f.due_at, f.assignee_id, f.kind, f.note, f.status, c.reference, c.title, o.name AS organization_name,
       CASE WHEN f.due_at < b.today_start THEN 'overdue'
            WHEN f.due_at < b.today_start + interval '1 day' THEN 'today'
            ELSE 'thisWeek' END AS bucket
FROM follow_ups f
JOIN cases c ON c.id = f.case_id
JOIN organizations o ON o.id = c.organization_id
CROSS JOIN bounds b
WHERE f.assignee_id = $1 AND f.status IN ('scheduled', 'missed') AND f.due_at < b.today_start + interval '8 days'
ORDER BY f.due_at ASC
LIMIT 500`;

export interface MyFollowUpRow {
  id: string;
  case_id: string;
  due_at: Date;
  assignee_id: string;
  kind: FollowUpKind;
  note: string;
  status: FollowUpStatus;
  reference: string;
  title: string;
  organization_name: string;
  bucket: 'overdue' | 'today' | 'thisWeek';
}
