import { randomUUID } from 'node:crypto';
import { Job, Queue } from 'bullmq';
import pg from 'pg';
import request from 'supertest';
import { createStaff, DEMO_ADMIN, login } from '../../../test/support/auth.js';
import { eventually, messagesFor } from '../../../test/support/mail-sink.js';
import { repoRoot, startApi, startProcess, type RunningApi, type RunningProcess } from '../../../test/support/processes.js';

describe('public request form, status page and emails (real API, worker, SMTP sink)', () => {
  let api: RunningApi;
  let worker: RunningProcess;
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });

  beforeAll(async () => {
    await db.connect();
    api = await startApi();
    worker = startProcess(`${repoRoot}dist/apps/worker/src/main.js`);
  });
  afterAll(async () => {
    await Promise.all([api?.stop(), worker?.stop()]);
    await db.end();
  });

  const form = (overrides: Record<string, unknown> = {}) => ({
    organizationName: `Lakeshore Family Clinic ${randomUUID().slice(0, 6)}`,
    region: 'western',
    county: 'Erie',
    contactName: 'Dana Whitfield',
    email: `dana.${randomUUID().slice(0, 6)}@lakeshore-${randomUUID().slice(0, 4)}.example.org`,
    role: 'clinical_director',
    populations: ['children_youth', 'families'],
    peerRoles: ['ypa', 'fpa'],
    stage: 'starting',
    topics: ['job_descriptions', 'supervision'],
    question: 'We are hiring our first Youth Peer Advocate. How should we write the job description and supervise the role?',
    preferredContact: 'email',
    ...overrides,
  });
  const submit = (body: Record<string, unknown>, url = api.url) => request(url).post('/api/v1/intake').send(body);

  it('opens a case, creates the organization and contact, and emails the requester and the leads', async () => {
    const body = form();
    const res = await submit(body).expect(201);
    expect(res.body.reference).toMatch(/^TA-\d{4}-\d{5}$/);
    expect(res.body.statusUrl).toMatch(/^http:\/\/localhost:3000\/request\/status\/[A-Za-z0-9_-]{32}$/);

    const row = (
      await db.query(
        `SELECT c.*, o.name AS org_name, o.region, ct.email AS contact_email, s.organization_created, s.contact_created, s.payload
         FROM cases c JOIN organizations o ON o.id = c.organization_id JOIN contacts ct ON ct.id = c.primary_contact_id
         JOIN intake_submissions s ON s.case_id = c.id WHERE c.reference = $1`,
        [res.body.reference],
      )
    ).rows[0];
    expect(row).toMatchObject({
      source: 'web_form',
      status: 'new',
      org_name: body.organizationName,
      region: 'western',
      contact_email: body.email,
      organization_created: true,
      contact_created: true,
    });
    expect(row.topics).toEqual(['job_descriptions', 'supervision']);
    expect(row.service_lines).toEqual(['ypa', 'fpa']);
    // A title to scan a list by, and the form's answers in the words people read, not codes.
    expect(row.title).toBe(`Peer job descriptions and Peer-informed supervision for ${body.organizationName}`);
    expect(row.description).toContain(body.question);
    expect(row.description).toContain('(Clinical director)');
    expect(row.description).toContain('Stage with peer services: Starting');
    expect(row.description).toContain('Peer roles employed or planned: YPA-C, FPA-C');
    expect(row.description).toContain('Populations served: Children & youth, Families');
    expect(row.description).toContain('Prefers to be contacted by: Email');
    expect(row.description).not.toMatch(/children_youth|clinical_director|\bypa\b|starting/);
    const organization = (await db.query(`SELECT peer_roles FROM organizations WHERE id = $1`, [row.organization_id])).rows[0];
    expect(organization.peer_roles).toEqual(['ypa', 'fpa']);
    expect(row.payload.question).toBe(body.question);
    expect(row.payload.website).toBeUndefined();
    const dueInDays = (row.first_response_due_at.getTime() - row.opened_at.getTime()) / 86400_000;
    expect(dueInDays).toBeGreaterThanOrEqual(2);
    expect(dueInDays).toBeLessThanOrEqual(6);
    // Due at the same New York clock time as it was opened (the center's zone, whatever the server's), on a weekday.
    const inNewYork = (at: Date, options: Intl.DateTimeFormatOptions) =>
      new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', ...options }).format(at);
    const clock = { hour: '2-digit', minute: '2-digit', second: '2-digit', fractionalSecondDigits: 3, hourCycle: 'h23' } as const;
    expect(inNewYork(row.first_response_due_at, clock)).toBe(inNewYork(row.opened_at, clock));
    expect(['Mon', 'Tue', 'Wed', 'Thu', 'Fri']).toContain(inNewYork(row.first_response_due_at, { weekday: 'short' }));
    const events = (await db.query(`SELECT type, actor_id FROM case_events WHERE case_id = $1`, [row.id])).rows;
    expect(events).toEqual([{ type: 'created', actor_id: null }]);

    const [confirmation] = await eventually(
      () => messagesFor(body.email),
      (m) => m.length > 0,
    );
    expect(confirmation!.subject).toContain(res.body.reference);
    expect(confirmation!.text).toContain(res.body.statusUrl);
    expect(confirmation!.html).toContain(res.body.statusUrl);
    const leadMail = await eventually(
      () => messagesFor('lead@example.org'),
      (m) => m.some((x) => x.subject.includes(res.body.reference)),
    );
    const forThisCase = leadMail.filter((m) => m.subject.includes(res.body.reference));
    expect(forThisCase).toHaveLength(1);
    expect(forThisCase[0]!.text).toContain(`/cases/${row.id}`);

    // Someone is waiting for these: their delivery jobs have no priority, so they go ahead of the timer sweep's bulk.
    const redis = new URL(String(process.env.REDIS_URL));
    const mail = new Queue('mail', { connection: { host: redis.hostname, port: Number(redis.port) } });
    try {
      const ids = (await db.query(`SELECT id FROM outbound_emails WHERE data->>'reference' = $1`, [res.body.reference])).rows;
      expect(ids.length).toBeGreaterThanOrEqual(2);
      for (const { id } of ids) expect((await Job.fromId(mail, `email-${id}`))?.opts.priority ?? 0).toBe(0);
    } finally {
      await mail.close();
    }
  });

  it('accepts every deliverable address: an apostrophe, a tag, a subdomain', async () => {
    for (const email of [
      `o'brien-${randomUUID().slice(0, 6)}@clinic.example.org`,
      `dana+intake-${randomUUID().slice(0, 6)}@mail.clinic.example.org`,
    ]) {
      await submit(form({ email })).expect(201);
      const stored = await db.query(`SELECT count(*)::int AS n FROM contacts WHERE email = $1`, [email]);
      expect(stored.rows[0].n).toBe(1);
    }
  });

  it('reuses the contact (and its organization) on a second request from the same email', async () => {
    const first = form();
    await submit(first).expect(201);
    await submit(
      form({ email: first.email.toUpperCase(), organizationName: 'Some Other Spelling Inc', peerRoles: ['nycps', 'fpa'] }),
    ).expect(201);
    // The organization gains the peer role the second request named, once each, in the usual order.
    const roles = await db.query(
      `SELECT o.peer_roles FROM organizations o JOIN contacts c ON c.organization_id = o.id WHERE lower(c.email) = lower($1)`,
      [first.email],
    );
    expect(roles.rows[0].peer_roles).toEqual(['nycps', 'ypa', 'fpa']);
    const contacts = await db.query(`SELECT count(*)::int AS n FROM contacts WHERE lower(email) = lower($1)`, [first.email]);
    expect(contacts.rows[0].n).toBe(1);
    const cases = await db.query(
      `SELECT DISTINCT c.organization_id FROM cases c JOIN contacts ct ON ct.id = c.primary_contact_id WHERE lower(ct.email) = lower($1)`,
      [first.email],
    );
    expect(cases.rows).toHaveLength(1);
  });

  it('matches an existing organization by normalized name and region, or by email domain', async () => {
    const first = form();
    await submit(first).expect(201);
    const byName = form({
      organizationName: `The ${first.organizationName.toUpperCase()}, Inc.`,
      email: `someone-${randomUUID().slice(0, 6)}@gmail.com`,
    });
    await submit(byName).expect(201);
    const domain = first.email.split('@')[1];
    await submit(form({ organizationName: 'Completely Different Name', email: `colleague@${domain}` })).expect(201);
    const orgs = await db.query(
      `SELECT DISTINCT o.id FROM organizations o JOIN contacts c ON c.organization_id = o.id WHERE lower(c.email) IN (lower($1), lower($2), lower($3))`,
      [first.email, byName.email, `colleague@${domain}`],
    );
    expect(orgs.rows).toHaveLength(1);
  });

  it('accepts a filled honeypot silently and creates nothing', async () => {
    const before = (
      await db.query(
        `SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM intake_submissions)::int AS subs, (SELECT count(*) FROM outbound_emails)::int AS emails`,
      )
    ).rows[0];
    const res = await submit(form({ website: 'http://spam.example' })).expect(201);
    const after = (
      await db.query(
        `SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM intake_submissions)::int AS subs, (SELECT count(*) FROM outbound_emails)::int AS emails`,
      )
    ).rows[0];
    expect(after).toEqual(before);
    await request(api.url).get(new URL(res.body.statusUrl).pathname.replace('/request/status/', '/api/v1/intake/status/')).expect(404);
    // The decoy looks like any answer: this year's reference, next in line after a real one.
    const real = await submit(form()).expect(201);
    const year = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', year: 'numeric' }).format(new Date());
    expect(res.body.reference).toMatch(new RegExp(`^TA-${year}-\\d{5,}$`));
    expect(Number(real.body.reference.split('-')[2])).toBeGreaterThan(Number(res.body.reference.split('-')[2]));
    expect(Object.keys(res.body).sort()).toEqual(Object.keys(real.body).sort());
  });

  it('rate-limits per address with a clear 429, across API processes', async () => {
    // Its own Redis database, so this test's counter starts at zero.
    const env = { INTAKE_RATE_LIMIT_PER_HOUR: '2', REDIS_URL: `${process.env.REDIS_URL}/3` };
    const [a, b] = await Promise.all([startApi(env), startApi(env)]);
    try {
      await submit(form(), a.url).expect(201);
      await submit(form(), b.url).expect(201);
      const refused = await submit(form(), a.url).expect(429);
      expect(refused.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3500);
      expect(refused.body.message).toMatch(/several requests from your network/);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
    // Two API processes start at once: on a loaded 2-core machine that alone can take most of the default 30 s.
  }, 90000);

  it('refuses bad input with friendly field errors and saves nothing', async () => {
    const body = form({ question: 'Too short', topics: ['astrology'], email: 'not-an-email', region: 'atlantis' });
    const res = await submit(body).expect(400);
    const fields = res.body.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(['email', 'question', 'region']);
    expect(res.body.details.find((d: { field: string }) => d.field === 'question').messages).toEqual([
      'please describe what you need in 20 to 5,000 characters',
    ]);
    // The topic is checked inside the transaction, after the organization and contact were filed: all of it rolls back.
    const withUnknownTopic = form({ topics: ['astrology'] });
    const unknownTopic = await submit(withUnknownTopic).expect(400);
    expect(unknownTopic.body.details[0].field).toBe('topics');
    // The connection the failed transaction used goes back to the pool clean: the next request on it is filed, and
    // commits nothing of the refused one.
    await submit(form()).expect(201);
    const orgs = await db.query(`SELECT count(*)::int AS n FROM organizations WHERE name = ANY($1)`, [
      [body.organizationName, withUnknownTopic.organizationName],
    ]);
    expect(orgs.rows[0].n).toBe(0);
    const contacts = await db.query(`SELECT count(*)::int AS n FROM contacts WHERE email = $1`, [withUnknownTopic.email]);
    expect(contacts.rows[0].n).toBe(0);
  });

  it('refuses a body over the size limit with 413', async () => {
    const res = await submit(form({ question: 'x'.repeat(1_100_000) })).expect(413);
    expect(res.body.statusCode).toBe(413);
  });

  it('shows the requester status in plain words, with no internal notes', async () => {
    const admin = await login(api.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
    const consultant = await createStaff(api.url, admin, 'consultant');
    const res = await submit(form()).expect(201);
    const token = res.body.statusUrl.split('/').pop();
    const statusPath = `/api/v1/intake/status/${token}`;
    const fresh = await request(api.url).get(statusPath).expect(200);
    expect(fresh.body).toMatchObject({
      reference: res.body.reference,
      status: 'received',
      statusText: 'We received your request and will contact you soon.',
      consultantFirstName: null,
      sessionDates: [],
      nextFollowUpDate: null,
    });
    const story = async () => (await request(api.url).get(statusPath).expect(200)).body as { status: string; statusText: string };

    const caseId = (await db.query(`SELECT id FROM cases WHERE reference = $1`, [res.body.reference])).rows[0].id;
    const auth = { Authorization: `Bearer ${admin}` };
    await request(api.url).post(`/api/v1/cases/${caseId}/assign`).set(auth).send({ consultantId: consultant.id }).expect(200);
    expect(await story()).toEqual(
      expect.objectContaining({ status: 'received', statusText: 'Test has your request and will contact you soon.' }),
    );
    await request(api.url).post(`/api/v1/cases/${caseId}/transitions`).set(auth).send({ to: 'triaged' }).expect(200);
    expect((await story()).statusText).toBe('Test is reviewing your request and will contact you to plan a first conversation.');
    await request(api.url)
      .post(`/api/v1/cases/${caseId}/consultations`)
      .set(auth)
      .send({
        startedAt: '2026-01-08T15:00:00Z',
        durationMinutes: 30,
        modality: 'video',
        attendeeContactIds: [],
        topics: [],
        summary: 'first call',
      })
      .expect(201);
    // Triaged, but they have met: the story does not go back to planning a first conversation.
    expect((await story()).statusText).toBe('Test has met with you and is preparing the next steps.');
    await request(api.url).post(`/api/v1/cases/${caseId}/transitions`).set(auth).send({ to: 'active' }).expect(200);
    expect((await story()).statusText).toBe('You and Test are working on this request together.');
    await request(api.url)
      .post(`/api/v1/cases/${caseId}/consultations`)
      .set(auth)
      .send({
        startedAt: '2026-01-15T15:00:00Z',
        durationMinutes: 45,
        modality: 'phone',
        attendeeContactIds: [],
        topics: [],
        summary: 'INTERNAL-SUMMARY clinic director seemed hesitant',
        nextSteps: 'INTERNAL-NEXT',
        followUps: [{ dueAt: '2099-03-02T15:00:00Z', kind: 'check_in', note: 'INTERNAL-FOLLOWUP-NOTE' }],
      })
      .expect(201);
    const later = await request(api.url).get(statusPath).expect(200);
    expect(later.body).toMatchObject({
      status: 'in_progress',
      consultantFirstName: 'Test',
      sessionDates: ['2026-01-08', '2026-01-15'],
      nextFollowUpDate: '2099-03-02',
    });
    expect(JSON.stringify(later.body)).not.toMatch(/INTERNAL|hesitant|@/);

    // Completed with the check-in kept: the page says both; closed, nothing lies ahead.
    await request(api.url)
      .post(`/api/v1/cases/${caseId}/transitions`)
      .set(auth)
      .send({ to: 'resolved', reason: 'goals_met', openWork: 'keep' })
      .expect(200);
    const completed = await request(api.url).get(statusPath).expect(200);
    expect(completed.body).toMatchObject({ status: 'completed', nextFollowUpDate: '2099-03-02' });
    expect(completed.body.statusText).toBe('We have completed the work on this request. Test will check in with you on the date below.');
    await request(api.url).post(`/api/v1/cases/${caseId}/transitions`).set(auth).send({ to: 'closed', reason: 'goals_met' }).expect(200);
    expect(await story()).toEqual(expect.objectContaining({ status: 'closed', statusText: 'This request is closed.' }));
    expect((await request(api.url).get(statusPath).expect(200)).body.nextFollowUpDate).toBeNull();

    await request(api.url)
      .get(`/api/v1/intake/status/${'A'.repeat(32)}`)
      .expect(404);
    await request(api.url).get('/api/v1/intake/status/not valid!').expect(404);
  });

  it('lists the topics for the form without signing in', async () => {
    const res = await request(api.url).get('/api/v1/intake/topics').expect(200);
    expect(res.body.length).toBe(15);
  });
});
