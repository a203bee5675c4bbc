import { randomUUID } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import { createStaff, DEMO_ADMIN, login } from '../../../test/support/auth.js';
import { createCase, createContact, createOrganization } from '../../../test/support/fixtures.js';
import { startApi, type RunningApi } from '../../../test/support/processes.js';

type Staff = Awaited<ReturnType<typeof createStaff>>;

describe('engagement: consultations, action plans, follow-ups', () => {
  let api: RunningApi;
  let admin: string;
  let lead: Staff;
  let consultant: Staff;
  let other: Staff;
  let org: { id: string };
  let contact: { id: string };
  let foreignContact: { id: string };
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });

  beforeAll(async () => {
    await db.connect();
    api = await startApi();
    admin = await login(api.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
    [lead, consultant, other] = await Promise.all([
      createStaff(api.url, admin, 'lead'),
      createStaff(api.url, admin, 'consultant'),
      createStaff(api.url, admin, 'consultant'),
    ]);
    org = await createOrganization(api.url, admin);
    contact = await createContact(api.url, admin, org.id);
    foreignContact = await createContact(api.url, admin, (await createOrganization(api.url, admin)).id);
  });
  afterAll(async () => {
    await api?.stop();
    await db.end();
  });

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const session = (overrides: Record<string, unknown> = {}) => ({
    startedAt: new Date(Date.now() - 3600_000).toISOString(),
    durationMinutes: 60,
    modality: 'video',
    attendeeContactIds: [contact.id],
    topics: ['supervision'],
    summary: 'Walked through a peer-informed supervision model.',
    nextSteps: 'Send the supervision guide; check in next week.',
    ...overrides,
  });
  const newCase = async () => createCase(api.url, lead.token, org.id, { assigneeId: consultant.id });
  const count = async (table: string, caseId: string) =>
    (await db.query(`SELECT count(*)::int AS n FROM ${table} WHERE case_id = $1`, [caseId])).rows[0].n as number;

  it('saves nothing when an attendee belongs to another organization', async () => {
    const c = await newCase();
    const eventsBefore = await count('case_events', c.id);
    const res = await request(api.url)
      .post(`/api/v1/cases/${c.id}/consultations`)
      .set(as(consultant.token))
      .send(
        session({
          attendeeContactIds: [contact.id, foreignContact.id],
          followUps: [{ dueAt: new Date(Date.now() + 86400_000).toISOString(), kind: 'check_in' }],
        }),
      )
      .expect(400);
    expect(res.body.details[0].field).toBe('attendeeContactIds');
    expect(await count('consultations', c.id)).toBe(0);
    expect(await count('follow_ups', c.id)).toBe(0);
    expect(await count('case_events', c.id)).toBe(eventsBefore);
  });

  it('saves nothing when a next step is invalid, naming the nested field', async () => {
    const c = await newCase();
    const res = await request(api.url)
      .post(`/api/v1/cases/${c.id}/consultations`)
      .set(as(consultant.token))
      .send(session({ followUps: [{ dueAt: new Date().toISOString(), kind: 'check_in', assigneeId: randomUUID() }] }))
      .expect(400);
    expect(res.body.details[0].field).toBe('followUps.0.assigneeId');
    expect(await count('consultations', c.id)).toBe(0);
  });

  it('logging a session sets firstResponseAt, moves lastActivityAt, clears the stall level and writes the timeline, in the database', async () => {
    const c = await newCase();
    await db.query(
      `UPDATE cases SET stall_level = 'at_risk', last_activity_at = now() - interval '20 days', first_response_at = NULL WHERE id = $1`,
      [c.id],
    );
    const startedAt = new Date(Date.now() - 2 * 3600_000);
    const before = Date.now();
    await request(api.url)
      .post(`/api/v1/cases/${c.id}/consultations`)
      .set(as(consultant.token))
      .send(session({ startedAt: startedAt.toISOString() }))
      .expect(201);
    const row = (await db.query(`SELECT stall_level, last_activity_at, first_response_at FROM cases WHERE id = $1`, [c.id])).rows[0];
    expect(row.stall_level).toBe('none');
    expect(row.first_response_at.getTime()).toBe(startedAt.getTime());
    expect(row.last_activity_at.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const events = (await db.query(`SELECT type, data FROM case_events WHERE case_id = $1 AND type = 'consultation_logged'`, [c.id])).rows;
    expect(events).toEqual([{ type: 'consultation_logged', data: expect.objectContaining({ durationMinutes: 60, modality: 'video' }) }]);

    // A second session leaves the first response as it was.
    await request(api.url).post(`/api/v1/cases/${c.id}/consultations`).set(as(consultant.token)).send(session()).expect(201);
    const again = (await db.query(`SELECT first_response_at FROM cases WHERE id = $1`, [c.id])).rows[0];
    expect(again.first_response_at.getTime()).toBe(startedAt.getTime());
  });

  it('turns next steps into a follow-up and an action item in the same submit', async () => {
    const c = await newCase();
    const due = new Date(Date.now() + 2 * 86400_000).toISOString();
    await request(api.url)
      .post(`/api/v1/cases/${c.id}/consultations`)
      .set(as(consultant.token))
      .send(
        session({
          followUps: [{ dueAt: due, kind: 'send_resource', note: 'Supervision guide' }],
          actionItems: [
            {
              goalTitle: 'Peer-informed supervision in place',
              goalArea: 'retention',
              description: 'Draft supervision agreement',
              ownerContactId: contact.id,
              dueDate: '2030-01-15',
            },
          ],
        }),
      )
      .expect(201);
    const followUps = await request(api.url).get(`/api/v1/cases/${c.id}/follow-ups`).set(as(other.token)).expect(200);
    expect(followUps.body).toEqual([
      expect.objectContaining({
        dueAt: due,
        kind: 'send_resource',
        assigneeId: consultant.id,
        status: 'scheduled',
        note: 'Supervision guide',
      }),
    ]);
    const plan = await request(api.url).get(`/api/v1/cases/${c.id}/action-plan`).set(as(other.token)).expect(200);
    expect(plan.body.goals).toEqual([
      expect.objectContaining({
        title: 'Peer-informed supervision in place',
        goalArea: 'retention',
        items: [
          expect.objectContaining({
            description: 'Draft supervision agreement',
            owner: { type: 'contact', id: contact.id, name: 'Jordan Lee' },
            dueDate: '2030-01-15',
            status: 'todo',
          }),
        ],
      }),
    ]);
  });

  it('edits an action item: description, owner (a clinic contact) and due date, cleared with null; refuses a foreign contact', async () => {
    const c = await newCase();
    const put = await request(api.url)
      .put(`/api/v1/cases/${c.id}/action-plan`)
      .set(as(consultant.token))
      .send({ goals: [{ title: 'Recruitment pipeline', goalArea: 'capacity' }] })
      .expect(200);
    const item = (
      await request(api.url)
        .post(`/api/v1/cases/${c.id}/action-plan/items`)
        .set(as(consultant.token))
        .send({ goalId: put.body.goals[0].id, description: 'Post the job', dueDate: '2030-02-01' })
        .expect(201)
    ).body;
    const edited = await request(api.url)
      .patch(`/api/v1/action-items/${item.id}`)
      .set(as(consultant.token))
      .send({ description: 'Post the NYCPS job on two boards', ownerContactId: contact.id, dueDate: '2030-03-01' })
      .expect(200);
    expect(edited.body).toMatchObject({
      description: 'Post the NYCPS job on two boards',
      owner: { type: 'contact', id: contact.id },
      dueDate: '2030-03-01',
      status: 'todo',
    });
    const cleared = await request(api.url)
      .patch(`/api/v1/action-items/${item.id}`)
      .set(as(consultant.token))
      .send({ dueDate: null })
      .expect(200);
    expect(cleared.body.dueDate).toBeNull();
    const refused = await request(api.url)
      .patch(`/api/v1/action-items/${item.id}`)
      .set(as(consultant.token))
      .send({ ownerContactId: foreignContact.id })
      .expect(400);
    expect(refused.body.details.map((d: { field: string }) => d.field)).toEqual(['ownerContactId']);
    const edits = (await db.query(`SELECT data FROM case_events WHERE case_id = $1 AND type = 'action_item_updated'`, [c.id])).rows;
    expect(edits).toHaveLength(2);
    await request(api.url).patch(`/api/v1/action-items/${item.id}`).set(as(other.token)).send({ description: 'Not mine' }).expect(403);
  });

  it('computes plan progress per goal and overall, and item status changes are timeline events and activity', async () => {
    const c = await newCase();
    const put = await request(api.url)
      .put(`/api/v1/cases/${c.id}/action-plan`)
      .set(as(consultant.token))
      .send({
        goals: [
          { title: 'Job descriptions approved', goalArea: 'capacity' },
          { title: 'Supervisors trained', goalArea: 'retention' },
        ],
      })
      .expect(200);
    const [g1, g2] = put.body.goals as Array<{ id: string }>;
    const add = (goalId: string, description: string) =>
      request(api.url).post(`/api/v1/cases/${c.id}/action-plan/items`).set(as(consultant.token)).send({ goalId, description }).expect(201);
    const a = (await add(g1!.id, 'Draft NYCPS description')).body;
    await add(g1!.id, 'HR review');
    const c1 = (await add(g2!.id, 'Schedule training')).body;
    expect(a.owner).toEqual({ type: 'user', id: consultant.id, name: 'Test consultant' });

    await db.query(`UPDATE cases SET stall_level = 'escalated', last_activity_at = now() - interval '30 days' WHERE id = $1`, [c.id]);
    await request(api.url).patch(`/api/v1/action-items/${a.id}`).set(as(consultant.token)).send({ status: 'done' }).expect(200);
    await request(api.url).patch(`/api/v1/action-items/${c1.id}`).set(as(consultant.token)).send({ status: 'done' }).expect(200);
    const plan = await request(api.url).get(`/api/v1/cases/${c.id}/action-plan`).set(as(consultant.token)).expect(200);
    expect(plan.body.progress).toEqual({ done: 2, total: 3, percent: 66 });
    expect(plan.body.goals.map((g: { progress: unknown }) => g.progress)).toEqual([
      { done: 1, total: 2, percent: 50 },
      { done: 1, total: 1, percent: 100 },
    ]);
    const row = (
      await db.query(`SELECT stall_level, last_activity_at > now() - interval '1 minute' AS recent FROM cases WHERE id = $1`, [c.id])
    ).rows[0];
    expect(row).toEqual({ stall_level: 'none', recent: true });
    const events = (
      await db.query(`SELECT data FROM case_events WHERE case_id = $1 AND type = 'action_item_status' ORDER BY created_at`, [c.id])
    ).rows;
    expect(events.map((e) => e.data.to)).toEqual(['done', 'done']);

    // Removing a goal from the plan removes its items.
    await request(api.url)
      .put(`/api/v1/cases/${c.id}/action-plan`)
      .set(as(consultant.token))
      .send({ goals: [{ id: g2!.id, title: 'Supervisors trained', goalArea: 'retention' }] })
      .expect(200);
    const after = await request(api.url).get(`/api/v1/cases/${c.id}/action-plan`).set(as(consultant.token)).expect(200);
    expect(after.body.progress).toEqual({ done: 1, total: 1, percent: 100 });
  });

  it('lets the author or a lead edit and delete a session, and refuses other consultants', async () => {
    const c = await newCase();
    const logged = (
      await request(api.url).post(`/api/v1/cases/${c.id}/consultations`).set(as(consultant.token)).send(session()).expect(201)
    ).body;
    await request(api.url).patch(`/api/v1/consultations/${logged.id}`).set(as(other.token)).send({ durationMinutes: 30 }).expect(403);
    await request(api.url).delete(`/api/v1/consultations/${logged.id}`).set(as(other.token)).expect(403);
    const edited = await request(api.url)
      .patch(`/api/v1/consultations/${logged.id}`)
      .set(as(consultant.token))
      .send({ durationMinutes: 45 })
      .expect(200);
    expect(edited.body.durationMinutes).toBe(45);
    await request(api.url).patch(`/api/v1/consultations/${logged.id}`).set(as(lead.token)).send({ modality: 'phone' }).expect(200);
    await request(api.url).delete(`/api/v1/consultations/${logged.id}`).set(as(lead.token)).expect(204);
    expect(await count('consultations', c.id)).toBe(0);
    const types = (await db.query(`SELECT type FROM case_events WHERE case_id = $1 ORDER BY created_at`, [c.id])).rows.map((r) => r.type);
    expect(types).toEqual(expect.arrayContaining(['consultation_logged', 'consultation_updated', 'consultation_deleted']));
  });

  it('refuses a consultant logging on a case not assigned to them, and anonymous callers', async () => {
    const c = await newCase();
    await request(api.url).post(`/api/v1/cases/${c.id}/consultations`).set(as(other.token)).send(session()).expect(403);
    await request(api.url).post(`/api/v1/cases/${c.id}/consultations`).send(session()).expect(401);
    await request(api.url).get('/api/v1/follow-ups/mine').expect(401);
  });

  it.each([
    [{ durationMinutes: 0 }, 'durationMinutes'],
    [{ durationMinutes: 601 }, 'durationMinutes'],
    [{ modality: 'carrier_pigeon' }, 'modality'],
    [{ topics: ['astrology'] }, 'topics'],
    [{ summary: '' }, 'summary'],
    [{ startedAt: 'yesterday' }, 'startedAt'],
    [{ attendeeContactIds: ['nope'] }, 'attendeeContactIds'],
  ])('bad session %j → 400 naming %s', async (override, field) => {
    const c = await newCase();
    const res = await request(api.url)
      .post(`/api/v1/cases/${c.id}/consultations`)
      .set(as(consultant.token))
      .send(session(override))
      .expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('groups my follow-ups into overdue, today and this week, and marking one done is activity and on the timeline', async () => {
    const c = await newCase();
    const me = await createStaff(api.url, admin, 'consultant');
    await request(api.url).post(`/api/v1/cases/${c.id}/assign`).set(as(lead.token)).send({ consultantId: me.id }).expect(200);
    const nyDay = (offsetDays: number, hour: number) => {
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date());
      const noonUtc = new Date(`${today}T12:00:00Z`);
      const day = new Date(noonUtc.getTime() + offsetDays * 86400_000).toISOString().slice(0, 10);
      // 12:00 New York is 16:00 or 17:00 UTC; 17:00 UTC is the same New York day all year.
      return new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`).toISOString();
    };
    const make = (dueAt: string, note: string) =>
      request(api.url).post(`/api/v1/cases/${c.id}/follow-ups`).set(as(me.token)).send({ dueAt, kind: 'check_in', note }).expect(201);
    // Scheduling one two days back is refused (it would be missed at once), so it is scheduled, then its day passes.
    const overdue = (await make(nyDay(1, 17), 'overdue')).body;
    await db.query(`UPDATE follow_ups SET due_at = $2 WHERE id = $1`, [overdue.id, nyDay(-2, 17)]);
    await make(nyDay(0, 17), 'today');
    await make(nyDay(3, 17), 'this week');
    await make(nyDay(10, 17), 'later');
    const mine = await request(api.url).get('/api/v1/follow-ups/mine').set(as(me.token)).expect(200);
    expect(mine.body.overdue.map((f: { note: string }) => f.note)).toEqual(['overdue']);
    expect(mine.body.today.map((f: { note: string }) => f.note)).toEqual(['today']);
    expect(mine.body.thisWeek.map((f: { note: string }) => f.note)).toEqual(['this week']);
    expect(mine.body.overdue[0]).toMatchObject({ caseReference: c.reference, caseTitle: 'Job descriptions for new peer roles' });

    await db.query(`UPDATE cases SET stall_level = 'at_risk' WHERE id = $1`, [c.id]);
    await request(api.url).patch(`/api/v1/follow-ups/${overdue.id}`).set(as(me.token)).send({ status: 'done' }).expect(200);
    const after = await request(api.url).get('/api/v1/follow-ups/mine').set(as(me.token)).expect(200);
    expect(after.body.overdue).toEqual([]);
    expect((await db.query(`SELECT stall_level FROM cases WHERE id = $1`, [c.id])).rows[0].stall_level).toBe('none');
    const events = (await db.query(`SELECT data FROM case_events WHERE case_id = $1 AND type = 'follow_up_status'`, [c.id])).rows;
    expect(events).toEqual([{ data: expect.objectContaining({ from: 'scheduled', to: 'done' }) }]);
    await request(api.url).patch(`/api/v1/follow-ups/${overdue.id}`).set(as(other.token)).send({ status: 'cancelled' }).expect(403);
  });

  it('reschedules a missed follow-up: scheduled again at the new time, both on the timeline; a no-op writes nothing', async () => {
    const c = await newCase();
    const me = consultant;
    const due = new Date(Date.now() - 3 * 86400_000).toISOString();
    const followUp = (
      await request(api.url)
        .post(`/api/v1/cases/${c.id}/follow-ups`)
        .set(as(me.token))
        .send({ dueAt: new Date(Date.now() + 86400_000).toISOString(), kind: 'check_in' })
        .expect(201)
    ).body;
    await db.query(`UPDATE follow_ups SET status = 'missed', due_at = $2 WHERE id = $1`, [followUp.id, due]);
    const newDue = new Date(Date.now() + 2 * 86400_000).toISOString();
    const res = await request(api.url)
      .patch(`/api/v1/follow-ups/${followUp.id}`)
      .set(as(me.token))
      .send({ status: 'scheduled', dueAt: newDue, note: 'Moved after the clinic rescheduled' })
      .expect(200);
    expect(res.body).toMatchObject({ status: 'scheduled', dueAt: newDue, note: 'Moved after the clinic rescheduled' });
    const events = async () =>
      (
        await db.query(`SELECT type, data FROM case_events WHERE case_id = $1 AND type LIKE 'follow_up_%' ORDER BY created_at`, [c.id])
      ).rows.map((e: { type: string; data: Record<string, unknown> }) => ({ type: e.type, data: e.data }));
    expect(await events()).toEqual([
      { type: 'follow_up_scheduled', data: expect.anything() },
      { type: 'follow_up_status', data: expect.objectContaining({ from: 'missed', to: 'scheduled' }) },
      { type: 'follow_up_updated', data: expect.objectContaining({ fromDueAt: due, dueAt: newDue }) },
    ]);
    await request(api.url).patch(`/api/v1/follow-ups/${followUp.id}`).set(as(me.token)).send({ dueAt: newDue }).expect(200);
    expect(await events()).toHaveLength(3);
  });
});
