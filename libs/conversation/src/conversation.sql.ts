/**
 * SQL of the conversation (ARCHITECTURE §Where SQL lives). Owns case_threads and messages. Read models here also
 * read outbound_emails (libs/mail: an outbound message's delivery status), users (author names) and cases
 * (reference, title, assignee) — columns their owners keep.
 */

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** $1 case, $2 a new token: the case's reply token, made on first use (a concurrent first use keeps one). */
export const THREAD_TOKEN = `
WITH made AS (
  INSERT INTO case_threads (case_id, reply_token) VALUES ($1, $2) ON CONFLICT (case_id) DO NOTHING RETURNING reply_token
)
SELECT reply_token FROM made UNION ALL SELECT reply_token FROM case_threads WHERE case_id = $1 LIMIT 1`;

export interface ThreadTokenRow {
  reply_token: string;
}

/** $1 case: its reply token, if a message was ever written on it. */
export const TOKEN_OF = `SELECT reply_token FROM case_threads WHERE case_id = $1`;

/** $1 case: the Message-IDs of its thread, oldest first (the References of the next message). */
export const THREAD_MESSAGE_IDS = `
SELECT message_id FROM messages WHERE case_id = $1 AND message_id IS NOT NULL ORDER BY created_at, id`;

export interface MessageIdRow {
  message_id: string;
}

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
  'folded', m.visible_body <> btrim(m.body),
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

/** $1 message, $2 case: is the message on that case (for a file uploaded to it). */
export const MESSAGE_ON_CASE = `SELECT id FROM messages WHERE id = $1 AND case_id = $2`;

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

/** $1 inbound key: a mail already stored (by Message-ID, or by its bytes' hash when it has none). */
export const INBOUND_BY_KEY = `SELECT id, case_id, attachments_stored FROM messages WHERE inbound_key = $1`;

export interface InboundByKeyRow {
  id: string;
  case_id: string | null;
  attachments_stored: boolean;
}

/** $1 tokens: the case a reply address names. */
export const CASE_BY_TOKEN = `SELECT case_id FROM case_threads WHERE reply_token = ANY($1::text[]) LIMIT 1`;

export interface CaseIdRow {
  case_id: string;
}

/** $1 Message-IDs in the order they should win: the case of the first one we sent or stored. */
export const CASE_BY_THREAD = `
SELECT m.case_id FROM unnest($1::text[]) WITH ORDINALITY AS x(mid, i) JOIN messages m ON m.message_id = x.mid
WHERE m.case_id IS NOT NULL ORDER BY x.i LIMIT 1`;

/** Stores one inbound message; nothing when its key (or Message-ID) is already there. */
export const INSERT_INBOUND = `
INSERT INTO messages (case_id, direction, origin, matched_by, from_address, from_name, to_addresses, cc_addresses, subject,
  body, visible_body, message_id, in_reply_to, "references", inbound_key, mailbox_uid, raw, auto_reply, attachments_stored, received_at)
VALUES ($1, 'inbound', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
ON CONFLICT DO NOTHING RETURNING id`;

/** $1 id, $2 case, $3 subject, $4 text: what the requester added on their status page. */
export const INSERT_STATUS_PAGE = `
INSERT INTO messages (id, case_id, direction, origin, matched_by, subject, body, visible_body, received_at)
VALUES ($1, $2, 'inbound', 'status_page', 'status_page', $3, $4, $4, now())`;

export const INSERT_OUTBOUND = `
INSERT INTO messages (id, case_id, direction, origin, from_address, from_name, to_addresses, subject, body, visible_body, message_id,
  in_reply_to, "references", author_id, outbox_email_id)
VALUES ($1, $2, 'outbound', 'staff', $3, $4, $5, $6, $7, $7, $8, $9, $10, $11, $12)`;

export interface InsertedRow {
  id: string;
}

/** $1 case: a real reply arrived, the case shows "new reply" until its consultant reads the conversation. */
export const MARK_UNREAD = `
INSERT INTO case_threads (case_id, reply_token, unread) VALUES ($1, $2, true)
ON CONFLICT (case_id) DO UPDATE SET unread = true, updated_at = now()`;

/** $1 case. */
export const MARK_READ = `UPDATE case_threads SET unread = false, updated_at = now() WHERE case_id = $1 AND unread`;

/** $1 message, locked: an unmatched message being given a case. */
export const LOCK_UNMATCHED = `SELECT id, case_id, raw, auto_reply, from_name, from_address, subject, visible_body FROM messages WHERE id = $1 FOR UPDATE`;

export interface LockedMessageRow {
  id: string;
  case_id: string | null;
  raw: Buffer | null;
  auto_reply: string | null;
  from_name: string | null;
  from_address: string | null;
  subject: string;
  visible_body: string;
}

/** $1 message, $2 case, $3 who: an unmatched message is the case's now; its files (in its raw source) are stored next. */
export const ASSIGN = `UPDATE messages SET case_id = $2, matched_by = 'assigned', assigned_by = $3, attachments_stored = raw IS NULL WHERE id = $1`;

/** $1 message. */
export const ATTACHMENTS_STORED = `UPDATE messages SET attachments_stored = true WHERE id = $1`;

/** $1 message: its raw source. */
export const RAW_OF = `SELECT raw, subject FROM messages WHERE id = $1`;

export interface RawRow {
  raw: Buffer | null;
  subject: string;
}

/** Active leads: told of a reply on a case nobody is assigned to. */
export const ACTIVE_LEADS = `SELECT id, name, email FROM users WHERE role = 'lead' AND active ORDER BY id`;

/** $1 user: a staff member's name and address (the author of a message, the consultant to tell of a reply). */
export const STAFF_MEMBER = `SELECT id, name, email FROM users WHERE id = $1`;

export interface StaffMemberRow {
  id: string;
  name: string;
  email: string;
}
