/**
 * The outcome report's read model (GET /reports/outcomes). Reads survey_invitations, survey_answers and surveys (this
 * lib's), and cases, organizations, users, action_plan_goals and consultations. Every count and mean is computed here;
 * the service only labels and shapes. Parameters: $1 period start, $2 period end (exclusive instants), unless noted.
 */

export interface CountRow {
  key: string | null;
  cases: number;
}

/** Cases resolved in the period (and not reopened since), by the tier set on them; null: not set. */
export const RESOLVED_BY_TIER = `
SELECT c.intensity AS key, count(*)::int AS cases
FROM cases c
WHERE c.status IN ('resolved', 'closed') AND c.resolved_at >= $1 AND c.resolved_at < $2
GROUP BY c.intensity`;

/** Cases finished in the period — resolved, or closed without being resolved (duplicates, withdrawn) — by reason. */
export const FINISHED_BY_REASON = `
SELECT c.status_reason AS key, count(*)::int AS cases
FROM cases c
WHERE c.status IN ('resolved', 'closed') AND coalesce(c.resolved_at, c.closed_at) >= $1 AND coalesce(c.resolved_at, c.closed_at) < $2
GROUP BY c.status_reason`;

export interface SatisfactionRow {
  dimension: 'all' | 'consultant' | 'goal_area' | 'region' | 'service_line';
  /** A code, or for consultants their id. */
  key: string | null;
  /** Consultants only: the name. */
  name: string | null;
  sent: number;
  answered: number;
  n: number;
  mean: number | null;
  distribution: number[];
}

/**
 * Closure surveys sent in the period — the cohort a response rate is about — with the overall satisfaction rating
 * (the question the survey names) of those answered so far: in all, and by the case's consultant, each goal area of
 * its action plan (null: no plan goals), its organization's OMH region and each of its service lines (null: none).
 * A case with two goal areas or two service lines counts in each.
 */
export const SATISFACTION = `
WITH inv AS (
  SELECT i.id, i.case_id, i.status, sat.number_value AS rating
  FROM survey_invitations i JOIN surveys s ON s.id = i.survey_id
  LEFT JOIN survey_answers sat ON sat.invitation_id = i.id AND sat.question_code = s.definition->>'satisfactionQuestion'
  WHERE i.kind = 'case_closure' AND i.created_at >= $1 AND i.created_at < $2
), keyed AS (
  SELECT 'all' AS dimension, NULL::text AS key, NULL::text AS name, inv.* FROM inv
  UNION ALL
  SELECT 'consultant', u.id::text, u.name, inv.* FROM inv JOIN cases c ON c.id = inv.case_id LEFT JOIN users u ON u.id = c.assignee_id
  UNION ALL
  SELECT 'region', o.region, NULL, inv.* FROM inv JOIN cases c ON c.id = inv.case_id JOIN organizations o ON o.id = c.organization_id
  UNION ALL
  SELECT 'service_line', sl.line, NULL, inv.* FROM inv JOIN cases c ON c.id = inv.case_id
  LEFT JOIN LATERAL unnest(c.service_lines) AS sl(line) ON true
  UNION ALL
  SELECT 'goal_area', ga.goal_area, NULL, inv.* FROM inv
  LEFT JOIN LATERAL (SELECT DISTINCT g.goal_area FROM action_plan_goals g WHERE g.case_id = inv.case_id) ga ON true
)
SELECT dimension, key, name, count(*)::int AS sent, count(*) FILTER (WHERE status = 'answered')::int AS answered,
       count(rating)::int AS n, round(avg(rating), 2)::float8 AS mean,
       ARRAY[count(*) FILTER (WHERE rating = 1), count(*) FILTER (WHERE rating = 2), count(*) FILTER (WHERE rating = 3),
             count(*) FILTER (WHERE rating = 4), count(*) FILTER (WHERE rating = 5)]::int[] AS distribution
FROM keyed GROUP BY dimension, key, name ORDER BY dimension, name NULLS LAST, key NULLS LAST`;

export interface OutcomeRateRow {
  sent: number;
  answered: number;
}

/** Outcome checks sent in the period, and how many of them have been answered. */
export const OUTCOME_RATE = `
SELECT count(*)::int AS sent, count(*) FILTER (WHERE status = 'answered')::int AS answered
FROM survey_invitations WHERE kind = 'outcome_check' AND created_at >= $1 AND created_at < $2`;

export interface OutcomeQuestionRow {
  code: string;
  question: { prompt: string; type: string; labels?: Record<string, string>; options?: Array<{ code: string; label: string }> };
  n: number;
  total: number | null;
  mean: number | null;
  choices: Record<string, number> | null;
}

const OUTCOME_ANSWERS = `
SELECT a.question_code, a.number_value, a.choice_values, a.text_value, q.value AS question, q.ord, s.version, i.id AS invitation_id,
       i.case_id, i.answered_at
FROM survey_invitations i JOIN surveys s ON s.id = i.survey_id JOIN survey_answers a ON a.invitation_id = i.id
JOIN LATERAL jsonb_array_elements(s.definition->'questions') WITH ORDINALITY q(value, ord) ON q.value->>'code' = a.question_code
WHERE i.kind = 'outcome_check' AND i.status = 'answered' AND i.answered_at >= $1 AND i.answered_at < $2`;

/**
 * Outcome checks answered in the period, per question (worded as in the newest version answered): how many answered,
 * the total and mean of numbers, and how often each option was chosen.
 */
export const OUTCOME_QUESTIONS = `
WITH ans AS (${OUTCOME_ANSWERS})
SELECT q.question_code AS code, (array_agg(q.question ORDER BY q.version DESC))[1] AS question, count(*)::int AS n,
       sum(q.number_value)::float8 AS total, round(avg(q.number_value), 2)::float8 AS mean,
       (SELECT jsonb_object_agg(choice, times) FROM (
          SELECT choice, count(*)::int AS times FROM ans x, unnest(x.choice_values) AS choice WHERE x.question_code = q.question_code GROUP BY choice
        ) counted) AS choices
FROM ans q GROUP BY q.question_code ORDER BY min(q.ord), q.question_code`;

export interface OutcomeTextRow {
  code: string;
  text: string;
  reference: string;
  organization_name: string;
  answered_at: Date;
}

/** The text answers of the outcome checks answered in the period, oldest first (capped for the page). */
export const OUTCOME_TEXTS = `
WITH ans AS (${OUTCOME_ANSWERS})
SELECT ans.question_code AS code, ans.text_value AS text, c.reference, o.name AS organization_name, ans.answered_at
FROM ans JOIN cases c ON c.id = ans.case_id JOIN organizations o ON o.id = c.organization_id
WHERE ans.text_value IS NOT NULL
ORDER BY ans.answered_at, ans.invitation_id, ans.ord
LIMIT 1000`;

export interface DoseRow {
  organization_id: string;
  sessions: number;
  minutes: number;
}

/**
 * TA delivered to organizations between two instants each: sessions held on any of their cases.
 * Parameters: $1 organization ids, $2 from (instants), $3 to (exclusive instants), in step.
 */
export const DOSE_BETWEEN = `
SELECT p.organization_id, count(s.id)::int AS sessions, coalesce(sum(s.duration_minutes), 0)::int AS minutes
FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[]) AS p(organization_id, from_at, to_at)
LEFT JOIN cases c ON c.organization_id = p.organization_id
LEFT JOIN consultations s ON s.case_id = c.id AND s.started_at >= p.from_at AND s.started_at < p.to_at
GROUP BY p.organization_id`;
