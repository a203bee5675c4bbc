/** Statements on intake_submissions (owned by this lib), each with its row type. */

/**
 * Stores a request as it came (the honeypot field left out) with what it was filed under. $1 id, $2 payload, $3
 * organization, $4 organization created, $5 contact, $6 contact created, $7 case, $8 the status token's hash.
 */
export const INSERT_SUBMISSION = `
INSERT INTO intake_submissions (id, payload, organization_id, organization_created, contact_id, contact_created, case_id, token_hash)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`;

export interface SubmissionCaseRow {
  token_hash: string;
  case_id: string;
}

/** $1 a status token's hash: the case the request was filed under (the caller compares the hash in constant time). */
export const SUBMISSION_BY_TOKEN = `SELECT token_hash, case_id FROM intake_submissions WHERE token_hash = $1`;
