import { randomUUID } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import { createStaff, DEMO_ADMIN, login } from '../../../test/support/auth.js';
import { startApi, type RunningApi } from '../../../test/support/processes.js';

type Staff = Awaited<ReturnType<typeof createStaff>>;

/**
 * Fixtures are written with SQL in 2030–2031, a period no other test touches, so the global aggregates of that period
 * are exactly these rows. Times are New York wall-clock times.
 */
describe('reporting: dashboards and funder reports', () => {
  let api: RunningApi;
  let admin: string;
  let lead: Staff;
  let consultant: Staff;
  let colleague: Staff;
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  const refs: Record<string, string> = {};
  const orgIds: Record<string, string> = {};
  const orgA = { name: `Hope, "Peer" Center ${randomUUID().slice(0, 6)}\nBrooklyn` };
  const orgB = { name: `=SUM(A1) Clinic ${randomUUID().slice(0, 6)}` };
  const Q1 = 'from=2031-01-01&to=2031-04-01';

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const raw = (res: request.Response, callback: (error: Error | null, body: Buffer) => void) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => callback(null, Buffer.concat(chunks)));
  };
  const download = (path: string, token = lead.token) =>
    request(api.url)
      .get(path)
      .set(as(token))
      .buffer(true)
      .parse(raw as never);

  async function insertOrg(name: string, region: string, county: string, populations: string[]): Promise<string> {
    const { rows } = await db.query(
      `INSERT INTO organizations (name, normalized_name, kind, region, county, populations, stage)
       VALUES ($1::text, lower($1::text), 'mhotrs_clinic', $2, $3, $4, 'starting') RETURNING id`,
      [name, region, county, populations],
    );
    return rows[0].id as string;
  }

  async function insertCase(
    key: string,
    c: {
      org: string;
      source: string;
      topics: string[];
      serviceLines: string[];
      status: string;
      stall?: string;
      opened: string;
      firstResponse?: string;
      resolved?: string;
      assignee?: string;
    },
  ): Promise<string> {
    const { rows } = await db.query(
      `INSERT INTO cases (organization_id, title, description, source, priority, topics, service_lines, assignee_id, status,
         stall_level, opened_at, first_response_at, last_activity_at, resolved_at, version)
       VALUES ($1, 'Fixture', 'Reporting fixture', $2, 'normal', $3, $4, $5, $6, $7,
         $8::timestamp AT TIME ZONE 'America/New_York', $9::timestamp AT TIME ZONE 'America/New_York',
         $8::timestamp AT TIME ZONE 'America/New_York', $10::timestamp AT TIME ZONE 'America/New_York', 1)
       RETURNING id, reference`,
      [
        c.org,
        c.source,
        c.topics,
        c.serviceLines,
        c.assignee ?? consultant.id,
        c.status,
        c.stall ?? 'none',
        c.opened,
        c.firstResponse ?? null,
        c.resolved ?? null,
      ],
    );
    refs[key] = rows[0].reference;
    return rows[0].id as string;
  }

  async function insertSession(
    caseId: string,
    consultantId: string,
    startedNy: string,
    minutes: number,
    modality: string,
    topics: string[],
  ) {
    await db.query(
      `INSERT INTO consultations (case_id, consultant_id, started_at, duration_minutes, modality, topics, summary)
       VALUES ($1, $2, $3::timestamp AT TIME ZONE 'America/New_York', $4, $5, $6, 'Fixture session')`,
      [caseId, consultantId, startedNy, minutes, modality, topics],
    );
  }

  beforeAll(async () => {
    await db.connect();
    api = await startApi();
    admin = await login(api.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
    [lead, consultant, colleague] = await Promise.all([
      createStaff(api.url, admin, 'lead'),
      createStaff(api.url, admin, 'consultant'),
      createStaff(api.url, admin, 'consultant'),
    ]);
    const a = await insertOrg(orgA.name, 'nyc', 'Kings', ['adults', 'families']);
    const b = await insertOrg(orgB.name, 'western', 'Erie', []);
    orgIds.a = a;
    orgIds.b = b;

    // Business days (NY): Mon 2031-01-20 is MLK Day, Wed 2031-01-01 New Year, Wed 2031-02-12 Lincoln's Birthday.
    const c1 = await insertCase('c1', {
      org: a,
      source: 'web_form',
      topics: ['job_descriptions'],
      serviceLines: ['nycps'],
      status: 'resolved',
      opened: '2031-01-06 10:00', // Mon
      firstResponse: '2031-01-06 15:00', // same day: 0
      resolved: '2031-01-10 12:00', // Fri: 4
    });
    const c2 = await insertCase('c2', {
      org: a,
      source: 'web_form',
      topics: ['org_readiness'],
      serviceLines: ['nycps', 'ypa'],
      status: 'closed',
      opened: '2031-01-17 16:00', // Fri
      firstResponse: '2031-01-21 09:00', // Tue, Monday a holiday: 1
      resolved: '2031-02-14 12:00', // 4 + 5 + 5 + 4 (Lincoln's Birthday skipped): 18
    });
    const c3 = await insertCase('c3', {
      org: a,
      source: 'email',
      topics: ['competency_training'],
      serviceLines: ['fpa'],
      status: 'active',
      stall: 'at_risk',
      opened: '2031-02-07 12:00', // Fri
      firstResponse: '2031-02-13 12:00', // Mon, Tue, (Wed holiday), Thu: 3
    });
    // 23:30 on March 31 in New York is April 1 in UTC: still Q1.
    const c4 = await insertCase('c4', {
      org: a,
      source: 'phone',
      topics: [],
      serviceLines: [],
      status: 'new',
      opened: '2031-03-31 23:30',
    });
    const c5 = await insertCase('c5', {
      org: a,
      source: 'web_form',
      topics: ['recruitment'],
      serviceLines: ['nycps'],
      status: 'triaged',
      opened: '2031-04-01 00:30',
    });
    await insertCase('c6', {
      org: b,
      source: 'event',
      topics: ['retention'],
      serviceLines: ['ypa'],
      status: 'on_hold',
      stall: 'escalated',
      opened: '2031-02-24 09:00', // Mon
      firstResponse: '2031-02-26 09:00', // Wed: 2
      resolved: '2031-03-07 09:00', // reopened since; resolvedAt kept for the fixture: 9
    });
    const c7 = await insertCase('c7', {
      org: b,
      source: 'outreach',
      topics: ['career_ladder'],
      serviceLines: ['ypa'],
      status: 'active',
      opened: '2030-12-30 09:00', // Mon, before the period
      firstResponse: '2030-12-30 10:00',
      resolved: '2031-01-03 09:00', // Tue, (Wed holiday), Thu, Fri: 3
    });

    await insertSession(c7, consultant.id, '2030-12-31 23:59', 15, 'video', ['career_ladder']); // before the period
    await insertSession(c7, consultant.id, '2031-01-02 10:00', 20, 'video', ['career_ladder']);
    await insertSession(c1, consultant.id, '2031-01-06 14:00', 60, 'video', ['job_descriptions', 'supervision']);
    await insertSession(c2, consultant.id, '2031-01-21 09:00', 90, 'phone', []); // no topics: the case's count
    await insertSession(c3, lead.id, '2031-02-13 12:00', 30, 'onsite', ['competency_training']);
    await insertSession(c4, consultant.id, '2031-03-31 23:30', 45, 'email', ['supervision', 'retention']);
    await insertSession(c5, consultant.id, '2031-04-01 00:30', 120, 'webinar', ['recruitment']); // Q2

    // The consultant's last 30 days: two sessions count, one is older.
    await db.query(
      `INSERT INTO consultations (case_id, consultant_id, started_at, duration_minutes, modality, summary)
       VALUES ($1, $2, now() - interval '2 days', 50, 'video', 'recent'), ($1, $2, now() - interval '1 day', 25, 'phone', 'recent'),
              ($1, $2, now() - interval '40 days', 60, 'phone', 'old')`,
      [c7, consultant.id],
    );
    await db.query(
      `INSERT INTO follow_ups (case_id, due_at, assignee_id, kind, status) VALUES
         ($1, now() - interval '1 day', $2, 'check_in', 'scheduled'),
         ($1, now() + interval '1 day', $2, 'check_in', 'scheduled'),
         ($1, now() - interval '7 days', $2, 'check_in', 'done'),
         ($1, now() - interval '7 days', $2, 'check_in', 'missed')`,
      [c3, consultant.id],
    );
  });
  afterAll(async () => {
    await api?.stop();
    await db.end();
  });

  describe('GET /dashboard/caseload', () => {
    const expected = () => ({
      consultant: { id: consultant.id, name: 'Test consultant', role: 'consultant' },
      open: { new: 1, triaged: 1, active: 2, onHold: 1, total: 5 },
      atRisk: 1,
      escalated: 1,
      overdueFollowUps: 1,
      sessions30d: 2,
      minutes30d: 75,
      hours30d: 1.25,
    });

    it('gives a consultant their own row only', async () => {
      const res = await request(api.url).get('/api/v1/dashboard/caseload').set(as(consultant.token)).expect(200);
      expect(res.body.scope).toBe('own');
      expect(res.body.items).toEqual([expected()]);
    });

    it('gives leads and admins every active consultant and lead, zeros included', async () => {
      for (const token of [lead.token, admin]) {
        const res = await request(api.url).get('/api/v1/dashboard/caseload').set(as(token)).expect(200);
        expect(res.body.scope).toBe('all');
        const rows = res.body.items as Array<{ consultant: { id: string; role: string } }>;
        expect(rows.find((r) => r.consultant.id === consultant.id)).toEqual(expected());
        expect(rows.find((r) => r.consultant.id === colleague.id)).toMatchObject({ open: { total: 0 }, sessions30d: 0, hours30d: 0 });
        expect(rows.find((r) => r.consultant.id === lead.id)).toBeDefined();
        expect(rows.every((r) => ['consultant', 'lead'].includes(r.consultant.role))).toBe(true);
      }
    });

    it('needs a session', async () => {
      await request(api.url).get('/api/v1/dashboard/caseload').expect(401);
    });
  });

  describe('GET /dashboard/summary', () => {
    const zero = (key: string) => ({ key, sessions: 0, minutes: 0, hours: 0 });

    it('computes every figure of a quarter in New York time', async () => {
      const res = await request(api.url).get(`/api/v1/dashboard/summary?${Q1}`).set(as(consultant.token)).expect(200);
      const s = res.body;
      expect(s.range).toEqual({ from: '2031-01-01', to: '2031-04-01', timeZone: 'America/New_York' });
      expect([s.newRequests, s.casesOpened, s.casesResolved]).toEqual([2, 5, 4]);
      // First responses of the cases opened in Q1: 0, 1, 2, 3 business days; one still waiting.
      expect(s.firstResponse).toEqual({ unit: 'business_days', cases: 4, pending: 1, median: 1.5, p90: 2.7 });
      // Resolutions in Q1: 3, 4, 9, 18 business days.
      expect(s.resolution).toEqual({ unit: 'business_days', cases: 4, median: 6.5, p90: 15.3 });
      expect([s.sessions, s.minutes, s.hours, s.organizationsServed]).toEqual([5, 245, 4.08, 2]);
      expect(s.byModality).toEqual([
        { key: 'video', sessions: 2, minutes: 80, hours: 1.33 },
        { key: 'phone', sessions: 1, minutes: 90, hours: 1.5 },
        { key: 'onsite', sessions: 1, minutes: 30, hours: 0.5 },
        { key: 'email', sessions: 1, minutes: 45, hours: 0.75 },
        zero('webinar'),
        zero('training'),
      ]);
      expect(s.byRegion).toEqual([
        { key: 'western', sessions: 1, minutes: 20, hours: 0.33 },
        zero('central'),
        zero('hudson_river'),
        { key: 'nyc', sessions: 4, minutes: 225, hours: 3.75 },
        zero('long_island'),
      ]);
      expect(s.byServiceLine).toEqual([
        { key: 'nycps', sessions: 2, minutes: 150, hours: 2.5 },
        { key: 'ypa', sessions: 2, minutes: 110, hours: 1.83 },
        { key: 'fpa', sessions: 1, minutes: 30, hours: 0.5 },
        { key: 'unspecified', sessions: 1, minutes: 45, hours: 0.75 },
      ]);
      expect(s.byPopulation).toEqual([
        zero('children_youth'),
        { key: 'families', sessions: 4, minutes: 225, hours: 3.75 },
        { key: 'adults', sessions: 4, minutes: 225, hours: 3.75 },
        zero('older_adults'),
        { key: 'unspecified', sessions: 1, minutes: 20, hours: 0.33 },
      ]);
      // A session counts once per goal area it touches: supervision + retention is one retention session.
      expect(s.byGoalArea).toEqual([
        { key: 'readiness', sessions: 1, minutes: 90, hours: 1.5 },
        { key: 'capacity', sessions: 1, minutes: 60, hours: 1 },
        { key: 'fidelity', sessions: 1, minutes: 30, hours: 0.5 },
        { key: 'retention', sessions: 3, minutes: 125, hours: 2.08 },
      ]);
      const topics = Object.fromEntries(
        (s.byTopic as Array<{ key: string; sessions: number; minutes: number }>)
          .filter((t) => t.sessions > 0)
          .map((t) => [t.key, [t.sessions, t.minutes]]),
      );
      expect(topics).toEqual({
        org_readiness: [1, 90],
        job_descriptions: [1, 60],
        competency_training: [1, 30],
        supervision: [2, 105],
        retention: [1, 45],
        career_ladder: [1, 20],
      });
      expect(s.byTopic).toHaveLength(15);
      expect(s.byTopic[0]).toMatchObject({ key: 'org_readiness', label: expect.any(String) });

      // Monday weeks, the first clipped to the period's first day.
      expect(s.intakeByWeek).toHaveLength(14);
      const weeks = Object.fromEntries(
        (s.intakeByWeek as Array<{ weekStart: string; requests: number; opened: number }>).map((w) => [
          w.weekStart,
          [w.requests, w.opened],
        ]),
      );
      expect(weeks['2031-01-01']).toEqual([0, 0]);
      expect(weeks['2031-01-06']).toEqual([1, 1]);
      expect(weeks['2031-01-13']).toEqual([1, 1]);
      expect(weeks['2031-02-03']).toEqual([0, 1]);
      expect(weeks['2031-02-24']).toEqual([0, 1]);
      expect(weeks['2031-03-31']).toEqual([0, 1]);
    });

    it('puts the New York midnight edges where they belong', async () => {
      const lastDay = await request(api.url).get('/api/v1/dashboard/summary?from=2031-03-31&to=2031-04-01').set(as(lead.token)).expect(200);
      expect([lastDay.body.sessions, lastDay.body.minutes, lastDay.body.casesOpened]).toEqual([1, 45, 1]);
      const q2 = await request(api.url).get('/api/v1/dashboard/summary?from=2031-04-01&to=2031-07-01').set(as(lead.token)).expect(200);
      expect([q2.body.sessions, q2.body.minutes, q2.body.casesOpened, q2.body.newRequests]).toEqual([1, 120, 1, 1]);
      expect(q2.body.firstResponse).toEqual({ unit: 'business_days', cases: 0, pending: 1, median: null, p90: null });
      const newYearsEve = await request(api.url)
        .get('/api/v1/dashboard/summary?from=2030-12-31&to=2031-01-01')
        .set(as(lead.token))
        .expect(200);
      expect([newYearsEve.body.sessions, newYearsEve.body.minutes]).toEqual([1, 15]);
    });

    it('answers from the data as it is: a session written or removed after a summary shows in the very next one', async () => {
      // The service keeps a period's last summary with the Postgres snapshot it was computed under and answers it again
      // only under the same snapshot: any commit in between must be seen.
      const summary = async () => (await request(api.url).get(`/api/v1/dashboard/summary?${Q1}`).set(as(lead.token)).expect(200)).body;
      const before = await summary();
      expect(await summary()).toEqual(before);
      const caseId = ((await db.query(`SELECT id FROM cases WHERE reference = $1`, [Object.values(refs)[0]])).rows[0] as { id: string }).id;
      const consultantId = ((await db.query(`SELECT id FROM users WHERE role = 'consultant' LIMIT 1`)).rows[0] as { id: string }).id;
      await insertSession(caseId, consultantId, '2031-02-14 10:00', 17, 'phone', []);
      const after = await summary();
      expect([after.sessions, after.minutes]).toEqual([before.sessions + 1, before.minutes + 17]);
      await db.query(`DELETE FROM consultations WHERE case_id = $1 AND duration_minutes = 17 AND modality = 'phone'`, [caseId]);
      expect(await summary()).toEqual(before);
    });

    it('refuses bad periods, naming the field', async () => {
      const cases: Array<[string, string]> = [
        ['from=2031-13-01&to=2031-04-01', 'from'],
        ['from=2031-02-30&to=2031-04-01', 'from'],
        ['from=2031-01-01', 'to'],
        ['from=2031-01-01&to=yesterday', 'to'],
        ['from=2031-04-01&to=2031-04-01', 'to'],
        ['from=2031-04-01&to=2031-01-01', 'to'],
        ['from=2026-01-01&to=2029-01-02', 'to'],
        [`${Q1}&region=nyc`, 'region'],
      ];
      for (const [query, field] of cases) {
        const res = await request(api.url).get(`/api/v1/dashboard/summary?${query}`).set(as(lead.token)).expect(400);
        expect([query, res.body.details.map((d: { field: string }) => d.field)]).toEqual([query, [field]]);
      }
      await request(api.url).get('/api/v1/dashboard/summary?from=2026-01-01&to=2029-01-01').set(as(lead.token)).expect(200);
    });

    it('needs a session', async () => {
      await request(api.url).get(`/api/v1/dashboard/summary?${Q1}`).expect(401);
    });
  });

  describe('GET /reports/ta-activity', () => {
    it('streams one CSV row per session with quoting, New York dates and a dated attachment name', async () => {
      const res = await download(`/api/v1/reports/ta-activity?${Q1}`).expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe('attachment; filename="ta-activity_2031-01-01_to_2031-03-31.csv"');
      // Compressed (Supertest asks for gzip and decodes it) and still streamed: no length known up front.
      expect(res.headers['content-encoding']).toBe('gzip');
      expect(res.headers['transfer-encoding']).toBe('chunked');
      const text = (res.body as Buffer).toString('utf8');
      expect(text.charCodeAt(0)).not.toBe(0xfeff);
      const records = parseCsv(text);
      expect(records[0]).toEqual([
        'Consultation ID',
        'Date (New York)',
        'Start time (New York)',
        'Case reference',
        'Organization',
        'OMH region',
        'County',
        'Service lines',
        'Topics',
        'Goal areas',
        'Modality',
        'Minutes',
        'Headcount',
        'Consultant',
      ]);
      const rows = records.slice(1).map((r) => r.slice(1));
      // The words people read, not the codes (those are in the JSON).
      expect(rows).toEqual([
        [
          '2031-01-02',
          '10:00',
          refs.c7,
          `'${orgB.name}`,
          'Western',
          'Erie',
          'YPA-C (youth)',
          'Career ladders for peers',
          'Retention',
          'Video',
          '20',
          '',
          'Test consultant',
        ],
        [
          '2031-01-06',
          '14:00',
          refs.c1,
          orgA.name,
          'New York City',
          'Kings',
          'NYCPS (peer)',
          'Peer job descriptions; Peer-informed supervision',
          'Capacity; Retention',
          'Video',
          '60',
          '',
          'Test consultant',
        ],
        [
          '2031-01-21',
          '09:00',
          refs.c2,
          orgA.name,
          'New York City',
          'Kings',
          'NYCPS (peer); YPA-C (youth)',
          'Organizational readiness for peer services',
          'Readiness',
          'Phone',
          '90',
          '',
          'Test consultant',
        ],
        [
          '2031-02-13',
          '12:00',
          refs.c3,
          orgA.name,
          'New York City',
          'Kings',
          'FPA-C (family)',
          'Peer competency training',
          'Fidelity',
          'On site',
          '30',
          '',
          'Test lead',
        ],
        [
          '2031-03-31',
          '23:30',
          refs.c4,
          orgA.name,
          'New York City',
          'Kings',
          '',
          'Peer-informed supervision; Retaining peer staff',
          'Retention',
          'Email',
          '45',
          '',
          'Test consultant',
        ],
      ]);
      const cells = records.slice(1).flatMap((r) => r.flatMap((cell) => cell.split('; ')));
      for (const code of ['nyc', 'western', 'job_descriptions', 'career_ladder', 'supervision', 'onsite', 'ypa', 'nycps', 'capacity'])
        expect(cells).not.toContain(code);
      expect(text).not.toMatch(/long_island|hudson_river|job_descriptions|career_ladder|org_readiness/);
      // RFC 4180 on the wire: CRLF between records, the quoted name keeps its quotes doubled and its line break.
      expect(text).toContain(`,"${orgA.name.replaceAll('"', '""')}",New York City,`);
      expect(text.split('\r\n')[0]).toBe(records[0]!.join(','));
      expect(text.endsWith('\r\n')).toBe(true);
    });

    it('starts with a UTF-8 byte order mark on request', async () => {
      const res = await download(`/api/v1/reports/ta-activity?${Q1}&bom=true`).expect(200);
      const body = res.body as Buffer;
      expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(body.subarray(3, 18).toString()).toBe('Consultation ID');
    });

    it('answers JSON on request', async () => {
      const res = await download(`/api/v1/reports/ta-activity?${Q1}&format=json`).expect(200);
      expect(res.headers['content-disposition']).toBe('attachment; filename="ta-activity_2031-01-01_to_2031-03-31.json"');
      const doc = JSON.parse((res.body as Buffer).toString('utf8'));
      expect(doc.from).toBe('2031-01-01');
      expect(doc.items).toHaveLength(5);
      expect(doc.items[4]).toMatchObject({
        date: '2031-03-31',
        startTime: '23:30',
        caseReference: refs.c4,
        organization: orgA.name,
        serviceLines: [],
        topics: ['supervision', 'retention'],
        goalAreas: ['retention'],
        minutes: 45,
        headcount: null,
      });
      const empty = await download(`/api/v1/reports/ta-activity?from=2032-01-01&to=2032-01-02&format=json`).expect(200);
      expect(JSON.parse((empty.body as Buffer).toString('utf8')).items).toEqual([]);
    });

    it('is for leads and admins', async () => {
      await download(`/api/v1/reports/ta-activity?${Q1}`, admin).expect(200);
      await request(api.url).get(`/api/v1/reports/ta-activity?${Q1}`).set(as(consultant.token)).expect(403);
      await request(api.url).get(`/api/v1/reports/ta-activity?${Q1}`).expect(401);
    });

    it('refuses bad input', async () => {
      for (const [query, field] of [
        [`${Q1}&format=xlsx`, 'format'],
        [`${Q1}&bom=maybe`, 'bom'],
        ['from=2031-04-01&to=2031-01-01', 'to'],
        ['to=2031-04-01', 'from'],
      ] as const) {
        const res = await request(api.url).get(`/api/v1/reports/ta-activity?${query}`).set(as(lead.token)).expect(400);
        expect(res.body.details.map((d: { field: string }) => d.field)).toEqual([field]);
      }
    });
  });

  describe('GET /reports/ta-summary', () => {
    it('gives sessions and hours for every goal area × region, labelled, with distinct-session totals', async () => {
      const res = await download(`/api/v1/reports/ta-summary?${Q1}`).expect(200);
      expect(res.headers['content-disposition']).toBe('attachment; filename="ta-summary_2031-01-01_to_2031-03-31.csv"');
      const text = (res.body as Buffer).toString('utf8');
      const [header, ...rows] = parseCsv(text);
      expect(header).toEqual([
        'Goal area (a session counts in each goal area it touches)',
        'OMH region',
        'Sessions',
        'Minutes',
        'TA hours',
      ]);
      // 4 goal areas × 5 regions, then a distinct-sessions row per region and one for all regions.
      expect(rows).toHaveLength(20 + 5 + 1);
      expect(rows.slice(0, 20).filter((r) => r[2] !== '0')).toEqual([
        ['Readiness', 'New York City', '1', '90', '1.5'],
        ['Capacity', 'New York City', '1', '60', '1'],
        ['Fidelity', 'New York City', '1', '30', '0.5'],
        ['Retention', 'Western', '1', '20', '0.33'],
        ['Retention', 'New York City', '2', '105', '1.75'],
      ]);
      // The 2031-01-06 session touches capacity and retention: the goal areas of New York City add up to 5 sessions,
      // 285 minutes, but it held 4 distinct sessions of 225 minutes.
      expect(rows.slice(20)).toEqual([
        ['All goal areas (distinct sessions)', 'Western', '1', '20', '0.33'],
        ['All goal areas (distinct sessions)', 'Central', '0', '0', '0'],
        ['All goal areas (distinct sessions)', 'Hudson River', '0', '0', '0'],
        ['All goal areas (distinct sessions)', 'New York City', '4', '225', '3.75'],
        ['All goal areas (distinct sessions)', 'Long Island', '0', '0', '0'],
        ['All goal areas (distinct sessions)', 'All regions', '5', '245', '4.08'],
      ]);
      const summary = await request(api.url).get(`/api/v1/dashboard/summary?${Q1}`).set(as(lead.token)).expect(200);
      expect(rows.at(-1)![2]).toBe(String(summary.body.sessions));
      for (const code of ['nyc', 'long_island', 'hudson_river', 'readiness', 'retention']) expect(rows.flat()).not.toContain(code);

      const json = await download(`/api/v1/reports/ta-summary?${Q1}&format=json`).expect(200);
      const doc = JSON.parse((json.body as Buffer).toString('utf8'));
      expect(doc.items).toContainEqual({ goalArea: 'retention', region: 'nyc', sessions: 2, minutes: 105, hours: 1.75 });
      expect(doc.distinctSessions.all).toEqual({ sessions: 5, minutes: 245, hours: 4.08 });
      expect(doc.distinctSessions.byRegion).toContainEqual({ region: 'nyc', sessions: 4, minutes: 225, hours: 3.75 });
    });

    it('is for leads and admins', async () => {
      await request(api.url).get(`/api/v1/reports/ta-summary?${Q1}`).set(as(consultant.token)).expect(403);
      await request(api.url).get(`/api/v1/reports/ta-summary?${Q1}`).expect(401);
    });
  });

  describe('GET /cases/export', () => {
    const exportCsv = async (query: string, token = consultant.token) => {
      const res = await download(`/api/v1/cases/export?${query}`, token).expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="cases_\d{4}-\d{2}-\d{2}\.csv"$/);
      return parseCsv((res.body as Buffer).toString('utf8'));
    };

    it('streams every case the list filters match, in the list order, with labels, for any staff user', async () => {
      const [header, ...rows] = await exportCsv(`organizationId=${orgIds.a}&sort=openedAt`);
      expect(header).toEqual([
        'Reference',
        'Title',
        'Organization',
        'OMH region',
        'Status',
        'Priority',
        'Assignee',
        'Topics',
        'Goal areas',
        'Opened (New York)',
        'First response (New York)',
        'Last activity (New York)',
        'Stall level',
      ]);
      expect(rows.map((r) => r[0])).toEqual([refs.c1, refs.c2, refs.c3, refs.c4, refs.c5]);
      expect(rows[0]).toEqual([
        refs.c1,
        'Fixture',
        orgA.name,
        'New York City',
        'Resolved',
        'Normal',
        'Test consultant',
        'Peer job descriptions',
        'Capacity',
        '2031-01-06 10:00',
        '2031-01-06 15:00',
        '2031-01-06 10:00',
        'On track',
      ]);
      expect(rows[2]!.slice(4, 9)).toEqual(['Active', 'Normal', 'Test consultant', 'Peer competency training', 'Fidelity']);
      expect(rows[2]![12]).toBe('At risk');
      expect(rows[3]!.slice(7, 11)).toEqual(['', '', '2031-03-31 23:30', '']);
      // The list answers the same cases for the same filters.
      const list = await request(api.url)
        .get(`/api/v1/cases?organizationId=${orgIds.a}&sort=openedAt`)
        .set(as(consultant.token))
        .expect(200);
      expect(list.body.items.map((c: { reference: string }) => c.reference)).toEqual(rows.map((r) => r[0]));
      const cells = rows.flatMap((r) => r.flatMap((cell) => cell.split('; ')));
      for (const code of ['nyc', 'resolved', 'on_hold', 'normal', 'job_descriptions', 'capacity', 'at_risk', 'none'])
        expect(cells).not.toContain(code);
    });

    it('quotes and neutralizes cells as RFC 4180 and OWASP say; a case nobody has is Unassigned', async () => {
      // The rows are formatted by Postgres (caseListCsvSql): the same cells csv-stringify and neutralizeFormula wrote.
      const [row] = (await db.query(`SELECT id, title, assignee_id FROM cases WHERE reference = $1`, [refs.c2])).rows as Array<{
        id: string;
        title: string;
        assignee_id: string | null;
      }>;
      await db.query(`UPDATE cases SET title = $2, assignee_id = NULL WHERE id = $1`, [row!.id, '=1+2, "quoted"\nnext line']);
      try {
        const res = await download(`/api/v1/cases/export?organizationId=${orgIds.a}&sort=openedAt`, consultant.token).expect(200);
        const text = (res.body as Buffer).toString('utf8');
        expect(text).toContain(`${refs.c2},"'=1+2, ""quoted""\nnext line",`);
        const c2 = parseCsv(text).find((r) => r[0] === refs.c2)!;
        expect(c2[1]).toBe(`'=1+2, "quoted"\nnext line`);
        expect(c2[6]).toBe('Unassigned');
      } finally {
        await db.query(`UPDATE cases SET title = $2, assignee_id = $3 WHERE id = $1`, [row!.id, row!.title, row!.assignee_id]);
      }
    });

    it('honours the filters: status, region, goal area, sessions held, search', async () => {
      const refsOf = async (query: string) => (await exportCsv(query, lead.token)).slice(1).map((r) => r[0]);
      expect(await refsOf(`organizationId=${orgIds.b}&status=active`)).toEqual([refs.c7]);
      expect(await refsOf(`organizationId=${orgIds.b}&status=on_hold,active&sort=-openedAt`)).toEqual([refs.c6, refs.c7]);
      const onHold = await exportCsv(`organizationId=${orgIds.b}&status=on_hold`);
      expect(onHold[1]!.slice(3, 9)).toEqual(['Western', 'On hold', 'Normal', 'Test consultant', 'Retaining peer staff', 'Retention']);
      expect(onHold[1]![12]).toBe('Escalated');
      expect(await refsOf(`organizationId=${orgIds.a}&goalArea=retention`)).toEqual([]);
      // Recruitment is a capacity topic too.
      expect(await refsOf(`organizationId=${orgIds.a}&goalArea=capacity&sort=openedAt`)).toEqual([refs.c1, refs.c5]);
      expect(await refsOf(`region=western&organizationId=${orgIds.a}`)).toEqual([]);
      expect(
        await refsOf(`organizationId=${orgIds.a}&sessionFrom=2031-01-10T05:00:00Z&sessionTo=2031-03-01T05:00:00Z&sort=openedAt`),
      ).toEqual([refs.c2, refs.c3]);
      expect(await refsOf(`q=${encodeURIComponent(refs.c5!)}`)).toEqual([refs.c5]);
      expect(await refsOf(`organizationId=${orgIds.a}&assigneeId=none`)).toEqual([]);
      // Paging is not part of the export.
      await request(api.url).get(`/api/v1/cases/export?page=2`).set(as(lead.token)).expect(400);
    });

    it('takes hostile filter values as plain values: the same cases as the list, whose values are bound', async () => {
      const title = `Quote's \\ "case" $1 ${randomUUID().slice(0, 6)}`;
      await db.query(`UPDATE cases SET title = $2 WHERE reference = $1`, [refs.c6, title]);
      try {
        const hostile = ["'; DROP TABLE cases; --", "x' OR '1'='1", "\\'", '$1', '$$ $tag$', "E'\\x00'", '{a,"b"}', '/*', title];
        for (const q of hostile) {
          const query = `q=${encodeURIComponent(q)}&organizationId=${orgIds.b}`;
          const list = await request(api.url).get(`/api/v1/cases?${query}&pageSize=100`).set(as(lead.token)).expect(200);
          const exported = (await exportCsv(query, lead.token)).slice(1).map((r) => r[0]);
          expect(exported).toEqual(list.body.items.map((c: { reference: string }) => c.reference));
        }
        // The words of a title with a quote, a backslash and a placeholder find it.
        expect((await exportCsv(`q=${encodeURIComponent(title)}`, lead.token)).slice(1).map((r) => r[0])).toEqual([refs.c6]);
        expect(
          (await exportCsv(`organizationId=${orgIds.b}&status=on_hold&openedFrom=2000-01-01T00:00:00Z`, lead.token))
            .slice(1)
            .map((r) => r[0]),
        ).toEqual([refs.c6]);
        expect((await db.query(`SELECT count(*)::int AS n FROM cases WHERE reference = $1`, [refs.c6])).rows[0].n).toBe(1);
      } finally {
        await db.query(`UPDATE cases SET title = 'Fixture' WHERE reference = $1`, [refs.c6]);
      }
    });

    it('starts with a byte order mark on request, refuses bad filters, needs a session', async () => {
      const res = await download(`/api/v1/cases/export?organizationId=${orgIds.b}&bom=true`).expect(200);
      expect((res.body as Buffer).subarray(3, 12).toString()).toBe('Reference');
      expect([...(res.body as Buffer).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const bad = await request(api.url).get(`/api/v1/cases/export?status=open`).set(as(lead.token)).expect(400);
      expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['status']);
      await request(api.url).get(`/api/v1/cases/export`).expect(401);
    });
  });

  describe('summary facts (migrations/1764700000000-ReportingFacts.ts)', () => {
    const TZ = `'America/New_York'`;
    /** Rows of the facts that recomputing them from consultations does not give, and the reverse: both empty when exact. */
    async function drift(): Promise<unknown[]> {
      const { rows } = await db.query(`
        WITH truth AS (
          SELECT date_trunc('month', k.started_at AT TIME ZONE ${TZ})::date AS month, k.modality, o.region, o.populations,
                 c.service_lines, CASE WHEN cardinality(k.topics) > 0 THEN k.topics ELSE c.topics END AS topics,
                 count(*)::int AS sessions, sum(k.duration_minutes)::bigint AS minutes
          FROM consultations k JOIN cases c ON c.id = k.case_id JOIN organizations o ON o.id = c.organization_id
          GROUP BY 1, 2, 3, 4, 5, 6
        ), facts AS (
          SELECT month, modality, region, populations, service_lines, topics, sessions, minutes FROM reporting_session_facts WHERE sessions <> 0
        ), org_truth AS (
          SELECT date_trunc('month', k.started_at AT TIME ZONE ${TZ})::date AS month, c.organization_id, count(*)::int AS sessions
          FROM consultations k JOIN cases c ON c.id = k.case_id GROUP BY 1, 2
        ), org_facts AS (SELECT month, organization_id, sessions FROM reporting_org_months WHERE sessions <> 0)
        SELECT 'missing' AS kind, to_jsonb(x) AS row FROM (SELECT * FROM truth EXCEPT ALL SELECT * FROM facts) x
        UNION ALL SELECT 'extra', to_jsonb(x) FROM (SELECT * FROM facts EXCEPT ALL SELECT * FROM truth) x
        UNION ALL SELECT 'org missing', to_jsonb(x) FROM (SELECT * FROM org_truth EXCEPT ALL SELECT * FROM org_facts) x
        UNION ALL SELECT 'org extra', to_jsonb(x) FROM (SELECT * FROM org_facts EXCEPT ALL SELECT * FROM org_truth) x`);
      return rows;
    }

    it('stay exact through every write a session is counted by (rolled back afterwards)', async () => {
      expect(await drift()).toEqual([]);
      const caseId = async (key: string) =>
        ((await db.query(`SELECT id FROM cases WHERE reference = $1`, [refs[key]])).rows[0] as { id: string }).id;
      const orgId = async (name: string) =>
        ((await db.query(`SELECT id FROM organizations WHERE name = $1`, [name])).rows[0] as { id: string }).id;
      await db.query('BEGIN');
      try {
        const steps: Array<[string, string, unknown[]]> = [
          [
            'case topics and service lines',
            `UPDATE cases SET topics = '{retention}', service_lines = '{fpa}' WHERE id = $1`,
            [await caseId('c2')],
          ],
          [
            'case moved to another organization',
            `UPDATE cases SET organization_id = $2 WHERE id = $1`,
            [await caseId('c1'), await orgId(orgB.name)],
          ],
          [
            'organization region and populations',
            `UPDATE organizations SET region = 'central', populations = '{adults}' WHERE id = $1`,
            [await orgId(orgA.name)],
          ],
          ['unrelated case columns', `UPDATE cases SET title = title || ' (edited)', status = status WHERE id = $1`, [await caseId('c3')]],
          [
            'session moved, retimed and retagged',
            `UPDATE consultations SET started_at = started_at + interval '40 days', duration_minutes = 33, modality = 'phone', topics = '{supervision}' WHERE case_id = $1`,
            [await caseId('c1')],
          ],
          [
            'session inserted',
            `INSERT INTO consultations (case_id, consultant_id, started_at, duration_minutes, modality, summary) SELECT id, $2, '2031-02-01T12:00:00Z', 10, 'email', 'new' FROM cases WHERE id = $1`,
            [await caseId('c3'), consultant.id],
          ],
          ['session deleted', `DELETE FROM consultations WHERE case_id = $1 AND started_at < '2031-01-01'`, [await caseId('c7')]],
          ['case deleted (its sessions cascade)', `DELETE FROM cases WHERE id = $1`, [await caseId('c4')]],
        ];
        for (const [label, sql, values] of steps) {
          await db.query(sql, values);
          expect({ label, drift: await drift() }).toEqual({ label, drift: [] });
        }
      } finally {
        await db.query('ROLLBACK');
      }
      expect(await drift()).toEqual([]);
    });
  });
});

/** A small RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks; records end with CRLF. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || record.length) records.push([...record, field]);
  return records;
}
