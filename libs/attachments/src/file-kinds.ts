import { UnsupportedMediaTypeException } from '@nestjs/common';
import { fileTypeFromFile } from 'file-type';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';

/**
 * The files TA Desk keeps: what clinics and consultants swap (documents, spreadsheets, slides, scans and photos,
 * plain text and CSV). Everything else is refused, HTML and SVG above all: they could run script if a browser ever
 * rendered them. The type is read from the bytes (`file-type`), and the name's extension must agree with it.
 */
interface FileKind {
  contentType: string;
  /** Extensions a name of this kind may carry; the first is added to a name that has none. */
  extensions: [string, ...string[]];
  /** What `file-type` calls it; undefined for text, which has no magic bytes. */
  sniffed?: string;
  /** Legacy Office files are all OLE compound files: the stream that tells a Word file from an Excel one. */
  compoundStream?: string[];
  /** Words for the 415 message. */
  name: string;
}

const KINDS: FileKind[] = [
  { contentType: 'application/pdf', extensions: ['pdf'], sniffed: 'pdf', name: 'a PDF' },
  {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    sniffed: 'docx',
    name: 'a Word document',
  },
  {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    sniffed: 'xlsx',
    name: 'an Excel workbook',
  },
  {
    contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['pptx'],
    sniffed: 'pptx',
    name: 'a PowerPoint presentation',
  },
  { contentType: 'application/msword', extensions: ['doc'], sniffed: 'cfb', compoundStream: ['WordDocument'], name: 'a Word document' },
  {
    contentType: 'application/vnd.ms-excel',
    extensions: ['xls'],
    sniffed: 'cfb',
    compoundStream: ['Workbook', 'Book'],
    name: 'an Excel workbook',
  },
  {
    contentType: 'application/vnd.ms-powerpoint',
    extensions: ['ppt'],
    sniffed: 'cfb',
    compoundStream: ['PowerPoint Document'],
    name: 'a PowerPoint presentation',
  },
  { contentType: 'image/png', extensions: ['png'], sniffed: 'png', name: 'a PNG image' },
  { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'], sniffed: 'jpg', name: 'a JPEG image' },
  { contentType: 'image/gif', extensions: ['gif'], sniffed: 'gif', name: 'a GIF image' },
  { contentType: 'image/webp', extensions: ['webp'], sniffed: 'webp', name: 'a WebP image' },
  { contentType: 'text/plain', extensions: ['txt'], name: 'a text file' },
  { contentType: 'text/csv', extensions: ['csv'], name: 'a CSV file' },
];

/** For the README and error messages: the extensions the allow-list takes. */
export const ALLOWED_EXTENSIONS = KINDS.flatMap((kind) => kind.extensions);

const utf8 = new TextDecoder('utf-8', { fatal: true });

const refuse = (message: string) => new UnsupportedMediaTypeException(message);

/**
 * Decides what a staged file is, from its bytes: its content type and the name to keep (a name without an extension
 * gets its kind's; a PDF called "scan" is kept as "scan.pdf"). A 415 when the kind is not allowed or the name's
 * extension says something else than the bytes (a program named .pdf, HTML named .docx).
 *
 * Text has no magic bytes, so `file-type` finds nothing: a file is text/plain or text/csv only when its name ends in
 * .txt or .csv AND its bytes are valid UTF-8 with no NUL AND it does not open with markup (`<`), so an HTML page
 * renamed .txt is still refused.
 */
export async function classify(path: string, fileName: string): Promise<{ contentType: string; fileName: string }> {
  const extension = extname(fileName).slice(1).toLowerCase();
  const named = extension ? KINDS.filter((kind) => kind.extensions.includes(extension)) : [];
  if (extension && named.length === 0) {
    throw refuse(`Files ending in .${extension} are not accepted; allowed: ${ALLOWED_EXTENSIONS.map((e) => `.${e}`).join(', ')}`);
  }
  const sniffed = await fileTypeFromFile(path);

  if (!sniffed) {
    const text = named.find((kind) => kind.sniffed === undefined);
    if (!extension) throw refuse(`${fileName} is not a type TA Desk accepts (a text file needs a .txt or .csv name)`);
    if (!text) throw refuse(mismatch(fileName, named, 'not a type TA Desk accepts'));
    if (!isPlainText(await readFile(path))) throw refuse(`${fileName} is not plain UTF-8 text`);
    return { contentType: text.contentType, fileName };
  }

  const candidates = KINDS.filter((kind) => kind.sniffed === sniffed.ext);
  if (candidates.length === 0) throw refuse(`${fileName} is ${describe(sniffed.ext)}, which is not a type TA Desk accepts`);
  if (!extension) {
    // A compound (legacy Office) file cannot be told apart without its extension: ask for one rather than guess.
    const [only, ...others] = candidates;
    if (!only || others.length) throw refuse(`${fileName} needs its extension (.doc, .xls or .ppt)`);
    return { contentType: only.contentType, fileName: `${fileName}.${only.extensions[0]}` };
  }
  const kind = candidates.find((candidate) => candidate.extensions.includes(extension));
  if (!kind) throw refuse(mismatch(fileName, named, describe(sniffed.ext)));
  if (kind.compoundStream && !hasCompoundStream(await readFile(path), kind.compoundStream)) {
    throw refuse(mismatch(fileName, named, 'another kind of compound file'));
  }
  return { contentType: kind.contentType, fileName };
}

function mismatch(fileName: string, named: FileKind[], actual: string): string {
  return `${fileName} is named as ${named[0]?.name ?? 'a file'} but its content is ${actual}`;
}

const DESCRIBED: Record<string, string> = {
  zip: 'a ZIP archive',
  exe: 'a Windows program',
  elf: 'a Linux program',
  xml: 'XML',
  cfb: 'an OLE compound file',
};
const describe = (ext: string) =>
  DESCRIBED[ext] ?? KINDS.find((kind) => kind.sniffed === ext && !kind.compoundStream)?.name ?? `a .${ext} file`;

/** Valid UTF-8, no NUL, and not markup (its first non-blank character is not `<`). */
function isPlainText(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  try {
    return !/^\uFEFF?\s*</.test(utf8.decode(bytes));
  } catch {
    return false;
  }
}

/** An OLE directory entry names its stream in UTF-16LE; finding the name is enough to tell Word, Excel and PowerPoint apart. */
const hasCompoundStream = (bytes: Buffer, names: string[]) => names.some((name) => bytes.includes(Buffer.from(`${name}\0`, 'utf16le')));
