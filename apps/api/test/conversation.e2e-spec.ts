import pg from 'pg';
import request from 'supertest';
import { createStaff, DEMO_ADMIN, login } from '../../../test/support/auth.js';
import { eventContract } from '../../../test/support/contracts.js';
import { emailProblems } from '../../../test/support/email-contract.js';
import { createCase, createContact, createOrganization, submitRequest } from '../../../test/support/fixtures.js';
import { eventually, messagesFor } from '../../../test/support/mail-sink.js';
import { repoRoot, startApi, startProcess, type RunningApi, type RunningProcess } from '../../../test/support/processes.js';

type Staff = Awaited<ReturnType<typeof createStaff>>;

describe('conversation: writing to the clinic from a case (real API, worker, SMTP sink)', () => {
  let api: RunningApi;
  let worker: RunningProcess;
  let admin: string;
  let lead: Staff;
  let consultant: Staff;
  let other: Staff;
  let org: { id: string };
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });

  beforeAll(async () => {
    await db.connect();
    api = await startApi();
    worker = startProcess(`${repoRoot}dist/apps/worker/src/main.js`);
    admin = await login(api.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
    [lead, consultant, other] = await Promise.all([
      createStaff(api.url, admin, 'lead'),
      createStaff(api.url, admin, 'consultant'),
      createStaff(api.url, admin, 'consultant'),
    ]);
    org = await createOrganization(api.url, admin);
  });
  afterAll(async () => {
    await Promise.all([api?.stop(), worker?.stop()]);
    await db.end();
  });

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const contactEmail = async () => {
    const contact = await createContact(api.url, admin, org.id);
    return (await db.query(`SELECT email FROM contacts WHERE id = $1`, [contact.id])).rows[0].email as string;
  };

  it('sends through the outbox once, with its own Message-ID, the case reply address and the signature; a second message threads', async () => {
    const c = await createCase(api.url, lead.token, org.id, { assigneeId: consultant.id });
    await db.query(`UPDATE cases SET stall_level = 'at_risk', last_activity_at = now() - interval '20 days' WHERE id = $1`, [c.id]);
    const to = await contactEmail();
    const first = await request(api.url)
      .post(`/api/v1/cases/${c.id}/messages`)
      .set(as(consultant.token))
      .send({
        to: [to, 'board.chair@other.example.org'],
        subject: `${c.reference}: draft job description`,
        body: 'Hello Jordan,\n\nHere is the draft.',
      })
      .expect(201);
    expect(first.body).toMatchObject({
      direction: 'outbound',
      origin: 'staff',
      to: [to, 'board.chair@other.example.org'],
      status: 'pending',
    });
    expect(first.body.author).toMatchObject({ id: consultant.id });

    const token = (await db.query(`SELECT reply_token FROM case_threads WHERE case_id = $1`, [c.id])).rows[0].reply_token as string;
    expect(token).toMatch(/^[a-z2-7]{12}$/);
    const stored = (await db.query(`SELECT message_id FROM messages WHERE id = $1`, [first.body.id])).rows[0].message_id as string;
    expect(stored).toMatch(/^<case-[0-9a-f-]{36}@center\.example\.org>$/);

    const [sent] = await eventually(
      () => messagesFor(to),
      (found) => found.length > 0,
    );
    expect(sent).toMatchObject({
      subject: `${c.reference}: draft job description`,
      messageId: stored,
      replyTo: `ta+${token}@center.example.org`,
      inReplyTo: null,
      references: [],
    });
    expect(sent!.envelopeTo.sort()).toEqual([to, 'board.chair@other.example.org'].sort());
    expect(sent!.text).toMatch(/^Hello Jordan,\n\nHere is the draft.\n\n-- \n/);
    // One email for both recipients, sent once.
    expect(await messagesFor('board.chair@other.example.org')).toHaveLength(1);

    // Activity: the stall level clears, the case counts as answered; the timeline says who wrote to whom.
    const caseRow = (await db.query(`SELECT stall_level, first_response_at FROM cases WHERE id = $1`, [c.id])).rows[0];
    expect(caseRow.stall_level).toBe('none');
    expect(caseRow.first_response_at).not.toBeNull();
    const timeline = await request(api.url).get(`/api/v1/cases/${c.id}/timeline`).set(as(consultant.token)).expect(200);
    expect(timeline.body.items[0]).toMatchObject({ type: 'message_sent', data: { to: [to, 'board.chair@other.example.org'] } });

    const second = await request(api.url)
      .post(`/api/v1/cases/${c.id}/messages`)
      .set(as(lead.token))
      .send({ to: [to], subject: `Re: ${c.reference}: draft job description`, body: 'One more thing.' })
      .expect(201);
    const secondId = (await db.query(`SELECT message_id FROM messages WHERE id = $1`, [second.body.id])).rows[0].message_id as string;
    const again = await eventually(
      () => messagesFor(to),
      (found) => found.length > 1,
    );
    const threaded = again.find((m) => m.messageId === secondId)!;
    expect(threaded).toMatchObject({ inReplyTo: stored, references: [stored], replyTo: `ta+${token}@center.example.org` });

    await eventually(
      async () => (await request(api.url).get(`/api/v1/cases/${c.id}/messages`).set(as(other.token)).expect(200)).body,
      (thread) => thread.items.every((m: { status: string }) => m.status === 'sent'),
    );
    const thread = await request(api.url).get(`/api/v1/cases/${c.id}/messages`).set(as(other.token)).expect(200);
    expect(thread.body.replyAddress).toBe(`ta+${token}@center.example.org`);
    expect(thread.body.items.map((m: { id: string }) => m.id)).toEqual([first.body.id, second.body.id]);
    expect(thread.body.items[0]).toMatchObject({ status: 'sent', body: 'Hello Jordan,\n\nHere is the draft.', attachments: [] });
  });

  const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

  it('attaches the case files chosen, and refuses a file of another case', async () => {
    const c = await createCase(api.url, lead.token, org.id, { assigneeId: consultant.id });
    const elsewhere = await createCase(api.url, lead.token, org.id, { assigneeId: consultant.id });
    const upload = async (caseId: string) =>
      (
        await request(api.url)
          .post(`/api/v1/cases/${caseId}/attachments`)
          .set(as(consultant.token))
          .attach('file', PDF, 'job-description-draft.pdf')
          .expect(201)
      ).body[0] as { id: string };
    const [file, foreign] = [await upload(c.id), await upload(elsewhere.id)];
    const to = await contactEmail();
    const refused = await request(api.url)
      .post(`/api/v1/cases/${c.id}/messages`)
      .set(as(consultant.token))
      .send({ to: [to], subject: 'Draft', body: 'Attached.', attachmentIds: [foreign.id] })
      .expect(400);
    expect(refused.body.details[0].field).toBe('attachmentIds');
    expect((await db.query(`SELECT count(*)::int AS n FROM messages WHERE case_id = $1`, [c.id])).rows[0].n).toBe(0);

    const sent = await request(api.url)
      .post(`/api/v1/cases/${c.id}/messages`)
      .set(as(consultant.token))
      .send({ to: [to], subject: `${c.reference}: draft`, body: 'Attached.', attachmentIds: [file.id] })
      .expect(201);
    expect(sent.body.attachments).toEqual([expect.objectContaining({ id: file.id, fileName: 'job-description-draft.pdf' })]);
    const [email] = await eventually(
      () => messagesFor(to),
      (found) => found.length > 0,
    );
    expect(email!.attachments).toEqual([{ filename: 'job-description-draft.pdf', contentType: 'application/pdf', size: PDF.length }]);
  });

  it('takes information the requester adds on the status page as a message from the clinic, with its file', async () => {
    const intake = await submitRequest(api.url);
    const token = intake.statusUrl.split('/').pop()!;
    const caseId = (await db.query(`SELECT id FROM cases WHERE reference = $1`, [intake.reference])).rows[0].id as string;
    await request(api.url).post(`/api/v1/cases/${caseId}/assign`).set(as(lead.token)).send({ consultantId: consultant.id }).expect(200);

    const added = await request(api.url)
      .post(`/api/v1/intake/status/${token}/messages`)
      .field('text', 'Here is our current supervision policy.')
      .attach('file', PDF, 'supervision-policy.pdf')
      .expect(201);
    const thread = await request(api.url).get(`/api/v1/cases/${caseId}/messages`).set(as(consultant.token)).expect(200);
    expect(thread.body.items).toEqual([
      expect.objectContaining({
        id: added.body.messageId,
        direction: 'inbound',
        origin: 'status_page',
        body: 'Here is our current supervision policy.',
        attachments: [expect.objectContaining({ fileName: 'supervision-policy.pdf', origin: 'clinic_status_page' })],
      }),
    ]);
    const listed = await request(api.url).get(`/api/v1/cases?assigneeId=me`).set(as(consultant.token)).expect(200);
    expect(listed.body.items.find((x: { id: string }) => x.id === caseId)).toMatchObject({ newReply: true });
    const notices = await eventually(
      async () => (await messagesFor(consultant.email)).filter((m) => m.subject.startsWith(`New reply on ${intake.reference}`)),
      (found) => found.length > 0,
    );
    expect(notices.map((m) => m.subject)).toEqual([`New reply on ${intake.reference} from the requester`]);

    await request(api.url).post(`/api/v1/intake/status/${token}/messages`).field('text', '   ').expect(400);
    await request(api.url).post(`/api/v1/intake/status/not-a-real-token-at-all-000/messages`).field('text', 'Hi').expect(404);
    await request(api.url)
      .post(`/api/v1/intake/status/${token}/messages`)
      .field('text', 'A page')
      .attach('file', Buffer.from('<html><script>alert(1)</script></html>'), 'page.html')
      .expect(415);
    // A good file, then a refused one: nothing is kept (no message, no file), so sending again makes no duplicate.
    const filesBefore = (await db.query(`SELECT count(*)::int AS n FROM attachments WHERE case_id = $1`, [caseId])).rows[0].n as number;
    await request(api.url)
      .post(`/api/v1/intake/status/${token}/messages`)
      .field('text', 'Two files')
      .attach('file', PDF, 'hiring-plan.pdf')
      .attach('file', Buffer.from('MZ\x90\x00 not a document'), 'hiring-plan.pdf.exe')
      .expect(415);
    await request(api.url).post(`/api/v1/intake/status/${token}/messages`).field('note', 'x').expect(400);
    const after = await request(api.url).get(`/api/v1/cases/${caseId}/messages`).set(as(consultant.token)).expect(200);
    expect(after.body.items).toHaveLength(1);
    expect((await db.query(`SELECT count(*)::int AS n FROM attachments WHERE case_id = $1`, [caseId])).rows[0].n).toBe(filesBefore);
    await request(api.url)
      .post(`/api/v1/intake/status/${token}/messages`)
      .field('text', 'Two files')
      .attach('file', PDF, 'hiring-plan.pdf')
      .expect(201);
    const resent = await request(api.url).get(`/api/v1/cases/${caseId}/messages`).set(as(consultant.token)).expect(200);
    expect(resent.body.items.map((m: { attachments: Array<{ fileName: string }> }) => m.attachments.map((a) => a.fileName))).toEqual([
      ['supervision-policy.pdf'],
      ['hiring-plan.pdf'],
    ]);
  });

  it('lets only the case consultant, a lead or an admin write, and validates every address', async () => {
    const c = await createCase(api.url, lead.token, org.id, { assigneeId: consultant.id });
    const body = { to: ['someone@clinic.example.org'], subject: 'Hello', body: 'Hi' };
    await request(api.url).post(`/api/v1/cases/${c.id}/messages`).set(as(other.token)).send(body).expect(403);
    const bad = await request(api.url)
      .post(`/api/v1/cases/${c.id}/messages`)
      .set(as(consultant.token))
      .send({ ...body, to: ['someone@clinic.example.org', 'not an address'] })
      .expect(400);
    expect(bad.body.details[0].field).toBe('to');
    await request(api.url)
      .post(`/api/v1/cases/${c.id}/messages`)
      .set(as(consultant.token))
      .send({ ...body, to: [] })
      .expect(400);
    expect((await db.query(`SELECT count(*)::int AS n FROM messages WHERE case_id = $1`, [c.id])).rows[0].n).toBe(0);
  });

  it('writes message events that match their published schemas, and reply emails that render whole', async () => {
    const contract = await eventContract(api.url);
    const events = await db.query<{ type: string; data: unknown }>(
      `SELECT type, data FROM case_events WHERE type IN ('message_sent', 'message_received')`,
    );
    expect(events.rows.length).toBeGreaterThan(0);
    expect(events.rows.flatMap((event) => contract.problems(event))).toEqual([]);
    const emails = await db.query<{ template: string; data: unknown }>(
      `SELECT template, data FROM outbound_emails WHERE template IN ('case_message', 'reply_received')`,
    );
    expect(emails.rows.length).toBeGreaterThan(0);
    expect(emailProblems(emails.rows)).toEqual([]);
  });
});
