import { randomUUID } from 'node:crypto';
import { ConflictException, Injectable, NotFoundException, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AttachmentsService } from '@ta/attachments';
import { CasesService, type CaseDto } from '@ta/cases';
import { type Page } from '@ta/common';
import { AppConfig } from '@ta/config';
import { readModel } from '@ta/database';
import { OutboxService } from '@ta/mail';
import { UsersService, type AuthenticatedUser } from '@ta/users';
import { DataSource, type EntityManager } from 'typeorm';
import {
  CASE_THREAD,
  MESSAGE_BY_ID,
  UNMATCHED_PAGE,
  type CaseThreadRow,
  type MessageJson,
  type MessageRow,
  type UnmatchedRow,
} from './conversation.read-model.sql.js';
import {
  ASSIGN,
  INSERT_OUTBOUND,
  LOCK_UNMATCHED,
  MARK_READ,
  MESSAGE_ON_CASE,
  RAW_OF,
  THREAD_MESSAGE_IDS,
  THREAD_TOKEN,
  TOKEN_OF,
  type InsertedRow,
  type LockedMessageRow,
  type MessageIdRow,
  type RawRow,
  type ThreadTokenRow,
} from './conversation.sql.js';
import type { CaseFromMessageDto, MessageDto, SendMessageDto, ThreadDto } from './dto/message.dto.js';
import { InboundMailService } from './inbound-mail.service.js';
import { newReplyToken, plusAddress } from './mail-reading.js';

type Actor = Pick<AuthenticatedUser, 'id' | 'role'>;

/** A thread's References header names at most this many earlier messages (the newest), as mail clients do. */
const MAX_REFERENCES = 20;

/** The conversation on a case: its thread, writing to the clinic, and leads' triage of mail no case claimed. */
@Injectable()
export class MessagesService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly users: UsersService,
    private readonly outbox: OutboxService,
    private readonly inbound: InboundMailService,
    private readonly attachments: AttachmentsService,
    private readonly config: AppConfig,
  ) {}

  /** An upload may name a message of its case (POST /cases/:id/attachments with messageId): this lib knows which are. */
  onModuleInit(): void {
    this.attachments.useMessageCheck(async (manager, caseId, messageId) => {
      const [row] = (await manager.query(MESSAGE_ON_CASE, [messageId, caseId])) as InsertedRow[];
      return Boolean(row);
    });
  }

  /** The case's thread, oldest first (one statement, plus one for the messages' files). */
  async thread(caseId: string): Promise<ThreadDto> {
    const [row] = (await readModel<CaseThreadRow>(this.dataSource, CASE_THREAD, [caseId])) as [CaseThreadRow];
    if (!row.found) throw new NotFoundException(`No case with id ${caseId}`);
    const token = this.config.REPLY_ADDRESS ? ((await this.dataSource.query(TOKEN_OF, [caseId])) as ThreadTokenRow[])[0] : undefined;
    return {
      items: await this.withFiles(row.items),
      replyAddress: token ? plusAddress(this.config.REPLY_ADDRESS, token.reply_token) : null,
    };
  }

  /**
   * Writes to the clinic: the message, its outbox email (its own stable Message-ID, the case's reply address, the
   * thread's In-Reply-To/References, the chosen case files) and the timeline event in one transaction; the email
   * leaves after the commit, exactly once (the outbox's dedupe key is the message). Writing counts as activity.
   */
  async send(caseId: string, dto: SendMessageDto, actor: Actor): Promise<MessageDto> {
    const id = randomUUID();
    const attachmentIds = dto.attachmentIds ?? [];
    const emailIds = await this.dataSource.transaction(async (manager) => {
      // Locks the case (its assignee, a lead or an admin only), counts as the clinic answered, and writes the event.
      const now = new Date();
      const locked = await this.cases.recordActivity(manager, caseId, {
        actor,
        authorize: true,
        at: now,
        firstResponseAt: now,
        event: { type: 'message_sent', data: { messageId: id, to: dto.to, subject: dto.subject, attachments: attachmentIds.length } },
      });
      const token = await this.tokenOf(manager, caseId);
      const thread = ((await manager.query(THREAD_MESSAGE_IDS, [caseId])) as MessageIdRow[]).map((r) => r.message_id);
      const references = thread.slice(-MAX_REFERENCES);
      const messageId = `<case-${id}@${this.messageDomain()}>`;
      const authorName = (await this.users.names([actor.id], manager)).get(actor.id) ?? 'TA Desk';
      const replyTo = this.config.REPLY_ADDRESS ? plusAddress(this.config.REPLY_ADDRESS, token) : undefined;
      const [emailId] = await this.outbox.enqueue(manager, [
        {
          to: dto.to[0] ?? '',
          template: 'case_message',
          data: { subject: dto.subject, body: dto.body, reference: locked.reference, author: authorName },
          dedupeKey: `message:${id}`,
          envelope: {
            messageId,
            to: dto.to,
            ...(replyTo ? { replyTo } : {}),
            ...(references.length ? { inReplyTo: references.at(-1), references } : {}),
            ...(attachmentIds.length ? { attachments: { caseId, attachmentIds } } : {}),
          },
        },
      ]);
      await manager.query(INSERT_OUTBOUND, [
        id,
        caseId,
        addressOf(this.config.MAIL_FROM),
        authorName,
        dto.to,
        dto.subject,
        dto.body,
        messageId,
        references.at(-1) ?? null,
        references,
        actor.id,
        emailId ?? null,
      ]);
      // A file that is not the case's is a 400 naming attachmentIds, and rolls all of this back.
      await this.attachments.attachToMessage(caseId, attachmentIds, id, manager);
      return emailId ? [emailId] : [];
    });
    await this.outbox.dispatch(emailIds);
    return this.get(id);
  }

  /** The case's consultant read the conversation: the "new reply" mark goes (for anyone else it stays). */
  async markRead(caseId: string, actor: Actor): Promise<void> {
    const found = await this.cases.get(caseId);
    if (found.assignee && found.assignee.id !== actor.id) return;
    await this.dataSource.query(MARK_READ, [caseId]);
  }

  async unmatched(page: number, pageSize: number): Promise<Page<MessageDto>> {
    const rows = await readModel<UnmatchedRow>(this.dataSource, UNMATCHED_PAGE, [pageSize, (page - 1) * pageSize]);
    return { items: await this.withFiles(rows.map((r) => r.dto)), total: rows[0]?.total ?? 0, page, pageSize };
  }

  /** A lead gives an unmatched mail its case: it joins the thread as if it had matched (activity, "new reply"). */
  async assign(messageId: string, caseId: string, actor: Actor): Promise<MessageDto> {
    const stored = await this.dataSource.transaction(async (manager) => {
      const locked = await this.cases.lock(manager, caseId);
      const [message] = (await manager.query(LOCK_UNMATCHED, [messageId])) as LockedMessageRow[];
      if (!message) throw new NotFoundException(`No message with id ${messageId}`);
      if (message.case_id) throw new ConflictException('This message is already on a case');
      await manager.query(ASSIGN, [messageId, caseId, actor.id]);
      await this.inbound.joinCase(manager, locked.id, message, actor);
      return message;
    });
    await this.inbound.storeFilesOf(messageId, caseId, stored.raw);
    return this.get(messageId);
  }

  /** A lead opens a new case from an unmatched mail: the mail's words describe it, and the mail is its first message. */
  async openCase(messageId: string, dto: CaseFromMessageDto, actor: Actor): Promise<CaseDto> {
    const message = await this.get(messageId);
    if (message.caseId) throw new ConflictException('This message is already on a case');
    const opened = await this.cases.create(
      {
        organizationId: dto.organizationId,
        title: dto.title ?? (message.subject.replace(/^\s*((re|fwd?|aw|tr)\s*:\s*)+/i, '').slice(0, 200) || 'Request by email'),
        description:
          `${message.body}\n\nFrom: ${message.fromName ? `${message.fromName} <${message.fromAddress}>` : message.fromAddress}`.slice(
            0,
            10000,
          ),
        topics: [],
        serviceLines: [],
        priority: 'normal',
        source: 'email',
      },
      actor,
    );
    await this.assign(messageId, opened.id, actor);
    return this.cases.get(opened.id);
  }

  /** The email as it arrived, for staff to download. */
  async raw(messageId: string): Promise<{ raw: Buffer; fileName: string }> {
    const [row] = (await this.dataSource.query(RAW_OF, [messageId])) as RawRow[];
    if (!row?.raw) throw new NotFoundException(`No original email for message ${messageId}`);
    return {
      raw: row.raw,
      fileName: `${
        row.subject
          .replace(/[^\w .-]+/g, '')
          .trim()
          .slice(0, 80) || 'message'
      }.eml`,
    };
  }

  async get(id: string): Promise<MessageDto> {
    const [row] = await readModel<MessageRow>(this.dataSource, MESSAGE_BY_ID, [id]);
    if (!row) throw new NotFoundException(`No message with id ${id}`);
    const [dto] = await this.withFiles([row.dto]);
    if (!dto) throw new NotFoundException(`No message with id ${id}`);
    return dto;
  }

  private async withFiles(items: MessageJson[]): Promise<MessageDto[]> {
    const files = await this.attachments.listForMessages(items.map((m) => m.id));
    return items.map((m) => ({ ...m, attachments: files.get(m.id) ?? [] }));
  }

  private async tokenOf(manager: EntityManager, caseId: string): Promise<string> {
    const [row] = (await manager.query(THREAD_TOKEN, [caseId, newReplyToken()])) as [ThreadTokenRow];
    return row.reply_token;
  }

  /** Message-IDs are ours on the reply address's domain (else MAIL_FROM's): unique, and recognisably the center's. */
  private messageDomain(): string {
    return /@([^>\s]+)/.exec(this.config.REPLY_ADDRESS || this.config.MAIL_FROM)?.[1] ?? 'tadesk.local';
  }
}

const addressOf = (mailbox: string): string => /<([^>]+)>/.exec(mailbox)?.[1] ?? mailbox.trim();
