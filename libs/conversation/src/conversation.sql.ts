/**
 * SQL of the conversation on its own tables, case_threads and messages (ARCHITECTURE §Where SQL lives). What the pages
 * read across owners (authors' names, delivery status) is in conversation.read-model.sql.ts.
 */

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

/** $1 message, $2 case: is the message on that case (for a file uploaded to it). */
export const MESSAGE_ON_CASE = `SELECT id FROM messages WHERE id = $1 AND case_id = $2`;

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
