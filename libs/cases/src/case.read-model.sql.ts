import type { CaseEventDto } from './dto/case-event.dto.js';
import type { CaseDto } from './dto/case.dto.js';

/**
 * The case read model (ARCHITECTURE §Where SQL lives): Postgres builds a case's whole JSON — organization, assignee and
 * goal areas included — so the case page is one statement and a page of the list is one statement with its total.
 * Reads cases, organizations (name, region, county), users (assignee's name), topics (goal areas) and case_threads
 * (libs/conversation: whether a reply waits unread); the owners of those tables keep those columns.
 */

/** An instant as JavaScript's toISOString writes it, so SQL-built and entity-built answers look the same. */
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const CASE_JSON = `json_build_object(
  'id', c.id,
  'reference', c.reference,
  'organization', json_build_object('id', o.id, 'name', o.name, 'region', o.region, 'county', o.county),
  'primaryContactId', c.primary_contact_id,
  'title', c.title,
  'description', c.description,
  'source', c.source,
  'priority', c.priority,
  'topics', c.topics,
  'goalAreas', ARRAY(
    SELECT t.goal_area FROM unnest(c.topics) WITH ORDINALITY AS x(code, i) JOIN topics t ON t.code = x.code
    GROUP BY t.goal_area ORDER BY min(x.i)),
  'serviceLines', c.service_lines,
  'intensity', c.intensity,
  'assignee', CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'name', u.name) END,
  'status', c.status,
  'statusReason', c.status_reason,
  'stallLevel', c.stall_level,
  'openedAt', ${iso('c.opened_at')},
  'firstResponseDueAt', ${iso('c.first_response_due_at')},
  'firstResponseAt', ${iso('c.first_response_at')},
  'lastActivityAt', ${iso('c.last_activity_at')},
  'resolvedAt', ${iso('c.resolved_at')},
  'closedAt', ${iso('c.closed_at')},
  'version', c.version,
  'newReply', coalesce((SELECT t.unread FROM case_threads t WHERE t.case_id = c.id), false))`;

const CASE_FROM = `cases c JOIN organizations o ON o.id = c.organization_id LEFT JOIN users u ON u.id = c.assignee_id`;

/** A case as the API shows it, but for what TypeScript derives (its legal moves). */
export type CaseJson = Omit<CaseDto, 'allowedMoves'>;

export interface CaseJsonRow {
  dto: CaseJson;
}

/** $1 the case. */
export const CASE_BY_ID = `SELECT ${CASE_JSON} AS dto FROM ${CASE_FROM} WHERE c.id = $1`;

export interface CasePageRow {
  total: string;
  items: CaseJson[];
}

/**
 * One page of the list and the number of all matching cases, in one statement that always answers one row (a page
 * past the end too). `where` and `orderBy` are built by CasesService from fixed fragments and numbered parameters;
 * the two last parameters are the page size and the offset. The page's ids are chosen first (a top-N sort on the
 * cases alone, or an index scan) and the JSON is built for those rows only: `count(*) OVER ()` beside the JSON would
 * build it for every matching case before the LIMIT (bench/README.md "Case list"). The count is its own scan of the
 * same filters, which Postgres answers from indexes where it can.
 */
export const casePage = (where: string, orderBy: string, limitParam: number) => `
SELECT (SELECT count(*) FROM cases c WHERE ${where}) AS total,
       coalesce((
         SELECT json_agg(${CASE_JSON} ORDER BY ${orderBy})
         FROM ${CASE_FROM}
         JOIN (SELECT c.id FROM cases c WHERE ${where} ORDER BY ${orderBy} LIMIT $${limitParam} OFFSET $${limitParam + 1}) page ON page.id = c.id
       ), '[]'::json) AS items`;

/** $1 references (TA-2026-00087…): the first that names a case. */
export const CASE_ID_BY_REFERENCE = `SELECT c.id FROM unnest($1::text[]) WITH ORDINALITY AS x(ref, i) JOIN cases c ON c.reference = x.ref ORDER BY x.i LIMIT 1`;

export interface CaseIdRow {
  id: string;
}

/** $1 the case: does it exist (a 404 check that builds nothing). */
export const CASE_EXISTS = `SELECT EXISTS (SELECT 1 FROM cases WHERE id = $1) AS found`;

export interface CaseExistsRow {
  found: boolean;
}

/**
 * A page of a case's timeline, newest first, with each actor's name (a former user's too), the total, and whether
 * the case exists at all: one statement. Reads case_events, users (name), cases. $1 case, $2 page size, $3 offset.
 */
export const TIMELINE_PAGE = `
WITH page AS (
  SELECT e.created_at, e.id, json_build_object(
    'id', e.id,
    'type', e.type,
    'actor', CASE WHEN e.actor_id IS NULL THEN NULL ELSE json_build_object('id', e.actor_id, 'name', coalesce(u.name, 'Former user')) END,
    'data', e.data,
    'createdAt', ${iso('e.created_at')}) AS item
  FROM case_events e LEFT JOIN users u ON u.id = e.actor_id
  WHERE e.case_id = $1
  ORDER BY e.created_at DESC, e.id DESC
  LIMIT $2 OFFSET $3
)
SELECT EXISTS (SELECT 1 FROM cases WHERE id = $1) AS found,
       (SELECT count(*) FROM case_events WHERE case_id = $1)::int AS total,
       coalesce((SELECT json_agg(item ORDER BY created_at DESC, id DESC) FROM page), '[]'::json) AS items`;

export interface TimelinePageRow {
  found: boolean;
  total: number;
  items: CaseEventDto[];
}
