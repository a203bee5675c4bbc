/**
 * Statements on follow_ups (owned by this lib), each with its row type, and the helper the timer sweep uses to write
 * here (docs/ARCHITECTURE.md §Ownership).
 */

/** $1 case: how many of its follow-ups are still missed. */
export const COUNT_MISSED = `SELECT count(*)::int AS missed FROM follow_ups WHERE case_id = $1 AND status = 'missed'`;

export interface CountMissedRow {
  missed: number;
}

/**
 * For the timer sweep (a CTE member): a follow-up still scheduled a day past `now` (an SQL expression) is missed.
 * Returns id, case_id, kind, due_at of each.
 */
export const markFollowUpsMissedSql = (now: string) => `
  UPDATE follow_ups f SET status = 'missed', updated_at = now()
  WHERE f.status = 'scheduled' AND f.due_at < ${now} - interval '1 day'
  RETURNING f.id, f.case_id, f.kind, f.due_at`;
