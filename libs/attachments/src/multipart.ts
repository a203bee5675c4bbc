import type { MultipartFile, MultipartValue } from '@fastify/multipart';
import { BadRequestException, HttpException, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import { fieldError } from '@ta/common';
import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';

export type MultipartPart =
  { kind: 'field'; name: string; value: string } | { kind: 'file'; fieldName: string; fileName: string; stream: Readable };

export interface MultipartOptions {
  /** The largest file; the stream is cut one byte beyond, so AttachmentsService sees it is too big and answers 413. */
  maxFileBytes: number;
  maxFiles?: number;
  /** The longest text field, in bytes (a message body needs more than an id). */
  maxFieldBytes?: number;
  maxFields?: number;
}

/** Limits not worth a setting: more files or fields than any form sends is a mistake or an attack. */
const DEFAULTS = { maxFiles: 20, maxFieldBytes: 1024, maxFields: 20 };

/**
 * The parts of a multipart/form-data request, in the order they arrive, for every upload route (files on a case here,
 * a message and its files in the conversation lib). Each file is a stream that must be read (or left) before the next
 * part arrives; nothing is buffered in memory or written to disk here. Errors are the API's 4xx: 415 when the body is
 * not multipart, 413 beyond the file/field count, 400 for a malformed body or a field too long.
 *
 * If the caller stops early (it threw, say a 415 for the first file), the rest of the request is read and discarded,
 * so the client gets the answer instead of a reset connection.
 */
export async function* readMultipartFiles(request: FastifyRequest, options: MultipartOptions): AsyncGenerator<MultipartPart> {
  if (!request.isMultipart()) throw new UnsupportedMediaTypeException('Send the files as multipart/form-data');
  const { maxFiles, maxFieldBytes, maxFields } = { ...DEFAULTS, ...options };
  const parts = request.parts({
    limits: {
      fileSize: options.maxFileBytes + 1,
      files: maxFiles,
      fields: maxFields,
      fieldSize: maxFieldBytes,
      parts: maxFiles + maxFields,
    },
  });
  let finished = false;
  try {
    for (;;) {
      let next: IteratorResult<MultipartFile | MultipartValue>;
      try {
        next = await parts.next();
      } catch (error) {
        throw asHttpError(error, { maxFiles, maxFields });
      }
      if (next.done) break;
      const part = next.value;
      if (part.type === 'file') {
        yield { kind: 'file', fieldName: part.fieldname, fileName: part.filename, stream: part.file };
        // Whatever the caller left unread is discarded, so the next part can arrive.
        part.file.resume();
      } else {
        if (part.valueTruncated) throw fieldError(part.fieldname, `must be at most ${maxFieldBytes} bytes`);
        yield { kind: 'field', name: part.fieldname, value: String(part.value) };
      }
    }
    finished = true;
  } finally {
    if (!finished) {
      request.raw.unpipe();
      request.raw.resume();
    }
  }
}

/**
 * The multipart plugin's errors carry a status (413 for its limits) but terse words; busboy's own (a broken body)
 * carry none and would be a 500. Both become the API's errors.
 */
export function asHttpError(error: unknown, limits: { maxFiles: number; maxFields: number } = DEFAULTS): unknown {
  if (error instanceof HttpException) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT')
    return new PayloadTooLargeException(`Send at most ${limits.maxFiles} files at once`);
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new PayloadTooLargeException('A file is larger than the limit');
  if (code === 'FST_FIELDS_LIMIT') return new PayloadTooLargeException(`Send at most ${limits.maxFields} fields at once`);
  if (code === 'FST_PROTO_VIOLATION') return new BadRequestException('A part has a reserved name');
  if (code === 'FST_INVALID_JSON_FIELD_ERROR') return new BadRequestException('A JSON field is not valid JSON');
  // System errors (a full disk, a missing directory) are ours: left as they are, they are logged as a 500.
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return error;
  return new BadRequestException('The upload was interrupted or its multipart body is malformed');
}
