import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import request from 'supertest';
import { createStaff, DEMO_ADMIN, login } from '../../../test/support/auth.js';
import { createCase, createOrganization } from '../../../test/support/fixtures.js';
import { repoRoot, startApi, type RunningApi } from '../../../test/support/processes.js';

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);
const buffer = (bytes: Buffer) => ({ $buffer: bytes.toString('base64') });
const stream = (bytes: Buffer) => ({ $stream: bytes.toString('base64') });

interface Attachment {
  id: string;
  fileName: string;
  sha256: string;
}

/** The built AttachmentsService in its own process (test/support/attachments-harness.mjs), called line by line. */
function startHarness() {
  const child: ChildProcess = spawn(process.execPath, [`${repoRoot}test/support/attachments-harness.mjs`], {
    cwd: repoRoot,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  type Answer = { id?: number; ready?: boolean; value?: unknown; error?: { status: number; response: unknown } };
  const waiting = new Map<number, (answer: Answer) => void>();
  let ready: () => void;
  const started = new Promise<void>((resolve) => (ready = resolve));
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const answer = JSON.parse(line) as Answer;
    if (answer.ready) return ready();
    waiting.get(answer.id!)?.(answer);
  });
  let next = 0;
  /** Resolves with the method's value, rejects with `{ status, response }` as the service threw it. */
  const call = <T>(method: string, args: unknown[], inTransaction = false): Promise<T> =>
    new Promise((resolve, reject) => {
      const id = ++next;
      waiting.set(id, (answer) => (answer.error ? reject(answer.error) : resolve(answer.value as T)));
      child.stdin!.write(JSON.stringify({ id, method, args, inTransaction }) + '\n');
    });
  return { started, call, stop: () => child.kill() };
}

describe('AttachmentsService for other libs: store, messages, email contents', () => {
  let api: RunningApi;
  let harness: ReturnType<typeof startHarness>;
  let admin: string;
  let org: { id: string };

  beforeAll(async () => {
    api = await startApi();
    harness = startHarness();
    await harness.started;
    admin = await login(api.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
    org = await createOrganization(api.url, admin);
  }, 60000);
  afterAll(async () => {
    harness?.stop();
    await api?.stop();
  });

  const newCase = async () => createCase(api.url, admin, org.id, { assigneeId: (await createStaff(api.url, admin, 'consultant')).id });

  it('stores a streamed file from an email, with no uploader, and a Buffer inside the caller’s transaction', async () => {
    const c = await newCase();
    const bytes = pdf('reply attachment');
    const stored = await harness.call<Attachment>('store', [
      { caseId: c.id, origin: 'inbound_email', fileName: 'signed.pdf', content: stream(bytes) },
    ]);
    expect(stored).toMatchObject({
      caseId: c.id,
      fileName: 'signed.pdf',
      contentType: 'application/pdf',
      sizeBytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      origin: 'inbound_email',
      uploadedBy: null,
      attachedTo: 'case',
    });
    const messageId = randomUUID();
    const inTransaction = await harness.call<Attachment>(
      'store',
      [{ caseId: c.id, messageId, origin: 'clinic_status_page', fileName: 'notes.txt', content: buffer(Buffer.from('Our notes\n')) }],
      true,
    );
    expect(inTransaction).toMatchObject({ messageId, attachedTo: 'message', contentType: 'text/plain' });
    const listed = await request(api.url).get(`/api/v1/cases/${c.id}/attachments`).set('Authorization', `Bearer ${admin}`).expect(200);
    expect((listed.body as Attachment[]).map((a) => a.id).sort()).toEqual([stored.id, inTransaction.id].sort());

    const store = (caseId: string, fileName: string, bytes: Buffer) =>
      harness.call('store', [{ caseId, origin: 'inbound_email', fileName, content: buffer(bytes) }]);
    await expect(store(randomUUID(), 'a.pdf', pdf('x'))).rejects.toMatchObject({ status: 404 });
    await expect(store(c.id, 'page.pdf', Buffer.from('<html></html>'))).rejects.toMatchObject({ status: 415 });
  });

  it('hangs files on messages (copying one already on another message), lists them per message, and gives their bytes for an email', async () => {
    const [c, other] = [await newCase(), await newCase()];
    const store = (caseId: string, fileName: string, bytes: Buffer) =>
      harness.call<Attachment>('store', [{ caseId, origin: 'inbound_email', fileName, content: buffer(bytes) }]);
    const [a, b, foreign] = [
      await store(c.id, 'a.pdf', pdf('a')),
      await store(c.id, 'b.pdf', pdf('b')),
      await store(other.id, 'c.pdf', pdf('c')),
    ];
    const [first, second, none] = [randomUUID(), randomUUID(), randomUUID()];
    const forMessages = (ids: string[]) => harness.call<Record<string, Attachment[]>>('listForMessages', [ids]);

    await harness.call('attachToMessage', [c.id, [a.id, b.id], first]);
    await harness.call('attachToMessage', [c.id, [a.id], second], true);
    const byMessage = await forMessages([first, second, none]);
    expect(byMessage[first]!.map((f) => f.id)).toEqual([a.id, b.id]);
    // Already on the first message: the second gets its own copy (same name and bytes, another file).
    expect(byMessage[second]!.map((f) => [f.fileName, f.sha256, f.id === a.id])).toEqual([['a.pdf', a.sha256, false]]);
    expect(byMessage[none]).toEqual([]);

    await expect(harness.call('attachToMessage', [c.id, [a.id, foreign.id], first])).rejects.toMatchObject({
      status: 400,
      response: { details: [{ field: 'attachmentIds', messages: [`not files of this case: ${foreign.id}`] }] },
    });

    const contents = await harness.call('contentsForEmail', [c.id, [b.id, a.id]]);
    expect(contents).toEqual([
      { filename: 'b.pdf', contentType: 'application/pdf', content: buffer(pdf('b')) },
      { filename: 'a.pdf', contentType: 'application/pdf', content: buffer(pdf('a')) },
    ]);
    await request(api.url).delete(`/api/v1/attachments/${b.id}`).set('Authorization', `Bearer ${admin}`).expect(204);
    await expect(harness.call('contentsForEmail', [c.id, [a.id, b.id]])).rejects.toMatchObject({ status: 400 });
    expect((await forMessages([first]))[first]!.map((f) => f.id)).toEqual([a.id]);
  });
});
