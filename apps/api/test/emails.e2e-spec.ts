import { randomUUID } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import { createStaff, DEMO_ADMIN, login } from '../../../test/support/auth.js';
import { startApi, type RunningApi } from '../../../test/support/processes.js';

interface EmailItem {
  id: string;
  recipient: string;
  subject: string | null;
  text: string | null;
  reference: string | null;
  caseId: string | null;
}

describe('the outbox list (subject, preview, case, search) and the queues page for people who may not see it', () => {
  let api: RunningApi;
  let admin: string;
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });

  beforeAll(async () => {
    await db.connect();
    api = await startApi();
    admin = await login(api.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
  });
  afterAll(async () => {
    await api?.stop();
    await db.end();
  });
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function insertEmail(template: string, data: Record<string, unknown>, recipient: string): Promise<string> {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO outbound_emails (recipient, template, data, dedupe_key, status, attempts, last_error)
       VALUES ($1, $2, $3, $4, 'failed', 8, 'connect ECONNREFUSED') RETURNING id`,
      [recipient, template, JSON.stringify(data), `api-test:${randomUUID()}`],
    );
    return rows[0]!.id;
  }

  it('gives each email its subject, text, reference and case, and searches recipient, subject and reference', async () => {
    const suffix = randomUUID().slice(0, 8);
    const caseId = randomUUID();
    const reference = `TA-2026-${suffix}`;
    const escalationTo = `lead-${suffix}@test.example.org`;
    const escalationId = await insertEmail(
      'escalation',
      {
        reference,
        title: `Quiet supervision ${suffix}`,
        organizationName: 'Hudson Peer Clinic',
        reason: 'no_activity',
        days: 22,
        caseUrl: `http://localhost:3000/cases/${caseId}`,
      },
      escalationTo,
    );
    const testTo = `someone-${suffix}@test.example.org`;
    const testId = await insertEmail('test_message', { subject: `Hello there ${suffix}`, body: 'A body.' }, testTo);
    const retiredId = await insertEmail('retired_template', { reference: `OLD-${suffix}` }, `old-${suffix}@test.example.org`);

    const search = async (q: string) =>
      (await request(api.url).get('/api/v1/emails').query({ q, pageSize: 100 }).set(as(admin)).expect(200)).body as {
        items: EmailItem[];
        total: number;
      };

    // By reference: the escalation, with everything the page shows.
    const byReference = await search(reference);
    expect(byReference.total).toBe(1);
    expect(byReference.items[0]).toMatchObject({
      id: escalationId,
      recipient: escalationTo,
      subject: `Escalated: ${reference} Quiet supervision ${suffix}`,
      reference,
      caseId,
    });
    expect(byReference.items[0]!.text).toContain('There has been no activity on this case for 22 days.');

    // By recipient, by words of the subject, by the template's own subject wording.
    expect((await search(testTo)).items.map((item) => item.id)).toEqual([testId]);
    const bySubject = await search(`Hello there ${suffix}`);
    expect(bySubject.items.map((item) => item.id)).toEqual([testId]);
    expect(bySubject.items[0]).toMatchObject({ subject: `Hello there ${suffix}`, reference: null, caseId: null });
    // The text as sent: the body, then the center's signature.
    expect(bySubject.items[0]!.text).toMatch(/^A body\.\n\n-- \n\S/);
    expect((await search('Escalated')).items.map((item) => item.id)).toContain(escalationId);
    expect((await search('Escalated')).items.map((item) => item.id)).not.toContain(testId);
    // LIKE's wildcards are searched for as themselves.
    expect((await search('%')).items.map((item) => item.id)).not.toContain(testId);

    // A template since retired still lists, without a preview.
    const retired = (await search(`OLD-${suffix}`)).items;
    expect(retired).toEqual([expect.objectContaining({ id: retiredId, subject: null, text: null, reference: `OLD-${suffix}` })]);

    // With the status filter and paging as before.
    const failed = (await request(api.url).get('/api/v1/emails').query({ status: 'sent', q: reference }).set(as(admin)).expect(200))
      .body as { total: number };
    expect(failed.total).toBe(0);
    await request(api.url)
      .get('/api/v1/emails')
      .query({ q: 'x'.repeat(201) })
      .set(as(admin))
      .expect(400);
  });

  it('answers a browser that may not see the queues dashboard with a page, and API clients with JSON', async () => {
    const lead = await createStaff(api.url, admin, 'lead');
    const html = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

    const forbidden = await request(api.url).get('/admin/queues').set(as(lead.token)).set('Accept', html).expect(403);
    expect(forbidden.headers['content-type']).toMatch(/^text\/html/);
    expect(forbidden.text).toContain('<h1>The queues dashboard is for admins</h1>');
    expect(forbidden.text).toContain('<a href="/">Back to TA Desk</a>');

    const signedOut = await request(api.url).get('/admin/queues').set('Accept', html).expect(401);
    expect(signedOut.headers['content-type']).toMatch(/^text\/html/);
    expect(signedOut.text).toContain('href="/login?next=%2Fadmin%2Fqueues"');

    const json = await request(api.url).get('/admin/queues/api/queues').set(as(lead.token)).set('Accept', 'application/json').expect(403);
    expect(json.body).toEqual({ statusCode: 403, error: 'Forbidden', message: 'The queues dashboard is for admins' });
    await request(api.url).get('/admin/queues').set(as(lead.token)).expect(403).expect('Content-Type', /json/);
  });
});
