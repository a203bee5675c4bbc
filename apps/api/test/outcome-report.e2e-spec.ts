import { randomUUID } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import { createStaff, DEMO_ADMIN, login } from '../../../test/support/auth.js';
import { startApi, type RunningApi } from '../../../test/support/processes.js';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
/** A quarter no other test writes into, so every figure below is exact. */
const PERIOD = { from: '2011-04-01', to: '2011-07-01' };
const at = (day: string) => new Date(`${day}T15:00:00Z`);

describe('outcome report: tiers, close reasons, satisfaction, outcome checks, TA dose vs readiness change (real API, fixtures)', () => {
  let api: RunningApi;
  let admin: string;
  let lead: string;
  let consultant: string;
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  const tag = randomUUID().slice(0, 6);

  const one = async <T = string>(sql: string, params: unknown[]): Promise<T> => (await db.query(sql, params)).rows[0].id as T;
  const user = (name: string) =>
    one(`INSERT INTO users (email, name, role, password_hash) VALUES ($1, $2, 'consultant', 'x') RETURNING id`, [
      `${name.toLowerCase().replace(/\W/g, '')}-${tag}@test.example.org`,
      `${name} ${tag}`,
    ]);
  const organization = (name: string, region: string) =>
    one(
      `INSERT INTO organizations (name, normalized_name, kind, region, county, stage) VALUES ($1, $1, 'mhotrs_clinic', $2, 'Onondaga', 'starting') RETURNING id`,
      [`${name} ${tag}`, region],
    );
  const theCase = (
    org: string,
    assignee: string,
    f: { lines?: string[]; tier?: string | null; reason: string; resolved?: string; closed?: string },
  ) =>
    one(
      `INSERT INTO cases (organization_id, assignee_id, title, description, source, priority, service_lines, intensity, status, status_reason,
                          opened_at, last_activity_at, first_response_at, resolved_at, closed_at, version)
       VALUES ($1, $2, 'Outcome fixture', 'd', 'phone', 'normal', $3, $4, $5, $6, '2011-01-02', '2011-06-01', '2011-01-03', $7, $8, 1) RETURNING id`,
      [
        org,
        assignee,
        f.lines ?? [],
        f.tier ?? null,
        f.resolved ? 'resolved' : 'closed',
        f.reason,
        f.resolved ? at(f.resolved) : null,
        f.closed ? at(f.closed) : null,
      ],
    );
  const goal = (caseId: string, area: string) =>
    db.query(`INSERT INTO action_plan_goals (case_id, title, goal_area, sort_order) VALUES ($1, 'Goal', $2, 0)`, [caseId, area]);
  const survey = async (
    caseId: string,
    kind: string,
    sent: string,
    answered: string | null,
    answers: Array<[string, number | null, string[] | null, string | null]>,
  ) => {
    const id = await one(
      `INSERT INTO survey_invitations (case_id, kind, survey_id, recipient_name, recipient_email, token_hash, status, expires_at, created_at, answered_at)
       VALUES ($1, $2::varchar, (SELECT id FROM surveys WHERE kind = $2::varchar AND version = 1), 'Dana', 'dana@clinic.example.org', $3, $4, $5::timestamptz + interval '30 days', $5, $6)
       RETURNING id`,
      [
        caseId,
        kind,
        randomUUID().replace(/-/g, '').padEnd(64, '0'),
        answered ? 'answered' : 'sent',
        at(sent),
        answered ? at(answered) : null,
      ],
    );
    for (const [code, number, choices, text] of answers)
      await db.query(
        `INSERT INTO survey_answers (invitation_id, question_code, number_value, choice_values, text_value) VALUES ($1, $2, $3, $4, $5)`,
        [id, code, number, choices, text],
      );
  };
  const session = (caseId: string, consultantId: string, day: string, minutes: number) =>
    db.query(
      `INSERT INTO consultations (case_id, consultant_id, started_at, duration_minutes, modality, summary) VALUES ($1, $2, $3, $4, 'video', 's')`,
      [caseId, consultantId, at(day), minutes],
    );

  beforeAll(async () => {
    await db.connect();
    api = await startApi();
    admin = await login(api.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
    lead = (await createStaff(api.url, admin, 'lead')).token;
    consultant = (await createStaff(api.url, admin, 'consultant')).token;

    const ana = await user('Ana');
    const ben = await user('Ben');
    const central = await organization('Central Clinic', 'central');
    const western = await organization('Western Clinic', 'western');
    const c1 = await theCase(central, ana, { lines: ['nycps'], tier: 'targeted', reason: 'goals_met', resolved: '2011-04-10' });
    const c2 = await theCase(western, ana, { lines: ['nycps', 'ypa'], tier: 'intensive', reason: 'goals_met', resolved: '2011-04-12' });
    const c3 = await theCase(central, ben, { reason: 'referred_elsewhere', resolved: '2011-05-01' });
    await theCase(central, ben, { lines: ['fpa'], tier: 'universal', reason: 'duplicate', closed: '2011-05-02' });
    await goal(c1, 'capacity');
    await goal(c2, 'readiness');
    await goal(c2, 'capacity');
    const closure = (overall: number) =>
      [
        ['overall', overall, null, null],
        ['useful', 4, null, null],
        ['recommend', null, ['yes'], null],
      ] as Array<[string, number | null, string[] | null, string | null]>;
    await survey(c1, 'case_closure', '2011-04-17', '2011-04-18', closure(5));
    await survey(c2, 'case_closure', '2011-04-19', '2011-04-25', closure(2));
    await survey(c3, 'case_closure', '2011-05-08', null, []);
    await survey(c1, 'outcome_check', '2011-05-10', '2011-05-12', [
      ['changed', null, null, 'We hired two peer specialists and wrote their supervision plan.'],
      ['peers_hired', 2, null, null],
      ['peers_left', 1, null, null],
      ['plan_in_use', null, ['partly'], null],
    ]);
    await survey(c2, 'outcome_check', '2011-05-11', '2011-06-01', [
      ['changed', null, null, 'Peer staff now attend team meetings.'],
      ['peers_hired', 3, null, null],
      ['peers_left', 0, null, null],
      ['plan_in_use', null, ['yes'], null],
    ]);
    await survey(c3, 'outcome_check', '2011-06-02', null, []);

    // Two organizations assessed twice with an instrument of their own, the later round closed in the quarter.
    const code = `dose-${tag}`;
    const levels = [1, 2, 3].map((score) => ({ score, label: `Level ${score}` }));
    const instrument = await request(api.url)
      .post('/api/v1/instruments')
      .set(auth(admin))
      .send({
        code,
        version: 1,
        title: 'Dose test instrument',
        scale: { min: 1, max: 3, labels: { '1': 'Low', '2': 'Mid', '3': 'High' } },
        sections: [
          {
            code: 'a',
            title: 'Hiring',
            goalArea: 'capacity',
            feedback: [{ minScore: 1, text: 'x' }],
            items: [{ code: 'a1', statement: 'We hire.', levels }],
          },
          {
            code: 'b',
            title: 'Supervision',
            goalArea: 'retention',
            feedback: [{ minScore: 1, text: 'x' }],
            items: [{ code: 'b1', statement: 'We supervise.', levels }],
          },
        ],
      })
      .expect(201);
    const round = async (org: string, purpose: string, created: string, closed: string, a1: number, b1: number) => {
      const id = await one(
        `INSERT INTO assessments (organization_id, instrument_id, purpose, status, expires_at, created_by, created_at, closed_at)
         VALUES ($1, $2, $3, 'closed', $5, (SELECT id FROM users WHERE email = 'admin@example.org'), $4, $5) RETURNING id`,
        [org, instrument.body.instrument.id, purpose, at(created), at(closed)],
      );
      const respondent = await one(
        `INSERT INTO assessment_respondents (assessment_id, name, source, status, submitted_at) VALUES ($1, 'Director', 'entered', 'submitted', $2) RETURNING id`,
        [id, at(closed)],
      );
      await db.query(`INSERT INTO assessment_answers (respondent_id, item_code, score) VALUES ($1, 'a1', $2), ($1, 'b1', $3)`, [
        respondent,
        a1,
        b1,
      ]);
    };
    const doseX = await organization('Dose X', 'nyc');
    const doseY = await organization('Dose Y', 'long_island');
    await round(doseX, 'baseline', '2011-01-10', '2011-01-20', 1, 2);
    await round(doseX, 'follow_up', '2011-05-01', '2011-05-15', 3, 2);
    await round(doseY, 'baseline', '2011-02-01', '2011-02-10', 2, 1);
    await round(doseY, 'follow_up', '2011-05-20', '2011-06-15', 3, 3);
    const caseX = await theCase(doseX, ana, { reason: 'goals_met', resolved: '2011-08-01' });
    const caseY = await theCase(doseY, ben, { reason: 'goals_met', resolved: '2011-08-01' });
    await session(caseX, ana, '2011-01-05', 60); // before the baseline: not counted
    await session(caseX, ana, '2011-02-01', 90);
    await session(caseX, ana, '2011-03-01', 90);
    await session(caseX, ana, '2011-05-02', 60); // after the later round started: not counted
    await session(caseY, ben, '2011-03-15', 30);
  });
  afterAll(async () => {
    await api?.stop();
    await db.end();
  });

  it('answers the funder’s questions for the quarter with exact figures', async () => {
    const res = await request(api.url).get('/api/v1/reports/outcomes').query(PERIOD).set(auth(lead)).expect(200);
    const r = res.body;
    expect(r.resolvedByTier.map((t: { label: string; cases: number }) => [t.label, t.cases])).toEqual([
      ['Universal', 0],
      ['Targeted', 1],
      ['Intensive', 1],
      ['Not set', 1],
    ]);
    expect(
      r.byCloseReason.filter((c: { cases: number }) => c.cases).map((c: { label: string; cases: number }) => [c.label, c.cases]),
    ).toEqual([
      ['Goals met', 2],
      ['Duplicate', 1],
      ['Referred elsewhere', 1],
    ]);
    expect(r.satisfaction.overall).toEqual({
      key: null,
      label: 'All closure surveys',
      sent: 3,
      answered: 2,
      responseRate: 66.7,
      n: 2,
      mean: 3.5,
      distribution: [0, 1, 0, 0, 1],
    });
    const brief = (groups: Array<{ label: string; sent: number; answered: number; responseRate: number; mean: number | null }>) =>
      groups.map((g) => [g.label, g.sent, g.answered, g.responseRate, g.mean]);
    expect(brief(r.satisfaction.byConsultant)).toEqual([
      [`Ana ${tag}`, 2, 2, 100, 3.5],
      [`Ben ${tag}`, 1, 0, 0, null],
    ]);
    expect(brief(r.satisfaction.byRegion)).toEqual([
      ['Central', 2, 1, 50, 5],
      ['Western', 1, 1, 100, 2],
    ]);
    expect(brief(r.satisfaction.byServiceLine)).toEqual([
      ['NYCPS (peer)', 2, 2, 100, 3.5],
      ['YPA-C (youth)', 1, 1, 100, 2],
      ['No service line', 1, 0, 0, null],
    ]);
    expect(brief(r.satisfaction.byGoalArea)).toEqual([
      ['Capacity', 2, 2, 100, 3.5],
      ['Readiness', 1, 1, 100, 2],
      ['No plan goals', 1, 0, 0, null],
    ]);

    const oc = r.outcomeChecks;
    expect([oc.sent, oc.answered, oc.responseRate]).toEqual([3, 2, 66.7]);
    const q = Object.fromEntries(oc.questions.map((x: { code: string }) => [x.code, x]));
    expect(q.peers_hired).toMatchObject({ n: 2, total: 5, mean: 2.5 });
    expect(q.peers_left).toMatchObject({ n: 2, total: 1, mean: 0.5 });
    expect(q.plan_in_use.choices.map((c: { label: string; count: number }) => [c.label, c.count])).toEqual([
      ['Yes, we still work from it', 1],
      ['Partly', 1],
      ['No', 0],
      ['We did not make one', 0],
    ]);
    expect(oc.texts.map((t: { text: string; organizationName: string }) => [t.organizationName, t.text])).toEqual([
      [`Central Clinic ${tag}`, 'We hired two peer specialists and wrote their supervision plan.'],
      [`Western Clinic ${tag}`, 'Peer staff now attend team meetings.'],
    ]);

    expect(r.doseVsChange.n).toBe(2);
    expect(r.doseVsChange.note).toMatch(/not as evidence that TA caused the change/);
    expect(
      r.doseVsChange.rows.map((x: { organizationName: string; sessions: number; hours: number; meanChange: number }) => [
        x.organizationName,
        x.sessions,
        x.hours,
        x.meanChange,
      ]),
    ).toEqual([
      [`Dose Y ${tag}`, 1, 0.5, 1.5],
      [`Dose X ${tag}`, 2, 3, 1],
    ]);
    expect(r.doseVsChange.rows[1].sections).toEqual([
      { code: 'a', title: 'Hiring', change: 2 },
      { code: 'b', title: 'Supervision', change: 0 },
    ]);
  });

  it('exports the same figures as CSV, labels not codes; consultants get 403', async () => {
    const res = await request(api.url)
      .get('/api/v1/reports/outcomes')
      .query({ ...PERIOD, format: 'csv' })
      .set(auth(lead))
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="outcomes_2011-04-01_2011-07-01.csv"');
    const lines = res.text.split('\r\n');
    expect(lines[0]).toBe('Section,Group,Measure,Value');
    expect(lines).toEqual(
      expect.arrayContaining([
        'Resolved cases by intensity tier,Targeted,Cases,1',
        'Resolved or closed cases by reason,Referred elsewhere,Cases,1',
        'Satisfaction,All closure surveys,Mean satisfaction (1–5),3.5',
        'Satisfaction by OMH region,Central,Response rate (%),50',
        'Satisfaction by goal area,No plan goals,Surveys sent,1',
        'Outcome check answers,How many peer staff has your program hired since then?,Total,5',
        `TA dose vs readiness change,Dose X ${tag} (dose-${tag}),TA hours between rounds,3`,
      ]),
    );
    expect(res.text).not.toMatch(/goals_met|referred_elsewhere|nycps|case_closure/);
    await request(api.url).get('/api/v1/reports/outcomes').query(PERIOD).set(auth(consultant)).expect(403);
    await request(api.url)
      .get('/api/v1/reports/outcomes')
      .query({ ...PERIOD, format: 'xml' })
      .set(auth(lead))
      .expect(400);
    await request(api.url).get('/api/v1/reports/outcomes').query({ from: PERIOD.to, to: PERIOD.from }).set(auth(lead)).expect(400);
  });
});
