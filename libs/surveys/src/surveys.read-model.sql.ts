/**
 * Surveys' read models: its invitations (survey_invitations, surveys, survey_answers) with what they need of the case
 * they are for — cases (reference, title, consultant), organizations (name), users (the consultant's name).
 */
import type { InvitationStatus, SurveyKind } from './survey-enums.js';
import { INVITATION_SELECT, type InvitationRow } from './surveys.sql.js';

export interface PublicInvitationRow {
  id: string;
  token_hash: string;
  case_id: string;
  kind: SurveyKind;
  status: InvitationStatus;
  recipient_name: string;
  recipient_email: string;
  expires_at: Date;
  answered_at: Date | null;
  organization_name: string;
  reference: string;
  title: string;
  assignee_id: string | null;
  definition: unknown;
}

/** $1 token hash: the invitation, the survey it was sent with, and what its low-rating alert needs of the case. */
export const PUBLIC_INVITATION = `
SELECT i.id, i.token_hash, i.case_id, i.kind, i.status, i.recipient_name, i.recipient_email, i.expires_at, i.answered_at,
       o.name AS organization_name, c.reference, c.title, c.assignee_id, s.definition
FROM survey_invitations i JOIN surveys s ON s.id = i.survey_id JOIN cases c ON c.id = i.case_id
JOIN organizations o ON o.id = c.organization_id
WHERE i.token_hash = $1`;

/** PUBLIC_INVITATION with the invitation row locked, for answering it. */
export const PUBLIC_INVITATION_FOR_UPDATE = `${PUBLIC_INVITATION} FOR UPDATE OF i`;

export interface ResponseRow extends InvitationRow {
  reference: string;
  organization_name: string;
  consultant_name: string | null;
}

/** $1 start, $2 end (exclusive): surveys answered in the period, oldest first. */
export const RESPONSES_IN_PERIOD = `
SELECT x.*, c.reference, o.name AS organization_name, u.name AS consultant_name
FROM (${INVITATION_SELECT} WHERE i.status = 'answered' AND i.answered_at >= $1 AND i.answered_at < $2) x
JOIN cases c ON c.id = x.case_id JOIN organizations o ON o.id = c.organization_id LEFT JOIN users u ON u.id = c.assignee_id
ORDER BY x.answered_at, x.id
LIMIT 5000`;
