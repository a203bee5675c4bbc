import { createHash, randomUUID } from 'node:crypto';
import { HttpException, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AttachmentsService, type MultipartPart } from '@ta/attachments';
import { fieldError } from '@ta/common';
import { CaseEventsService, CasesService, type CaseEventPayloads } from '@ta/cases';
import { AppConfig } from '@ta/config';
import { OutboxService } from '@ta/mail';
import { UsersService, type AuthenticatedUser } from '@ta/users';
import { simpleParser, type ParsedMail } from 'mailparser';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ATTACHMENTS_STORED,
  CASE_BY_THREAD,
  CASE_BY_TOKEN,
  INBOUND_BY_KEY,
  INSERT_INBOUND,
  INSERT_STATUS_PAGE,
  MARK_UNREAD,
  type CaseIdRow,
  type InboundByKeyRow,
  type InsertedRow,
} from './conversation.sql.js';
import { autoReplyKind, newReplyToken, recipientsOf, referencesIn, replyTokensIn, threadIdsOf, visibleText } from './mail-reading.js';

type Actor = Pick<AuthenticatedUser, 'id' | 'role'>;
type MessageReceivedEvent = CaseEventPayloads['message_received'];

export type MatchedBy = 'reply_address' | 'thread' | 'reference';

export interface IngestResult {
  messageId: string;
  caseId: string | null;
  matchedBy: MatchedBy | null;
  /** false: this mail was already stored (seen again after a crash, or delivered twice). */
  stored: boolean;
}

/** What joining a case needs to know of a stored inbound message. */
interface JoiningMessage {
  id: string;
  auto_reply: string | null;
  from_name: string | null;
  from_address: string | null;
  subject: string;
  visible_body: string;
}

/**
 * Stores inbound mail (docs/ARCHITECTURE.md §Jobs, inbound mail): finds its case by reply address, else by
 * In-Reply-To/References, else by the reference in its subject; keeps the raw source and the folded body; and when it
 * is the clinic answering (not an auto-reply), records it as activity, marks the case "new reply" and emails the
 * consultant. Idempotent: a mail is keyed by its Message-ID (or its bytes' hash), so seeing it twice stores it once.
 */
@Injectable()
export class InboundMailService {
  private readonly logger = new Logger(InboundMailService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly events: CaseEventsService,
    private readonly users: UsersService,
    private readonly outbox: OutboxService,
    private readonly attachments: AttachmentsService,
    private readonly config: AppConfig,
  ) {}

  /** `mailboxUid` ("uidvalidity:uid") says where it was read, for the record. */
  async ingest(raw: Buffer, mailboxUid: string | null): Promise<IngestResult> {
    const mail = await simpleParser(raw);
    const key = mail.messageId ? `mid:${mail.messageId}` : `sha256:${createHash('sha256').update(raw).digest('hex')}`;
    const [seen] = (await this.dataSource.query(INBOUND_BY_KEY, [key])) as InboundByKeyRow[];
    if (seen) {
      // Stored before a crash, but maybe not its files yet.
      if (!seen.attachments_stored && seen.case_id) await this.storeFiles(seen.id, seen.case_id, mail);
      return { messageId: seen.id, caseId: seen.case_id, matchedBy: null, stored: false };
    }
    const match = await this.match(mail);
    const text = mail.text ?? '';
    const from = mail.from?.value[0];
    const withFiles = Boolean(match && mail.attachments.length);
    const { id, emailIds } = await this.dataSource.transaction(async (manager) => {
      if (match) await this.cases.lock(manager, match.caseId);
      const message = {
        auto_reply: autoReplyKind(mail),
        from_name: from?.name || null,
        from_address: from?.address ?? null,
        subject: (mail.subject ?? '').slice(0, 998),
        visible_body: visibleText(text),
      };
      const [inserted] = (await manager.query(INSERT_INBOUND, [
        match?.caseId ?? null,
        'email',
        match?.by ?? null,
        message.from_address,
        message.from_name?.slice(0, 200) ?? null,
        addressesOf(mail.to),
        addressesOf(mail.cc),
        message.subject,
        text,
        message.visible_body,
        mail.messageId?.slice(0, 998) ?? null,
        mail.inReplyTo?.slice(0, 998) ?? null,
        threadIdsOf(mail).filter((mid) => mid !== mail.inReplyTo),
        key.slice(0, 1000),
        mailboxUid,
        raw,
        message.auto_reply,
        !withFiles,
        mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date : new Date(),
      ])) as InsertedRow[];
      // Another worker stored it between our look and our insert.
      if (!inserted) return { id: null, emailIds: [] };
      const emailIds = match ? await this.joinCase(manager, match.caseId, { id: inserted.id, ...message }, null) : [];
      return { id: inserted.id, emailIds };
    });
    if (!id) return { ...(await this.ingestAgain(key)), matchedBy: null, stored: false };
    await this.outbox.dispatch(emailIds);
    if (match && withFiles) await this.storeFiles(id, match.caseId, mail);
    return { messageId: id, caseId: match?.caseId ?? null, matchedBy: match?.by ?? null, stored: true };
  }

  /**
   * A stored message joins its case (in the caller's transaction, the case row locked): a timeline event, and unless it
   * is an auto-reply, activity on the case (the stall level clears), "new reply" for its consultant and an email to them.
   * Returns the outbox rows to dispatch after the commit.
   */
  async joinCase(
    manager: EntityManager,
    caseId: string,
    message: JoiningMessage,
    actor: Actor | null,
    via: Pick<MessageReceivedEvent, 'viaStatusPage'> = {},
  ): Promise<string[]> {
    const event: MessageReceivedEvent = {
      messageId: message.id,
      from: message.from_name ?? message.from_address,
      subject: message.subject,
      ...(message.auto_reply ? { autoReply: message.auto_reply } : {}),
      ...via,
    };
    if (message.auto_reply) {
      await this.events.record(manager, caseId, actor?.id ?? null, 'message_received', event);
      return [];
    }
    const locked = await this.cases.recordActivity(manager, caseId, {
      actor,
      authorize: false,
      at: new Date(),
      event: { type: 'message_received', data: event },
    });
    await manager.query(MARK_UNREAD, [caseId, newReplyToken()]);
    if (actor && locked.assigneeId === actor.id) return [];
    // The case's consultant (while active), or the leads while nobody has it.
    const assignee = locked.assigneeId ? await this.users.findActiveStaff(manager, locked.assigneeId) : null;
    const recipients = assignee ? [assignee] : (await this.users.activeLeads(manager)).filter((lead) => lead.id !== actor?.id);
    return this.outbox.enqueue(
      manager,
      recipients.map((recipient) => ({
        to: recipient.email,
        template: 'reply_received' as const,
        data: {
          reference: locked.reference,
          title: locked.title,
          fromName: message.from_name ?? message.from_address ?? 'the requester',
          excerpt: excerpt(message.visible_body),
          caseUrl: `${this.config.APP_URL}/cases/${caseId}?tab=conversation`,
        },
        dedupeKey: `message:${message.id}:reply-notice:${recipient.id}`,
      })),
    );
  }

  /**
   * The requester adds information from their status page: the text and files land on the case as an inbound message
   * (origin status_page) and count as the clinic answering. The whole upload is read and every file checked before
   * anything is kept; then the message, its files and its activity are one transaction. A refused file (413/415)
   * keeps nothing, so the requester can send it all again without duplicates.
   */
  async addFromStatusPage(caseId: string, parts: AsyncIterable<MultipartPart>): Promise<{ messageId: string }> {
    const id = randomUUID();
    let text = '';
    const upload = await this.attachments.receive(parts, (name, value) => {
      if (name !== 'text') throw fieldError(name, 'is not a field of this form (text, file)');
      text += value;
    });
    try {
      text = text.trim();
      if (!text && upload.files === 0) throw fieldError('text', 'write something or add a file');
      const emailIds = await this.dataSource.transaction(async (manager) => {
        await this.cases.lock(manager, caseId);
        const message = {
          id,
          auto_reply: null,
          from_name: null,
          from_address: null,
          subject: 'Added on the status page',
          visible_body: text,
        };
        await manager.query(INSERT_STATUS_PAGE, [id, caseId, message.subject, text]);
        await upload.keep(manager, { caseId, messageId: id, origin: 'clinic_status_page' });
        return this.joinCase(manager, caseId, message, null, { viaStatusPage: true });
      });
      await this.outbox.dispatch(emailIds);
      return { messageId: id };
    } finally {
      await upload.release();
    }
  }

  /** The files of an inbound mail (parsed again from its raw source: an unmatched mail's wait there for a case). */
  async storeFilesOf(messageId: string, caseId: string, raw: Buffer | null): Promise<void> {
    if (raw) await this.storeFiles(messageId, caseId, await simpleParser(raw));
  }

  /**
   * Keeps each attached file on the case (origin inbound_email). A file the allow-list or the size limit refuses is left
   * out (it stays in the raw email, which staff can download): one refused file must not hold the mailbox up.
   */
  private async storeFiles(messageId: string, caseId: string, mail: ParsedMail): Promise<void> {
    const existing = new Set(((await this.attachments.listForMessages([messageId])).get(messageId) ?? []).map((a) => a.fileName));
    // Pictures a message shows inside its text (a signature's logo) are part of the text, not files sent.
    for (const file of mail.attachments.filter((a) => !a.related)) {
      const fileName = file.filename ?? 'attachment';
      // Stored before a crash: not again.
      if (existing.has(fileName)) continue;
      try {
        await this.attachments.store({ caseId, messageId, origin: 'inbound_email', fileName, content: file.content });
      } catch (error) {
        if (!(error instanceof HttpException)) throw error;
        this.logger.warn(`message ${messageId}: ${fileName} not kept: ${error.message}`);
      }
    }
    await this.dataSource.query(ATTACHMENTS_STORED, [messageId]);
  }

  private async ingestAgain(key: string): Promise<{ messageId: string; caseId: string | null }> {
    const [seen] = (await this.dataSource.query(INBOUND_BY_KEY, [key])) as InboundByKeyRow[];
    return { messageId: seen?.id ?? '', caseId: seen?.case_id ?? null };
  }

  /** Reply address first (the surest), then the thread's Message-IDs, then a reference in the subject. */
  private async match(mail: ParsedMail): Promise<{ caseId: string; by: MatchedBy } | null> {
    const tokens = replyTokensIn(recipientsOf(mail), this.config.REPLY_ADDRESS);
    if (tokens.length) {
      const [row] = (await this.dataSource.query(CASE_BY_TOKEN, [tokens])) as CaseIdRow[];
      if (row) return { caseId: row.case_id, by: 'reply_address' };
    }
    const threadIds = threadIdsOf(mail);
    if (threadIds.length) {
      const [row] = (await this.dataSource.query(CASE_BY_THREAD, [threadIds])) as CaseIdRow[];
      if (row) return { caseId: row.case_id, by: 'thread' };
    }
    const caseId = await this.cases.idByReference(referencesIn(mail.subject ?? ''));
    return caseId ? { caseId, by: 'reference' } : null;
  }
}

function addressesOf(field: ParsedMail['to']): string[] {
  if (!field) return [];
  return (Array.isArray(field) ? field : [field]).flatMap((group) => group.value.map((entry) => entry.address ?? '').filter(Boolean));
}

const excerpt = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 300 ? `${flat.slice(0, 299)}…` : flat;
};
