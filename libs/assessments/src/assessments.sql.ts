import type { InstrumentFile } from './instrument-file.js';

/**
 * Readiness assessments' reads and set-based writes on the tables this lib owns: instruments, assessments,
 * assessment_respondents and assessment_answers. Reads that name other owners' rows are in assessments.read-model.sql.ts.
 */

/** The row of the statements that return only an id (a lookup, a lock, an INSERT … RETURNING id). */
export interface IdRow {
  id: string;
}

export interface InstrumentRow {
  id: string;
  code: string;
  version: number;
  title: string;
  scale_min: number;
  scale_max: number;
  sections: number;
  items: number;
  answered: boolean;
  created_at: Date;
}

const INSTRUMENT_COLUMNS = `
  i.id, i.code, i.version, i.title, i.scale_min, i.scale_max, jsonb_array_length(i.definition->'sections') AS sections,
  (SELECT count(*) FROM jsonb_array_elements(i.definition->'sections') s, jsonb_array_elements(s->'items'))::int AS items,
  EXISTS (SELECT 1 FROM assessments a JOIN assessment_respondents r ON r.assessment_id = a.id
          WHERE a.instrument_id = i.id AND r.status <> 'invited') AS answered,
  i.created_at`;

export const LIST_INSTRUMENTS = `SELECT ${INSTRUMENT_COLUMNS} FROM instruments i ORDER BY i.code, i.version DESC`;

export interface InstrumentDefinitionRow extends InstrumentRow {
  definition: unknown;
}

/** $1 id */
export const GET_INSTRUMENT = `SELECT ${INSTRUMENT_COLUMNS}, i.definition FROM instruments i WHERE i.id = $1`;

/** $1 code, $2 version, $3 the new definition: the stored version, locked, whether it is the same, and whether a round uses it. */
export const LOCK_INSTRUMENT_VERSION = `
SELECT i.id, i.definition = $3::jsonb AS same, EXISTS (SELECT 1 FROM assessments a WHERE a.instrument_id = i.id) AS used
FROM instruments i WHERE i.code = $1 AND i.version = $2 FOR UPDATE`;

export interface LockedInstrumentRow {
  id: string;
  same: boolean;
  used: boolean;
}

export interface ItemScoreRow {
  assessment_id: string;
  section_code: string;
  section_title: string;
  goal_area: string;
  item_code: string;
  statement: string;
  /** Submitted respondents who rated the item. */
  n: number;
  item_score: number | null;
  spread: number | null;
  disagreement: boolean;
  section_score: number | null;
  section_percent: number | null;
}

/**
 * Scores of rounds ($1 uuid[]), one row per item in the instrument's order, counting submitted respondents only:
 * item score = mean over respondents; spread = highest − lowest answer; disagreement when the answers span the whole
 * scale; section score = mean of its item scores, and as % of the scale's range. Rounded for display (2 places, 1 for %).
 */
export const ITEM_SCORES = `
WITH a AS (
  SELECT a.id, i.scale_min, i.scale_max, i.definition FROM assessments a JOIN instruments i ON i.id = a.instrument_id WHERE a.id = ANY($1::uuid[])
), items AS (
  SELECT a.id AS assessment_id, a.scale_min, a.scale_max, s.value->>'code' AS section_code, s.value->>'title' AS section_title,
         s.value->>'goalArea' AS goal_area, s.ord AS section_order, it.value->>'code' AS item_code, it.value->>'statement' AS statement, it.ord AS item_order
  FROM a, jsonb_array_elements(a.definition->'sections') WITH ORDINALITY s(value, ord), jsonb_array_elements(s.value->'items') WITH ORDINALITY it(value, ord)
), ans AS (
  SELECT r.assessment_id, x.item_code, x.score
  FROM assessment_respondents r JOIN assessment_answers x ON x.respondent_id = r.id
  WHERE r.assessment_id = ANY($1::uuid[]) AND r.status = 'submitted'
), per_item AS (
  SELECT t.assessment_id, t.scale_min, t.scale_max, t.section_code, t.section_title, t.goal_area, t.section_order, t.item_code, t.statement, t.item_order,
         avg(ans.score) AS mean, count(ans.score)::int AS n, min(ans.score) AS lo, max(ans.score) AS hi
  FROM items t LEFT JOIN ans ON ans.assessment_id = t.assessment_id AND ans.item_code = t.item_code
  GROUP BY t.assessment_id, t.scale_min, t.scale_max, t.section_code, t.section_title, t.goal_area, t.section_order, t.item_code, t.statement, t.item_order
)
SELECT assessment_id, section_code, section_title, goal_area, item_code, statement, n,
       round(mean, 2)::float8 AS item_score,
       (hi - lo)::int AS spread,
       coalesce(n >= 2 AND lo = scale_min AND hi = scale_max, false) AS disagreement,
       round(avg(mean) OVER w, 2)::float8 AS section_score,
       round((avg(mean) OVER w - scale_min) * 100.0 / (scale_max - scale_min), 1)::float8 AS section_percent
FROM per_item
WINDOW w AS (PARTITION BY assessment_id, section_code)
ORDER BY assessment_id, section_order, item_order`;

export interface RespondentRow {
  id: string;
  name: string;
  source: 'invited' | 'entered';
  status: 'invited' | 'draft' | 'submitted';
  contact_id: string | null;
  submitted_at: Date | null;
  answers: Record<string, number>;
  comments: Record<string, string>;
}

/** $1 assessment: respondents in the order they joined; answers only once submitted (a draft is the respondent's own). */
export const RESPONDENTS = `
SELECT r.id, r.name, r.source, r.status, r.contact_id, r.submitted_at,
       coalesce(jsonb_object_agg(x.item_code, x.score) FILTER (WHERE x.item_code IS NOT NULL AND r.status = 'submitted'), '{}') AS answers,
       coalesce(jsonb_object_agg(x.item_code, x.comment) FILTER (WHERE x.comment IS NOT NULL AND r.status = 'submitted'), '{}') AS comments
FROM assessment_respondents r LEFT JOIN assessment_answers x ON x.respondent_id = r.id
WHERE r.assessment_id = $1
GROUP BY r.id ORDER BY r.created_at, r.name`;

/**
 * $1 organization, $2 the round to compare (or null for the latest closed one): the baseline is the organization's
 * first round of purpose baseline with answers, the comparison round a later round of the same instrument code.
 */
export const CHANGE_PAIR = `
WITH rounds AS (
  SELECT a.id, a.purpose, a.status, a.created_at, i.code FROM assessments a JOIN instruments i ON i.id = a.instrument_id
  WHERE a.organization_id = $1 AND EXISTS (SELECT 1 FROM assessment_respondents r WHERE r.assessment_id = a.id AND r.status = 'submitted')
), baseline AS (
  SELECT * FROM rounds WHERE purpose = 'baseline' ORDER BY created_at, id LIMIT 1
)
SELECT b.id AS baseline_id,
       (SELECT r.id FROM rounds r WHERE r.code = b.code AND r.created_at > b.created_at AND r.id <> b.id
          AND ($2::uuid IS NULL AND r.status = 'closed' OR r.id = $2::uuid)
        ORDER BY r.created_at DESC, r.id LIMIT 1) AS latest_id
FROM baseline b`;

export interface ChangePairRow {
  baseline_id: string;
  latest_id: string | null;
}

/** $1 respondent, $2 item codes, $3 scores, $4 comments: upserts answers. */
export const UPSERT_ANSWERS = `
INSERT INTO assessment_answers (respondent_id, item_code, score, comment)
SELECT $1, code, score, comment FROM unnest($2::text[], $3::int[], $4::text[]) AS t(code, score, comment)
ON CONFLICT (respondent_id, item_code) DO UPDATE SET score = EXCLUDED.score, comment = EXCLUDED.comment, updated_at = now()`;

export interface AnswerRow {
  item_code: string;
  score: number;
  comment: string | null;
}

/** $1 respondent */
export const ANSWERS_OF = `SELECT item_code, score, comment FROM assessment_answers WHERE respondent_id = $1`;

/** $1 code, $2 version, $3 title, $4 scale min, $5 scale max, $6 definition, $7 loaded by: a version no round uses yet, replaced. */
export const UPDATE_INSTRUMENT = `UPDATE instruments SET title = $3, scale_min = $4, scale_max = $5, definition = $6, loaded_by = $7, updated_at = now() WHERE code = $1 AND version = $2`;

/** $1 code, $2 version, $3 title, $4 scale min, $5 scale max, $6 definition, $7 loaded by. Returns IdRow. */
export const INSERT_INSTRUMENT = `INSERT INTO instruments (code, version, title, scale_min, scale_max, definition, loaded_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`;

/** $1 instrument: the instrument, if loaded. Returns IdRow. */
export const INSTRUMENT_EXISTS = `SELECT id FROM instruments WHERE id = $1`;

/**
 * $1 organization, $2 instrument, $3 purpose, $4 case or null, $5 closing day (date) or null, $6 the center's time
 * zone, $7 days a round stays open by default, $8 created by. A round closes at the end of its closing day in the
 * center's time zone, or $7 days from now. Returns IdRow.
 */
export const INSERT_ASSESSMENT = `
INSERT INTO assessments (organization_id, instrument_id, purpose, case_id, expires_at, created_by)
VALUES ($1, $2, $3, $4, CASE WHEN $5::date IS NULL THEN now() + make_interval(days => $7)
                             ELSE (($5::date + 1)::timestamp AT TIME ZONE $6) END, $8)
RETURNING id`;

/** $1 round: locks it (before its respondents). Returns IdRow, none for an unknown round. */
export const LOCK_ASSESSMENT = `SELECT id FROM assessments WHERE id = $1 FOR UPDATE`;

/** $1 round */
export const CLOSE_ASSESSMENT = `UPDATE assessments SET status = 'closed', closed_at = now() WHERE id = $1`;

export interface RoundInstrumentRow {
  definition: InstrumentFile;
}

/** $1 round: the definition of its instrument. */
export const INSTRUMENT_OF_ROUND = `SELECT i.definition FROM assessments a JOIN instruments i ON i.id = a.instrument_id WHERE a.id = $1`;

/**
 * $1 round, $2 contact, $3 name, $4 token hash: an invited respondent, once per contact and round. Returns IdRow, none
 * when the contact was already invited.
 */
export const INSERT_INVITED_RESPONDENT = `
INSERT INTO assessment_respondents (assessment_id, contact_id, name, source, token_hash, status)
VALUES ($1, $2, $3, 'invited', $4, 'invited')
ON CONFLICT (assessment_id, contact_id) WHERE source = 'invited' DO NOTHING RETURNING id`;

/** $1 round, $2 contact or null, $3 name, $4 the staff member who entered the answers. Returns IdRow. */
export const INSERT_ENTERED_RESPONDENT = `
INSERT INTO assessment_respondents (assessment_id, contact_id, name, source, status, entered_by, submitted_at)
VALUES ($1, $2, $3, 'entered', 'submitted', $4, now()) RETURNING id`;

/** $1 respondent */
export const MARK_RESPONDENT_DRAFT = `UPDATE assessment_respondents SET status = 'draft', updated_at = now() WHERE id = $1`;

/** $1 respondent */
export const MARK_RESPONDENT_SUBMITTED = `UPDATE assessment_respondents SET status = 'submitted', submitted_at = now(), updated_at = now() WHERE id = $1`;
