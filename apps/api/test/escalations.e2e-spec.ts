import pg from 'pg';
import request from 'supertest';
import { createStaff, DEMO_ADMIN, login } from '../../../test/support/auth.js';
import { createCase, createOrganization } from '../../../test/support/fixtures.js';
import { startApi, type RunningApi } from '../../../test/support/processes.js';

describe('escalations view, queue dashboard and queue metrics', () => {
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

  it('lists escalated and at-risk cases with why and since when; a lead acknowledges on the timeline; consultants are refused', async () => {
    const lead = await createStaff(api.url, admin, 'lead');
    const consultant = await createStaff(api.url, admin, 'consultant');
    const org = await createOrganization(api.url, admin);
    const c = await createCase(api.url, lead.token, org.id, { assigneeId: consultant.id });
    await db.query(`UPDATE cases SET stall_level = 'escalated', status = 'active' WHERE id = $1`, [c.id]);
    await db.query(
      `INSERT INTO case_events (case_id, type, data, created_at) VALUES ($1, 'escalated', '{"reason":"no_activity","days":23}', now() - interval '2 hours')`,
      [c.id],
    );

    const list = await request(api.url).get('/api/v1/escalations').set(as(lead.token)).expect(200);
    const mine = list.body.find((e: { caseId: string }) => e.caseId === c.id);
    expect(mine).toMatchObject({
      reference: c.reference,
      stallLevel: 'escalated',
      reason: 'No activity for 23 days',
      acknowledgedAt: null,
      assignee: { id: consultant.id },
    });
    expect(Date.now() - Date.parse(mine.since)).toBeGreaterThan(3600_000);

    await request(api.url)
      .post(`/api/v1/cases/${c.id}/acknowledge`)
      .set(as(lead.token))
      .send({ note: 'Calling the clinic today' })
      .expect(204);
    const after = await request(api.url).get('/api/v1/escalations').set(as(lead.token)).expect(200);
    expect(after.body.find((e: { caseId: string }) => e.caseId === c.id).acknowledgedAt).not.toBeNull();
    const timeline = await request(api.url).get(`/api/v1/cases/${c.id}/timeline`).set(as(lead.token)).expect(200);
    expect(timeline.body.items[0]).toMatchObject({
      type: 'escalation_acknowledged',
      data: { level: 'escalated', note: 'Calling the clinic today' },
    });

    await request(api.url).get('/api/v1/escalations').set(as(consultant.token)).expect(403);
    await request(api.url).post(`/api/v1/cases/${c.id}/acknowledge`).set(as(consultant.token)).send({}).expect(403);
    await request(api.url).get('/api/v1/escalations').expect(401);
  });

  it('serves Bull Board at /admin/queues to admins only', async () => {
    const consultant = await createStaff(api.url, admin, 'consultant');
    await request(api.url).get('/admin/queues').expect(401);
    await request(api.url).get('/admin/queues').set(as(consultant.token)).expect(403);
    const page = await request(api.url).get('/admin/queues').set('Cookie', `ta_session=${admin}`).expect(200);
    expect(page.text).toMatch(/bull/i);
    const queues = await request(api.url).get('/admin/queues/api/queues').set(as(admin)).expect(200);
    expect(queues.body.queues.map((q: { name: string }) => q.name).sort()).toEqual(['inbound', 'mail', 'maintenance', 'sweeps']);
  });

  it('reports queue metrics on /health', async () => {
    const health = await request(api.url).get('/health').expect(200);
    expect(health.body.info.queues).toMatchObject({
      status: 'up',
      mail: { waiting: expect.any(Number), active: expect.any(Number), failed: expect.any(Number), completed: expect.any(Number) },
    });
  });
});
