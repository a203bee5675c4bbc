import pg from 'pg';
import request from 'supertest';
import { createStaff, DEMO_ADMIN, login } from '../../../test/support/auth.js';
import { eventContract, type EventContract } from '../../../test/support/contracts.js';
import { createCase, createContact, createOrganization } from '../../../test/support/fixtures.js';
import { startApi, type RunningApi } from '../../../test/support/processes.js';

/** The typed contracts of ARCHITECTURE §Contracts, checked against what the API really writes and sends. */
describe('contracts: timeline events', () => {
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  let api: RunningApi;
  let contract: EventContract;

  beforeAll(async () => {
    await db.connect();
    api = await startApi();
    contract = await eventContract(api.url);
  });
  afterAll(async () => {
    await api?.stop();
    await db.end();
  });

  it('publishes every event type as its own schema, discriminated by type', async () => {
    const doc = (await request(api.url).get('/api/docs/json').expect(200)).body;
    const items = doc.components.schemas.CaseEventListDto.properties.items.items;
    expect(items.discriminator.propertyName).toBe('type');
    expect(contract.types).toEqual(expect.arrayContaining(['created', 'transition', 'consultation_logged', 'escalated', 'reminder_sent']));
    expect(contract.types.length).toBeGreaterThanOrEqual(24);
    expect(contract.problems({ type: 'transition', data: { from: 'new', to: 'triaged', surprise: 1 } })).not.toEqual([]);
    expect(contract.problems({ type: 'transition', data: { from: 'new' } })).not.toEqual([]);
    expect(contract.problems({ type: 'made_up', data: {} })).not.toEqual([]);
  });

  it('a case walked through its life writes only events that match their schema, and the timeline sends them so', async () => {
    const admin = await login(api.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
    const [lead, consultant, other] = await Promise.all([
      createStaff(api.url, admin, 'lead'),
      createStaff(api.url, admin, 'consultant'),
      createStaff(api.url, admin, 'consultant'),
    ]);
    const as = (token: string) => ({ Authorization: `Bearer ${token}` });
    const org = await createOrganization(api.url, admin);
    const contact = await createContact(api.url, admin, org.id);
    const c = await createCase(api.url, lead.token, org.id, { assigneeId: consultant.id });
    const patch = await request(api.url)
      .patch(`/api/v1/cases/${c.id}`)
      .set(as(consultant.token))
      .send({
        version: 1,
        title: 'Renamed',
        topics: ['supervision'],
        priority: 'high',
        intensity: 'targeted',
        primaryContactId: contact.id,
      })
      .expect(200);
    const move = (to: string, extra: Record<string, unknown> = {}) =>
      request(api.url)
        .post(`/api/v1/cases/${c.id}/transitions`)
        .set(as(consultant.token))
        .send({ to, ...extra })
        .expect(200);
    await move('triaged');
    await move('active');
    const day = 86_400_000;
    const logged = await request(api.url)
      .post(`/api/v1/cases/${c.id}/consultations`)
      .set(as(consultant.token))
      .send({
        startedAt: new Date(Date.now() - 3600_000).toISOString(),
        durationMinutes: 45,
        modality: 'phone',
        attendeeContactIds: [contact.id],
        topics: ['supervision'],
        summary: 'Talked supervision.',
        followUps: [{ dueAt: new Date(Date.now() + 2 * day).toISOString(), kind: 'check_in' }],
      })
      .expect(201);
    await request(api.url)
      .patch(`/api/v1/consultations/${logged.body.id}`)
      .set(as(consultant.token))
      .send({ durationMinutes: 50 })
      .expect(200);
    const plan = await request(api.url)
      .put(`/api/v1/cases/${c.id}/action-plan`)
      .set(as(consultant.token))
      .send({ goals: [{ title: 'Hire a peer', goalArea: 'capacity' }] })
      .expect(200);
    const item = await request(api.url)
      .post(`/api/v1/cases/${c.id}/action-plan/items`)
      .set(as(consultant.token))
      .send({ goalId: plan.body.goals[0].id, description: 'Post the job', dueDate: '2030-02-01' })
      .expect(201);
    await request(api.url)
      .patch(`/api/v1/action-items/${item.body.id}`)
      .set(as(consultant.token))
      .send({ status: 'in_progress' })
      .expect(200);
    await request(api.url)
      .patch(`/api/v1/action-items/${item.body.id}`)
      .set(as(consultant.token))
      .send({ description: 'Post it twice' })
      .expect(200);
    const followUps = await request(api.url).get(`/api/v1/cases/${c.id}/follow-ups`).set(as(consultant.token)).expect(200);
    const followUp = followUps.body[0] ?? followUps.body.items[0];
    await request(api.url)
      .patch(`/api/v1/follow-ups/${followUp.id}`)
      .set(as(consultant.token))
      .send({ dueAt: new Date(Date.now() + 3 * day).toISOString() })
      .expect(200);
    await request(api.url).patch(`/api/v1/follow-ups/${followUp.id}`).set(as(consultant.token)).send({ status: 'done' }).expect(200);
    await request(api.url).post(`/api/v1/cases/${c.id}/assign`).set(as(lead.token)).send({ consultantId: other.id }).expect(200);
    await request(api.url)
      .post(`/api/v1/cases/${c.id}/transitions`)
      .set(as(other.token))
      .send({ to: 'resolved', reason: 'goals_met', openWork: 'keep' })
      .expect(200);
    await request(api.url).delete(`/api/v1/consultations/${logged.body.id}`).set(as(lead.token)).expect(204);
    expect(patch.body.title).toBe('Renamed');

    const timeline = await request(api.url).get(`/api/v1/cases/${c.id}/timeline?pageSize=100`).set(as(lead.token)).expect(200);
    const items = timeline.body.items as Array<{ type: string; data: unknown }>;
    expect(new Set(items.map((e) => e.type))).toEqual(
      new Set([
        'created',
        'assigned',
        'field_changed',
        'transition',
        'consultation_logged',
        'consultation_updated',
        'consultation_deleted',
        'follow_up_scheduled',
        'follow_up_updated',
        'follow_up_status',
        'plan_updated',
        'action_item_added',
        'action_item_status',
        'action_item_updated',
      ]),
    );
    expect(items.flatMap((event) => contract.problems(event))).toEqual([]);
  });

  it('every event in the database (whatever the suites before wrote) matches its type’s schema', async () => {
    const { rows } = await db.query<{ type: string; data: unknown }>(`SELECT DISTINCT ON (type, data::text) type, data FROM case_events`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.flatMap((event) => contract.problems(event))).toEqual([]);
  });
});
