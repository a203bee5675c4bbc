import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Where attachments' bytes live, behind one seam (docs/ARCHITECTURE.md "Attachments"): the local disk today, an
 * S3-compatible store can implement the same three calls later. Keys are made by AttachmentsService (a UUID per file),
 * never by a user, and name one file each.
 */
export interface AttachmentStorage {
  /** Stores the stream under `key`, all or nothing: a failed or interrupted write leaves no file behind. */
  put(key: string, stream: Readable): Promise<void>;
  /** The bytes stored under `key`; a missing key makes the stream emit an error. */
  get(key: string): Readable;
  delete?(key: string): Promise<void>;
}

/** The Nest injection token for the store in use. */
export const ATTACHMENT_STORAGE = Symbol('AttachmentStorage');

/** Keys the service makes: `ab/<uuid>`; anything else (a `..`, an absolute path) is refused before touching the disk. */
const KEY_SHAPE = /^[0-9a-f]{2}\/[0-9a-f-]{36}$/;

/**
 * Files under STORAGE_DIR. A write goes to `.incoming/` first and is renamed into place when complete (a rename within
 * one file system is atomic), so a crash or a dropped upload never leaves half a file under a key.
 */
export class LocalDiskStorage implements AttachmentStorage {
  private readonly root: string;
  /** Partial writes, on the same file system as the store so the final rename is atomic. */
  private readonly incomingDir: string;

  constructor(root: string) {
    this.root = resolve(root);
    this.incomingDir = join(this.root, '.incoming');
  }

  async put(key: string, stream: Readable): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(this.incomingDir, { recursive: true });
    await mkdir(dirname(target), { recursive: true });
    const partial = join(this.incomingDir, `${randomUUID()}.part`);
    try {
      await pipeline(stream, createWriteStream(partial, { flags: 'wx' }));
      await rename(partial, target);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  get(key: string): Readable {
    return createReadStream(this.pathOf(key));
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    if (!KEY_SHAPE.test(key)) throw new Error(`Not a storage key: ${JSON.stringify(key)}`);
    const path = join(this.root, ...key.split('/'));
    if (!path.startsWith(this.root + sep)) throw new Error(`Not a storage key: ${JSON.stringify(key)}`);
    return path;
  }
}

/** A fresh key: a UUID per stored file, spread over 256 folders so none grows huge. */
export function newStorageKey(): string {
  const id = randomUUID();
  return `${id.slice(0, 2)}/${id}`;
}
