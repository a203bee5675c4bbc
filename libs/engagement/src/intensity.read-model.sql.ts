/**
 * The suggested intensity tier (ARCHITECTURE §Intensity), one read model: the TA delivered on a case — sessions held
 * (started before now), their hours, and the action plan's goals — and the SAMHSA tier it suggests:
 *   universal  information only (no session) or one session under an hour;
 *   intensive  more than 5 sessions, more than 10 hours, or an action plan with 3 or more goals;
 *   targeted   everything between (up to 5 sessions and 10 hours).
 * With the reason in words ("4 sessions, 6.5 h"; under an hour in minutes, "1 session, 59 min"). Reads cases, consultations and action_plan_goals.
 */
import type { Intensity } from '@ta/cases';

export interface SuggestionRow {
  case_id: string;
  reference: string;
  title: string;
  status: string;
  organization_name: string;
  consultant_name: string | null;
  intensity: Intensity | null;
  sessions: number;
  minutes: number;
  goals: number;
  suggested: Intensity;
  reason: string;
}

const DOSE = `
SELECT c.id AS case_id, c.reference, c.title, c.status, o.name AS organization_name, u.name AS consultant_name, c.intensity,
       d.sessions, d.minutes, g.goals,
       CASE WHEN g.goals >= 3 OR d.sessions > 5 OR d.minutes > 600 THEN 'intensive'
            WHEN d.sessions = 0 OR (d.sessions = 1 AND d.minutes < 60) THEN 'universal'
            ELSE 'targeted' END AS suggested,
       CASE WHEN d.sessions = 0 THEN 'information only, no sessions'
            ELSE d.sessions || CASE WHEN d.sessions = 1 THEN ' session, ' ELSE ' sessions, ' END
                 || CASE WHEN d.minutes < 60 THEN d.minutes || ' min'
                         ELSE rtrim(rtrim(round(d.minutes / 60.0, 1)::text, '0'), '.') || ' h' END END
       || CASE WHEN g.goals >= 3 THEN ', ' || g.goals || ' plan goals' ELSE '' END AS reason
FROM cases c JOIN organizations o ON o.id = c.organization_id LEFT JOIN users u ON u.id = c.assignee_id
CROSS JOIN LATERAL (
  SELECT count(*)::int AS sessions, coalesce(sum(s.duration_minutes), 0)::int AS minutes
  FROM consultations s WHERE s.case_id = c.id AND s.started_at <= now()
) d
CROSS JOIN LATERAL (SELECT count(*)::int AS goals FROM action_plan_goals p WHERE p.case_id = c.id) g`;

/** $1 case ids: their dose and suggestion (whether or not a tier is set). */
export const SUGGESTIONS_FOR = `${DOSE} WHERE c.id = ANY($1::uuid[])`;

/** SUGGESTIONS_FOR in reference order, for showing them. */
export const SUGGESTIONS_FOR_BY_REFERENCE = `${SUGGESTIONS_FOR} ORDER BY c.reference`;

/**
 * Cases still without a tier, for the leads' confirm list: resolved and closed ones first (their TA is complete),
 * then the rest by age; not those closed as duplicates. Capped: a lead confirms a page at a time.
 */
export const UNSET_SUGGESTIONS = `${DOSE}
WHERE c.intensity IS NULL AND c.status_reason IS DISTINCT FROM 'duplicate' AND c.status <> 'new'
ORDER BY (c.status IN ('resolved', 'closed')) DESC, c.opened_at, c.id
LIMIT 500`;
