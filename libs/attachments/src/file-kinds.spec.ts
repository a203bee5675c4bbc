import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { classify } from './file-kinds.js';

/** A ZIP archive with stored (uncompressed) entries: what a .docx/.xlsx is, built by hand so the test needs no tool. */
function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text);
    const fileName = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const DOCX = zip({
  '[Content_Types].xml':
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  'word/document.xml': '<w:document/>',
});
/** An OLE compound file header and a directory entry naming the stream that makes it a Word file. */
const compound = (stream: string) =>
  Buffer.concat([
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    Buffer.alloc(504),
    Buffer.from(`${stream}\0`, 'utf16le'),
    Buffer.alloc(512),
  ]);

describe('classify: the type of a file from its bytes, against the allow-list', () => {
  const dir = mkdtempSync(join(tmpdir(), 'file-kinds-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const check = (bytes: Buffer, name: string) => {
    const path = join(dir, `${Math.random()}`);
    writeFileSync(path, bytes);
    return classify(path, name);
  };

  it('takes Office documents named as what they are', async () => {
    await expect(check(DOCX, 'Job description.docx')).resolves.toEqual({
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      fileName: 'Job description.docx',
    });
    await expect(check(compound('WordDocument'), 'Old policy.DOC')).resolves.toEqual({
      contentType: 'application/msword',
      fileName: 'Old policy.DOC',
    });
    await expect(check(compound('Workbook'), 'budget.xls')).resolves.toMatchObject({ contentType: 'application/vnd.ms-excel' });
  });

  it('refuses a name that disagrees with the bytes', async () => {
    await expect(check(DOCX, 'report.pdf')).rejects.toThrow('report.pdf is named as a PDF but its content is a Word document');
    await expect(check(compound('WordDocument'), 'budget.xls')).rejects.toThrow('another kind of compound file');
    await expect(check(zip({ 'payload.exe': 'MZ' }), 'archive.docx')).rejects.toThrow(
      'archive.docx is a ZIP archive, which is not a type TA Desk accepts',
    );
    await expect(check(zip({ 'payload.exe': 'MZ' }), 'archive.zip')).rejects.toThrow('.zip are not accepted');
  });

  it('names a file that came without an extension, unless the bytes cannot tell', async () => {
    await expect(check(DOCX, 'scan')).resolves.toMatchObject({ fileName: 'scan.docx' });
    await expect(check(compound('WordDocument'), 'scan')).rejects.toThrow('needs its extension');
    await expect(check(Buffer.from('hello'), 'README')).rejects.toThrow('a text file needs a .txt or .csv name');
  });

  it('takes text only as UTF-8 without NUL and not markup', async () => {
    await expect(check(Buffer.from('\uFEFFname,role\nAna,peer\n'), 'roster.csv')).resolves.toMatchObject({ contentType: 'text/csv' });
    await expect(check(Buffer.from('  <svg onload="alert(1)"/>'), 'notes.txt')).rejects.toThrow('not plain UTF-8 text');
  });
});
