/**
 * The conversation's read model (ARCHITECTURE §Ownership, read models): messages, with users (an author's name),
 * outbound_emails (libs/mail: an outbound message's delivery status and when it left) and cases (does the case exist).
 * It reads only; the owners keep those columns.
 */

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const MESSAGE_JSON = `json_build_object(
  'id', m.id,
  'caseId', m.case_id,
  'direction', m.direction,
  'origin', m.origin,
  'matchedBy', m.matched_by,
  'fromName', m.from_name,
  'fromAddress', m.from_address,
  'to', m.to_addresses,
  'cc', m.cc_addresses,
  'subject', m.subject,
  'body', m.visible_body,
  'fullBody', m.body,
  -- btrim's default trims spaces only; a mail's text ends in a line break, which is not quoted history.
  'folded', m.visible_body <> btrim(m.body, E' \t\r\n'),
  'autoReply', m.auto_reply,
  'author', CASE WHEN m.author_id IS NULL THEN NULL ELSE json_build_object('id', m.author_id, 'name', coalesce(u.name, 'Former user')) END,
  'status', CASE WHEN m.direction <> 'outbound' THEN NULL WHEN m.outbox_email_id IS NULL OR e.id IS NULL THEN 'sent' ELSE e.status END,
  'hasRaw', m.raw IS NOT NULL,
  'sentAt', ${iso('coalesce(e.sent_at, m.sent_at)')},
  'receivedAt', ${iso('m.received_at')},
  'createdAt', ${iso('m.created_at')})`;

const MESSAGE_FROM = `messages m LEFT JOIN users u ON u.id = m.author_id LEFT JOIN outbound_emails e ON e.id = m.outbox_email_id`;

/** $1 case: its thread, oldest first, and whether the case exists (one statement). */
export const CASE_THREAD = `
SELECT EXISTS (SELECT 1 FROM cases WHERE id = $1) AS found,
       coalesce((SELECT json_agg(${MESSAGE_JSON} ORDER BY m.created_at, m.id) FROM ${MESSAGE_FROM} WHERE m.case_id = $1), '[]'::json) AS items`;

export interface MessageJson {
  id: string;
  caseId: string | null;
  direction: 'outbound' | 'inbound';
  origin: 'staff' | 'email' | 'status_page';
  matchedBy: 'reply_address' | 'thread' | 'reference' | 'assigned' | 'status_page' | null;
  fromName: string | null;
  fromAddress: string | null;
  to: string[];
  cc: string[];
  subject: string;
  body: string;
  fullBody: string;
  folded: boolean;
  autoReply: 'auto_reply' | 'bounce' | null;
  author: { id: string; name: string } | null;
  status: 'pending' | 'sent' | 'failed' | null;
  hasRaw: boolean;
  sentAt: string | null;
  receivedAt: string | null;
  createdAt: string;
}

export interface CaseThreadRow {
  found: boolean;
  items: MessageJson[];
}

/** $1 message. */
export const MESSAGE_BY_ID = `SELECT ${MESSAGE_JSON} AS dto FROM ${MESSAGE_FROM} WHERE m.id = $1`;

export interface MessageRow {
  dto: MessageJson;
}

/** $1 page size, $2 offset: inbound mail no case claimed, oldest first (a triage queue), with the total. */
export const UNMATCHED_PAGE = `
SELECT ${MESSAGE_JSON} AS dto, count(*) OVER ()::int AS total FROM ${MESSAGE_FROM}
WHERE m.case_id IS NULL ORDER BY m.created_at, m.id LIMIT $1 OFFSET $2`;

export interface UnmatchedRow extends MessageRow {
  total: number;
}
