import { pipeline, Transform, type Readable, type TransformCallback } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { pgPool, statementCounter } from '@ta/database';
import { to as copyTo } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';
import { copyLinesSql, EXPORT_BEGIN, EXPORT_COMMIT } from './reporting.read-model.sql.js';

/**
 * Streams the `line` column of `query` (one text column: whole CSV records, CRLF included; its values written in as
 * literals, since COPY binds nothing) as the bytes Postgres wrote, after `prefix` (the BOM and the CSV header):
 * `COPY (query) TO STDOUT (FORMAT binary)` (copyLinesSql) through pg-copy-streams on a connection of its own from the
 * pool TypeORM holds, its framing stripped by BinaryCopyLines. No row is parsed, decoded or built in Node: the socket's
 * buffers come in, the same bytes less 6 per record go out, so the export makes almost no JS garbage whatever its
 * length (the year's exports grew the API's RSS by 60–70 MB through a cursor: bench/README.md "Memory").
 *
 * Back-pressure: pg-copy-streams stops reading the socket while the response's buffer is full, so a slow client slows
 * Postgres (its COPY waits on the socket) and the API holds a chunk or two. The first chunk (or the end) has arrived
 * before this resolves: a query that fails is an ordinary error (a JSON 500), not a truncated download. The
 * connection goes back to the pool after COMMIT when every byte went out; if the stream fails or is destroyed first
 * (the client went away), the connection is closed instead, which ends the COPY in Postgres (a connection in the
 * middle of a COPY cannot be handed to anyone else).
 */
export async function copyLines(dataSource: DataSource, query: string, prefix: string): Promise<Readable> {
  const client = await pgPool(dataSource).connect();
  try {
    statementCounter.add();
    await client.query(EXPORT_BEGIN);
  } catch (error) {
    client.release(true);
    throw error;
  }
  statementCounter.add();
  const copy = client.query(copyTo(copyLinesSql(query)));
  const lines = new BinaryCopyLines(Buffer.from(prefix));
  // An error pg reports after the pipeline has ended (the connection closed under a destroyed stream) has nobody left
  // to tell: the pipeline's callback has already released the connection.
  copy.on('error', () => undefined);
  let first: { resolve: () => void; reject: (error: Error) => void } | undefined;
  const ready = new Promise<void>((resolve, reject) => (first = { resolve, reject }));
  lines.once('first', () => first?.resolve());
  pipeline(copy, lines, (error) => {
    first?.reject(error ?? new Error('export ended before its first chunk'));
    if (error) return client.release(true);
    statementCounter.add();
    client.query(EXPORT_COMMIT).then(
      () => client.release(),
      (commitError: Error) => client.release(commitError),
    );
  });
  await ready;
  first = undefined;
  return lines;
}

/** Bytes of COPY output between two scavenges (bench/README.md "Memory": 4 MB kept the year's exports under +10 MB). */
const SCAVENGE_EVERY = 4 * 1024 * 1024;

let minorGc: ((options: { type: 'minor' }) => void) | undefined;
/**
 * V8's young-generation collection (a scavenge: a millisecond or two), run by the export every SCAVENGE_EVERY bytes.
 * The export's chunks are socket buffers whose memory lives outside the JS heap; they are dead once written, but V8
 * frees them only when it collects, and since the export makes almost no JS garbage nothing makes it collect until
 * such memory has grown by V8's external-memory limit (64 MB): that, not what the export holds, was the RSS growth
 * left after COPY (38–75 MB of ArrayBuffers at the peak). The gc function is taken from a fresh context, so the
 * API's global scope never has one.
 */
function scavenge(): void {
  if (!minorGc) {
    setFlagsFromString('--expose-gc');
    minorGc = runInNewContext('gc') as (options: { type: 'minor' }) => void;
  }
  minorGc({ type: 'minor' });
}

/** Where BinaryCopyLines is in the binary COPY format (PostgreSQL docs, "COPY", Binary Format). */
const enum At {
  /** The 11-byte signature and the 32-bit flags. */
  Signature,
  /** The header extension area's length (32-bit). */
  ExtensionLength,
  /** Skipping the header extension area. */
  Extension,
  /** A tuple's field count (16-bit; -1 ends the data). */
  FieldCount,
  /** The field's length (32-bit; -1 for NULL). */
  FieldLength,
  /** The field's bytes: copied out. */
  Field,
  /** After the trailer. */
  End,
}

/**
 * The bytes of each record's single field, in order, from a binary COPY's output, after `prefix`: the file header,
 * every tuple's field count and length and the trailer are dropped. A NULL field adds nothing. Framing integers may be
 * split across chunks (they are gathered in `scratch`); the field bytes are copied a run at a time, so a chunk costs
 * one buffer whatever the number of records in it.
 */
export class BinaryCopyLines extends Transform {
  private at = At.Signature;
  /** Bytes still to skip or copy in the current part, or still to gather into `scratch`. */
  private left = 15;
  private readonly scratch = Buffer.alloc(4);
  private gathered = 0;
  private prefix: Buffer | undefined;
  private sinceScavenge = 0;

  constructor(prefix: Buffer) {
    super();
    this.prefix = prefix;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const prefix = this.takePrefix();
    if (prefix.length) this.push(prefix);
    // The field bytes are moved down over the framing in the chunk itself (never ahead of where they are read): a chunk
    // of pg-copy-streams is handed over once and read by nobody else, and a new buffer per chunk would double the
    // export's external memory, which V8 frees only at its next collection.
    const out = chunk;
    let o = 0;
    let i = 0;
    try {
      while (i < chunk.length && this.at !== At.End) {
        const n = Math.min(this.left, chunk.length - i);
        switch (this.at) {
          case At.Signature:
            i += n;
            this.left -= n;
            if (this.left === 0) this.next(At.ExtensionLength, 4);
            break;
          case At.Extension:
            i += n;
            this.left -= n;
            if (this.left === 0) this.next(At.FieldCount, 2);
            break;
          case At.Field:
            o += chunk.copy(out, o, i, i + n);
            i += n;
            this.left -= n;
            if (this.left === 0) this.next(At.FieldCount, 2);
            break;
          default: {
            // A framing integer: gather its bytes, then act on it.
            chunk.copy(this.scratch, this.gathered, i, i + n);
            this.gathered += n;
            i += n;
            this.left -= n;
            if (this.left === 0) this.framing();
          }
        }
      }
    } catch (error) {
      return done(error as Error);
    }
    this.sinceScavenge += chunk.length;
    if (this.sinceScavenge >= SCAVENGE_EVERY) {
      this.sinceScavenge = 0;
      scavenge();
    }
    done(null, o > 0 ? out.subarray(0, o) : undefined);
  }

  override _flush(done: TransformCallback): void {
    if (this.at !== At.End) return done(new Error(`binary COPY ended inside its data (state ${this.at})`));
    const prefix = this.takePrefix();
    done(null, prefix.length ? prefix : undefined);
  }

  /** The prefix once, before the first bytes; `first` tells copyLines that the COPY has started. */
  private takePrefix(): Buffer {
    const prefix = this.prefix;
    if (!prefix) return Buffer.alloc(0);
    this.prefix = undefined;
    this.emit('first');
    return prefix;
  }

  private next(at: At, bytes: number): void {
    this.at = at;
    this.left = bytes;
    this.gathered = 0;
  }

  /** A gathered framing integer: the extension's length, a field count or a field's length. */
  private framing(): void {
    switch (this.at) {
      case At.ExtensionLength: {
        const length = this.scratch.readUInt32BE(0);
        return length ? this.next(At.Extension, length) : this.next(At.FieldCount, 2);
      }
      case At.FieldCount: {
        const fields = this.scratch.readInt16BE(0);
        if (fields === -1) return this.next(At.End, 0);
        if (fields !== 1) throw new Error(`binary COPY: ${fields} fields in a record, expected 1`);
        return this.next(At.FieldLength, 4);
      }
      case At.FieldLength: {
        const length = this.scratch.readInt32BE(0);
        return length > 0 ? this.next(At.Field, length) : this.next(At.FieldCount, 2);
      }
    }
  }
}
