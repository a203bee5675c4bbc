import pg from 'pg';
import request from 'supertest';
import { createStaff, DEMO_ADMIN, login } from '../../../test/support/auth.js';
import { createCase, createOrganization } from '../../../test/support/fixtures.js';
import { startApi, type RunningApi } from '../../../test/support/processes.js';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('intensity: the suggested tier from delivered TA, and leads confirming suggestions (real API)', () => {
  let api: RunningApi;
  let admin: string;
  let lead: { id: string; token: string };
  let consultant: { id: string; token: string };
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });

  beforeAll(async () => {
    await db.connect();
    api = await startApi();
    admin = await login(api.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
    lead = await createStaff(api.url, admin, 'lead');
    consultant = await createStaff(api.url, admin, 'consultant');
  });
  afterAll(async () => {
    await api?.stop();
    await db.end();
  });

  /** A triaged case with sessions of the given minutes (held in the past) and a number of plan goals. */
  async function caseWith(sessionMinutes: number[], goals = 0, extra: Record<string, unknown> = {}) {
    const org = await createOrganization(api.url, consultant.token);
    const c = await createCase(api.url, consultant.token, org.id, extra);
    await db.query(`UPDATE cases SET status = 'active' WHERE id = $1`, [c.id]);
    for (const [i, minutes] of sessionMinutes.entries())
      await db.query(
        `INSERT INTO consultations (case_id, consultant_id, started_at, duration_minutes, modality, summary)
         VALUES ($1, $2, now() - make_interval(days => $3), $4, 'video', 'Talked it through')`,
        [c.id, consultant.id, i + 1, minutes],
      );
    for (let i = 0; i < goals; i++)
      await db.query(`INSERT INTO action_plan_goals (case_id, title, goal_area, sort_order) VALUES ($1, $2, 'capacity', $3)`, [
        c.id,
        `Goal ${i}`,
        i,
      ]);
    return c.id;
  }
  const intensity = async (caseId: string) =>
    (await request(api.url).get(`/api/v1/cases/${caseId}/intensity`).set(auth(consultant.token)).expect(200)).body as {
      intensity: string | null;
      suggested: string;
      reason: string;
      sessions: number;
      hours: number;
      goals: number;
    };

  it('suggests a tier at each boundary of the rules, with the reason in words', async () => {
    const fixtures: Array<[string, number[], number, string, string]> = [
      ['information only', [], 0, 'universal', 'information only, no sessions'],
      ['one session of 59 minutes', [59], 0, 'universal', '1 session, 59 min'],
      ['one session of an hour', [60], 0, 'targeted', '1 session, 1 h'],
      ['four sessions, 6.5 hours', [90, 90, 90, 120], 0, 'targeted', '4 sessions, 6.5 h'],
      ['five sessions, 10 hours', [120, 120, 120, 120, 120], 0, 'targeted', '5 sessions, 10 h'],
      ['five sessions, 10 hours and a minute', [120, 120, 120, 120, 121], 0, 'intensive', '5 sessions, 10 h'],
      ['six sessions', [30, 30, 30, 30, 30, 30], 0, 'intensive', '6 sessions, 3 h'],
      ['three plan goals', [30], 3, 'intensive', '1 session, 30 min, 3 plan goals'],
      ['two plan goals', [], 2, 'universal', 'information only, no sessions'],
    ];
    for (const [name, minutes, goals, tier, reason] of fixtures) {
      const got = await intensity(await caseWith(minutes, goals));
      expect([name, got.suggested, got.reason]).toEqual([name, tier, reason]);
    }
    // A session planned for later is not delivered TA yet.
    const planned = await caseWith([60]);
    await db.query(`UPDATE consultations SET started_at = now() + interval '2 days' WHERE case_id = $1`, [planned]);
    expect(await intensity(planned)).toMatchObject({ suggested: 'universal', sessions: 0, hours: 0 });
  });

  it('lets leads confirm suggestions in bulk; a tier a consultant set stands; consultants get 403', async () => {
    const targeted = await caseWith([60, 60]);
    const intensive = await caseWith([30], 3);
    const alreadySet = await caseWith([], 0, { intensity: 'intensive' });
    const list = await request(api.url).get('/api/v1/cases/intensity-suggestions').set(auth(lead.token)).expect(200);
    const ids = list.body.map((r: { caseId: string }) => r.caseId);
    expect(ids).toEqual(expect.arrayContaining([targeted, intensive]));
    expect(ids).not.toContain(alreadySet);
    await request(api.url).get('/api/v1/cases/intensity-suggestions').set(auth(consultant.token)).expect(403);
    await request(api.url)
      .post('/api/v1/cases/intensity/confirm')
      .set(auth(consultant.token))
      .send({ caseIds: [targeted] })
      .expect(403);

    const res = await request(api.url)
      .post('/api/v1/cases/intensity/confirm')
      .set(auth(lead.token))
      .send({ caseIds: [targeted, intensive, alreadySet] })
      .expect(200);
    expect(res.body.confirmed).toBe(2);
    const tiers = await db.query(`SELECT id, intensity, version FROM cases WHERE id = ANY($1)`, [[targeted, intensive, alreadySet]]);
    expect(Object.fromEntries(tiers.rows.map((r) => [r.id, r.intensity]))).toEqual({
      [targeted]: 'targeted',
      [intensive]: 'intensive',
      [alreadySet]: 'intensive',
    });
    const events = await db.query(`SELECT data FROM case_events WHERE case_id = $1 AND type = 'field_changed'`, [targeted]);
    expect(events.rows.map((r) => r.data)).toEqual([{ field: 'intensity', from: null, to: 'targeted', suggested: true }]);
    // Confirming again changes nothing.
    await request(api.url)
      .post('/api/v1/cases/intensity/confirm')
      .set(auth(lead.token))
      .send({ caseIds: [targeted] })
      .expect(200, /"confirmed":0/);
    await request(api.url).post('/api/v1/cases/intensity/confirm').set(auth(lead.token)).send({ caseIds: [] }).expect(400);
    await request(api.url)
      .post('/api/v1/cases/intensity/confirm')
      .set(auth(lead.token))
      .send({ caseIds: ['nope'] })
      .expect(400);
  });
});
