import { caseEventsInsertSql } from '@ta/cases';
import { outboxInsertSql } from '@ta/mail';

/**
 * The reassessment reminder (docs/ARCHITECTURE.md §Jobs), one set-based statement: an organization's latest round, closed at least
 * REASSESS_AFTER_DAYS ago with no round started since, is marked reminded (assessments.reassess_reminded_at: a rerun or
 * a second worker finds nothing), its case's timeline records it, and its case's consultant (or whoever started the
 * round) gets one email (dedupe key `assessment:<id>:reassess`). Reads organizations, instruments, cases and users;
 * writes assessments (its own), and case_events and outbound_emails through their owners' SQL helpers, as the escalation
 * sweep does (a sweep file, docs/ARCHITECTURE.md §Ownership).
 *
 * Parameters: $1 now, $2 REASSESS_AFTER_DAYS, $3 APP_URL. Returns the ids of the emails to dispatch.
 */
export const REASSESSMENT_DUE = `
WITH due AS (
  SELECT a.id FROM assessments a
  WHERE a.status = 'closed' AND a.reassess_reminded_at IS NULL AND a.closed_at <= $1::timestamptz - make_interval(days => $2::int)
    AND NOT EXISTS (SELECT 1 FROM assessments b WHERE b.organization_id = a.organization_id AND b.id <> a.id AND b.created_at > a.created_at)
), upd AS (
  UPDATE assessments a SET reassess_reminded_at = $1::timestamptz
  FROM due WHERE a.id = due.id AND a.reassess_reminded_at IS NULL
  RETURNING a.id, a.organization_id, a.case_id, a.created_by, a.instrument_id
), who AS (
  SELECT upd.id, upd.organization_id, upd.case_id, o.name AS organization_name, i.title AS instrument_title,
         coalesce(assignee.email, starter.email) AS email
  FROM upd JOIN organizations o ON o.id = upd.organization_id JOIN instruments i ON i.id = upd.instrument_id
  LEFT JOIN cases c ON c.id = upd.case_id
  LEFT JOIN users assignee ON assignee.id = c.assignee_id AND assignee.active
  LEFT JOIN users starter ON starter.id = upd.created_by AND starter.active
), ev AS (
  ${caseEventsInsertSql('reassessment_due', { from: 'who', where: 'case_id IS NOT NULL', caseId: 'case_id', data: { assessmentId: 'id', days: '$2::int' } })}
)
${outboxInsertSql('reassessment_due', {
  from: 'who',
  where: 'email IS NOT NULL',
  recipient: 'email',
  dedupeKey: `'assessment:' || id || ':reassess'`,
  data: {
    organizationName: 'organization_name',
    instrumentTitle: 'instrument_title',
    days: '$2::int',
    url: `$3::text || '/organizations/' || organization_id`,
  },
})}`;
