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
