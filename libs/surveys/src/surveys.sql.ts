/**
 * Surveys' reads and writes on its own tables: surveys, survey_invitations, survey_answers and survey_opt_outs (the
 * reads that join cases, organizations or users are in surveys.read-model.sql.ts).
 */
import type { InvitationStatus, SurveyKind } from './survey-enums.js';

export interface SurveyRow {
  id: string;
  kind: SurveyKind;
  version: number;
  title: string;
  questions: number;
  sent: boolean;
  current: boolean;
  created_at: Date;
}

const SURVEY_COLUMNS = `
  s.id, s.kind, s.version, s.title, jsonb_array_length(s.definition->'questions') AS questions,
  EXISTS (SELECT 1 FROM survey_invitations i WHERE i.survey_id = s.id) AS sent,
  s.version = (SELECT max(version) FROM surveys x WHERE x.kind = s.kind) AS current, s.created_at`;

export const LIST_SURVEYS = `SELECT ${SURVEY_COLUMNS} FROM surveys s ORDER BY s.kind, s.version DESC`;

export interface SurveyDefinitionRow extends SurveyRow {
  definition: unknown;
}

/** $1 id */
export const GET_SURVEY = `SELECT ${SURVEY_COLUMNS}, s.definition FROM surveys s WHERE s.id = $1`;

/** $1 kind, $2 version, $3 the new definition: the stored version, locked, whether it is the same, and whether it was sent. */
export const LOCK_SURVEY_VERSION = `
SELECT s.id, s.definition = $3::jsonb AS same, EXISTS (SELECT 1 FROM survey_invitations i WHERE i.survey_id = s.id) AS used
FROM surveys s WHERE s.kind = $1 AND s.version = $2 FOR UPDATE`;

export interface LockedSurveyRow {
  id: string;
  same: boolean;
  used: boolean;
}

/** $1 kind, $2 version, $3 title, $4 definition, $5 loaded by: a version not sent yet, replaced. */
export const UPDATE_SURVEY = `UPDATE surveys SET title = $3, definition = $4, loaded_by = $5, updated_at = now() WHERE kind = $1 AND version = $2`;

export interface SurveyIdRow {
  id: string;
}

/** $1 kind, $2 version, $3 title, $4 definition, $5 loaded by. Returns SurveyIdRow. */
export const INSERT_SURVEY = `INSERT INTO surveys (kind, version, title, definition, loaded_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`;

/** $1 invitation, $2 question codes, $3 numbers, $4 choices (each a JSON array or null), $5 texts. */
export const INSERT_ANSWERS = `
INSERT INTO survey_answers (invitation_id, question_code, number_value, choice_values, text_value)
SELECT $1, code, num, CASE WHEN choices IS NULL THEN NULL ELSE ARRAY(SELECT jsonb_array_elements_text(choices)) END, txt
FROM unnest($2::text[], $3::numeric[], $4::jsonb[], $5::text[]) AS t(code, num, choices, txt)`;

export interface InvitationRow {
  id: string;
  case_id: string;
  kind: SurveyKind;
  version: number;
  title: string;
  definition: unknown;
  recipient_name: string;
  status: InvitationStatus;
  created_at: Date;
  expires_at: Date;
  answered_at: Date | null;
  answers: Array<{ code: string; number: number | null; choices: string[] | null; text: string | null }>;
}

/** An invitation with its survey version and its answers (also the responses read model's base). */
export const INVITATION_SELECT = `
SELECT i.id, i.case_id, i.kind, s.version, s.title, s.definition, i.recipient_name, i.status, i.created_at, i.expires_at, i.answered_at,
       coalesce((SELECT jsonb_agg(jsonb_build_object('code', a.question_code, 'number', a.number_value::float8,
                                                     'choices', a.choice_values, 'text', a.text_value))
                 FROM survey_answers a WHERE a.invitation_id = i.id), '[]') AS answers
FROM survey_invitations i JOIN surveys s ON s.id = i.survey_id`;

/** $1 case: its invitations, closure survey first. */
export const CASE_INVITATIONS = `${INVITATION_SELECT} WHERE i.case_id = $1 ORDER BY i.created_at, i.kind`;

/** $1 invitation */
export const MARK_INVITATION_ANSWERED = `UPDATE survey_invitations SET status = 'answered', answered_at = now() WHERE id = $1`;

export interface OptOutRow {
  email: string;
}

/** $1 email: one OptOutRow when the address opted out. */
export const OPT_OUT_OF = `SELECT email FROM survey_opt_outs WHERE email = $1`;

/** $1 email, $2 the invitation whose link was used: the opt-out, once per address. Returns OptOutRow, none when it was there. */
export const INSERT_OPT_OUT = `INSERT INTO survey_opt_outs (email, invitation_id) VALUES ($1, $2) ON CONFLICT (email) DO NOTHING RETURNING email`;

/** $1 case: whether the address its surveys go to (the latest invitation's) opted out. */
export const CASE_OPTED_OUT = `
SELECT EXISTS (SELECT 1 FROM survey_invitations i JOIN survey_opt_outs x ON x.email = i.recipient_email WHERE i.case_id = $1) AS opted_out`;
