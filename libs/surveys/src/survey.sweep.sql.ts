import { caseEventsInsertSql } from '@ta/cases';
import { outboxInsertSql } from '@ta/mail';

/**
 * The survey sweep (ARCHITECTURE §Jobs), one set-based statement for both kinds: a case resolved at least
 * SURVEY_DELAY_DAYS ago (closure survey) or OUTCOME_CHECK_DAYS ago (outcome check), not resolved or closed as a
 * duplicate or withdrawn, gets one invitation of that kind — the unique (case_id, kind) key makes a rerun, a second
 * worker or a reopened-and-resolved-again case find it already sent. The link goes to the case's primary contact, or
 * else the contact who sent the request, unless that address opted out of surveys. A case found more than
 * SURVEY_LINK_DAYS past its due day (a worker down for weeks, a deployment onto years of history) is left alone.
 *
 * Tokens are made here, 192 bits from pgcrypto as 32 base64url characters like newLinkToken(); only their SHA-256 is
 * stored, the link itself travels in the email row (as every emailed link does). Reads cases, contacts,
 * intake_submissions, organizations, surveys and survey_opt_outs; writes survey_invitations (this lib's), and case_events
 * and outbound_emails (dedupe key `survey:<case>:<kind>`) through their owners' SQL helpers, as the escalation and
 * reassessment sweeps do (a sweep file, docs/ARCHITECTURE.md §Ownership).
 *
 * Parameters: $1 now, $2 SURVEY_DELAY_DAYS, $3 OUTCOME_CHECK_DAYS, $4 APP_URL, $5 SURVEY_LINK_DAYS.
 * Returns the ids of the emails to dispatch.
 */
export const SURVEYS_DUE = `
WITH kinds(kind, days) AS (VALUES ('case_closure', $2::int), ('outcome_check', $3::int)),
latest AS (
  SELECT DISTINCT ON (kind) id, kind, title FROM surveys ORDER BY kind, version DESC
), due AS (
  SELECT c.id AS case_id, c.reference, k.kind, l.id AS survey_id, l.title, o.name AS organization_name,
         who.contact_id, who.name, lower(who.email) AS email
  FROM kinds k JOIN latest l ON l.kind = k.kind
  JOIN cases c ON c.resolved_at <= $1::timestamptz - make_interval(days => k.days)
              AND c.resolved_at > $1::timestamptz - make_interval(days => k.days + $5::int)
  JOIN organizations o ON o.id = c.organization_id
  CROSS JOIN LATERAL (
    SELECT ct.id AS contact_id, ct.name, ct.email, 0 AS rank FROM contacts ct
    WHERE ct.id = c.primary_contact_id AND coalesce(ct.email, '') <> ''
    UNION ALL
    SELECT * FROM (
      SELECT ct.id, ct.name, ct.email, 1 FROM intake_submissions s JOIN contacts ct ON ct.id = s.contact_id
      WHERE s.case_id = c.id AND coalesce(ct.email, '') <> '' ORDER BY s.created_at LIMIT 1
    ) requester
    ORDER BY rank LIMIT 1
  ) who
  WHERE c.status IN ('resolved', 'closed')
    AND c.status_reason IS DISTINCT FROM 'duplicate' AND c.status_reason IS DISTINCT FROM 'clinic_withdrew'
    AND NOT EXISTS (SELECT 1 FROM survey_invitations i WHERE i.case_id = c.id AND i.kind = k.kind)
    AND NOT EXISTS (SELECT 1 FROM survey_opt_outs x WHERE x.email = lower(who.email))
), tok AS (
  SELECT due.*, translate(encode(gen_random_bytes(24), 'base64'), '+/', '-_') AS token FROM due
), ins AS (
  INSERT INTO survey_invitations (case_id, kind, survey_id, contact_id, recipient_name, recipient_email, token_hash, expires_at, created_at)
  SELECT case_id, kind, survey_id, contact_id, name, email, encode(digest(token, 'sha256'), 'hex'),
         $1::timestamptz + make_interval(days => $5::int), $1::timestamptz
  FROM tok
  ON CONFLICT (case_id, kind) DO NOTHING
  RETURNING id, case_id, kind
), sent AS (
  SELECT ins.id, tok.* FROM ins JOIN tok ON tok.case_id = ins.case_id AND tok.kind = ins.kind
), ev AS (
  ${caseEventsInsertSql('survey_sent', { from: 'sent', caseId: 'case_id', data: { invitationId: 'id', kind: 'kind', recipient: 'name' } })}
)
${outboxInsertSql('survey_invitation', {
  from: 'sent',
  recipient: 'email',
  dedupeKey: `'survey:' || case_id || ':' || kind`,
  data: {
    kind: 'kind',
    contactName: 'name',
    organizationName: 'organization_name',
    reference: 'reference',
    title: 'title',
    days: '$5::int',
    url: `$4::text || '/request/survey/' || token`,
    optOutUrl: `$4::text || '/request/survey/' || token || '/opt-out'`,
  },
})}`;
