import type { TemplateData, TemplateName } from './templates/templates.js';

/**
 * Reads of the outbox (outbound_emails, owned by this lib) for the Emails page.
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
