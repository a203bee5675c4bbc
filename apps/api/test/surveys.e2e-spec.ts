import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import request from 'supertest';
import { createStaff, DEMO_ADMIN, login } from '../../../test/support/auth.js';
import { createCase, createContact, createOrganization } from '../../../test/support/fixtures.js';
import { repoRoot, startApi, type RunningApi } from '../../../test/support/processes.js';

const run = promisify(execFile);

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const DAY = 86_400_000;

/** A closure survey answered well, except for the overall rating given. */
const closureAnswers = (overall: number) => [
  { questionCode: 'overall', number: overall },
  { questionCode: 'useful', number: 4 },
  { questionCode: 'recommend', choices: ['yes'] },
  { questionCode: 'helped_most', choices: ['sessions', 'action_plan'] },
  { questionCode: 'comments', text: 'The job description templates saved us weeks.' },
];

describe('surveys: definitions, the survey link answered once, low-rating alerts, opt-out (real API)', () => {
  let api: RunningApi;
  let admin: string;
  let lead: { id: string; token: string; email: string };
  let consultant: { id: string; token: string; email: string };
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

  /** A resolved case of the consultant's with a survey sent, as the sweep leaves it (the sweep has its own worker test). */
  async function invited(kind: 'case_closure' | 'outcome_check' = 'case_closure', expiresInDays = 30) {
    const org = await createOrganization(api.url, consultant.token);
    const contact = await createContact(api.url, consultant.token, org.id);
    const theCase = await createCase(api.url, consultant.token, org.id, { primaryContactId: contact.id });
    await db.query(
      `UPDATE cases SET assignee_id = $2, status = 'resolved', status_reason = 'goals_met', resolved_at = now() WHERE id = $1`,
      [theCase.id, consultant.id],
    );
    const token = randomBytes(24).toString('base64url');
    const [row] = (
      await db.query(
        `INSERT INTO survey_invitations (case_id, kind, survey_id, contact_id, recipient_name, recipient_email, token_hash, expires_at)
         SELECT $1, $2::varchar, (SELECT id FROM surveys WHERE kind = $2::varchar ORDER BY version DESC LIMIT 1), c.id, c.name, lower(c.email), $3,
                now() + make_interval(days => $4)
         FROM contacts c WHERE c.id = $5 RETURNING id, recipient_email`,
        [theCase.id, kind, createHash('sha256').update(token).digest('hex'), expiresInDays, contact.id],
      )
    ).rows;
    return { token, invitationId: row.id as string, email: row.recipient_email as string, caseId: theCase.id, organization: org };
  }
  const survey = (token: string) => request(api.url).get(`/api/v1/public/surveys/${token}`);
  const answer = (token: string, answers: unknown[]) => request(api.url).post(`/api/v1/public/surveys/${token}`).send({ answers });

  it('ships the default closure survey and outcome check; admins load new versions, a sent version cannot change', async () => {
    const list = await request(api.url).get('/api/v1/surveys').set(auth(consultant.token)).expect(200);
    const v1 = list.body
      .filter((s: { version: number }) => s.version === 1)
      .map((s: { kind: string; questions: number }) => [s.kind, s.questions]);
    expect(v1).toEqual([
      ['case_closure', 5],
      ['outcome_check', 4],
    ]);
    const closure = list.body.find((s: { kind: string; version: number }) => s.kind === 'case_closure' && s.version === 1);
    const full = await request(api.url).get(`/api/v1/surveys/${closure.id}`).set(auth(consultant.token)).expect(200);
    expect(full.body.definition.questions.map((q: { type: string }) => q.type)).toEqual(['rating', 'rating', 'yes_no', 'multi', 'text']);

    const bad = {
      kind: 'case_closure',
      version: 2,
      title: 'x',
      satisfactionQuestion: 'nope',
      questions: [
        { code: 'a', type: 'rating', prompt: 'How?', labels: { '1': 'Bad', '2': 'Meh' } },
        { code: 'b', type: 'single', prompt: 'Which?', options: [{ code: 'only', label: 'Only' }] },
        { code: 'c', type: 'slider', prompt: 'Slide' },
      ],
    };
    const res = await request(api.url).post('/api/v1/surveys').set(auth(admin)).send(bad).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual([
      'questions[0].labels.3',
      'questions[0].labels.4',
      'questions[0].labels.5',
      'questions[1].options',
      'questions[2].type',
      'satisfactionQuestion',
    ]);
    await request(api.url).post('/api/v1/surveys').set(auth(lead.token)).send(bad).expect(403);

    const version = 1000 + Math.floor(Math.random() * 100000);
    const file = {
      kind: 'outcome_check',
      version,
      title: 'Six months on',
      questions: [{ code: 'changed', type: 'text', prompt: 'What changed?' }],
    };
    const loaded = await request(api.url).post('/api/v1/surveys').set(auth(admin)).send(file).expect(201);
    expect(loaded.body).toMatchObject({ outcome: 'created', survey: { kind: 'outcome_check', version, questions: 1, current: true } });
    await request(api.url)
      .post('/api/v1/surveys')
      .set(auth(admin))
      .send(file)
      .expect(201, /"unchanged"/);
    // Once a link went out with it, the version is frozen (the answers keep the wording they were given against).
    await db.query(`DELETE FROM surveys WHERE id = $1`, [loaded.body.survey.id]);
    const sent = await invited('outcome_check');
    const frozen = (
      await db.query(
        `SELECT s.kind, s.version, s.definition FROM survey_invitations i JOIN surveys s ON s.id = i.survey_id WHERE i.id = $1`,
        [sent.invitationId],
      )
    ).rows[0];
    await request(api.url)
      .post('/api/v1/surveys')
      .set(auth(admin))
      .send({ ...frozen.definition, title: 'Edited' })
      .expect(409, /load the edited file as version/);
  });

  it('npm run survey:load validates and stores a file against DATABASE_URL', async () => {
    const version = 200000 + Math.floor(Math.random() * 100000);
    const good = join(tmpdir(), `survey-${version}.json`);
    const bad = join(tmpdir(), `survey-${version}-bad.json`);
    const file = {
      kind: 'outcome_check',
      version,
      title: 'A year on',
      questions: [{ code: 'changed', type: 'text', prompt: 'What changed?' }],
    };
    writeFileSync(good, JSON.stringify(file));
    writeFileSync(bad, JSON.stringify({ ...file, questions: [{ code: 'n', type: 'number', prompt: 'How many?', min: 5, max: 1 }] }));
    const cli = `${repoRoot}dist/apps/api/src/survey-load.js`;
    expect((await run(process.execPath, [cli, good], { env: process.env })).stdout).toContain(
      `outcome_check version ${version}: created (1 questions)`,
    );
    expect((await run(process.execPath, [cli, good], { env: process.env })).stdout).toContain('unchanged');
    const failed = await run(process.execPath, [cli, bad], { env: process.env }).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 1, stderr: expect.stringContaining('questions[0].max: must be greater than min') });
    await db.query(`DELETE FROM surveys WHERE kind = 'outcome_check' AND version = $1`, [version]);
  });

  it('a link opens its own survey only, takes one set of answers, and tells used, expired and unknown links apart', async () => {
    const a = await invited();
    const b = await invited();
    const opened = await survey(a.token).expect(200);
    expect(opened.body).toMatchObject({
      kind: 'case_closure',
      organizationName: a.organization.name,
      recipientName: 'Jordan',
      status: 'sent',
    });
    expect(JSON.stringify(opened.body)).not.toContain(a.email);
    expect(JSON.stringify(opened.body)).not.toContain(a.caseId);

    await answer(a.token, [{ questionCode: 'overall', number: 4 }]).expect(
      400,
      /answers: 2 required questions are not answered: useful, recommend/,
    );
    await answer(a.token, [{ questionCode: 'overall', number: 6 }]).expect(400, /answers\[0\]\.number: must be a whole number from 1 to 5/);
    await answer(a.token, [{ questionCode: 'recommend', choices: ['maybe'] }]).expect(
      400,
      /answers\[0\]\.choices: \\"maybe\\" is not an option/,
    );
    await answer(a.token, [{ questionCode: 'overall', text: 'great' }]).expect(
      400,
      /answers\[0\]\.text: is not how a rating question is answered/,
    );
    await answer(a.token, [{ questionCode: 'overall', number: null }]).expect(400);

    const done = await answer(a.token, closureAnswers(5)).expect(200);
    expect(done.body).toMatchObject({ status: 'answered', answeredAt: expect.any(String) });
    await answer(a.token, closureAnswers(1)).expect(409, /already been answered/);
    expect((await survey(a.token).expect(200)).body.status).toBe('answered');
    // The other link is untouched by the first one's answers.
    expect((await survey(b.token).expect(200)).body).toMatchObject({ status: 'sent', organizationName: b.organization.name });

    const expired = await invited('case_closure', -1);
    await survey(expired.token).expect(410, /has closed/);
    await answer(expired.token, closureAnswers(5)).expect(410);
    await survey(randomBytes(24).toString('base64url')).expect(404, /could not find this survey/);
    await survey('short').expect(404, /could not find this survey/);
    await answer(randomBytes(24).toString('base64url'), closureAnswers(5)).expect(404);
  });

  it('puts the answers on the case timeline and the case’s Satisfaction card; a low overall rating emails the consultant and the leads', async () => {
    const low = await invited();
    await answer(low.token, closureAnswers(2)).expect(200);
    const timeline = await request(api.url).get(`/api/v1/cases/${low.caseId}/timeline`).set(auth(consultant.token)).expect(200);
    expect(timeline.body.items.find((e: { type: string }) => e.type === 'survey_answered')?.data).toMatchObject({
      kind: 'case_closure',
      satisfaction: 2,
      recipient: 'Jordan Lee',
    });
    const card = await request(api.url).get(`/api/v1/cases/${low.caseId}/surveys`).set(auth(consultant.token)).expect(200);
    expect(card.body.optedOut).toBe(false);
    expect(card.body.surveys).toHaveLength(1);
    expect(card.body.surveys[0]).toMatchObject({ kind: 'case_closure', status: 'answered', satisfaction: 2, recipientName: 'Jordan Lee' });
    expect(card.body.surveys[0].answers.map((x: { display: string }) => x.display)).toEqual([
      '2 – Dissatisfied',
      '4 – Very useful',
      'Yes',
      'Talking things through with a consultant; Working from a written action plan',
      'The job description templates saved us weeks.',
    ]);

    const alerts = await db.query(`SELECT recipient, template, data FROM outbound_emails WHERE dedupe_key LIKE $1`, [
      `survey:${low.invitationId}:low-rating:%`,
    ]);
    const leads = (await db.query(`SELECT email FROM users WHERE active AND role = 'lead'`)).rows.map((r) => r.email as string);
    expect(alerts.rows.map((r) => r.recipient).sort()).toEqual([consultant.email, ...leads].sort());
    expect(alerts.rows[0]).toMatchObject({
      template: 'survey_low_rating',
      data: { rating: 2, caseUrl: expect.stringContaining(low.caseId) },
    });
    expect(leads).toContain(lead.email);

    const fine = await invited();
    await answer(fine.token, closureAnswers(3)).expect(200);
    const none = await db.query(`SELECT 1 FROM outbound_emails WHERE dedupe_key LIKE $1`, [`survey:${fine.invitationId}:low-rating:%`]);
    expect(none.rows).toHaveLength(0);
  });

  it('opts an address out of surveys with one click from any of its links, answered or not', async () => {
    const sent = await invited();
    const before = await request(api.url).get(`/api/v1/public/surveys/${sent.token}/opt-out`).expect(200);
    expect(before.body).toEqual({ email: `j•••@${sent.email.split('@')[1]}`, optedOut: false });
    await request(api.url).post(`/api/v1/public/surveys/${sent.token}/opt-out`).expect(200, { email: before.body.email, optedOut: true });
    await request(api.url).post(`/api/v1/public/surveys/${sent.token}/opt-out`).expect(200);
    expect((await db.query(`SELECT email FROM survey_opt_outs WHERE email = $1`, [sent.email])).rows).toHaveLength(1);
    const card = await request(api.url).get(`/api/v1/cases/${sent.caseId}/surveys`).set(auth(consultant.token)).expect(200);
    expect(card.body.optedOut).toBe(true);
    await request(api.url)
      .post(`/api/v1/public/surveys/${randomBytes(24).toString('base64url')}/opt-out`)
      .expect(404);
  });

  it('lists the answers of a period for leads and admins; consultants get 403', async () => {
    const sent = await invited('outcome_check');
    await answer(sent.token, [
      { questionCode: 'changed', text: 'We hired our first two peer specialists.' },
      { questionCode: 'peers_hired', number: 2 },
      { questionCode: 'peers_left', number: 0 },
      { questionCode: 'plan_in_use', choices: ['partly'] },
    ]).expect(200);
    const today = new Date().toISOString().slice(0, 10);
    const range = {
      from: new Date(Date.now() - 2 * DAY).toISOString().slice(0, 10),
      to: new Date(Date.now() + 2 * DAY).toISOString().slice(0, 10),
    };
    const res = await request(api.url).get('/api/v1/surveys/responses').query(range).set(auth(lead.token)).expect(200);
    const mine = res.body.find((r: { id: string }) => r.id === sent.invitationId);
    expect(mine).toMatchObject({
      caseId: sent.caseId,
      kind: 'outcome_check',
      organizationName: sent.organization.name,
      consultantName: 'Test consultant',
    });
    expect(mine.answers.map((x: { display: string }) => x.display)).toEqual([
      'We hired our first two peer specialists.',
      '2',
      '0',
      'Partly',
    ]);
    await request(api.url).get('/api/v1/surveys/responses').query(range).set(auth(consultant.token)).expect(403);
    await request(api.url).get('/api/v1/surveys/responses').query({ from: today, to: today }).set(auth(lead.token)).expect(400, /to/);
  });
});
