/**
 * The readiness report's read model. Reads assessments, assessment_respondents, instruments (this lib's) and
 * organizations (region, peer roles: the service lines a program employs or plans).
 * Parameters: $1 period start (instant), $2 period end (exclusive instant), $3 instrument code.
 */

export interface PeriodBoundsRow {
  start: Date;
  end: Date;
}

/** Unlike the statements below, $1 first day and $2 day after the last (calendar dates): the period's instants in the center's time zone. */
export const PERIOD_BOUNDS = `SELECT ($1::date::timestamp AT TIME ZONE center_time_zone()) AS start, ($2::date::timestamp AT TIME ZONE center_time_zone()) AS end`;

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

export interface RoundPairRow {
  organization_id: string;
  organization_name: string;
  instrument_code: string;
  baseline_id: string;
  baseline_at: Date;
  latest_id: string;
  latest_at: Date;
}

/**
 * A named read model for other libs (the outcome report's TA dose vs readiness change, libs/surveys): organizations
 * with two closed, answered rounds of one instrument — their first baseline and their latest later round, the latter
 * closed in the period — with when each round started. Any instrument: the pair is always of one instrument code.
 * Parameters: $1 period start, $2 period end (exclusive instants).
 */
export const CLOSED_ROUND_PAIRS = `
WITH answered AS (
  SELECT a.id, a.organization_id, a.purpose, a.status, a.created_at, a.closed_at, i.code
  FROM assessments a JOIN instruments i ON i.id = a.instrument_id
  WHERE a.status = 'closed' AND EXISTS (SELECT 1 FROM assessment_respondents r WHERE r.assessment_id = a.id AND r.status = 'submitted')
), baseline AS (
  SELECT DISTINCT ON (organization_id) id, organization_id, created_at, code FROM answered WHERE purpose = 'baseline' ORDER BY organization_id, created_at, id
)
SELECT DISTINCT ON (b.organization_id) b.organization_id, o.name AS organization_name, b.code AS instrument_code,
       b.id AS baseline_id, b.created_at AS baseline_at, l.id AS latest_id, l.created_at AS latest_at
FROM baseline b
JOIN answered l ON l.organization_id = b.organization_id AND l.code = b.code AND l.created_at > b.created_at
JOIN organizations o ON o.id = b.organization_id
WHERE l.closed_at >= $1 AND l.closed_at < $2
ORDER BY b.organization_id, l.created_at DESC, l.id`;
