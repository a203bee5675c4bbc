/**
 * Reads of assessment rounds that name their organization, instrument, case and starter (a read model,
 * docs/ARCHITECTURE.md §Ownership): read assessments, assessment_respondents and instruments (this lib's), and
 * organizations (name), cases (reference) and users (the starter's name).
 */

export interface RoundRow {
  id: string;
  organization_id: string;
  organization_name: string;
  instrument_id: string;
  instrument_code: string;
  instrument_version: number;
  instrument_title: string;
  scale_min: number;
  scale_max: number;
  purpose: 'baseline' | 'follow_up';
  case_id: string | null;
  case_reference: string | null;
  status: 'open' | 'closed';
  expires_at: Date;
  created_at: Date;
  closed_at: Date | null;
  created_by_name: string;
  respondents: number;
  submitted: number;
}

const ROUND_SELECT = `
SELECT a.id, a.organization_id, o.name AS organization_name, a.instrument_id, i.code AS instrument_code, i.version AS instrument_version,
       i.title AS instrument_title, i.scale_min, i.scale_max, a.purpose, a.case_id, c.reference AS case_reference, a.status,
       a.expires_at, a.created_at, a.closed_at, u.name AS created_by_name,
       (SELECT count(*) FROM assessment_respondents r WHERE r.assessment_id = a.id)::int AS respondents,
       (SELECT count(*) FROM assessment_respondents r WHERE r.assessment_id = a.id AND r.status = 'submitted')::int AS submitted
FROM assessments a JOIN organizations o ON o.id = a.organization_id JOIN instruments i ON i.id = a.instrument_id
JOIN users u ON u.id = a.created_by LEFT JOIN cases c ON c.id = a.case_id`;

/** $1 assessment */
export const GET_ROUND = `${ROUND_SELECT} WHERE a.id = $1`;

/** $1 organization: its rounds, newest first. */
export const LIST_ROUNDS = `${ROUND_SELECT} WHERE a.organization_id = $1 ORDER BY a.created_at DESC, a.id`;

export interface PublicRespondentRow {
  respondent_id: string;
  token_hash: string;
  name: string;
  status: 'invited' | 'draft' | 'submitted';
  submitted_at: Date | null;
  assessment_id: string;
  round_status: 'open' | 'closed';
  expires_at: Date;
  organization_name: string;
  definition: unknown;
  /** Where their results go when they submit (the invited contact's address). */
  contact_email: string | null;
}

/** $1 token hash: the respondent's round; organization and contact (the organizations lib's) for the name and the address. */
export const PUBLIC_RESPONDENT = `
SELECT r.id AS respondent_id, r.token_hash, r.name, r.status, r.submitted_at, a.id AS assessment_id, a.status AS round_status,
       a.expires_at, o.name AS organization_name, i.definition, c.email AS contact_email
FROM assessment_respondents r JOIN assessments a ON a.id = r.assessment_id JOIN instruments i ON i.id = a.instrument_id
JOIN organizations o ON o.id = a.organization_id
LEFT JOIN contacts c ON c.id = r.contact_id
WHERE r.token_hash = $1`;

/** PUBLIC_RESPONDENT with the respondent row locked, for a draft or a submission. */
export const PUBLIC_RESPONDENT_FOR_UPDATE = `${PUBLIC_RESPONDENT} FOR UPDATE OF r`;
