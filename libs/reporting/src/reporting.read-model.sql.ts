import { CASE_PRIORITY_LABELS, CASE_STATUS_LABELS, GOAL_AREA_LABELS, GOAL_AREAS, SERVICE_LINE_LABELS, STALL_LEVEL_LABELS } from '@ta/cases';
import { MODALITY_LABELS } from '@ta/engagement';
import { REGION_LABELS } from '@ta/organizations';

/**
 * The reporting SQL, kept apart from the services. Queries over a period take $1 (start, inclusive) and $2 (end,
 * exclusive) as instants: the service turns the YYYY-MM-DD dates into the center's
 * midnights first (periodBounds in @ta/common), so daylight saving is Postgres's business and the planner sees constants (good row estimates, index-only scans).
 * Every count is computed in the database; Node only shapes the answer.
 */
/** The center's time zone, as SQL reads it (set per connection from CENTER_TIME_ZONE: ARCHITECTURE §Contracts). */
export const TZ = 'center_time_zone()';

export interface TodayRow {
  today: string;
}

/** No parameters: today's date (YYYY-MM-DD) in the center's time zone, for an export's file name. */
export const TODAY = `SELECT to_char(now() AT TIME ZONE ${TZ}, 'YYYY-MM-DD') AS today`;

/**
 * What a statement (or a REPEATABLE READ transaction) sees: xmin:xmax:in-progress xids. Two equal snapshots see exactly
 * the same committed rows, so a summary computed under one is the answer for the other (DashboardService).
 */
export const SNAPSHOT_SQL = `SELECT pg_current_snapshot()::text AS snapshot`;

export interface SnapshotRow {
  snapshot: string;
}

const LO = `$1::timestamptz`;
const HI = `$2::timestamptz`;
/** Clamps at 0 but keeps NULL (greatest() would turn a missing date into 0). */
const nonNegative = (expression: string) => `CASE WHEN ${expression} < 0 THEN 0 ELSE ${expression} END`;
const localDay = (column: string) => `((${column}) AT TIME ZONE ${TZ})::date`;

/** A session's topics, or its case's when the session names none. */
const EFFECTIVE_TOPICS = `CASE WHEN cardinality(k.topics) > 0 THEN k.topics ELSE c.topics END`;
const OR_UNSPECIFIED = (array: string) => `CASE WHEN cardinality(${array}) > 0 THEN ${array} ELSE '{unspecified}'::text[] END`;

/**
 * One row per active consultant or lead ($1: one user's id, or null for all): open cases by status and stall level,
 * overdue follow-ups and the last 30 days' sessions. Each lateral subquery is an index-only range scan.
 */
export const CASELOAD_SQL = `
SELECT u.id, u.name, u.role::text AS role,
       coalesce(oc.new, 0)::int AS "new", coalesce(oc.triaged, 0)::int AS triaged, coalesce(oc.active, 0)::int AS active,
       coalesce(oc.on_hold, 0)::int AS on_hold, coalesce(oc.at_risk, 0)::int AS at_risk,
       coalesce(oc.escalated, 0)::int AS escalated, fu.overdue::int AS overdue,
       k.sessions::int AS sessions, k.minutes::bigint AS minutes
FROM users u
LEFT JOIN LATERAL (
  SELECT count(*) FILTER (WHERE c.status = 'new') AS new,
         count(*) FILTER (WHERE c.status = 'triaged') AS triaged,
         count(*) FILTER (WHERE c.status = 'active') AS active,
         count(*) FILTER (WHERE c.status = 'on_hold') AS on_hold,
         count(*) FILTER (WHERE c.stall_level = 'at_risk') AS at_risk,
         count(*) FILTER (WHERE c.stall_level = 'escalated') AS escalated
  FROM cases c
  WHERE c.assignee_id = u.id AND c.status IN ('new', 'triaged', 'active', 'on_hold')
) oc ON true
CROSS JOIN LATERAL (
  SELECT count(*) AS overdue FROM follow_ups f WHERE f.assignee_id = u.id AND f.status = 'scheduled' AND f.due_at < now()
) fu
CROSS JOIN LATERAL (
  SELECT count(*) AS sessions, coalesce(sum(k.duration_minutes), 0) AS minutes
  FROM consultations k
  WHERE k.consultant_id = u.id AND k.started_at >= now() - interval '30 days' AND k.started_at <= now()
) k
WHERE u.active AND u.role IN ('consultant', 'lead') AND ($1::uuid IS NULL OR u.id = $1::uuid)
ORDER BY u.name, u.id`;

/**
 * Cases opened in the period: counts, and business days from opening to first response. The business-day gap is the
 * difference of business_calendar ordinals of the two dates in the center's time zone (same day: 0; Friday → Monday: 1), never negative
 * (a session may be logged as having started before the case was opened).
 */
export const OPENED_SQL = `
SELECT count(*)::int AS opened,
       count(*) FILTER (WHERE c.source = 'web_form')::int AS new_requests,
       count(c.first_response_at)::int AS responded,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY ${nonNegative('fr.ordinal - op.ordinal')}) AS median,
       percentile_cont(0.9) WITHIN GROUP (ORDER BY ${nonNegative('fr.ordinal - op.ordinal')}) AS p90
FROM cases c
LEFT JOIN business_calendar op ON op.day = ${localDay('c.opened_at')}
LEFT JOIN business_calendar fr ON fr.day = ${localDay('c.first_response_at')}
WHERE c.opened_at >= ${LO} AND c.opened_at < ${HI}`;

/** Cases resolved in the period: business days from opening to resolution. */
export const RESOLVED_SQL = `
SELECT count(*)::int AS resolved,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY ${nonNegative('rs.ordinal - op.ordinal')}) AS median,
       percentile_cont(0.9) WITHIN GROUP (ORDER BY ${nonNegative('rs.ordinal - op.ordinal')}) AS p90
FROM cases c
LEFT JOIN business_calendar op ON op.day = ${localDay('c.opened_at')}
LEFT JOIN business_calendar rs ON rs.day = ${localDay('c.resolved_at')}
WHERE c.resolved_at >= ${LO} AND c.resolved_at < ${HI}`;

/** Intake per week (Monday-based weeks of the center's time zone), zero weeks included; $3, $4: the period's dates. */
export const INTAKE_WEEKS_SQL = `
WITH opened AS (
  SELECT date_trunc('week', c.opened_at AT TIME ZONE ${TZ}) AS week,
         count(*) FILTER (WHERE c.source = 'web_form') AS requests, count(*) AS opened
  FROM cases c
  WHERE c.opened_at >= ${LO} AND c.opened_at < ${HI}
  GROUP BY 1
)
SELECT to_char(greatest(w.week, $3::date::timestamp), 'YYYY-MM-DD') AS week_start,
       coalesce(o.requests, 0)::int AS requests, coalesce(o.opened, 0)::int AS opened
FROM generate_series(date_trunc('week', $3::date::timestamp), ($4::date - 1)::timestamp, interval '1 week') AS w(week)
LEFT JOIN opened o ON o.week = w.week
ORDER BY w.week`;

/**
 * Sessions in the period, broken down every way the dashboard shows, in one statement. Whole months (the center's time zone) come
 * from `reporting_session_facts` / `reporting_org_months` (migrations/1764700000000-ReportingFacts.ts: kept exact by
 * triggers in the writing transaction), the partial months at either edge from consultations joined to their case
 * and organization. $3, $4: the whole months inside the period as dates, [$3, $4) (equal when there are none, $3 then
 * being the period's first day, so the first edge is empty and the second covers the period). Both are grouped by
 * modality, region, populations, service lines and topics (a few thousand rows for a year), which feeds every
 * breakdown's unnest; organizations served are the distinct organizations of both. A session counts once in each
 * goal area, topic, service line and population it has (so those breakdowns may add up to more than the total);
 * `unspecified` when it has none.
 */
export const SESSIONS_SQL = `
WITH edges AS MATERIALIZED (
  SELECT c.organization_id, k.modality, o.region, o.populations, c.service_lines, ${EFFECTIVE_TOPICS} AS topics,
         count(*) AS n, sum(k.duration_minutes) AS m
  FROM consultations k
  JOIN cases c ON c.id = k.case_id
  JOIN organizations o ON o.id = c.organization_id
  WHERE (k.started_at >= ${LO} AND k.started_at < ($3::date)::timestamp AT TIME ZONE ${TZ})
     OR (k.started_at >= ($4::date)::timestamp AT TIME ZONE ${TZ} AND k.started_at < ${HI})
  GROUP BY 1, 2, 3, 4, 5, 6
), g AS MATERIALIZED (
  SELECT modality, region, populations, service_lines, topics, sum(n) AS n, sum(m) AS m
  FROM (
    SELECT f.modality, f.region, f.populations, f.service_lines, f.topics, f.sessions AS n, f.minutes AS m
    FROM reporting_session_facts f
    WHERE f.month >= $3::date AND f.month < $4::date AND f.sessions <> 0
    UNION ALL
    SELECT e.modality, e.region, e.populations, e.service_lines, e.topics, e.n, e.m FROM edges e
  ) u
  GROUP BY 1, 2, 3, 4, 5
), served AS (
  SELECT r.organization_id FROM reporting_org_months r WHERE r.month >= $3::date AND r.month < $4::date AND r.sessions > 0
  UNION
  SELECT e.organization_id FROM edges e
), goal_sets AS (
  SELECT gt.topics, coalesce(array_agg(DISTINCT t.goal_area) FILTER (WHERE t.goal_area IS NOT NULL), '{}') AS goal_areas
  FROM (SELECT DISTINCT topics FROM g) gt
  LEFT JOIN topics t ON t.code = ANY(gt.topics)
  GROUP BY gt.topics
)
SELECT 'total' AS dimension, NULL AS key, coalesce(sum(n), 0)::bigint AS sessions, coalesce(sum(m), 0)::bigint AS minutes,
       (SELECT count(*) FROM served)::bigint AS organizations
FROM g
UNION ALL
SELECT 'modality', modality, sum(n), sum(m), NULL FROM g GROUP BY modality
UNION ALL
SELECT 'region', region, sum(n), sum(m), NULL FROM g GROUP BY region
UNION ALL
SELECT 'service_line', x, sum(n), sum(m), NULL FROM g, unnest(${OR_UNSPECIFIED('service_lines')}) x GROUP BY x
UNION ALL
SELECT 'population', x, sum(n), sum(m), NULL FROM g, unnest(${OR_UNSPECIFIED('populations')}) x GROUP BY x
UNION ALL
SELECT 'topic', x, sum(n), sum(m), NULL FROM g, unnest(${OR_UNSPECIFIED('topics')}) x GROUP BY x
UNION ALL
SELECT 'goal_area', x, sum(g.n), sum(g.m), NULL
FROM g JOIN goal_sets gs ON gs.topics = g.topics, unnest(${OR_UNSPECIFIED('gs.goal_areas')}) x
GROUP BY x`;

/** The funder's quarterly table: sessions and minutes by goal area × OMH region (see SESSIONS_SQL for the counting). */
export const TA_SUMMARY_SQL = `
WITH by_org AS MATERIALIZED (
  SELECT c.organization_id, ${EFFECTIVE_TOPICS} AS topics, count(*) AS n, sum(k.duration_minutes) AS m
  FROM consultations k
  JOIN cases c ON c.id = k.case_id
  WHERE k.started_at >= ${LO} AND k.started_at < ${HI}
  GROUP BY 1, 2
), g AS MATERIALIZED (
  SELECT o.region, b.topics, sum(b.n) AS n, sum(b.m) AS m
  FROM by_org b JOIN organizations o ON o.id = b.organization_id
  GROUP BY 1, 2
), goal_sets AS (
  SELECT gt.topics, coalesce(array_agg(DISTINCT t.goal_area) FILTER (WHERE t.goal_area IS NOT NULL), '{}') AS goal_areas
  FROM (SELECT DISTINCT topics FROM g) gt
  LEFT JOIN topics t ON t.code = ANY(gt.topics)
  GROUP BY gt.topics
)
SELECT x AS goal_area, g.region, sum(g.n)::bigint AS sessions, sum(g.m)::bigint AS minutes
FROM g JOIN goal_sets gs ON gs.topics = g.topics, unnest(${OR_UNSPECIFIED('gs.goal_areas')}) x
GROUP BY x, g.region`;

/**
 * One row per session in the period, oldest first, for the streamed TA activity report. Goal areas are added in Node
 * from the topics table (15 rows), so the cursor is a plain index-order scan with no per-row subquery.
 */
export const TA_ACTIVITY_SQL = `
SELECT k.id, to_char(k.started_at AT TIME ZONE ${TZ}, 'YYYY-MM-DD') AS date,
       to_char(k.started_at AT TIME ZONE ${TZ}, 'HH24:MI') AS start_time,
       c.reference, o.name AS organization, o.region, o.county, c.service_lines, ${EFFECTIVE_TOPICS} AS topics,
       k.modality, k.duration_minutes, k.headcount, u.name AS consultant
FROM consultations k
JOIN cases c ON c.id = k.case_id
JOIN organizations o ON o.id = c.organization_id
JOIN users u ON u.id = k.consultant_id
WHERE k.started_at >= ${LO} AND k.started_at < ${HI}
ORDER BY k.started_at, k.id`;

/** A CSV cell (RFC 4180): quoted, inner quotes doubled, when it holds a comma, quote, CR or LF (as csv-stringify does). */
const csvCell = (expression: string) =>
  `CASE WHEN ${expression} ~ '[",\\r\\n]' THEN '"' || replace(${expression}, '"', '""') || '"' ELSE ${expression} END`;
/** neutralizeFormula in SQL: a leading apostrophe before =, +, -, @, tab or CR (OWASP "CSV injection"). */
const noFormula = (expression: string) => `CASE WHEN ${expression} ~ '^[=+@\\t\\r-]' THEN '''' || ${expression} ELSE ${expression} END`;
const cells = (...expressions: string[]) => expressions.map((e) => csvCell(`coalesce((${e})::text, '')`)).join(` || ',' || `);
/** Cells that can never need quoting (uuids, dates, times, numbers). */
const plain = (...expressions: string[]) => expressions.map((e) => `coalesce((${e})::text, '')`).join(` || ',' || `);

/** A string constant in SQL. */
const sqlText = (text: string) => `'${text.replaceAll("'", "''")}'`;
/** The label of a code from one of the libs' label maps (constants, not input), or the code itself when it is unknown. */
const labelled = (column: string, labels: Record<string, string>) =>
  `CASE ${column} ${Object.entries(labels)
    .map(([code, label]) => `WHEN ${sqlText(code)} THEN ${sqlText(label)}`)
    .join(' ')} ELSE ${column} END`;

/**
 * A list of codes as one CSV cell of labels joined by "; ", in the list's order (a code without a label stays as it is);
 * `label` maps `x.code`. Empty for an empty list.
 */
const labelList = (codes: string, label: string) =>
  `(SELECT string_agg(${label}, '; ' ORDER BY x.n) FROM unnest(${codes}) WITH ORDINALITY x(code, n))`;
/** The topics' labels, from the topics table (data, not code). */
const topicLabels = (codes: string) => labelList(codes, `coalesce((SELECT t.label FROM topics t WHERE t.code = x.code), x.code)`);
/** The goal areas the topics touch (topics table), each once, in GOAL_AREAS order, as their labels. */
const goalAreaLabels = (codes: string) =>
  `(SELECT string_agg(g.label, '; ' ORDER BY g.n) FROM (VALUES ${GOAL_AREAS.map(
    (area, i) => `(${sqlText(area)}, ${sqlText(GOAL_AREA_LABELS[area])}, ${i})`,
  ).join(', ')}) g(code, label, n) WHERE EXISTS (SELECT 1 FROM topics t WHERE t.code = ANY(${codes}) AND t.goal_area = g.code))`;

/**
 * `COPY (query) TO STDOUT` in binary format, for a query of one text column, `line`, a whole CSV record with its
 * CRLF: copyLines (copy-lines.ts) strips the binary framing, so the bytes Postgres formatted go to the response
 * as they come, with no row ever parsed in Node (bench/README.md "Memory"). Binary, because text and CSV COPY would
 * escape or quote the line's own quotes and line breaks, and CSV COPY ends records with LF where RFC 4180 wants CRLF.
 */
export const copyLinesSql = (query: string) => `COPY (${query}) TO STDOUT (FORMAT binary)`;

/**
 * An export's transaction around its COPY: every row is read, so room to sort them all in memory, and no parallel
 * workers, so an export leaves a core to the API.
 */
export const EXPORT_BEGIN = `BEGIN READ ONLY; SET LOCAL work_mem = '64MB'; SET LOCAL max_parallel_workers_per_gather = 0`;
export const EXPORT_COMMIT = 'COMMIT';

/**
 * TA_ACTIVITY_SQL as CSV records (one `line` each, for copyLinesSql), formatted by Postgres, with the words people
 * read instead of codes: OMH region, service lines, topics (from the topics table), the goal areas the topics touch,
 * modality; the names neutralized against formulas. The subquery sorts the raw columns, so the sort stays narrow and
 * the formatting runs as rows leave it. $1, $2: the period's bounds, written in as literals (COPY binds nothing).
 */
export const taActivityCsvSql = (from: string, to: string) => `
SELECT ${plain('s.id', `to_char(s.started_at AT TIME ZONE ${TZ}, 'YYYY-MM-DD')`, `to_char(s.started_at AT TIME ZONE ${TZ}, 'HH24:MI')`)}
       || ',' || ${cells(
         's.reference',
         noFormula('s.organization'),
         labelled('s.region', REGION_LABELS),
         noFormula('s.county'),
         labelList('s.service_lines', labelled('x.code', SERVICE_LINE_LABELS)),
         topicLabels('s.topics'),
         goalAreaLabels('s.topics'),
         labelled('s.modality', MODALITY_LABELS),
       )}
       || ',' || ${plain('s.duration_minutes', 's.headcount')} || ',' || ${cells(noFormula('s.consultant'))} || E'\r\n' AS line
FROM (
  SELECT k.id, k.started_at, c.reference, o.name AS organization, o.region, o.county, c.service_lines, ${EFFECTIVE_TOPICS} AS topics,
         k.modality, k.duration_minutes, k.headcount, u.name AS consultant
  FROM consultations k
  JOIN cases c ON c.id = k.case_id
  JOIN organizations o ON o.id = c.organization_id
  JOIN users u ON u.id = k.consultant_id
  WHERE k.started_at >= ${from}::timestamptz AND k.started_at < ${to}::timestamptz
  ORDER BY k.started_at, k.id
) s`;

/**
 * The TA summary's total rows: distinct sessions (each counted once, whatever its goal areas) and their minutes by the
 * OMH region of the case's organization, over the same sessions as TA_SUMMARY_SQL.
 */
export const TA_SUMMARY_TOTALS_SQL = `
SELECT o.region, count(*)::bigint AS sessions, coalesce(sum(k.duration_minutes), 0)::bigint AS minutes
FROM consultations k
JOIN cases c ON c.id = k.case_id
JOIN organizations o ON o.id = c.organization_id
WHERE k.started_at >= ${LO} AND k.started_at < ${HI}
GROUP BY o.region`;

/** A row of TA_SUMMARY_SQL. */
export interface TaSummaryRow {
  goal_area: string;
  region: string;
  sessions: string;
  minutes: string;
}

/** A row of TA_SUMMARY_TOTALS_SQL. */
export interface TaSummaryTotalRow {
  region: string;
  sessions: string;
  minutes: string;
}

/**
 * The case list export as CSV records (one `line` each, for copyLinesSql): every case `matching` selects
 * (CasesService.matchingCasesSql, the list's own filters with their values as literals, with `id` and `position` in the
 * list's order), with what the list shows and a little more, formatted by Postgres with the words people read:
 * reference … assignee ("Unassigned" for nobody), the topics' labels and the goal areas they touch (topics table),
 * opened … last activity as wall-clock times in the center's zone (`YYYY-MM-DD HH24:MI`), stall level; titles and
 * names neutralized against formulas.
 */
export const caseListCsvSql = (matching: string) => `
SELECT ${cells(
  'c.reference',
  noFormula('c.title'),
  noFormula('o.name'),
  labelled('o.region', REGION_LABELS),
  labelled('c.status', CASE_STATUS_LABELS),
  labelled('c.priority', CASE_PRIORITY_LABELS),
  `CASE WHEN u.name IS NULL THEN 'Unassigned' ELSE ${noFormula('u.name')} END`,
  topicLabels('c.topics'),
  goalAreaLabels('c.topics'),
)}
       || ',' || ${plain(
         `to_char(c.opened_at AT TIME ZONE ${TZ}, 'YYYY-MM-DD HH24:MI')`,
         `to_char(c.first_response_at AT TIME ZONE ${TZ}, 'YYYY-MM-DD HH24:MI')`,
         `to_char(c.last_activity_at AT TIME ZONE ${TZ}, 'YYYY-MM-DD HH24:MI')`,
       )} || ',' || ${cells(labelled('c.stall_level', STALL_LEVEL_LABELS))} || E'\r\n' AS line
FROM (${matching}) m
JOIN cases c ON c.id = m.id
JOIN organizations o ON o.id = c.organization_id
LEFT JOIN users u ON u.id = c.assignee_id
ORDER BY m.position`;
