import type { EmailEnvelope } from './email-record.js';
import type { TemplateData, TemplateName } from './templates/templates.js';

/** Statements on the outbox (outbound_emails, owned by this lib), each with its row type. */

export interface EmailIdRow {
  id: string;
}

/**
 * $1 recipients, $2 templates, $3 data (JSON), $4 dedupe keys, $5 envelopes (JSON or null), one element per email: one
 * statement for any number of emails. A dedupe key already written is skipped. Returns EmailIdRow per row written.
 */
export const ENQUEUE_EMAILS = `
INSERT INTO outbound_emails (recipient, template, data, dedupe_key, envelope)
SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::text[], $5::jsonb[])
ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`;

/** What delivery reads of the row (the statement selects it whole). */
export interface PendingEmailRow {
  recipient: string;
  template: string;
  data: unknown;
  envelope: EmailEnvelope | null;
}

/** $1 email: the row if still pending, locked for the delivery; none when sent, failed, or another worker holds it. */
export const LOCK_PENDING_EMAIL = `SELECT * FROM outbound_emails WHERE id = $1 AND status = 'pending' FOR UPDATE SKIP LOCKED`;

/** $1 email, $2 the error, $3 the status after it ('pending' to retry, 'failed' after the last attempt). */
export const RECORD_FAILED_ATTEMPT = `UPDATE outbound_emails SET attempts = attempts + 1, last_error = $2, status = $3, updated_at = now() WHERE id = $1`;

/** $1 email */
export const MARK_SENT = `UPDATE outbound_emails SET status = 'sent', attempts = attempts + 1, sent_at = now(), last_error = NULL, updated_at = now() WHERE id = $1`;

/** $1 seconds untouched: pending emails whose job was never queued or was lost, oldest first, 1000 at a time. Returns EmailIdRow. */
export const STALE_PENDING = `SELECT id FROM outbound_emails WHERE status = 'pending' AND updated_at < now() - make_interval(secs => $1) ORDER BY created_at LIMIT 1000`;

/**
 * $1 email: a failed email back to pending with a fresh set of attempts. Through TypeORM an UPDATE resolves to
 * [EmailIdRow[], affected count]; the row is there only when the email had failed.
 */
export const RETRY_FAILED = `UPDATE outbound_emails SET status = 'pending', attempts = 0, updated_at = now() WHERE id = $1 AND status = 'failed' RETURNING id`;

/**
 * Reads of the outbox for the Emails page.
 * Parameters of LIST_EMAILS: $1 status or null, $2 an ILIKE pattern or null (matched against the recipient and the
 * values of the email's data: reference, case title, a test message's subject…), $3 the templates whose subject
 * wording matches the search (text[]), $4 limit, $5 offset.
 */

export interface EmailListRow {
  id: string;
  recipient: string;
  template: string;
  data: Record<string, unknown>;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  last_error: string | null;
  sent_at: Date | null;
  created_at: Date;
  /** Every row of the page carries the count of all matching rows. */
  total: number;
}

export const LIST_EMAILS = `
SELECT id, recipient, template, data, status, attempts, last_error, sent_at, created_at, count(*) OVER ()::int AS total
FROM outbound_emails e
WHERE ($1::text IS NULL OR status = $1)
  AND ($2::text IS NULL
       OR recipient ILIKE $2
       OR template = ANY($3::text[])
       OR EXISTS (SELECT 1 FROM jsonb_each_text(CASE WHEN jsonb_typeof(e.data) = 'object' THEN e.data ELSE '{}'::jsonb END) kv
                  WHERE kv.value ILIKE $2))
ORDER BY created_at DESC, id
LIMIT $4 OFFSET $5`;

/** One SQL expression per field of a template's data (each variant's fields, when the data is a union). */
export type TemplateDataSql<D> = D extends unknown ? { [K in keyof D]-?: string } : never;

/**
 * For other owners' set-based statements (the timer sweeps): writes one `template` email per row of `from` (SQL: a
 * CTE, joins allowed) where `where` holds; `recipient`, `dedupeKey` and each field of `data` are SQL expressions over
 * those rows. `data` names every field of the template's data (TemplateData, ARCHITECTURE §Contracts), so the JSON the
 * SQL builds is the JSON the template reads. A dedupe key already written is skipped, so a rerun writes nothing twice.
 * Returns the ids written, for dispatch.
 */
export function outboxInsertSql<T extends TemplateName>(
  template: T,
  spec: { from: string; where?: string; recipient: string; dedupeKey: string; data: TemplateDataSql<TemplateData[T]> },
): string {
  const fields = Object.entries(spec.data).map(([key, expression]) => `'${key}', ${String(expression)}`);
  return `
INSERT INTO outbound_emails (recipient, template, data, dedupe_key)
SELECT ${spec.recipient}, '${template}', jsonb_build_object(${fields.join(', ')}), ${spec.dedupeKey}
FROM ${spec.from}${spec.where ? `\nWHERE ${spec.where}` : ''}
ON CONFLICT (dedupe_key) DO NOTHING
RETURNING id`;
}
