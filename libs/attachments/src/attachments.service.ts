import { Inject, Injectable, InternalServerErrorException, Logger, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CaseEventsService, CasesService } from '@ta/cases';
import { fieldError } from '@ta/common';
import { AppConfig } from '@ta/config';
import { ConsultationsService } from '@ta/engagement';
import { IntakeService } from '@ta/intake';
import type { AuthenticatedUser } from '@ta/users';
import { isUUID } from 'class-validator';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import type { AttachmentOrigin } from './attachment-enums.js';
import { ATTACHMENT_STORAGE, newStorageKey, type AttachmentStorage } from './attachment-storage.js';
import { Attachment } from './attachment.entity.js';
import {
  ATTACHMENTS_BY_IDS,
  LIST_FOR_CASE,
  LIST_FOR_MESSAGES,
  type AttachmentJsonRow,
  type ListForCaseRow,
  type ListForMessagesRow,
} from './attachments.read-model.sql.js';
import type { AttachmentDto } from './dto/attachment.dto.js';
import { classify } from './file-kinds.js';
import { asHttpError, type MultipartPart } from './multipart.js';

type Actor = Pick<AuthenticatedUser, 'id' | 'role'>;

/** A file to keep on a case; `content` is streamed, never held in memory whole. */
export interface NewAttachment {
  caseId: string;
  consultationId?: string;
  messageId?: string;
  origin: AttachmentOrigin;
  uploadedByUserId?: string;
  fileName: string;
  content: Readable | Buffer;
}

/** A file read in full and checked, waiting in scratch space to be stored. */
interface StagedFile {
  path: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

/** Whether a message is one of the case's; the conversation lib, which owns messages, provides it (useMessageCheck). */
/** An upload read to its end and checked, its files in scratch space (AttachmentsService.receive). */
export interface ReceivedUpload {
  files: number;
  /** Stores the files and records them (with their timeline events) in the caller's transaction; their ids in order. */
  keep(manager: EntityManager, meta: Omit<NewAttachment, 'fileName' | 'content'>): Promise<string[]>;
  /** Removes the scratch files, kept or not. */
  release(): Promise<void>;
}

export type MessageCheck = (manager: EntityManager, caseId: string, messageId: string) => Promise<boolean>;

/** A file's bytes to send back, with what the response headers need. */
export interface AttachmentDownload {
  fileName: string;
  contentType: string;
  sizeBytes: number;
  stream: Readable;
}

/**
 * Owns the `attachments` table and the bytes behind it (docs/ARCHITECTURE.md "Attachments"). Every file is streamed
 * into scratch space while its size is counted (ATTACHMENT_MAX_MB, else 413) and its SHA-256 computed, its type is read
 * from the bytes against the allow-list (else 415), and only then is it put in the store under a fresh UUID key and
 * recorded, with an `attachment_added` event on the case's timeline.
 *
 * Keys are UUIDs, not checksums: each row owns its bytes, so deleting one file can never take another's (two uploads
 * of one document would share content-addressed bytes and need reference counting). The checksum is still kept.
 *
 * Adding a file is not activity with the clinic (a staff upload is internal work); the message a clinic's file comes
 * with is, and the conversation lib records that.
 */
@Injectable()
export class AttachmentsService {
  private readonly logger = new Logger(AttachmentsService.name);
  private readonly incomingDir: string;
  private messageCheck?: MessageCheck;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
    private readonly cases: CasesService,
    private readonly events: CaseEventsService,
    private readonly consultations: ConsultationsService,
    private readonly intake: IntakeService,
    private readonly config: AppConfig,
  ) {
    this.incomingDir = join(resolve(config.STORAGE_DIR), '.incoming');
  }

  get maxBytes(): number {
    return this.config.ATTACHMENT_MAX_MB * 1024 * 1024;
  }

  /** Lets the owner of messages say which are a case's, so an upload can name one (attachments cannot read messages). */
  useMessageCheck(check: MessageCheck): void {
    this.messageCheck = check;
  }

  /**
   * Keeps one file (an email's attachment, a file from the status page). No permission check: the caller decides who
   * may add files. In `manager`'s transaction when given (the bytes are stored first; a rollback leaves them unused).
   */
  async store(input: NewAttachment, manager?: EntityManager): Promise<AttachmentDto> {
    // Without the caller's transaction, an unknown case is refused before a byte is read; within it, the case may be
    // one the caller has just opened, which only its transaction sees (the lock below checks it there).
    if (!manager) await this.cases.assertExists(input.caseId);
    const staged = await this.stage(input.content, input.fileName);
    try {
      const save = async (m: EntityManager) => {
        // The case row first, then its children: the lock order of all casework.
        await this.cases.lock(m, input.caseId);
        if (input.consultationId) await this.consultations.assertOnCase(m, input.caseId, input.consultationId, 'consultationId');
        return this.commit(m, input, [staged]);
      };
      const ids = manager ? await save(manager) : await this.dataSource.transaction(save);
      const [stored] = await this.byIds(ids, manager);
      if (!stored) throw new InternalServerErrorException(`${input.fileName} was stored but cannot be read back`);
      return stored;
    } finally {
      await this.discard([staged]);
    }
  }

  /** Before reading an upload's bytes: 404 for an unknown case, 403 unless the actor may change it. */
  async assertCanUpload(caseId: string, actor: Actor): Promise<void> {
    await this.dataSource.transaction((manager) => this.cases.lockForChange(manager, caseId, actor));
  }

  /**
   * The upload route: one or more `file` parts, optional `consultationId` / `messageId` fields (of this case). All
   * files are checked before any is kept: one refused file keeps none.
   */
  async upload(caseId: string, parts: AsyncIterable<MultipartPart>, actor: Actor): Promise<AttachmentDto[]> {
    const fields: { consultationId?: string; messageId?: string } = {};
    const upload = await this.receive(parts, (name, value) => {
      if (name !== 'consultationId' && name !== 'messageId')
        throw fieldError(name, 'is not a field of this upload (file, consultationId, messageId)');
      if (!isUUID(value)) throw fieldError(name, 'must be a UUID');
      fields[name] = value;
    });
    try {
      if (upload.files === 0) throw fieldError('file', 'send at least one file');
      const ids = await this.dataSource.transaction(async (manager) => {
        await this.cases.lockForChange(manager, caseId, actor);
        if (fields.consultationId) await this.consultations.assertOnCase(manager, caseId, fields.consultationId, 'consultationId');
        if (fields.messageId && !(await this.messageCheck?.(manager, caseId, fields.messageId)))
          throw fieldError('messageId', 'not a message of this case');
        return upload.keep(manager, { caseId, ...fields, origin: 'staff_upload', uploadedByUserId: actor.id });
      });
      return this.byIds(ids);
    } finally {
      await upload.release();
    }
  }

  /**
   * Reads a whole multipart upload before anything is kept: each `file` part is staged in scratch space and checked
   * (413, 415: one refused file and none stays), each field goes to `onField` (which may refuse it). The caller then
   * `keep`s the files in its own transaction, beside what it writes with them (a message, say), and always `release`s
   * the scratch files.
   */
  async receive(parts: AsyncIterable<MultipartPart>, onField: (name: string, value: string) => void): Promise<ReceivedUpload> {
    const staged: StagedFile[] = [];
    try {
      for await (const part of parts) {
        if (part.kind === 'field') onField(part.name, part.value);
        else if (part.fieldName !== 'file') throw fieldError(part.fieldName, 'files go in parts named "file"');
        else staged.push(await this.stage(part.stream, part.fileName));
      }
    } catch (error) {
      await this.discard(staged);
      throw error;
    }
    return {
      files: staged.length,
      keep: (manager, meta) => this.commit(manager, meta, staged),
      release: () => this.discard(staged),
    };
  }

  /** The case's files, newest first, in one statement; a 404 for an unknown case. */
  async listForCase(caseId: string): Promise<AttachmentDto[]> {
    const [row] = (await this.dataSource.query(LIST_FOR_CASE, [caseId])) as [ListForCaseRow];
    if (!row.found) throw new NotFoundException(`No case with id ${caseId}`);
    return row.items;
  }

  /** Each message's files (an empty list for a message with none), for a conversation page in one statement. */
  async listForMessages(messageIds: string[]): Promise<Map<string, AttachmentDto[]>> {
    const result = new Map<string, AttachmentDto[]>(messageIds.map((id) => [id, []]));
    if (messageIds.length === 0) return result;
    const rows = (await this.dataSource.query(LIST_FOR_MESSAGES, [messageIds])) as ListForMessagesRow[];
    for (const row of rows) result.get(row.message_id)?.push(row.dto);
    return result;
  }

  /**
   * Hangs the case's files on a message (one being sent). A file already on another message is copied (bytes and row),
   * so each message keeps its own files. A 400 naming `attachmentIds` when one is not a file of this case.
   */
  async attachToMessage(caseId: string, attachmentIds: string[], messageId: string, manager?: EntityManager): Promise<void> {
    const ids = [...new Set(attachmentIds)];
    if (ids.length === 0) return;
    const run = async (m: EntityManager) => {
      const rows = await this.findOnCase(m, caseId, ids);
      const elsewhere = rows.filter((row) => row.messageId !== null && row.messageId !== messageId);
      const free = rows.filter((row) => row.messageId === null);
      if (free.length) await m.update(Attachment, { id: In(free.map((row) => row.id)) }, { messageId });
      for (const row of elsewhere) {
        const storageKey = newStorageKey();
        await this.storage.put(storageKey, this.storage.get(row.storageKey));
        const { id: _id, createdAt: _createdAt, ...copy } = row;
        await m.save(Attachment, m.create(Attachment, { ...copy, storageKey, messageId }));
      }
    };
    await (manager ? run(manager) : this.dataSource.transaction(run));
  }

  /** The bytes of the case's files for an outgoing email, in the order asked; a 400 naming `attachmentIds` as above. */
  async contentsForEmail(
    caseId: string,
    attachmentIds: string[],
  ): Promise<Array<{ filename: string; contentType: string; content: Buffer }>> {
    const ids = [...new Set(attachmentIds)];
    if (ids.length === 0) return [];
    const rows = await this.findOnCase(this.dataSource.manager, caseId, ids);
    const out = [];
    for (const row of rows.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id))) {
      const chunks: Buffer[] = [];
      for await (const chunk of this.storage.get(row.storageKey)) chunks.push(chunk as Buffer);
      out.push({ filename: row.fileName, contentType: row.contentType, content: Buffer.concat(chunks) });
    }
    return out;
  }

  /** Any staff user may download any case's file that is still there. */
  async openForStaff(id: string): Promise<AttachmentDownload> {
    const row = await this.dataSource.manager.findOneBy(Attachment, { id, deletedAt: IsNull() });
    if (!row) throw new NotFoundException(`No file with id ${id}`);
    return this.open(row);
  }

  /**
   * The requester downloads only what they gave us from their status page, on their own request: any other file, or a
   * file of another request, is the same 404 as an unknown one (the link reveals nothing about other files).
   */
  async openForRequester(token: string, id: string): Promise<AttachmentDownload> {
    const caseId = await this.intake.caseIdForStatusToken(token);
    const row = await this.dataSource.manager.findOneBy(Attachment, { id, caseId, origin: 'clinic_status_page', deletedAt: IsNull() });
    if (!row) throw new NotFoundException('No such file on this request');
    return this.open(row);
  }

  /**
   * Those who may change the case (its consultant, leads, admins) delete its files. The row stays, marked deleted with
   * who and when, and the timeline gets an `attachment_deleted` event; the bytes are removed once that is committed.
   */
  async remove(id: string, actor: Actor): Promise<void> {
    const storageKey = await this.dataSource.transaction(async (manager) => {
      const unlocked = await manager.findOneBy(Attachment, { id, deletedAt: IsNull() });
      if (!unlocked) throw new NotFoundException(`No file with id ${id}`);
      // The case first, then its row: the lock order of all casework.
      await this.cases.lockForChange(manager, unlocked.caseId, actor);
      const row = await manager.findOne(Attachment, { where: { id, deletedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw new NotFoundException(`No file with id ${id}`);
      await manager.update(Attachment, { id }, { deletedAt: new Date(), deletedByUserId: actor.id });
      await this.events.record(manager, row.caseId, actor.id, 'attachment_deleted', {
        attachmentId: id,
        fileName: row.fileName,
        sizeBytes: row.sizeBytes,
        sha256: row.sha256,
      });
      return row.storageKey;
    });
    await this.storage
      .delete?.(storageKey)
      .catch((error: unknown) => this.logger.warn(`Could not remove the bytes of file ${id}: ${String(error)}`));
  }

  /** Streams the content into scratch space, counting and hashing it, then decides its type: 413 / 415 / 400. */
  private async stage(content: Readable | Buffer, rawName: string): Promise<StagedFile> {
    const fileName = cleanFileName(rawName);
    await mkdir(this.incomingDir, { recursive: true });
    const path = join(this.incomingDir, `${randomUUID()}.upload`);
    const hash = createHash('sha256');
    let sizeBytes = 0;
    const max = this.maxBytes;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        sizeBytes += chunk.length;
        if (sizeBytes > max) return done(new PayloadTooLargeException(`${fileName} is larger than the limit of ${max / 1024 / 1024} MB`));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(Buffer.isBuffer(content) ? Readable.from([content]) : content, meter, createWriteStream(path, { flags: 'wx' }));
      const kind = await classify(path, fileName);
      return { path, ...kind, sizeBytes, sha256: hash.digest('hex') };
    } catch (error) {
      await rm(path, { force: true });
      throw asHttpError(error);
    }
  }

  /** Puts staged files in the store and records them with their timeline events; returns their ids in order. */
  private async commit(manager: EntityManager, meta: Omit<NewAttachment, 'fileName' | 'content'>, staged: StagedFile[]): Promise<string[]> {
    const stored: string[] = [];
    try {
      const ids: string[] = [];
      for (const file of staged) {
        const storageKey = newStorageKey();
        await this.storage.put(storageKey, createReadStream(file.path));
        stored.push(storageKey);
        const saved = await manager.save(
          Attachment,
          manager.create(Attachment, {
            caseId: meta.caseId,
            consultationId: meta.consultationId ?? null,
            messageId: meta.messageId ?? null,
            origin: meta.origin,
            uploadedByUserId: meta.uploadedByUserId ?? null,
            fileName: file.fileName,
            contentType: file.contentType,
            sizeBytes: file.sizeBytes,
            sha256: file.sha256,
            storageKey,
          }),
        );
        await this.events.record(manager, meta.caseId, meta.uploadedByUserId ?? null, 'attachment_added', {
          attachmentId: saved.id,
          fileName: saved.fileName,
          origin: saved.origin,
          ...(saved.consultationId ? { consultationId: saved.consultationId } : {}),
          ...(saved.messageId ? { messageId: saved.messageId } : {}),
        });
        ids.push(saved.id);
      }
      return ids;
    } catch (error) {
      // Nothing recorded, so nothing may stay stored (the transaction rolls back with this error).
      await Promise.all(stored.map((key) => this.storage.delete?.(key).catch(() => undefined)));
      throw error;
    }
  }

  private async discard(staged: StagedFile[]): Promise<void> {
    await Promise.all(staged.map((file) => rm(file.path, { force: true })));
  }

  private async byIds(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<AttachmentDto[]> {
    const rows = (await manager.query(ATTACHMENTS_BY_IDS, [ids])) as AttachmentJsonRow[];
    const byId = new Map(rows.map((row) => [row.dto.id, row.dto]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** The case's files still there among `ids`, locked; a 400 naming `attachmentIds` for any other. */
  private async findOnCase(manager: EntityManager, caseId: string, ids: string[]): Promise<Attachment[]> {
    const malformed = ids.filter((id) => !isUUID(id));
    if (malformed.length) throw fieldError('attachmentIds', `not files of this case: ${malformed.join(', ')}`);
    const rows = await manager.find(Attachment, {
      where: { id: In(ids), caseId, deletedAt: IsNull() },
      ...(manager.queryRunner?.isTransactionActive ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    const found = new Set(rows.map((row) => row.id));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) throw fieldError('attachmentIds', `not files of this case: ${missing.join(', ')}`);
    return rows;
  }

  /** Waits until the store has the bytes (a missing file is an error here, before any header is sent). */
  private async open(row: Attachment): Promise<AttachmentDownload> {
    const stream = this.storage.get(row.storageKey);
    await new Promise<void>((resolveOpen, reject) => {
      stream.once('readable', resolveOpen);
      stream.once('error', reject);
    }).catch((error: unknown) => {
      stream.destroy();
      throw new InternalServerErrorException(`The contents of ${row.fileName} are missing from storage`, { cause: error });
    });
    return { fileName: row.fileName, contentType: row.contentType, sizeBytes: row.sizeBytes, stream };
  }
}

/**
 * The name to keep: the last path segment (browsers and mail clients sometimes send a whole path), no control
 * characters, no lone surrogates (Postgres stores neither), at most 255 characters with the extension kept.
 */
export function cleanFileName(raw: string): string {
  const cleaned = basename(raw.replaceAll('\\', '/'))
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/[\ud800-\udfff]/gu, '\ufffd')
    .trim();
  const name = cleaned === '' || cleaned === '.' || cleaned === '..' ? 'file' : cleaned;
  if (name.length <= 255) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  // Cutting may split a surrogate pair: the half left is replaced like any other.
  return (name.slice(0, 255 - extension.length) + extension).replace(/[\ud800-\udfff]/gu, '\ufffd');
}
