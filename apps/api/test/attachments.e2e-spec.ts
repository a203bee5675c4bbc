import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import request from 'supertest';
import { createStaff, DEMO_ADMIN, login } from '../../../test/support/auth.js';
import { createCase, createContact, createOrganization } from '../../../test/support/fixtures.js';
import { startApi, type RunningApi } from '../../../test/support/processes.js';

type Staff = Awaited<ReturnType<typeof createStaff>>;
interface Attachment {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  origin: string;
  attachedTo: string;
  consultationId: string | null;
  consultationStartedAt: string | null;
  uploadedBy: { id: string; name: string } | null;
}

const STORAGE_DIR = process.env.STORAGE_DIR!;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const pdf = (text = 'Draft job description') =>
  Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]);
const HTML = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');

/** Supertest's binary parser, so downloads come back as the exact bytes. */
const asBuffer = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('attachments: upload, list, download, delete', () => {
  let api: RunningApi;
  let admin: string;
  let lead: Staff;
  let consultant: Staff;
  let other: Staff;
  let org: { id: string };
  let contact: { id: string };
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });

  beforeAll(async () => {
    await db.connect();
    // 1 MB, so "too big" needs no large test file.
    api = await startApi({ ATTACHMENT_MAX_MB: '1' });
    admin = await login(api.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
    [lead, consultant, other] = await Promise.all([
      createStaff(api.url, admin, 'lead'),
      createStaff(api.url, admin, 'consultant'),
      createStaff(api.url, admin, 'consultant'),
    ]);
    org = await createOrganization(api.url, admin);
    contact = await createContact(api.url, admin, org.id);
  });
  afterAll(async () => {
    await api?.stop();
    await db.end();
  });

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const newCase = () => createCase(api.url, lead.token, org.id, { assigneeId: consultant.id });
  const upload = (caseId: string, token: string | undefined, files: Array<[Buffer, string]>, fields: Record<string, string> = {}) => {
    const req = request(api.url).post(`/api/v1/cases/${caseId}/attachments`);
    if (token) void req.set(as(token));
    for (const [name, value] of Object.entries(fields)) void req.field(name, value);
    for (const [bytes, name] of files) void req.attach('file', bytes, name);
    return req;
  };
  const rowsOf = async (caseId: string) =>
    (await db.query(`SELECT * FROM attachments WHERE case_id = $1 ORDER BY created_at`, [caseId])).rows as Array<Record<string, unknown>>;
  const eventsOf = async (caseId: string, type: string) =>
    (await db.query(`SELECT actor_id, data FROM case_events WHERE case_id = $1 AND type = $2`, [caseId, type])).rows as Array<{
      actor_id: string | null;
      data: Record<string, unknown>;
    }>;
  const incomingLeftovers = () => (existsSync(join(STORAGE_DIR, '.incoming')) ? readdirSync(join(STORAGE_DIR, '.incoming')) : []);

  it('keeps a PDF with its checksum, size and sniffed type, and gives the same bytes back as a download', async () => {
    const c = await newCase();
    const bytes = pdf();
    const name = 'Plan d’action été.pdf';
    const res = await upload(c.id, consultant.token, [[bytes, name]]).expect(201);
    const [file] = res.body as Attachment[];
    expect(file).toMatchObject({
      fileName: name,
      contentType: 'application/pdf',
      sizeBytes: bytes.length,
      sha256: sha256(bytes),
      origin: 'staff_upload',
      attachedTo: 'case',
      uploadedBy: { id: consultant.id, name: 'Test consultant' },
    });
    const [row] = await rowsOf(c.id);
    expect(row).toMatchObject({
      file_name: name,
      content_type: 'application/pdf',
      size_bytes: String(bytes.length),
      sha256: sha256(bytes),
    });
    expect(await eventsOf(c.id, 'attachment_added')).toEqual([
      { actor_id: consultant.id, data: { attachmentId: file!.id, fileName: name, origin: 'staff_upload' } },
    ]);

    const download = await request(api.url)
      .get(`/api/v1/attachments/${file!.id}`)
      .set(as(other.token))
      .buffer(true)
      .parse(asBuffer)
      .expect(200);
    expect(Buffer.compare(download.body as Buffer, bytes)).toBe(0);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Plan d_action _t_.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['cache-control']).toBe('no-store');
    expect(incomingLeftovers()).toEqual([]);
  });

  it('lists the case’s files with who, when and where from, a session’s files included', async () => {
    const c = await newCase();
    const startedAt = new Date(Date.now() - 86400_000).toISOString();
    const consultation = await request(api.url)
      .post(`/api/v1/cases/${c.id}/consultations`)
      .set(as(consultant.token))
      .send({ startedAt, durationMinutes: 45, modality: 'video', attendeeContactIds: [contact.id], topics: [], summary: 'Kickoff.' })
      .expect(201);
    await upload(c.id, consultant.token, [[pdf(), 'case-file.pdf']]).expect(201);
    const res = await upload(
      c.id,
      lead.token,
      [
        [PNG, 'whiteboard'],
        [Buffer.from('name,role\nAna,peer\n'), 'roster.csv'],
      ],
      {
        consultationId: consultation.body.id,
      },
    ).expect(201);
    expect((res.body as Attachment[]).map((a) => [a.fileName, a.contentType])).toEqual([
      ['whiteboard.png', 'image/png'],
      ['roster.csv', 'text/csv'],
    ]);

    const list = (await request(api.url).get(`/api/v1/cases/${c.id}/attachments`).set(as(other.token)).expect(200)).body as Attachment[];
    expect(list.map((a) => a.fileName).sort()).toEqual(['case-file.pdf', 'roster.csv', 'whiteboard.png']);
    const session = list.find((a) => a.fileName === 'roster.csv')!;
    expect(session).toMatchObject({ attachedTo: 'session', consultationId: consultation.body.id, consultationStartedAt: startedAt });
    expect(session.uploadedBy).toEqual({ id: lead.id, name: 'Test lead' });
    expect(list.find((a) => a.fileName === 'case-file.pdf')).toMatchObject({ attachedTo: 'case', consultationId: null });

    await request(api.url).get(`/api/v1/cases/${randomUUID()}/attachments`).set(as(other.token)).expect(404);
  });

  it('refuses a session of another case, keeping nothing', async () => {
    const [c, elsewhere] = [await newCase(), await newCase()];
    const foreign = await request(api.url)
      .post(`/api/v1/cases/${elsewhere.id}/consultations`)
      .set(as(consultant.token))
      .send({
        startedAt: new Date().toISOString(),
        durationMinutes: 30,
        modality: 'phone',
        attendeeContactIds: [],
        topics: [],
        summary: 'Call.',
      })
      .expect(201);
    const res = await upload(c.id, consultant.token, [[pdf(), 'a.pdf']], { consultationId: foreign.body.id }).expect(400);
    expect(res.body.details[0].field).toBe('consultationId');
    expect(await rowsOf(c.id)).toEqual([]);
    const bad = await upload(c.id, consultant.token, [[pdf(), 'a.pdf']], { consultationId: 'nope' }).expect(400);
    expect(bad.body.details[0].field).toBe('consultationId');
    // No conversation lib answers for messages yet: a message id cannot be checked, so it is refused.
    await upload(c.id, consultant.token, [[pdf(), 'a.pdf']], { messageId: randomUUID() }).expect(400);
  });

  it('answers 413 for a file beyond ATTACHMENT_MAX_MB and keeps nothing', async () => {
    const c = await newCase();
    const big = Buffer.concat([pdf(), Buffer.alloc(1024 * 1024)]);
    const res = await upload(c.id, consultant.token, [[big, 'big.pdf']]).expect(413);
    expect(res.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
    expect(res.body.message).toContain('1 MB');
    expect(await rowsOf(c.id)).toEqual([]);
    expect(incomingLeftovers()).toEqual([]);
    // Exactly at the limit is fine.
    const limit = Buffer.concat([pdf(), Buffer.alloc(1024 * 1024 - pdf().length)]);
    await upload(c.id, consultant.token, [[limit, 'limit.pdf']]).expect(201);
  });

  it('answers 415 for types off the allow-list and for names that disagree with the bytes', async () => {
    const c = await newCase();
    const refused: Array<[Buffer, string, RegExp]> = [
      [ELF, 'tool', /Linux program/],
      [ELF, 'report.pdf', /report\.pdf is a Linux program, which is not a type TA Desk accepts/],
      [HTML, 'report.pdf', /named as a PDF/],
      [HTML, 'page.html', /\.html are not accepted/],
      [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'logo.svg', /\.svg are not accepted/],
      [HTML, 'notes.txt', /not plain UTF-8 text/],
      [Buffer.from('a,b\n\u0000,1\n'), 'data.csv', /not plain UTF-8 text/],
      [Buffer.from([0x61, 0xff, 0xfe, 0x62]), 'latin1.txt', /not plain UTF-8 text/],
      [PNG, 'photo.pdf', /named as a PDF but its content is a PNG image/],
      [Buffer.from('MZ'.padEnd(200, '\u0000')), 'invoice.docx', /invoice\.docx is a Windows program/],
    ];
    for (const [bytes, name, message] of refused) {
      const res = await upload(c.id, consultant.token, [[bytes, name]]);
      expect([name, res.status]).toEqual([name, 415]);
      expect(res.body.message).toMatch(message);
    }
    // One refused file among good ones keeps none of them.
    await upload(c.id, consultant.token, [
      [pdf(), 'good.pdf'],
      [HTML, 'bad.pdf'],
    ]).expect(415);
    expect(await rowsOf(c.id)).toEqual([]);
    // Plain text is fine, named as text.
    const ok = await upload(c.id, consultant.token, [[Buffer.from('Meeting notes — été\n'), 'notes.txt']]).expect(201);
    expect(ok.body[0]).toMatchObject({ contentType: 'text/plain', fileName: 'notes.txt' });
    expect(incomingLeftovers()).toEqual([]);
  });

  it('takes multipart only on the upload route, and answers other bodies there with a 4xx', async () => {
    const c = await newCase();
    await request(api.url).post(`/api/v1/cases/${c.id}/attachments`).set(as(consultant.token)).send({ file: 'x' }).expect(415);
    await request(api.url).post(`/api/v1/cases/${c.id}/attachments`).set(as(consultant.token)).expect(415);
    const none = await upload(c.id, consultant.token, [], { consultationId: randomUUID() }).expect(400);
    expect(none.body.details[0].field).toBeDefined();
    const wrongPart = await request(api.url)
      .post(`/api/v1/cases/${c.id}/attachments`)
      .set(as(consultant.token))
      .attach('document', pdf(), 'a.pdf')
      .expect(400);
    expect(wrongPart.body.details[0].field).toBe('document');
    // Elsewhere in the API a multipart body is still refused.
    await request(api.url).post('/api/v1/organizations').set(as(admin)).field('name', 'x').expect(415);
  });

  it('refuses a cookie-signed upload from another site (a form can post multipart), and takes one from TA Desk’s pages', async () => {
    const c = await newCase();
    const cookieUpload = (origin: string) =>
      request(api.url)
        .post(`/api/v1/cases/${c.id}/attachments`)
        .set('Cookie', `ta_session=${consultant.token}`)
        .set('Origin', origin)
        .attach('file', pdf(), 'plan.pdf');
    await cookieUpload('https://evil.example').expect(403);
    expect(await rowsOf(c.id)).toEqual([]);
    await cookieUpload(api.url).expect(201);
  });

  it('lets only staff in, and only those who may change the case upload or delete', async () => {
    const c = await newCase();
    const [file] = (await upload(c.id, consultant.token, [[pdf(), 'plan.pdf']]).expect(201)).body as Attachment[];
    await request(api.url).get(`/api/v1/cases/${c.id}/attachments`).expect(401);
    await request(api.url).get(`/api/v1/attachments/${file!.id}`).expect(401);
    await upload(c.id, undefined, [[pdf(), 'plan.pdf']]).expect(401);
    await request(api.url).delete(`/api/v1/attachments/${file!.id}`).expect(401);
    await upload(c.id, other.token, [[pdf(), 'plan.pdf']]).expect(403);
    await request(api.url).delete(`/api/v1/attachments/${file!.id}`).set(as(other.token)).expect(403);
    await request(api.url).get(`/api/v1/attachments/${file!.id}`).set(as(other.token)).expect(200);
    expect(await rowsOf(c.id)).toHaveLength(1);
  });

  it('deletes softly: hidden from the list and downloads, the row and an audit event kept, the bytes removed', async () => {
    const c = await newCase();
    const [file] = (await upload(c.id, consultant.token, [[pdf(), 'wrong-clinic.pdf']]).expect(201)).body as Attachment[];
    const [stored] = await rowsOf(c.id);
    const bytesPath = join(STORAGE_DIR, ...String(stored!.storage_key).split('/'));
    expect(existsSync(bytesPath)).toBe(true);

    await request(api.url).delete(`/api/v1/attachments/${file!.id}`).set(as(consultant.token)).expect(204);
    expect((await request(api.url).get(`/api/v1/cases/${c.id}/attachments`).set(as(lead.token)).expect(200)).body).toEqual([]);
    await request(api.url).get(`/api/v1/attachments/${file!.id}`).set(as(lead.token)).expect(404);
    await request(api.url).delete(`/api/v1/attachments/${file!.id}`).set(as(lead.token)).expect(404);
    const [row] = await rowsOf(c.id);
    expect(row).toMatchObject({ file_name: 'wrong-clinic.pdf', deleted_by_user_id: consultant.id });
    expect(row!.deleted_at).toBeInstanceOf(Date);
    expect(await eventsOf(c.id, 'attachment_deleted')).toEqual([
      {
        actor_id: consultant.id,
        data: { attachmentId: file!.id, fileName: 'wrong-clinic.pdf', sizeBytes: file!.sizeBytes, sha256: file!.sha256 },
      },
    ]);
    expect(existsSync(bytesPath)).toBe(false);
    // The timeline shows both.
    const timeline = await request(api.url).get(`/api/v1/cases/${c.id}/timeline`).set(as(lead.token)).expect(200);
    expect((timeline.body.items as Array<{ type: string }>).map((e) => e.type)).toEqual(
      expect.arrayContaining(['attachment_added', 'attachment_deleted']),
    );
  });

  describe('the requester’s status-page link', () => {
    const submit = async () => {
      const res = await request(api.url)
        .post('/api/v1/intake')
        .send({
          organizationName: `Requester Clinic ${randomUUID().slice(0, 8)}`,
          region: 'central',
          county: 'Onondaga',
          contactName: 'Sam Rivera',
          email: `sam-${randomUUID().slice(0, 6)}@clinic.example.org`,
          role: 'clinical_director',
          populations: ['adults'],
          peerRoles: ['nycps'],
          stage: 'starting',
          topics: [],
          question: 'Can you review our draft peer job description?',
        })
        .expect(201);
      const token = (res.body.statusUrl as string).split('/').pop()!;
      const caseId = (await db.query(`SELECT id FROM cases WHERE reference = $1`, [res.body.reference])).rows[0].id as string;
      return { token, caseId };
    };
    /** A file as the status page's "Add information" keeps it (that route comes with the conversation): bytes and row. */
    const clinicFile = async (caseId: string, bytes: Buffer, origin = 'clinic_status_page') => {
      const id = randomUUID();
      const key = `${id.slice(0, 2)}/${id}`;
      mkdirSync(join(STORAGE_DIR, id.slice(0, 2)), { recursive: true });
      writeFileSync(join(STORAGE_DIR, id.slice(0, 2), id), bytes);
      await db.query(
        `INSERT INTO attachments (id, case_id, file_name, content_type, size_bytes, sha256, storage_key, origin)
         VALUES ($1, $2, 'draft.pdf', 'application/pdf', $3, $4, $5, $6)`,
        [id, caseId, bytes.length, sha256(bytes), key, origin],
      );
      return id;
    };

    it('downloads the requester’s own file, and nothing else', async () => {
      const mine = await submit();
      const theirs = await submit();
      const bytes = pdf('from the clinic');
      const fileId = await clinicFile(mine.caseId, bytes);

      const res = await request(api.url)
        .get(`/api/v1/intake/status/${mine.token}/attachments/${fileId}`)
        .buffer(true)
        .parse(asBuffer)
        .expect(200);
      expect(Buffer.compare(res.body as Buffer, bytes)).toBe(0);
      expect(res.headers['content-disposition']).toMatch(/^attachment; /);
      expect(res.headers['x-content-type-options']).toBe('nosniff');

      // Another requester's link, an unknown link, a malformed one: the same 404.
      await request(api.url).get(`/api/v1/intake/status/${theirs.token}/attachments/${fileId}`).expect(404);
      await request(api.url)
        .get(`/api/v1/intake/status/${'x'.repeat(32)}/attachments/${fileId}`)
        .expect(404);
      await request(api.url).get(`/api/v1/intake/status/short/attachments/${fileId}`).expect(404);
      // A staff upload on the requester's own case is not theirs to download.
      const staffFile = await clinicFile(mine.caseId, pdf(), 'staff_upload');
      await request(api.url).get(`/api/v1/intake/status/${mine.token}/attachments/${staffFile}`).expect(404);
      // Nor a deleted one.
      await request(api.url).delete(`/api/v1/attachments/${fileId}`).set(as(admin)).expect(204);
      await request(api.url).get(`/api/v1/intake/status/${mine.token}/attachments/${fileId}`).expect(404);
    });
  });
});
