import type { CaseStatus, StallLevel } from './case-enums.js';
import type { CaseEventPayloads, CaseEventType } from './case-events.js';

/**
 * Writes on cases, case_events and topics (owned by this lib), each with its row type, and the SQL helpers other
 * owners' set-based statements use to write here (the timer sweeps, docs/ARCHITECTURE.md §Ownership).
 */

/** The case as a command that locked it returns it: what callers need to apply their own rules. */
export interface LockedCaseRow {
  id: string;
  reference: string;
  title: string;
  organization_id: string;
  assignee_id: string | null;
  status: CaseStatus;
  stall_level: StallLevel;
}

const LOCKED_CASE_COLUMNS = 'id, reference, title, organization_id, assignee_id, status, stall_level';

/**
 * Work with the clinic happened, in one statement: the case row is updated (and so locked, before any of its
 * children: one lock order for casework), its stall level clears, it counts as answered if it was not yet, and the
 * event is written. The version is left alone: it guards the editable fields, which did not change. Also lists which
 * of the given topic codes are unknown, so the caller's 400 costs no statement.
 * $1 case, $2 at, $3 first response at or null, $4 actor or null, $5 event type, $6 event data, $7 topic codes.
 */
export const RECORD_ACTIVITY = `
WITH upd AS (
  UPDATE cases SET last_activity_at = greatest(last_activity_at, $2), stall_level = 'none',
    first_response_at = coalesce(first_response_at, $3), updated_at = now()
  WHERE id = $1
  RETURNING ${LOCKED_CASE_COLUMNS}
),
ev AS (
  INSERT INTO case_events (case_id, actor_id, type, data) SELECT id, $4::uuid, $5::varchar, $6::jsonb FROM upd
)
SELECT upd.*, ARRAY(SELECT x.code FROM unnest($7::text[]) AS x(code) WHERE NOT EXISTS (SELECT 1 FROM topics t WHERE t.code = x.code)) AS unknown_topics
FROM upd`;

export interface RecordActivityRow extends LockedCaseRow {
  unknown_topics: string[];
}

/**
 * The last missed follow-up on the case was handled: the at-risk level it raised clears, unless the case is at risk
 * for its own silence too (no activity for STALL_AT_RISK_DAYS). $1 case, $2 now, $3 at-risk days.
 */
export const CLEAR_MISSED_WORK_SIGNAL = `
UPDATE cases SET stall_level = 'none', updated_at = now()
WHERE id = $1 AND stall_level = 'at_risk' AND last_activity_at > $2::timestamptz - make_interval(days => $3::int)`;

/** $1 case ids: their rows locked in id order, so two bulk commands on overlapping cases queue instead of deadlocking. */
export const LOCK_CASES = `SELECT id FROM cases WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`;

/**
 * Tiers confirmed in bulk (a lead accepting suggestions, libs/engagement IntensityService): each case's intensity is set
 * only where none is set yet (a consultant's choice made meanwhile stands), the version bumps like an edit, and each
 * timeline gets a `field_changed` marked `suggested`. $1 case ids, $2 intensities, $3 actor.
 */
export const CONFIRM_INTENSITIES = `
WITH upd AS (
  UPDATE cases c SET intensity = t.intensity, version = c.version + 1, updated_at = now()
  FROM unnest($1::uuid[], $2::text[]) AS t(id, intensity)
  WHERE c.id = t.id AND c.intensity IS NULL
  RETURNING c.id, c.intensity
), ev AS (
  INSERT INTO case_events (case_id, actor_id, type, data)
  SELECT id, $3::uuid, 'field_changed', jsonb_build_object('field', 'intensity', 'from', NULL, 'to', intensity, 'suggested', true) FROM upd
)
SELECT id FROM upd`;

export interface ConfirmedIntensityRow {
  id: string;
}

/** The labels of the given topic codes; a code missing from the answer is not a topic. $1 codes. */
export const TOPIC_LABELS = `SELECT code, label FROM topics WHERE code = ANY($1::text[])`;

export interface TopicLabelRow {
  code: string;
  label: string;
}

/**
 * A case opened for a public request, with its `created` event, in one statement; the system is the actor.
 * $1 organization, $2 primary contact, $3 title, $4 description, $5 topics, $6 service lines, $7 opened at,
 * $8 first response due at, $9 event data.
 */
export const OPEN_FROM_INTAKE = `
WITH opened AS (
  INSERT INTO cases (organization_id, primary_contact_id, title, description, source, priority, topics, service_lines,
                     intensity, assignee_id, status, stall_level, opened_at, last_activity_at, first_response_due_at, version)
  VALUES ($1, $2, $3, $4, 'web_form', 'normal', $5::text[], $6::text[], NULL, NULL, 'new', 'none', $7, $7, $8, 1)
  RETURNING id, reference, title
),
ev AS (
  INSERT INTO case_events (case_id, actor_id, type, data)
  SELECT id, NULL, 'created', $9::jsonb || jsonb_build_object('title', title) FROM opened
)
SELECT id, reference, title FROM opened`;

export interface OpenedCaseRow {
  id: string;
  reference: string;
  title: string;
}

/** Takes the next case reference without opening a case (the honeypot's decoy answer). */
export const NEXT_REFERENCE = `SELECT next_case_reference() AS reference`;

export interface NextReferenceRow {
  reference: string;
}

/**
 * For other owners' set-based statements (a CTE member): writes one timeline event of type `type`, with the system as
 * the actor, per row of `from` where `where` holds. `caseId` and each field of `data` are SQL expressions over those
 * rows; `data` is typed by the event's payload (CaseEventPayloads, ARCHITECTURE §Contracts), its required fields
 * required here too, so an SQL-written event carries what its type promises.
 */
export function caseEventsInsertSql<T extends CaseEventType>(
  type: T,
  spec: { from: string; where?: string; caseId: string; data: { [K in keyof CaseEventPayloads[T]]: string } },
): string {
  const fields = Object.entries(spec.data as Record<string, string>).map(([key, expression]) => `'${key}', ${expression}`);
  return `INSERT INTO case_events (case_id, actor_id, type, data)
  SELECT ${spec.caseId}, NULL, '${type}', jsonb_build_object(${fields.join(', ')}) FROM ${spec.from}${spec.where ? ` WHERE ${spec.where}` : ''}`;
}

/**
 * For the timer sweeps (a CTE member): raises the stall level of the cases `where` selects (an SQL condition over
 * `c`, the case), returning `returning` (SQL over `c`).
 */
export const raiseStallLevelSql = ({ level, where, returning }: { level: 'at_risk' | 'escalated'; where: string; returning: string }) =>
  `UPDATE cases c SET stall_level = '${level}', updated_at = now() WHERE ${where} RETURNING ${returning}`;
