export const EMAIL_STATUSES = ['pending', 'sent', 'failed'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/** An outbox row as other code sees it (the Emails page, a retry): a plain shape, the entity stays this lib's. */
export interface EmailRecord {
  id: string;
  recipient: string;
  template: string;
  data: Record<string, unknown>;
  status: EmailStatus;
  attempts: number;
  lastError: string | null;
  sentAt: Date | null;
  createdAt: Date;
}

/**
 * What an email a person writes (a message on a case, libs/conversation) carries beyond a template's: its own stable
 * Message-ID, every recipient (`to` on the row is the first), the case's reply address, the thread's headers, and the
 * case files to attach (their bytes are read as the email leaves, through the `AttachmentLoader` the worker passes).
 */
export interface EmailEnvelope {
  messageId?: string;
  to?: string[];
  replyTo?: string;
  inReplyTo?: string;
  references?: string[];
  attachments?: { caseId: string; attachmentIds: string[] };
}
