import pg from 'pg';
import request from 'supertest';
import { addBusinessDays } from '@ta/common';
import { createStaff, DEMO_ADMIN, login } from '../../../test/support/auth.js';
import { createCase, createContact, createOrganization } from '../../../test/support/fixtures.js';
import { startApi, type RunningApi } from '../../../test/support/processes.js';

const DAY = 86_400_000;

/** Picking up, handing over, missed work and resolving (README "Casework"), against the real API and database. */
describe('casework: claim, assign with open work, missed follow-ups, resolve (real API, Postgres)', () => {
  let api: RunningApi;
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  let admin: string;
  let lead: Awaited<ReturnType<typeof createStaff>>;
  let ana: Awaited<ReturnType<typeof createStaff>>;
  let ben: Awaited<ReturnType<typeof createStaff>>;
  let org: { id: string };
  let contact: { id: string };

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const post = (token: string, path: string, body: object = {}) => request(api.url).post(`/api/v1${path}`).set(as(token)).send(body);
  const get = (token: string, path: string) => request(api.url).get(`/api/v1${path}`).set(as(token));
  const timeline = async (id: string) =>
    (await get(lead.token, `/cases/${id}/timeline?pageSize=100`).expect(200)).body.items as Array<{
      type: string;
      data: Record<string, unknown>;
    }>;

  beforeAll(async () => {
    [api] = await Promise.all([startApi(), db.connect()]);
    admin = await login(api.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
    [lead, ana, ben] = await Promise.all([
      createStaff(api.url, admin, 'lead'),
      createStaff(api.url, admin, 'consultant'),
      createStaff(api.url, admin, 'consultant'),
    ]);
    org = await createOrganization(api.url, admin);
    contact = await createContact(api.url, admin, org.id);
  });
  afterAll(async () => {
    await Promise.all([api?.stop(), db.end()]);
  });

  it('lets a consultant claim an unassigned request: of two at once, one gets it and the other a 409 naming who has it', async () => {
    const c = await createCase(api.url, lead.token, org.id);
    expect(c.assignee).toBeNull();
    // Before claiming, a consultant may triage a case nobody has, but not activate it.
    await post(ana.token, `/cases/${c.id}/transitions`, { to: 'triaged' }).expect(200);
    await post(ana.token, `/cases/${c.id}/transitions`, { to: 'active' }).expect(403);

    const [first, second] = await Promise.all([post(ana.token, `/cases/${c.id}/claim`), post(ben.token, `/cases/${c.id}/claim`)]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([200, 409]);
    const [won, lost] = first.status === 200 ? [first, second] : [second, first];
    const winner = won === first ? ana : ben;
    expect(won.body.assignee.id).toBe(winner.id);
    expect(lost.body).toMatchObject({
      statusCode: 409,
      message: expect.stringMatching(new RegExp(`${c.reference} is already assigned to Test consultant`)),
    });

    // Only new and triaged cases can be claimed; admins are not assignees.
    await post(winner.token, `/cases/${c.id}/transitions`, { to: 'active' }).expect(200);
    const other = await createCase(api.url, lead.token, org.id);
    await post(admin, `/cases/${other.id}/claim`).expect(403);
    await post(lead.token, `/cases/${other.id}/transitions`, { to: 'triaged' }).expect(200);
    await post(lead.token, `/cases/${other.id}/claim`).expect(200);
    const events = await timeline(c.id);
    expect(events.find((e) => e.type === 'assigned')?.data).toEqual({ from: null, to: winner.id, claimed: true });
  });

  it('moves open follow-ups and action items with a reassigned case, emails the new assignee once, and can leave the work behind', async () => {
    const c = await createCase(api.url, lead.token, org.id, { assigneeId: ana.id });
    await post(lead.token, `/cases/${c.id}/transitions`, { to: 'triaged' }).expect(200);
    await post(lead.token, `/cases/${c.id}/transitions`, { to: 'active' }).expect(200);
    const soon = new Date(Date.now() + 3 * DAY).toISOString();
    const open = await post(ana.token, `/cases/${c.id}/follow-ups`, { dueAt: soon, kind: 'check_in' }).expect(201);
    const done = await post(ana.token, `/cases/${c.id}/follow-ups`, { dueAt: soon, kind: 'review_plan' }).expect(201);
    await request(api.url).patch(`/api/v1/follow-ups/${done.body.id}`).set(as(ana.token)).send({ status: 'done' }).expect(200);
    const item = await post(ana.token, `/cases/${c.id}/action-plan/items`, {
      goalTitle: 'Job descriptions',
      goalArea: 'capacity',
      description: 'Draft the NYCPS job description',
      ownerUserId: ana.id,
    });
    expect(item.status).toBe(201);

    await post(lead.token, `/cases/${c.id}/assign`, { consultantId: ben.id }).expect(200);
    const followUps = (await get(lead.token, `/cases/${c.id}/follow-ups`).expect(200)).body as Array<{ id: string; assigneeId: string }>;
    expect(followUps.find((f) => f.id === open.body.id)?.assigneeId).toBe(ben.id);
    expect(followUps.find((f) => f.id === done.body.id)?.assigneeId).toBe(ana.id); // finished work keeps its author
    const plan = (await get(lead.token, `/cases/${c.id}/action-plan`).expect(200)).body;
    expect(plan.goals[0].items[0].owner).toMatchObject({ type: 'user', id: ben.id });
    const assigned = (await timeline(c.id)).find((e) => e.type === 'assigned');
    expect(assigned?.data).toEqual({ from: ana.id, to: ben.id, moved: { followUps: 1, actionItems: 1 } });

    // The new assignee is told once, through the outbox; assigning to the same person again sends nothing.
    await post(lead.token, `/cases/${c.id}/assign`, { consultantId: ben.id }).expect(200);
    const mail = await db.query(
      `SELECT data FROM outbound_emails WHERE template = 'case_assigned' AND recipient = $1 AND data->>'reference' = $2`,
      [ben.email, c.reference],
    );
    expect(mail.rows).toHaveLength(1);
    expect(mail.rows[0].data).toMatchObject({ assigneeName: 'Test consultant', reference: c.reference, movedWork: true });

    // Unticked: the work stays with whoever had it.
    await post(lead.token, `/cases/${c.id}/assign`, { consultantId: ana.id, moveOpenWork: false }).expect(200);
    const after = (await get(lead.token, `/cases/${c.id}/follow-ups`).expect(200)).body as Array<{ id: string; assigneeId: string }>;
    expect(after.find((f) => f.id === open.body.id)?.assigneeId).toBe(ben.id);
  });

  it('gives every source a first-response deadline of business days, not only the web form', async () => {
    for (const source of ['phone', 'email', 'event', 'outreach']) {
      const c = await createCase(api.url, lead.token, org.id, { source });
      const row = (await db.query(`SELECT opened_at, first_response_due_at FROM cases WHERE id = $1`, [c.id])).rows[0];
      expect(row.first_response_due_at).toEqual(addBusinessDays(row.opened_at, 2, 'America/New_York'));
    }
  });

  it('refuses a scheduled follow-up far in the past, logs one that already happened as done, and lists missed ones until handled', async () => {
    const c = await createCase(api.url, lead.token, org.id, { assigneeId: ana.id });
    await post(ana.token, `/cases/${c.id}/transitions`, { to: 'triaged' }).expect(200);
    await post(ana.token, `/cases/${c.id}/transitions`, { to: 'active' }).expect(200);
    const lastWeek = new Date(Date.now() - 7 * DAY).toISOString();
    const refused = await post(ana.token, `/cases/${c.id}/follow-ups`, { dueAt: lastWeek, kind: 'check_in' }).expect(400);
    expect(refused.body.details[0]).toMatchObject({ field: 'followUp.dueAt', messages: [expect.stringMatching(/log it as done/)] });
    const logged = await post(ana.token, `/cases/${c.id}/follow-ups`, { dueAt: lastWeek, kind: 'check_in', status: 'done' }).expect(201);
    expect(logged.body).toMatchObject({ status: 'done', completedAt: expect.any(String) });

    // The sweep marked one missed and put the case at risk (as it does a day past due).
    const missed = await post(ana.token, `/cases/${c.id}/follow-ups`, {
      dueAt: new Date(Date.now() + DAY).toISOString(),
      kind: 'send_resource',
    }).expect(201);
    await db.query(`UPDATE follow_ups SET status = 'missed', due_at = now() - interval '2 days' WHERE id = $1`, [missed.body.id]);
    await db.query(`UPDATE cases SET stall_level = 'at_risk' WHERE id = $1`, [c.id]);
    const mine = (await get(ana.token, '/follow-ups/mine').expect(200)).body;
    expect(mine.overdue.map((f: { id: string }) => f.id)).toContain(missed.body.id);

    // Rescheduling it handles the signal: listed as scheduled, the case no longer at risk.
    await request(api.url)
      .patch(`/api/v1/follow-ups/${missed.body.id}`)
      .set(as(ana.token))
      .send({ status: 'scheduled', dueAt: new Date(Date.now() + 2 * DAY).toISOString() })
      .expect(200);
    expect((await get(ana.token, `/cases/${c.id}`).expect(200)).body.stallLevel).toBe('none');

    // A case at risk for its own silence stays at risk when a missed follow-up is handled.
    await db.query(`UPDATE follow_ups SET status = 'missed' WHERE id = $1`, [missed.body.id]);
    await db.query(`UPDATE cases SET stall_level = 'at_risk', last_activity_at = now() - interval '20 days' WHERE id = $1`, [c.id]);
    await request(api.url).patch(`/api/v1/follow-ups/${missed.body.id}`).set(as(ana.token)).send({ status: 'cancelled' }).expect(200);
    expect((await get(ana.token, `/cases/${c.id}`).expect(200)).body.stallLevel).toBe('at_risk');
    expect((await get(ana.token, '/follow-ups/mine').expect(200)).body.overdue.map((f: { id: string }) => f.id)).not.toContain(
      missed.body.id,
    );
  });

  it('resolves with an outcome and a choice for open work, clears the stall level, and reopens', async () => {
    const c = await createCase(api.url, lead.token, org.id, { assigneeId: ana.id, primaryContactId: contact.id });
    await post(ana.token, `/cases/${c.id}/transitions`, { to: 'triaged' }).expect(200);
    await post(ana.token, `/cases/${c.id}/transitions`, { to: 'active' }).expect(200);
    const followUp = await post(ana.token, `/cases/${c.id}/follow-ups`, {
      dueAt: new Date(Date.now() + 5 * DAY).toISOString(),
      kind: 'check_in',
    }).expect(201);
    await db.query(`UPDATE cases SET stall_level = 'at_risk' WHERE id = $1`, [c.id]);

    const noReason = await post(ana.token, `/cases/${c.id}/transitions`, { to: 'resolved' }).expect(400);
    expect(noReason.body.details[0].field).toBe('reason');
    const noChoice = await post(ana.token, `/cases/${c.id}/transitions`, { to: 'resolved', reason: 'goals_met' }).expect(400);
    expect(noChoice.body.details[0]).toMatchObject({
      field: 'openWork',
      messages: [expect.stringMatching(/1 open follow-up: say whether to cancel or keep/)],
    });

    const resolved = await post(ana.token, `/cases/${c.id}/transitions`, {
      to: 'resolved',
      reason: 'goals_met',
      openWork: 'cancel',
    }).expect(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', statusReason: 'goals_met', stallLevel: 'none' });
    const followUps = (await get(ana.token, `/cases/${c.id}/follow-ups`).expect(200)).body;
    expect(followUps.find((f: { id: string }) => f.id === followUp.body.id).status).toBe('cancelled');
    const transition = (await timeline(c.id)).find((e) => e.type === 'transition');
    expect(transition?.data).toEqual({
      from: 'active',
      to: 'resolved',
      reason: 'goals_met',
      openWork: 'cancelled',
      followUps: 1,
      actionItems: 0,
    });

    // Reopen, keep the work this time.
    await post(ana.token, `/cases/${c.id}/transitions`, { to: 'active' }).expect(200);
    await post(ana.token, `/cases/${c.id}/follow-ups`, { dueAt: new Date(Date.now() + 5 * DAY).toISOString(), kind: 'check_in' }).expect(
      201,
    );
    await post(ana.token, `/cases/${c.id}/transitions`, { to: 'resolved', reason: 'referred_elsewhere', openWork: 'keep' }).expect(200);
    const kept = (await get(ana.token, `/cases/${c.id}/follow-ups`).expect(200)).body.filter(
      (f: { status: string }) => f.status === 'scheduled',
    );
    expect(kept).toHaveLength(1);
    // Closing cancels whatever is still open.
    await post(ana.token, `/cases/${c.id}/transitions`, { to: 'closed', reason: 'goals_met' }).expect(200);
    expect(
      (await get(ana.token, `/cases/${c.id}/follow-ups`).expect(200)).body.filter((f: { status: string }) => f.status === 'scheduled'),
    ).toHaveLength(0);
  });
});
