import { caseEventsInsertSql, raiseStallLevelSql } from '@ta/cases';
import { markFollowUpsMissedSql } from '@ta/engagement';
import { outboxInsertSql, type TemplateData } from '@ta/mail';

/**
 * The timer rules (docs/ARCHITECTURE.md §Jobs), each one set-based statement (so one transaction): it claims its
 * effects in sweep_effects (owned here; unique dedupe keys: a rerun or a second worker claims nothing), applies them,
 * writes the timeline events and the outbox rows, and returns the ids of the emails to dispatch.
 *
 * A sweep file (docs/ARCHITECTURE.md §Ownership): reads cases, organizations (name), users (leads, assignees),
 * follow_ups, action_items and contacts (reminder recipients); writes sweep_effects itself and every other owner's
 * rows through that owner's SQL helper: cases (stall level) and case_events through @ta/cases, follow_ups (missed)
 * through @ta/engagement, outbound_emails through @ta/mail.
 *
 * Parameters: $1 now, $2 today in the center's time zone (YYYY-MM-DD), $3 APP_URL, $4 at-risk days, $5 escalate days.
 */

/** Emails to every active lead for the cases in `upd`. */
const toLeads = (reason: TemplateData['escalation']['reason'], keyPart: string) =>
  outboxInsertSql('escalation', {
    from: `upd JOIN users l ON l.role = 'lead' AND l.active`,
    recipient: 'l.email',
    dedupeKey: `'case:' || upd.id || ':${keyPart}:lead:' || l.id`,
    data: {
      reason: `'${reason}'`,
      reference: 'upd.reference',
      title: 'upd.title',
      organizationName: 'upd.organization_name',
      days: 'upd.days',
      caseUrl: `$3 || '/cases/' || upd.id`,
    },
  });

const ORGANIZATION_NAME = `(SELECT o.name FROM organizations o WHERE o.id = c.organization_id) AS organization_name`;

export const FIRST_RESPONSE_OVERDUE = `
WITH due AS (
  SELECT c.id FROM cases c
  WHERE c.first_response_at IS NULL AND c.first_response_due_at < $1 AND c.status IN ('new', 'triaged', 'active', 'on_hold')
),
fx AS (
  INSERT INTO sweep_effects (dedupe_key, case_id, kind)
  SELECT 'case:' || id || ':first_response_overdue', id, 'first_response_overdue' FROM due
  ON CONFLICT (dedupe_key) DO NOTHING
  RETURNING case_id
),
upd AS (
  ${raiseStallLevelSql({
    level: 'escalated',
    where: 'c.id IN (SELECT case_id FROM fx)',
    returning: `c.id, c.reference, c.title, ${ORGANIZATION_NAME},
            floor(extract(epoch FROM ($1 - c.opened_at)) / 86400)::int AS days, c.first_response_due_at`,
  })}
),
ev AS (
  ${caseEventsInsertSql('escalated', { from: 'upd', caseId: 'id', data: { reason: `'first_response_overdue'`, dueAt: 'first_response_due_at' } })}
)
${toLeads('first_response_overdue', 'first_response_overdue')}`;

export const STALL_ESCALATE = `
WITH due AS (
  SELECT c.id FROM cases c
  WHERE c.status = 'active' AND c.stall_level IN ('none', 'at_risk') AND c.last_activity_at <= $1 - make_interval(days => $5)
),
fx AS (
  INSERT INTO sweep_effects (dedupe_key, case_id, kind)
  SELECT 'case:' || id || ':escalated:' || $2, id, 'stall_escalated' FROM due
  ON CONFLICT (dedupe_key) DO NOTHING
  RETURNING case_id
),
upd AS (
  ${raiseStallLevelSql({
    level: 'escalated',
    where: 'c.id IN (SELECT case_id FROM fx)',
    returning: `c.id, c.reference, c.title, ${ORGANIZATION_NAME},
            floor(extract(epoch FROM ($1 - c.last_activity_at)) / 86400)::int AS days`,
  })}
),
ev AS (
  ${caseEventsInsertSql('escalated', { from: 'upd', caseId: 'id', data: { reason: `'no_activity'`, days: 'days' } })}
)
${toLeads('no_activity', "escalated:' || $2 || '")}`;

/** At risk: the assigned consultant is told; a case with no (active) assignee goes to the leads instead. */
export const STALL_AT_RISK = `
WITH due AS (
  SELECT c.id FROM cases c
  WHERE c.status = 'active' AND c.stall_level = 'none' AND c.last_activity_at <= $1 - make_interval(days => $4)
),
fx AS (
  INSERT INTO sweep_effects (dedupe_key, case_id, kind)
  SELECT 'case:' || id || ':at_risk:' || $2, id, 'stall_at_risk' FROM due
  ON CONFLICT (dedupe_key) DO NOTHING
  RETURNING case_id
),
upd AS (
  ${raiseStallLevelSql({
    level: 'at_risk',
    where: 'c.id IN (SELECT case_id FROM fx)',
    returning: `c.id, c.reference, c.title, c.assignee_id, ${ORGANIZATION_NAME},
            floor(extract(epoch FROM ($1 - c.last_activity_at)) / 86400)::int AS days`,
  })}
),
ev AS (
  ${caseEventsInsertSql('stall_at_risk', { from: 'upd', caseId: 'id', data: { days: 'days' } })}
)
${outboxInsertSql('stall_at_risk', {
  from: `upd
JOIN LATERAL (
  SELECT a.id, a.email FROM users a WHERE a.id = upd.assignee_id AND a.active
  UNION ALL
  SELECT l.id, l.email FROM users l
  WHERE l.role = 'lead' AND l.active AND NOT EXISTS (SELECT 1 FROM users a WHERE a.id = upd.assignee_id AND a.active)
) r ON true`,
  recipient: 'r.email',
  dedupeKey: `'case:' || upd.id || ':at_risk:' || $2 || ':' || r.id`,
  data: {
    reference: 'upd.reference',
    title: 'upd.title',
    organizationName: 'upd.organization_name',
    days: 'upd.days',
    caseUrl: `$3 || '/cases/' || upd.id`,
  },
})}`;

/** Follow-ups due tomorrow or today (the center's days) remind their assignee once per reminder and day. */
export const FOLLOW_UP_REMINDERS = `
WITH bounds AS (SELECT ($2::date::timestamp AT TIME ZONE center_time_zone()) AS today_start),
due AS (
  SELECT f.id, f.case_id, f.assignee_id, f.kind, f.due_at, f.note,
         CASE WHEN f.due_at < b.today_start + interval '1 day' THEN 'due_today' ELSE 'day_before' END AS reminder
  FROM follow_ups f CROSS JOIN bounds b
  WHERE f.status = 'scheduled' AND f.due_at >= b.today_start AND f.due_at < b.today_start + interval '2 days'
),
fx AS (
  INSERT INTO sweep_effects (dedupe_key, case_id, kind)
  SELECT 'follow_up:' || id || ':' || reminder || ':' || $2, case_id, 'follow_up_reminder' FROM due
  ON CONFLICT (dedupe_key) DO NOTHING
  RETURNING dedupe_key
),
picked AS (
  SELECT due.*, c.reference, c.title, u.email, u.name AS assignee_name, fx.dedupe_key
  FROM due JOIN fx ON fx.dedupe_key = 'follow_up:' || due.id || ':' || due.reminder || ':' || $2
  JOIN cases c ON c.id = due.case_id JOIN users u ON u.id = due.assignee_id
),
ev AS (
  ${caseEventsInsertSql('reminder_sent', { from: 'picked', caseId: 'case_id', data: { followUpId: 'id', reminder: 'reminder', to: 'assignee_name' } })}
)
${outboxInsertSql('reminder', {
  from: 'picked',
  recipient: 'email',
  dedupeKey: 'dedupe_key',
  data: {
    what: `'follow-up'`,
    reminder: 'reminder',
    kind: 'kind',
    note: 'note',
    dueAt: 'due_at',
    reference: 'reference',
    title: 'title',
    caseUrl: `$3 || '/cases/' || case_id`,
  },
})}`;

/** Open action items due tomorrow or today remind their owner: the clinic contact, or the staff user. */
export const ACTION_ITEM_REMINDERS = `
WITH due AS (
  SELECT i.id, i.case_id, i.description, i.due_date, i.owner_contact_id, i.owner_user_id,
         CASE WHEN i.due_date = $2::date THEN 'due_today' ELSE 'day_before' END AS reminder
  FROM action_items i
  WHERE i.status NOT IN ('done', 'cancelled') AND i.due_date IN ($2::date, $2::date + 1)
),
fx AS (
  INSERT INTO sweep_effects (dedupe_key, case_id, kind)
  SELECT 'action_item:' || id || ':' || reminder || ':' || $2, case_id, 'action_item_reminder' FROM due
  ON CONFLICT (dedupe_key) DO NOTHING
  RETURNING dedupe_key
),
picked AS (
  SELECT due.*, c.reference, c.title, coalesce(ct.email, u.email) AS email, coalesce(ct.name, u.name) AS owner_name,
         (ct.id IS NOT NULL) AS clinic_owned, fx.dedupe_key
  FROM due JOIN fx ON fx.dedupe_key = 'action_item:' || due.id || ':' || due.reminder || ':' || $2
  JOIN cases c ON c.id = due.case_id
  LEFT JOIN contacts ct ON ct.id = due.owner_contact_id
  LEFT JOIN users u ON u.id = due.owner_user_id AND u.active
),
ev AS (
  ${caseEventsInsertSql('reminder_sent', {
    from: 'picked',
    where: 'email IS NOT NULL',
    caseId: 'case_id',
    data: { actionItemId: 'id', reminder: 'reminder', to: 'owner_name' },
  })}
)
${outboxInsertSql('reminder', {
  from: 'picked',
  where: 'email IS NOT NULL',
  recipient: 'email',
  dedupeKey: 'dedupe_key',
  data: {
    what: `'action item'`,
    reminder: 'reminder',
    description: 'description',
    dueDate: 'due_date',
    reference: 'reference',
    title: 'title',
    clinicOwned: 'clinic_owned',
    caseUrl: `CASE WHEN clinic_owned THEN NULL ELSE $3 || '/cases/' || case_id END`,
  },
})}`;

/** A follow-up still scheduled a day past due is missed: a stall signal that puts an active case at risk. */
export const MISSED_FOLLOW_UPS = `
WITH missed AS (${markFollowUpsMissedSql('$1')}
),
ev AS (
  ${caseEventsInsertSql('follow_up_missed', { from: 'missed', caseId: 'case_id', data: { followUpId: 'id', kind: 'kind', dueAt: 'due_at' } })}
)
${raiseStallLevelSql({
  level: 'at_risk',
  where: `c.id IN (SELECT case_id FROM missed) AND c.status = 'active' AND c.stall_level = 'none'`,
  returning: 'c.id',
})}`;
