import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@ta/config';
import type { SqlRunner } from '@ta/database';
import { JobName, QueueName, type JobPayloads } from '@ta/queue';
import { DEFAULT_CENTER, SettingsService } from '@ta/settings';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import type { EmailEnvelope, EmailRecord, EmailStatus } from './email-record.js';
import { OutboundEmail } from './outbound-email.entity.js';
import { MailService, type MailAttachment } from './mail.service.js';
import {
  ENQUEUE_EMAILS,
  LIST_EMAILS,
  LOCK_PENDING_EMAIL,
  MARK_SENT,
  RECORD_FAILED_ATTEMPT,
  RETRY_FAILED,
  STALE_PENDING,
  type EmailIdRow,
  type EmailListRow,
  type PendingEmailRow,
} from './outbox.sql.js';
import { renderStoredEmail, TEMPLATE_NAMES, type TemplateData, type TemplateName } from './templates/templates.js';

/** An email to write to the outbox: its data is what its template reads (TemplateData). */
export type EmailToQueue = {
  [T in TemplateName]: { to: string; template: T; data: TemplateData[T]; dedupeKey: string; envelope?: EmailEnvelope };
}[TemplateName];

/** Reads the bytes of an envelope's attachments (the worker wires it to libs/attachments; mail knows no files). */
export type AttachmentLoader = (refs: NonNullable<EmailEnvelope['attachments']>) => Promise<MailAttachment[]>;

/** Attempts before an email is marked failed: with exponential backoff from 5 s, about 10 minutes of SMTP outage. */
export const MAX_DELIVERY_ATTEMPTS = 8;
const FIRST_RETRY_DELAY_MS = 5000;
const DISPATCH_CHUNK = 500;
/**
 * Bulk emails (the timer sweep's reminders and escalations, recovered rows) queue behind the ones a person is waiting
 * for, such as a clinic's confirmation: BullMQ takes jobs without a priority before any prioritized job.
 */
const BULK_EMAIL_PRIORITY = 10;

@Injectable()
export class OutboxService {
  private readonly logger = new Logger(OutboxService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Mail) private readonly queue: Queue<JobPayloads[JobName.DeliverEmail]>,
    private readonly mail: MailService,
    private readonly config: AppConfig,
    private readonly settings: SettingsService,
  ) {}

  /**
   * Writes emails in the caller's transaction; a dedupe key already queued is skipped.
   * Returns the ids of the rows it wrote, to hand to dispatch() after the transaction commits.
   */
  async enqueue(sql: SqlRunner, emails: EmailToQueue[]): Promise<string[]> {
    if (emails.length === 0) return [];
    // One statement for any number of emails (a request form emails the requester and every lead).
    const rows = (await sql.query(ENQUEUE_EMAILS, [
      emails.map((e) => e.to),
      emails.map((e) => e.template),
      emails.map((e) => JSON.stringify(e.data)),
      emails.map((e) => e.dedupeKey),
      emails.map((e) => (e.envelope ? JSON.stringify(e.envelope) : null)),
    ])) as EmailIdRow[];
    return rows.map((row) => row.id);
  }

  /**
   * Asks the worker to deliver these emails now. Best effort: if Redis is unreachable the rows stay
   * pending and the worker's outbox sweep delivers them.
   */
  async dispatch(ids: string[], { round = '', bulk = false }: { round?: string; bulk?: boolean } = {}): Promise<void> {
    try {
      // One job id per email (per retry round): while a job for it is waiting or backing off, queuing it again is a no-op.
      // addBulk in chunks: a sweep may queue thousands at once, one round trip per chunk.
      for (let start = 0; start < ids.length; start += DISPATCH_CHUNK) {
        await this.queue.addBulk(
          ids.slice(start, start + DISPATCH_CHUNK).map((emailId) => ({
            name: JobName.DeliverEmail,
            data: { emailId },
            opts: {
              jobId: `email-${emailId}${round}`,
              attempts: MAX_DELIVERY_ATTEMPTS,
              backoff: { type: 'exponential' as const, delay: FIRST_RETRY_DELAY_MS },
              ...(bulk ? { priority: BULK_EMAIL_PRIORITY } : {}),
            },
          })),
        );
      }
    } catch (error) {
      this.logger.warn(`could not queue ${ids.length} email(s), the outbox sweep will: ${(error as Error).message}`);
    }
  }

  /**
   * Delivers one pending email. The row stays locked while SMTP answers, and is marked sent in the same
   * transaction, so two workers never both send it. Throws on SMTP failure so the job is retried.
   * A worker killed between the server's "250 OK" and the commit leaves the row pending, and it is sent again:
   * SMTP cannot do better than at-least-once, so every copy carries the same Message-ID (mail clients and
   * mailbox providers show one message per Message-ID).
   * The center's name, signature and reply-to address are read as the email leaves (SettingsService keeps them a few
   * seconds), so a queued email speaks for the center as it is named when it is sent.
   */
  async deliver(emailId: string, lastAttempt: boolean, loadAttachments?: AttachmentLoader): Promise<'sent' | 'skipped'> {
    const center = await this.settings.center();
    const outcome = await this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(LOCK_PENDING_EMAIL, [emailId])) as PendingEmailRow[];
      if (!row) return { result: 'skipped' as const };
      try {
        const envelope = row.envelope ?? {};
        const replyTo = envelope.replyTo ?? center.replyTo;
        const files = envelope.attachments?.attachmentIds.length ? await this.attachmentsOf(envelope.attachments, loadAttachments) : [];
        await this.mail.send({
          messageId: envelope.messageId ?? this.messageIdOf(emailId),
          to: envelope.to?.length ? envelope.to : row.recipient,
          fromName: center.shortName,
          ...(replyTo ? { replyTo } : {}),
          ...(envelope.inReplyTo ? { inReplyTo: envelope.inReplyTo } : {}),
          ...(envelope.references?.length ? { references: envelope.references } : {}),
          ...(files.length ? { attachments: files } : {}),
          ...renderStoredEmail(row, center),
        });
      } catch (error) {
        // Recorded and committed before the job fails, so the attempt count and the reason survive the retry.
        const message = (error as Error).message.slice(0, 2000);
        await manager.query(RECORD_FAILED_ATTEMPT, [emailId, message, lastAttempt ? 'failed' : 'pending']);
        return { result: 'failed' as const, message };
      }
      await manager.query(MARK_SENT, [emailId]);
      return { result: 'sent' as const };
    });
    if (outcome.result === 'failed') throw new DeliveryError(outcome.message ?? 'SMTP delivery failed');
    return outcome.result;
  }

  private async attachmentsOf(refs: NonNullable<EmailEnvelope['attachments']>, load?: AttachmentLoader): Promise<MailAttachment[]> {
    // Sending without the files the writer attached would be a different email: fail (and retry) instead.
    if (!load) throw new Error('this process cannot read attachments: the email waits for a worker that can');
    return load(refs);
  }

  /** `<outbox-{id}@{MAIL_FROM's domain}>`: derived from the outbox row, so identical on every attempt. */
  private messageIdOf(emailId: string): string {
    const domain = /@([^>\s]+)/.exec(this.config.MAIL_FROM)?.[1] ?? 'tadesk.local';
    return `<outbox-${emailId}@${domain}>`;
  }

  /** Pending emails untouched for OUTBOX_REQUEUE_AFTER_SECONDS: their job was never queued or was lost with Redis. */
  async requeueStale(): Promise<number> {
    const rows = (await this.dataSource.query(STALE_PENDING, [this.config.OUTBOX_REQUEUE_AFTER_SECONDS])) as EmailIdRow[];
    await this.dispatch(
      rows.map((r) => r.id),
      { bulk: true },
    );
    return rows.length;
  }

  /**
   * The Emails page's list: newest first, optionally of one status, optionally matching a search in the recipient, the
   * email's data (reference, case title, subject) or its template's fixed subject wording ("Escalated", "Reminder"…).
   */
  async search(query: { status?: EmailStatus; q?: string; page: number; pageSize: number }): Promise<[EmailListRow[], number]> {
    const term = query.q?.trim();
    const pattern = term ? `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const rows = (await this.dataSource.query(LIST_EMAILS, [
      query.status ?? null,
      pattern,
      term ? templatesWithSubjectWords(term) : [],
      query.pageSize,
      (query.page - 1) * query.pageSize,
    ])) as EmailListRow[];
    return [rows, rows[0]?.total ?? 0];
  }

  /** A failed email goes back to pending with a fresh set of attempts. */
  async retry(id: string): Promise<EmailRecord> {
    const [retried] = (await this.dataSource.query(RETRY_FAILED, [id])) as [EmailIdRow[], number];
    const email = await this.dataSource.manager.findOneBy(OutboundEmail, { id });
    if (!email) throw new NotFoundException(`No email with id ${id}`);
    if (retried.length) await this.dispatch([id], { round: `-retry-${Date.now()}` });
    return email;
  }
}

export class DeliveryError extends Error {
  override name = 'DeliveryError';
}

/** Templates whose subject, without its data, contains the words searched for (e.g. "escalated", "at risk"). */
function templatesWithSubjectWords(term: string): string[] {
  const needle = term.toLowerCase();
  return TEMPLATE_NAMES.filter((name) => {
    try {
      return renderStoredEmail({ template: name, data: {} }, DEFAULT_CENTER)
        .subject.replace(/undefined/g, '')
        .toLowerCase()
        .includes(needle);
    } catch {
      return false;
    }
  });
}
