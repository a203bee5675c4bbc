import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createStaff, DEMO_ADMIN, login } from '../../../test/support/auth.js';
import { createCase, createContact, createOrganization } from '../../../test/support/fixtures.js';
import { startApi, type RunningApi } from '../../../test/support/processes.js';

type Staff = Awaited<ReturnType<typeof createStaff>>;

describe('cases', () => {
  let api: RunningApi;
  let admin: string;
  let lead: Staff;
  let consultant: Staff;
  let otherConsultant: Staff;
  let org: { id: string; name: string };

  beforeAll(async () => {
    api = await startApi();
    admin = await login(api.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
    [lead, consultant, otherConsultant] = await Promise.all([
      createStaff(api.url, admin, 'lead'),
      createStaff(api.url, admin, 'consultant'),
      createStaff(api.url, admin, 'consultant'),
    ]);
    org = await createOrganization(api.url, admin, { name: `Quillfeather Behavioral Health ${randomUUID().slice(0, 4)}` });
  });
  afterAll(() => api?.stop());

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const move = (token: string, id: string, to: string, reason?: string) =>
    request(api.url)
      .post(`/api/v1/cases/${id}/transitions`)
      .set(as(token))
      .send(reason ? { to, reason } : { to });

  it('creates a case with a TA-YYYY-NNNNN reference, goal areas, and a created event', async () => {
    const contact = await createContact(api.url, admin, org.id);
    const created = await createCase(api.url, lead.token, org.id, {
      topics: ['job_descriptions', 'supervision'],
      primaryContactId: contact.id,
      intensity: 'targeted',
    });
    const year = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', year: 'numeric' }).format(new Date());
    expect(created.reference).toMatch(new RegExp(`^TA-${year}-\\d{5}$`));
    const read = await request(api.url).get(`/api/v1/cases/${created.id}`).set(as(consultant.token)).expect(200);
    expect(read.body).toMatchObject({
      status: 'new',
      version: 1,
      stallLevel: 'none',
      intensity: 'targeted',
      primaryContactId: contact.id,
      goalAreas: ['capacity', 'retention'],
      organization: { id: org.id, name: org.name },
      assignee: null,
      allowedMoves: ['triaged', 'closed'],
    });
    const timeline = await request(api.url).get(`/api/v1/cases/${created.id}/timeline`).set(as(consultant.token)).expect(200);
    expect(timeline.body.items.map((e: { type: string }) => e.type)).toEqual(['created']);
    expect(timeline.body.items[0].actor).toEqual({ id: lead.id, name: 'Test lead' });
  });

  it('gives 50 concurrent creates 50 distinct references', async () => {
    const created = await Promise.all(Array.from({ length: 50 }, () => createCase(api.url, admin, org.id)));
    expect(new Set(created.map((c) => c.reference)).size).toBe(50);
  });

  it('walks every legal transition, stamping resolvedAt and closedAt, each on the timeline', async () => {
    const c = await createCase(api.url, lead.token, org.id);
    const path: Array<[string, string?]> = [
      ['triaged'],
      ['active'],
      ['on_hold', 'no_response'],
      ['active'],
      ['resolved', 'goals_met'],
      ['active'],
      ['on_hold', 'other'],
      ['resolved', 'referred_elsewhere'],
      ['closed', 'goals_met'],
    ];
    for (const [to, reason] of path) {
      const res = await move(lead.token, c.id, to, reason).expect(200);
      expect(res.body.status).toBe(to);
    }
    const final = await request(api.url).get(`/api/v1/cases/${c.id}`).set(as(lead.token)).expect(200);
    expect(final.body).toMatchObject({ status: 'closed', statusReason: 'goals_met', allowedMoves: [] });
    expect(final.body.resolvedAt).not.toBeNull();
    expect(final.body.closedAt).not.toBeNull();
    const timeline = await request(api.url).get(`/api/v1/cases/${c.id}/timeline`).query({ pageSize: 100 }).set(as(lead.token)).expect(200);
    const transitions = timeline.body.items.filter((e: { type: string }) => e.type === 'transition').reverse();
    expect(transitions.map((e: { data: { to: string } }) => e.data.to)).toEqual(path.map(([to]) => to));
    expect(transitions[2].data).toEqual({ from: 'active', to: 'on_hold', reason: 'no_response' });

    const fresh = await createCase(api.url, lead.token, org.id);
    await move(lead.token, fresh.id, 'closed', 'duplicate').expect(200);
    const triaged = await createCase(api.url, lead.token, org.id);
    await move(lead.token, triaged.id, 'triaged').expect(200);
    await move(lead.token, triaged.id, 'closed', 'out_of_scope').expect(200);
  });

  it('refuses illegal moves with 409 listing the allowed ones', async () => {
    const c = await createCase(api.url, lead.token, org.id);
    const res = await move(lead.token, c.id, 'active').expect(409);
    expect(res.body).toMatchObject({ statusCode: 409, details: { from: 'new', to: 'active', allowed: ['triaged', 'closed'] } });
    expect(res.body.message).toMatch(/allowed: triaged, closed/);
    await move(lead.token, c.id, 'resolved').expect(409);
    await move(lead.token, c.id, 'on_hold', 'other').expect(409);
    await move(lead.token, c.id, 'closed', 'duplicate').expect(200);
    const fromClosed = await move(lead.token, c.id, 'active').expect(409);
    expect(fromClosed.body.details.allowed).toEqual([]);
  });

  it('requires a reason to close or hold, naming the field', async () => {
    const c = await createCase(api.url, lead.token, org.id);
    const res = await move(lead.token, c.id, 'closed').expect(400);
    expect(res.body.details).toEqual([{ field: 'reason', messages: [expect.stringMatching(/reason code is required/)] }]);
    const still = await request(api.url).get(`/api/v1/cases/${c.id}`).set(as(lead.token)).expect(200);
    expect(still.body.status).toBe('new');
    await move(lead.token, c.id, 'closed', 'cancelled').expect(400);
  });

  it('updates fields with the version, records each change, and refuses a stale version without overwriting', async () => {
    const c = await createCase(api.url, lead.token, org.id);
    const first = await request(api.url)
      .patch(`/api/v1/cases/${c.id}`)
      .set(as(lead.token))
      .send({ version: 1, priority: 'high', title: 'New title' })
      .expect(200);
    expect(first.body).toMatchObject({ version: 2, priority: 'high', title: 'New title' });
    const stale = await request(api.url)
      .patch(`/api/v1/cases/${c.id}`)
      .set(as(lead.token))
      .send({ version: 1, title: 'Overwrite attempt' })
      .expect(409);
    expect(stale.body.details).toEqual({ currentVersion: 2 });
    const after = await request(api.url).get(`/api/v1/cases/${c.id}`).set(as(lead.token)).expect(200);
    expect(after.body.title).toBe('New title');
    const timeline = await request(api.url).get(`/api/v1/cases/${c.id}/timeline`).set(as(lead.token)).expect(200);
    const changes = timeline.body.items.filter((e: { type: string }) => e.type === 'field_changed').map((e: { data: unknown }) => e.data);
    expect(changes).toEqual(
      expect.arrayContaining([
        { field: 'priority', from: 'normal', to: 'high' },
        { field: 'title', from: 'Job descriptions for new peer roles', to: 'New title' },
      ]),
    );
  });

  describe('authorization', () => {
    let mine: { id: string };
    beforeAll(async () => {
      mine = await createCase(api.url, lead.token, org.id, { assigneeId: consultant.id });
    });

    it('lets any staff read every case and its timeline', async () => {
      await request(api.url).get(`/api/v1/cases/${mine.id}`).set(as(otherConsultant.token)).expect(200);
      await request(api.url).get(`/api/v1/cases/${mine.id}/timeline`).set(as(otherConsultant.token)).expect(200);
      await request(api.url).get('/api/v1/cases').set(as(otherConsultant.token)).expect(200);
    });

    it('lets the assigned consultant change the case, and refuses another consultant', async () => {
      await move(consultant.token, mine.id, 'triaged').expect(200);
      const refused = await move(otherConsultant.token, mine.id, 'active').expect(403);
      expect(refused.body.message).toMatch(/assigned consultant/);
      await request(api.url)
        .patch(`/api/v1/cases/${mine.id}`)
        .set(as(otherConsultant.token))
        .send({ version: 2, title: 'Nope' })
        .expect(403);
    });

    it('lets leads and admins assign, refuses consultants, and records the assignment', async () => {
      await request(api.url)
        .post(`/api/v1/cases/${mine.id}/assign`)
        .set(as(consultant.token))
        .send({ consultantId: otherConsultant.id })
        .expect(403);
      const res = await request(api.url)
        .post(`/api/v1/cases/${mine.id}/assign`)
        .set(as(lead.token))
        .send({ consultantId: otherConsultant.id })
        .expect(200);
      expect(res.body.assignee).toEqual({ id: otherConsultant.id, name: 'Test consultant' });
      await request(api.url).post(`/api/v1/cases/${mine.id}/assign`).set(as(admin)).send({ consultantId: consultant.id }).expect(200);
      const timeline = await request(api.url).get(`/api/v1/cases/${mine.id}/timeline`).set(as(lead.token)).expect(200);
      const assigned = timeline.body.items.filter((e: { type: string }) => e.type === 'assigned').map((e: { data: unknown }) => e.data);
      expect(assigned).toEqual([
        { from: otherConsultant.id, to: consultant.id },
        { from: consultant.id, to: otherConsultant.id },
        { from: null, to: consultant.id },
      ]);
    });

    it('assigns a consultant’s own new case to them, and refuses them choosing an assignee', async () => {
      const own = await createCase(api.url, consultant.token, org.id);
      expect(own.assignee?.id).toBe(consultant.id);
      await request(api.url)
        .post('/api/v1/cases')
        .set(as(consultant.token))
        .send({
          organizationId: org.id,
          title: 't',
          description: 'd',
          topics: [],
          serviceLines: [],
          priority: 'low',
          source: 'email',
          assigneeId: otherConsultant.id,
        })
        .expect(403);
    });

    it('refuses anonymous callers everywhere', async () => {
      await request(api.url).get('/api/v1/cases').expect(401);
      await request(api.url).get(`/api/v1/cases/${mine.id}`).expect(401);
      await request(api.url).post(`/api/v1/cases/${mine.id}/transitions`).send({ to: 'active' }).expect(401);
      await request(api.url).post(`/api/v1/cases/${mine.id}/assign`).send({ consultantId: consultant.id }).expect(401);
    });

    it('refuses assigning to an admin or an unknown user with 400 naming the field', async () => {
      const res = await request(api.url)
        .post(`/api/v1/cases/${mine.id}/assign`)
        .set(as(lead.token))
        .send({ consultantId: randomUUID() })
        .expect(400);
      expect(res.body.details[0].field).toBe('consultantId');
    });
  });

  describe('list and search', () => {
    let searchOrg: { id: string; name: string };
    let a: { id: string; reference: string };
    let b: { id: string };

    beforeAll(async () => {
      searchOrg = await createOrganization(api.url, admin, {
        name: `Marigoldia Counseling ${randomUUID().slice(0, 4)}`,
        region: 'long_island',
      });
      a = await createCase(api.url, lead.token, searchOrg.id, {
        description: 'They want help with xylophonic supervision schedules',
        topics: ['supervision'],
        priority: 'urgent',
        assigneeId: consultant.id,
      });
      b = await createCase(api.url, lead.token, searchOrg.id, { topics: ['recruitment'], priority: 'low' });
    });

    const ids = (res: request.Response) => res.body.items.map((c: { id: string }) => c.id);

    it('finds by organization name, by a word in the description, and by reference', async () => {
      const byOrg = await request(api.url)
        .get('/api/v1/cases')
        .query({ q: searchOrg.name.split(' ')[0] })
        .set(as(consultant.token))
        .expect(200);
      expect(ids(byOrg).sort()).toEqual([a.id, b.id].sort());
      const byWord = await request(api.url).get('/api/v1/cases').query({ q: 'xylophonic' }).set(as(consultant.token)).expect(200);
      expect(ids(byWord)).toEqual([a.id]);
      const byRef = await request(api.url)
        .get('/api/v1/cases')
        .query({ q: a.reference.toLowerCase() })
        .set(as(consultant.token))
        .expect(200);
      expect(ids(byRef)).toEqual([a.id]);
    });

    it('ignores accents and case, on cases and organizations, and finds a case by part of its reference', async () => {
      const clinica = await createOrganization(api.url, admin, { name: `Clínica Esperanza ${randomUUID().slice(0, 4)}` });
      const c = await createCase(api.url, lead.token, clinica.id, { description: 'Apoyo para la contratación de pares' });
      const found = async (path: string, q: string) =>
        (await request(api.url).get(path).query({ q, pageSize: 100 }).set(as(consultant.token)).expect(200)).body.items.map(
          (row: { id: string }) => row.id,
        );
      expect(await found('/api/v1/cases', 'clinica esperanza')).toContain(c.id);
      expect(await found('/api/v1/cases', 'CONTRATACION')).toContain(c.id);
      expect(await found('/api/v1/organizations', 'clinica esperanza')).toContain(clinica.id);
      expect(await found('/api/v1/organizations', 'CLINICA')).toContain(clinica.id);

      const [, year, number] = c.reference.split('-');
      for (const part of [number!, `${year}-${number}`, `ta-${year}-${number}`, number!.slice(1)]) {
        expect(await found('/api/v1/cases', part)).toContain(c.id);
      }
      expect(await found('/api/v1/cases', `${year}-${number}`)).toEqual([c.id]);
    });

    it('filters by organization, region, topic, goal area, priority, status, assignee, dates opened and sessions held', async () => {
      const q = (query: Record<string, string>) =>
        request(api.url)
          .get('/api/v1/cases')
          .query({ organizationId: searchOrg.id, ...query })
          .set(as(consultant.token))
          .expect(200);
      expect(ids(await q({}))).toHaveLength(2);
      expect(ids(await q({ topic: 'supervision' }))).toEqual([a.id]);
      expect(ids(await q({ region: 'long_island' })).sort()).toEqual([a.id, b.id].sort());
      expect(ids(await q({ region: 'nyc' }))).toEqual([]);
      const everyRegion = await request(api.url)
        .get('/api/v1/cases')
        .query({ region: 'western', pageSize: 100 })
        .set(as(consultant.token))
        .expect(200);
      for (const item of everyRegion.body.items) expect(item.organization.region).toBe('western');
      const badRegion = await request(api.url).get('/api/v1/cases').query({ region: 'atlantis' }).set(as(consultant.token)).expect(400);
      expect(badRegion.body.details.map((d: { field: string }) => d.field)).toEqual(['region']);
      expect(ids(await q({ goalArea: 'capacity' }))).toEqual([b.id]);
      expect(ids(await q({ priority: 'urgent,high' }))).toEqual([a.id]);
      expect(ids(await q({ status: 'new' })).sort()).toEqual([a.id, b.id].sort());
      expect(ids(await q({ status: 'active' }))).toEqual([]);
      expect(ids(await q({ assigneeId: 'me' }))).toEqual([a.id]);
      expect(ids(await q({ assigneeId: 'none' }))).toEqual([b.id]);
      expect(ids(await q({ stallLevel: 'none' }))).toHaveLength(2);
      expect(ids(await q({ openedFrom: new Date(Date.now() + 60000).toISOString() }))).toEqual([]);
      expect(ids(await q({ openedTo: new Date(Date.now() + 60000).toISOString() }))).toHaveLength(2);
      // A session held two days ago on case a: the window around it finds a, the day before it finds neither.
      const held = new Date(Date.now() - 2 * 86400_000);
      await request(api.url)
        .post(`/api/v1/cases/${a.id}/consultations`)
        .set(as(lead.token))
        .send({
          startedAt: held.toISOString(),
          durationMinutes: 45,
          modality: 'phone',
          topics: ['recruitment'],
          attendeeContactIds: [],
          summary: 'Recruitment call.',
        })
        .expect(201);
      const around = {
        sessionFrom: new Date(held.getTime() - 3600_000).toISOString(),
        sessionTo: new Date(held.getTime() + 3600_000).toISOString(),
      };
      expect(ids(await q(around))).toEqual([a.id]);
      expect(ids(await q({ sessionFrom: around.sessionFrom }))).toEqual([a.id]);
      expect(ids(await q({ sessionTo: held.toISOString() }))).toEqual([]);
      expect(ids(await q({ sessionFrom: new Date().toISOString() }))).toEqual([]);
      const badDate = await request(api.url)
        .get('/api/v1/cases')
        .query({ sessionFrom: 'last tuesday' })
        .set(as(consultant.token))
        .expect(400);
      expect(badDate.body.details.map((d: { field: string }) => d.field)).toEqual(['sessionFrom']);
      expect(ids(await q({ sort: 'priority' }))).toEqual([b.id, a.id]);
      expect(ids(await q({ sort: '-priority' }))).toEqual([a.id, b.id]);
    });

    it('paginates', async () => {
      const page = await request(api.url).get('/api/v1/cases').query({ pageSize: 5, page: 2 }).set(as(consultant.token)).expect(200);
      expect(page.body).toMatchObject({ page: 2, pageSize: 5 });
      expect(page.body.items).toHaveLength(5);
      expect(page.body.total).toBeGreaterThan(50);
    });
  });

  describe('bad input → 400 naming the field, nothing saved', () => {
    const valid = () => ({
      organizationId: org.id,
      title: 'T',
      description: 'D',
      topics: ['recruitment'],
      serviceLines: ['fpa'],
      priority: 'normal',
      source: 'email',
    });

    it.each([
      [{ topics: ['astrology'] }, 'topics'],
      [{ priority: 'whenever' }, 'priority'],
      [{ source: 'pigeon' }, 'source'],
      [{ serviceLines: ['cps'] }, 'serviceLines'],
      [{ title: 'x'.repeat(201) }, 'title'],
      [{ organizationId: 'not-a-uuid' }, 'organizationId'],
      [{ organizationId: randomUUID() }, 'organizationId'],
      [{ primaryContactId: randomUUID() }, 'primaryContactId'],
      [{ intensity: 'extreme' }, 'intensity'],
    ])('%j → %s', async (override, field) => {
      const title = `bad-input-${randomUUID()}`;
      const res = await request(api.url)
        .post('/api/v1/cases')
        .set(as(lead.token))
        .send({ ...valid(), title, ...override })
        .expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      const search = await request(api.url)
        .get('/api/v1/cases')
        .query({ organizationId: org.id, pageSize: 100, sort: '-openedAt' })
        .set(as(lead.token))
        .expect(200);
      expect(search.body.items.map((c: { title: string }) => c.title)).not.toContain(title);
    });

    it('non-uuid path ids and bad list filters', async () => {
      const res = await request(api.url).get('/api/v1/cases/123').set(as(lead.token)).expect(400);
      expect(res.body.details[0].field).toBe('id');
      const bad = await request(api.url)
        .get('/api/v1/cases')
        .query({ status: 'open', sort: 'title', openedFrom: 'yesterday' })
        .set(as(lead.token))
        .expect(400);
      expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['openedFrom', 'sort', 'status']);
      await request(api.url).get(`/api/v1/cases/${randomUUID()}`).set(as(lead.token)).expect(404);
      const patch = await request(api.url)
        .patch(`/api/v1/cases/${randomUUID()}`)
        .set(as(lead.token))
        .send({ title: 'no version' })
        .expect(400);
      expect(patch.body.details[0].field).toBe('version');
    });
  });

  it('lists topics with their goal areas', async () => {
    const res = await request(api.url).get('/api/v1/topics').set(as(consultant.token)).expect(200);
    expect(res.body).toHaveLength(15);
    expect(res.body[0]).toEqual({ code: 'org_readiness', label: expect.any(String), goalArea: 'readiness' });
  });
});
