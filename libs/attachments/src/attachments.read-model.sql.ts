import type { AttachmentDto } from './dto/attachment.dto.js';

/**
 * Attachments' read model (docs/ARCHITECTURE.md "Where SQL lives"): Postgres builds each file's JSON. The lib owns
 * `attachments`; these reads also take the uploader's name from users and a session's start from consultations
 * (engagement keeps those columns), and check the case exists in cases.
 */

/** An instant as JavaScript's toISOString writes it, so SQL-built and entity-built answers look the same. */
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const ATTACHMENT_JSON = `json_build_object(
  'id', a.id,
  'caseId', a.case_id,
  'consultationId', a.consultation_id,
  'consultationStartedAt', ${iso('s.started_at')},
  'messageId', a.message_id,
  'attachedTo', CASE WHEN a.message_id IS NOT NULL THEN 'message' WHEN a.consultation_id IS NOT NULL THEN 'session' ELSE 'case' END,
  'fileName', a.file_name,
  'contentType', a.content_type,
  'sizeBytes', a.size_bytes,
  'sha256', a.sha256,
  'origin', a.origin,
  'uploadedBy', CASE WHEN a.uploaded_by_user_id IS NULL THEN NULL
                     ELSE json_build_object('id', a.uploaded_by_user_id, 'name', coalesce(u.name, 'Former user')) END,
  'createdAt', ${iso('a.created_at')})`;

const ATTACHMENT_FROM = `attachments a LEFT JOIN users u ON u.id = a.uploaded_by_user_id LEFT JOIN consultations s ON s.id = a.consultation_id`;

/** $1 the case: whether it exists and its files still there, newest first. */
export const LIST_FOR_CASE = `
SELECT EXISTS (SELECT 1 FROM cases WHERE id = $1) AS found,
       coalesce((SELECT json_agg(${ATTACHMENT_JSON} ORDER BY a.created_at DESC, a.id DESC)
                 FROM ${ATTACHMENT_FROM} WHERE a.case_id = $1 AND a.deleted_at IS NULL), '[]'::json) AS items`;

export interface ListForCaseRow {
  found: boolean;
  items: AttachmentDto[];
}

/** $1 message ids: their files still there, oldest first (the order they were attached). */
export const LIST_FOR_MESSAGES = `
SELECT a.message_id, ${ATTACHMENT_JSON} AS dto
FROM ${ATTACHMENT_FROM} WHERE a.message_id = ANY($1::uuid[]) AND a.deleted_at IS NULL
ORDER BY a.created_at, a.id`;

export interface ListForMessagesRow {
  message_id: string;
  dto: AttachmentDto;
}

/** $1 attachment ids: as the API shows them, in no particular order. */
export const ATTACHMENTS_BY_IDS = `SELECT ${ATTACHMENT_JSON} AS dto FROM ${ATTACHMENT_FROM} WHERE a.id = ANY($1::uuid[])`;

export interface AttachmentJsonRow {
  dto: AttachmentDto;
}
