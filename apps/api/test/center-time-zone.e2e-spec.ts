import { randomUUID } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import { login } from '../../../test/support/auth.js';
import { startApi, startProcess, repoRoot, type RunningApi } from '../../../test/support/processes.js';

const LEAD = { email: 'lead@example.org', password: 'lead-password' };

/** CENTER_TIME_ZONE is one setting: Node's days and Postgres' days move together (ARCHITECTURE §Contracts). */
describe('CENTER_TIME_ZONE', () => {
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  let newYork: RunningApi;
  let tokyo: RunningApi;

  beforeAll(async () => {
    await db.connect();
    const {
      rows: [org],
    } = await db.query(
      `INSERT INTO organizations (name, normalized_name, kind, region, county, populations, stage)
       VALUES ($1::text, lower($1::text), 'agency', 'central', 'Onondaga', '{adults}', 'starting') RETURNING id`,
      [`Zone Clinic ${randomUUID().slice(0, 6)}`],
    );
    const {
      rows: [lead],
    } = await db.query(`SELECT id FROM users WHERE email = $1`, [LEAD.email]);
    // 2016-06-10 20:00 in New York is 2016-06-11 09:00 in Tokyo: a different calendar day in each.
    const at = '2016-06-11T00:00:00Z';
    const {
      rows: [c],
    } = await db.query(
      `INSERT INTO cases (organization_id, title, description, source, priority, assignee_id, status, opened_at, last_activity_at, version)
       VALUES ($1, 'Zone case', 'Fixture', 'phone', 'normal', $2, 'active', $3, $3, 1) RETURNING id`,
      [org.id, lead.id, at],
    );
    await db.query(
      `INSERT INTO consultations (case_id, consultant_id, started_at, duration_minutes, modality, topics, summary)
       VALUES ($1, $2, $3, 30, 'phone', '{}', 'Fixture')`,
      [c.id, lead.id, at],
    );
    // One after the other: two boots at once on a busy machine can outlast startApi's deadline.
    newYork = await startApi();
    tokyo = await startApi({ CENTER_TIME_ZONE: 'Asia/Tokyo' });
  });
  afterAll(async () => {
    await Promise.all([newYork?.stop(), tokyo?.stop(), db.end()]);
  });

  const summary = async (api: RunningApi, from: string, to: string) => {
    const token = await login(api.url, LEAD.email, LEAD.password);
    const res = await request(api.url)
      .get(`/api/v1/dashboard/summary?from=${from}&to=${to}`)
      .set({ Authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    return res.body as { sessions: number; casesOpened: number; range: { timeZone: string } };
  };

  it('moves the day boundaries of the dashboard with the setting, and says which zone it counted in', async () => {
    const [ny10, ny11, tk10, tk11] = await Promise.all([
      summary(newYork, '2016-06-10', '2016-06-11'),
      summary(newYork, '2016-06-11', '2016-06-12'),
      summary(tokyo, '2016-06-10', '2016-06-11'),
      summary(tokyo, '2016-06-11', '2016-06-12'),
    ]);
    expect([ny10.sessions, ny11.sessions, tk10.sessions, tk11.sessions]).toEqual([1, 0, 0, 1]);
    expect([ny10.casesOpened, ny11.casesOpened, tk10.casesOpened, tk11.casesOpened]).toEqual([1, 0, 0, 1]);
    expect([ny10.range.timeZone, tk10.range.timeZone]).toEqual(['America/New_York', 'Asia/Tokyo']);
  });

  it('tells the web app the zone (GET /auth/me), so it shows and filters the same days', async () => {
    const token = await login(tokyo.url, LEAD.email, LEAD.password);
    const me = await request(tokyo.url)
      .get('/api/v1/auth/me')
      .set({ Authorization: `Bearer ${token}` })
      .expect(200);
    expect(me.body.centerTimeZone).toBe('Asia/Tokyo');
  });

  it("writes the CSV exports' times on the center's clock and names it in their headers", async () => {
    const csv = async (api: RunningApi, path: string) => {
      const token = await login(api.url, LEAD.email, LEAD.password);
      const res = await request(api.url)
        .get(path)
        .set({ Authorization: `Bearer ${token}` })
        .buffer(true)
        .expect(200);
      const [header, ...rows] = String(res.text).trimEnd().split('\r\n');
      return { header: header!, row: rows.find((r) => r.includes('Zone case') || r.includes('Zone Clinic'))! };
    };
    const cases = '/api/v1/cases/export?openedFrom=2016-06-10T00:00:00Z&openedTo=2016-06-12T00:00:00Z';
    const [nyCases, tkCases] = await Promise.all([csv(newYork, cases), csv(tokyo, cases)]);
    expect(nyCases.header).toContain(',Opened (New York),First response (New York),Last activity (New York),');
    expect(tkCases.header).toContain(',Opened (Tokyo),First response (Tokyo),Last activity (Tokyo),');
    expect(nyCases.row).toContain(',2016-06-10 20:00,');
    expect(tkCases.row).toContain(',2016-06-11 09:00,');
    const activity = (from: string) => `/api/v1/reports/ta-activity?from=${from}&to=2016-06-12&format=csv`;
    const [nyActivity, tkActivity] = await Promise.all([csv(newYork, activity('2016-06-10')), csv(tokyo, activity('2016-06-11'))]);
    expect(nyActivity.header).toMatch(/^Consultation ID,Date \(New York\),Start time \(New York\),/);
    expect(tkActivity.header).toMatch(/^Consultation ID,Date \(Tokyo\),Start time \(Tokyo\),/);
    expect(nyActivity.row).toMatch(/^[0-9a-f-]{36},2016-06-10,20:00,/);
    expect(tkActivity.row).toMatch(/^[0-9a-f-]{36},2016-06-11,09:00,/);
  });

  it('refuses to boot with a zone that is not an IANA name', async () => {
    const api = startProcess(`${repoRoot}dist/apps/api/src/main.js`, { CENTER_TIME_ZONE: 'Mars/Olympus_Mons', PORT: '0' });
    const code = await api.exited;
    expect(code).not.toBe(0);
    expect(api.output()).toMatch(/CENTER_TIME_ZONE: must be an IANA time zone/);
  });
});
