/**
 * What a requester's status link shows, in one statement (a read model, docs/ARCHITECTURE.md §Ownership): reads
 * intake_submissions, cases (reference, status), organizations (name), users (the consultant's name), consultations
 * (the days sessions were held, in the center's time zone) and follow_ups (the next scheduled one's day).
 * $1 the token's hash.
 */
export const REQUEST_STATUS = `
SELECT s.token_hash, s.created_at, c.reference, c.status, o.name AS organization_name, u.name AS consultant_name,
       ARRAY(SELECT DISTINCT to_char(x.started_at AT TIME ZONE center_time_zone(), 'YYYY-MM-DD') AS day
             FROM consultations x WHERE x.case_id = c.id AND x.started_at <= now() ORDER BY day) AS sessions,
       (SELECT to_char(f.due_at AT TIME ZONE center_time_zone(), 'YYYY-MM-DD') FROM follow_ups f
        WHERE f.case_id = c.id AND f.status = 'scheduled' AND f.due_at >= now() ORDER BY f.due_at LIMIT 1) AS next_follow_up
FROM intake_submissions s JOIN cases c ON c.id = s.case_id JOIN organizations o ON o.id = c.organization_id
LEFT JOIN users u ON u.id = c.assignee_id
WHERE s.token_hash = $1`;

export interface RequestStatusRow {
  token_hash: string;
  created_at: Date;
  reference: string;
  status: string;
  organization_name: string;
  consultant_name: string | null;
  sessions: string[];
  next_follow_up: string | null;
}
