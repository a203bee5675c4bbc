/**
 * The readiness report's read model. Reads assessments, assessment_respondents, instruments (this lib's) and
 * organizations (region, peer roles: the service lines a program employs or plans).
 * Parameters: $1 period start (instant), $2 period end (exclusive instant), $3 instrument code.
 */

export interface RoundCountsRow {
  total: number;
  baseline: number;
  follow_up: number;
}

/** Rounds with at least one submitted answer, started in the period. */
export const ROUNDS_IN_PERIOD = `
SELECT count(*)::int AS total, count(*) FILTER (WHERE a.purpose = 'baseline')::int AS baseline,
       count(*) FILTER (WHERE a.purpose = 'follow_up')::int AS follow_up
FROM assessments a JOIN instruments i ON i.id = a.instrument_id
WHERE i.code = $3 AND a.created_at >= $1 AND a.created_at < $2
  AND EXISTS (SELECT 1 FROM assessment_respondents r WHERE r.assessment_id = a.id AND r.status = 'submitted')`;

export interface AssessedTwiceRow {
  organization_id: string;
  region: string;
  peer_roles: string[];
  baseline_id: string;
  latest_id: string;
}

/**
 * Organizations assessed twice: their first answered baseline round and their latest answered round after it that
 * closed in the period (the same pair as the organization page's change).
 */
export const ASSESSED_TWICE = `
WITH answered AS (
  SELECT a.id, a.organization_id, a.purpose, a.status, a.created_at, a.closed_at
  FROM assessments a JOIN instruments i ON i.id = a.instrument_id
  WHERE i.code = $3 AND EXISTS (SELECT 1 FROM assessment_respondents r WHERE r.assessment_id = a.id AND r.status = 'submitted')
), baseline AS (
  SELECT DISTINCT ON (organization_id) id, organization_id, created_at FROM answered WHERE purpose = 'baseline' ORDER BY organization_id, created_at, id
)
SELECT DISTINCT ON (b.organization_id) b.organization_id, o.region, o.peer_roles, b.id AS baseline_id, l.id AS latest_id
FROM baseline b
JOIN answered l ON l.organization_id = b.organization_id AND l.created_at > b.created_at AND l.status = 'closed'
JOIN organizations o ON o.id = b.organization_id
WHERE l.closed_at >= $1 AND l.closed_at < $2
ORDER BY b.organization_id, l.created_at DESC, l.id`;
