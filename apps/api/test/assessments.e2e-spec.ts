import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import request from 'supertest';
import { createStaff, DEMO_ADMIN, login } from '../../../test/support/auth.js';
import { createCase, createContact, createOrganization } from '../../../test/support/fixtures.js';
import { eventually, messagesFor } from '../../../test/support/mail-sink.js';
import { repoRoot, startApi, startProcess, type RunningApi } from '../../../test/support/processes.js';

const run = promisify(execFile);
const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const LEVELS3 = [
  { score: 1, label: 'Needs improvement', example: 'Not yet.' },
  { score: 2, label: 'Adequate', example: 'Mostly.' },
  { score: 3, label: 'Exemplary', example: 'Always.' },
];

/** A small 1–3 instrument with a code of its own, so tests never share rounds. */
function instrument13(code: string, version = 1, a1 = 'Staff can describe the peer role.') {
  return {
    code,
    version,
    title: `Readiness test ${code}`,
    scale: { min: 1, max: 3, labels: { '1': 'Needs improvement', '2': 'Adequate', '3': 'Exemplary' } },
    sections: [
      {
        code: 'a',
        title: 'Knowledge of peer support practice',
        goalArea: 'fidelity',
        feedback: [
          { minScore: 1, text: 'Start with the basics.' },
          { minScore: 2, text: 'A working understanding.' },
          { minScore: 2.5, text: 'A strength.' },
        ],
        items: [
          { code: 'a1', statement: a1, levels: LEVELS3 },
          { code: 'a2', statement: 'Leaders know the credentials.', levels: LEVELS3 },
        ],
      },
      {
        code: 'b',
        title: 'Supervision',
        goalArea: 'retention',
        feedback: [{ minScore: 1, text: 'Supervision needs attention.' }],
        items: [{ code: 'b1', statement: 'Peer staff have regular supervision.', levels: LEVELS3 }],
      },
    ],
  };
}

const answers = (scores: Record<string, number>) => Object.entries(scores).map(([itemCode, score]) => ({ itemCode, score }));

describe('readiness assessments: instruments, rounds, scores, respondents, suggested goals (real API)', () => {
  let api: RunningApi;
  let admin: string;
  let consultant: { id: string; token: string };
  let consultant2: { id: string; token: string };
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });

  beforeAll(async () => {
    await db.connect();
    api = await startApi();
    admin = await login(api.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
    consultant = await createStaff(api.url, admin, 'consultant');
    consultant2 = await createStaff(api.url, admin, 'consultant');
  });
  afterAll(async () => {
    await api?.stop();
    await db.end();
  });

  const load = (body: unknown, token = admin) =>
    request(api.url)
      .post('/api/v1/instruments')
      .set(auth(token))
      .send(body as object);
  const startRound = async (orgId: string, instrumentId: string, purpose = 'baseline', extra: Record<string, unknown> = {}) =>
    (
      await request(api.url)
        .post(`/api/v1/organizations/${orgId}/assessments`)
        .set(auth(consultant.token))
        .send({ instrumentId, purpose, ...extra })
        .expect(201)
    ).body;
  const enter = (roundId: string, respondentName: string, scores: Record<string, number>) =>
    request(api.url)
      .post(`/api/v1/assessments/${roundId}/responses`)
      .set(auth(consultant.token))
      .send({ respondentName, answers: answers(scores) });

  it('ships the demo instrument in the self-assessment’s shape, loaded by the seed', async () => {
    const list = await request(api.url).get('/api/v1/instruments').set(auth(consultant.token)).expect(200);
    const demo = list.body.find((i: { code: string }) => i.code === 'peer-readiness-demo');
    expect(demo).toMatchObject({ version: 1, scaleMin: 1, scaleMax: 3, sections: 4 });
    expect(demo.items).toBeGreaterThanOrEqual(20);
    expect(demo.items).toBeLessThanOrEqual(25);
    const full = await request(api.url).get(`/api/v1/instruments/${demo.id}`).set(auth(consultant.token)).expect(200);
    expect(full.body.definition.sections.map((s: { goalArea: string }) => s.goalArea).sort()).toEqual([
      'capacity',
      'fidelity',
      'readiness',
      'retention',
    ]);
  });

  it('refuses a bad file with errors naming the JSON path, and lets only admins load', async () => {
    const bad = instrument13(`bad-${randomUUID().slice(0, 8)}`) as ReturnType<typeof instrument13> & Record<string, unknown>;
    bad.sections[1]!.items[0]!.levels = LEVELS3.slice(0, 2);
    (bad.sections[0] as Record<string, unknown>).goalArea = 'happiness';
    bad.sections[0]!.feedback[0]!.minScore = 1.5;
    const res = await load(bad).expect(400);
    const fields = res.body.details.map((d: { field: string; messages: string[] }) => `${d.field}: ${d.messages.join(', ')}`);
    expect(fields).toEqual([
      'sections[0].goalArea: must be one of readiness, capacity, fidelity, retention',
      'sections[0].feedback[0].minScore: must be 1, the bottom of the scale, so that every score has feedback',
      'sections[1].items[0].levels: scores must cover 1..3',
    ]);
    await load({ ...instrument13('x'), scale: { min: 3, max: 1, labels: {} } }).expect(400, /scale.max: must be greater than scale.min/);
    await load({ ...instrument13('y'), sections: [{ ...instrument13('y').sections[0], items: [] }] }).expect(
      400,
      /sections\[0\]\.items: must not be empty/,
    );
    await load(instrument13(`ok-${randomUUID().slice(0, 8)}`), consultant.token).expect(403);
    await request(api.url).post('/api/v1/instruments').send(instrument13('anon')).expect(401);
  });

  it('npm run instrument:load validates and stores a file against DATABASE_URL', async () => {
    const code = `cli-${randomUUID().slice(0, 8)}`;
    const good = join(tmpdir(), `${code}.json`);
    const bad = join(tmpdir(), `${code}-bad.json`);
    writeFileSync(good, JSON.stringify(instrument13(code)));
    const broken = instrument13(code, 2);
    broken.sections[0]!.items[1]!.levels = [{ score: 1, label: 'x', example: '' }];
    writeFileSync(bad, JSON.stringify(broken));
    const cli = `${repoRoot}dist/apps/api/src/instrument-load.js`;
    const ok = await run(process.execPath, [cli, good], { env: process.env });
    expect(ok.stdout).toContain(`${code} version 1: created (2 sections, 3 statements, scale 1–3)`);
    expect((await run(process.execPath, [cli, good], { env: process.env })).stdout).toContain('unchanged');
    const failed = await run(process.execPath, [cli, bad], { env: process.env }).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toContain('sections[0].items[1].levels: scores must cover 1..3');
    const stored = await db.query(`SELECT version FROM instruments WHERE code = $1`, [code]);
    expect(stored.rows).toEqual([{ version: 1 }]);
  });

  it('scores a 1–3 round from several respondents: item means, section means and %, spread and disagreement', async () => {
    const code = `t13-${randomUUID().slice(0, 8)}`;
    const loaded = await load(instrument13(code)).expect(201);
    expect(loaded.body.outcome).toBe('created');
    const org = await createOrganization(api.url, consultant.token);
    const round = await startRound(org.id, loaded.body.instrument.id);
    await enter(round.id, 'Director', { a1: 1, a2: 2, b1: 3 }).expect(201);
    await enter(round.id, 'Supervisor', { a1: 3, a2: 2, b1: 3 }).expect(201);
    const last = await enter(round.id, 'Peer specialist', { a1: 2, a2: 3, b1: 2 }).expect(201);
    expect(last.body.sections).toEqual([
      {
        code: 'a',
        title: 'Knowledge of peer support practice',
        goalArea: 'fidelity',
        score: 2.17,
        percent: 58.3,
        items: [
          { code: 'a1', statement: 'Staff can describe the peer role.', n: 3, score: 2, spread: 2, disagreement: true },
          { code: 'a2', statement: 'Leaders know the credentials.', n: 3, score: 2.33, spread: 1, disagreement: false },
        ],
      },
      {
        code: 'b',
        title: 'Supervision',
        goalArea: 'retention',
        score: 2.67,
        percent: 83.3,
        items: [{ code: 'b1', statement: 'Peer staff have regular supervision.', n: 3, score: 2.67, spread: 1, disagreement: false }],
      },
    ]);
    expect(last.body.respondents.map((r: { name: string; answers: object }) => [r.name, r.answers])).toEqual([
      ['Director', { a1: 1, a2: 2, b1: 3 }],
      ['Supervisor', { a1: 3, a2: 2, b1: 3 }],
      ['Peer specialist', { a1: 2, a2: 3, b1: 2 }],
    ]);
    // Answers outside the scale or for unknown items name the field.
    await enter(round.id, 'X', { a1: 4 }).expect(400, /answers\[0\]\.score: must be between 1 and 3/);
    await enter(round.id, 'X', { zz: 1 }).expect(400, /answers\[0\]\.itemCode/);
    // Consultants see every round, not only their own.
    await request(api.url).get(`/api/v1/assessments/${round.id}`).set(auth(consultant2.token)).expect(200);
  });

  it('scores a 1–5 (ORIC-style) round', async () => {
    const fixture = JSON.parse(readFileSync(`${repoRoot}apps/api/test/fixtures/change-readiness-1to5.json`, 'utf8'));
    fixture.code = `t15-${randomUUID().slice(0, 8)}`;
    const loaded = await load(fixture).expect(201);
    const org = await createOrganization(api.url, consultant.token);
    const round = await startRound(org.id, loaded.body.instrument.id);
    await enter(round.id, 'A', { cm1: 5, cm2: 4, ef1: 1, ef2: 3, ef3: 2 }).expect(201);
    const res = await enter(round.id, 'B', { cm1: 4, cm2: 4, ef1: 5, ef2: 3, ef3: 4 }).expect(201);
    const flat = res.body.sections.map((s: { code: string; score: number; percent: number; items: Array<Record<string, unknown>> }) => [
      s.code,
      s.score,
      s.percent,
      s.items.map((i) => [i.code, i.score, i.spread, i.disagreement]),
    ]);
    expect(flat).toEqual([
      [
        'commitment',
        4.25,
        81.3,
        [
          ['cm1', 4.5, 1, false],
          ['cm2', 4, 0, false],
        ],
      ],
      [
        'efficacy',
        3,
        50,
        [
          ['ef1', 3, 4, true],
          ['ef2', 3, 0, false],
          ['ef3', 3, 2, false],
        ],
      ],
    ]);
  });

  it('keeps a version immutable once used, and a new version leaves old rounds’ scores intact', async () => {
    const code = `ver-${randomUUID().slice(0, 8)}`;
    const v1 = (await load(instrument13(code)).expect(201)).body.instrument;
    // Not used yet: an edit of the same version replaces it.
    expect((await load(instrument13(code, 1, 'Edited before use.')).expect(201)).body.outcome).toBe('replaced');
    const org = await createOrganization(api.url, consultant.token);
    const round = await startRound(org.id, v1.id);
    await enter(round.id, 'One', { a1: 1, a2: 1, b1: 1 }).expect(201);
    const before = (await request(api.url).get(`/api/v1/assessments/${round.id}`).set(auth(consultant.token)).expect(200)).body;
    await load(instrument13(code, 1, 'Changed after use.')).expect(409, /version 2/);
    const v2 = await load(instrument13(code, 2, 'The second version’s wording.')).expect(201);
    expect(v2.body.instrument.id).not.toBe(v1.id);
    const after = (await request(api.url).get(`/api/v1/assessments/${round.id}`).set(auth(consultant.token)).expect(200)).body;
    expect(after.sections).toEqual(before.sections);
    expect(after.sections[0].items[0].statement).toBe('Edited before use.');
    expect(after.instrument.version).toBe(1);
  });

  it('invites contacts with a tokenized link: draft, resume, review, submit once; unknown and expired links are friendly', async () => {
    const code = `tok-${randomUUID().slice(0, 8)}`;
    const instrumentId = (await load(instrument13(code)).expect(201)).body.instrument.id;
    const org = await createOrganization(api.url, consultant.token);
    const [alex, blair] = [await createContact(api.url, consultant.token, org.id), await createContact(api.url, consultant.token, org.id)];
    const round = await startRound(org.id, instrumentId);
    const invited = await request(api.url)
      .post(`/api/v1/assessments/${round.id}/invitations`)
      .set(auth(consultant.token))
      .send({ contactIds: [alex.id, blair.id] })
      .expect(201);
    expect(invited.body.invitations.map((i: { outcome: string }) => i.outcome)).toEqual(['invited', 'invited']);
    const again = await request(api.url)
      .post(`/api/v1/assessments/${round.id}/invitations`)
      .set(auth(consultant.token))
      .send({ contactIds: [alex.id] })
      .expect(201);
    expect(again.body.invitations[0].outcome).toBe('already_invited');

    const emails = (
      await db.query(
        `SELECT data FROM outbound_emails WHERE template = 'assessment_invitation' AND dedupe_key LIKE $1 ORDER BY created_at`,
        [`assessment:${round.id}:%`],
      )
    ).rows as Array<{ data: { url: string } }>;
    expect(emails).toHaveLength(2);
    const tokens = emails.map((e) => e.data.url.split('/request/assessment/')[1]!);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/); // 24 random bytes = 192 bits
    const hashes = (await db.query(`SELECT token_hash FROM assessment_respondents WHERE assessment_id = $1`, [round.id])).rows.map(
      (r) => r.token_hash,
    );
    expect(hashes.sort()).toEqual(tokens.map((t) => createHash('sha256').update(t).digest('hex')).sort());

    const [mine, theirs] = tokens as [string, string];
    const page = await request(api.url).get(`/api/v1/public/assessments/${mine}`).expect(200);
    expect(page.body).toMatchObject({ organizationName: org.name, status: 'invited', answers: [], results: null });
    expect(page.body.instrument.sections[0].items[0].levels).toHaveLength(3);

    // The draft is saved as they go and is there when the same link is opened again.
    await request(api.url)
      .put(`/api/v1/public/assessments/${mine}`)
      .send({ answers: [{ itemCode: 'a1', score: 2, comment: 'We are learning.' }] })
      .expect(200);
    const resumed = await request(api.url).get(`/api/v1/public/assessments/${mine}`).expect(200);
    expect(resumed.body).toMatchObject({ status: 'draft', answers: [{ itemCode: 'a1', score: 2, comment: 'We are learning.' }] });
    await request(api.url)
      .post(`/api/v1/public/assessments/${mine}/submit`)
      .send({ answers: [] })
      .expect(400, /2 statements are not answered yet/);
    // The other respondent's draft: a token sees only its own answers.
    await request(api.url)
      .put(`/api/v1/public/assessments/${theirs}`)
      .send({ answers: answers({ a1: 3, a2: 3 }) })
      .expect(200);
    const done = await request(api.url)
      .post(`/api/v1/public/assessments/${mine}/submit`)
      .send({ answers: answers({ a2: 3, b1: 1 }) })
      .expect(200);
    expect(done.body.status).toBe('submitted');
    expect(done.body.answers.map((a: { itemCode: string; score: number }) => [a.itemCode, a.score]).sort()).toEqual([
      ['a1', 2],
      ['a2', 3],
      ['b1', 1],
    ]);
    expect(done.body.results).toEqual([
      { code: 'a', title: 'Knowledge of peer support practice', score: 2.5, percent: 75, feedback: 'A strength.' },
      { code: 'b', title: 'Supervision', score: 1, percent: 0, feedback: 'Supervision needs attention.' },
    ]);
    expect(JSON.stringify(done.body)).not.toContain(blair.id);
    await request(api.url)
      .post(`/api/v1/public/assessments/${mine}/submit`)
      .send({ answers: [] })
      .expect(409, /already submitted/);
    await request(api.url).put(`/api/v1/public/assessments/${mine}`).send({ answers: [] }).expect(409);
    // Submitted answers count in the team's scores; a draft does not.
    const staffView = (await request(api.url).get(`/api/v1/assessments/${round.id}`).set(auth(consultant.token)).expect(200)).body;
    expect(staffView.sections[0].items[0]).toMatchObject({ n: 1, score: 2 });
    expect(staffView.respondents.find((r: { status: string }) => r.status === 'draft').answers).toEqual({});

    await request(api.url)
      .get(`/api/v1/public/assessments/${'x'.repeat(32)}`)
      .expect(404, /could not find this assessment/);
    await request(api.url).get('/api/v1/public/assessments/short').expect(404);
    await request(api.url).post(`/api/v1/assessments/${round.id}/close`).set(auth(consultant.token)).expect(200);
    await request(api.url)
      .get(`/api/v1/public/assessments/${theirs}`)
      .expect(410, /has closed/);
    await request(api.url).put(`/api/v1/public/assessments/${theirs}`).send({ answers: [] }).expect(410);
    // The submitted respondent can still see their own results after the round closes.
    await request(api.url).get(`/api/v1/public/assessments/${mine}`).expect(200);
    await enter(round.id, 'Late', { a1: 1 }).expect(409, /closed/);
  });

  it('emails a respondent their own section scores and feedback once, through the outbox, when they submit', async () => {
    const code = `res-${randomUUID().slice(0, 8)}`;
    const instrumentId = (await load(instrument13(code)).expect(201)).body.instrument.id;
    const org = await createOrganization(api.url, consultant.token);
    const contact = await createContact(api.url, consultant.token, org.id);
    const { email } = (await db.query(`SELECT email FROM contacts WHERE id = $1`, [contact.id])).rows[0] as { email: string };
    const round = await startRound(org.id, instrumentId);
    await request(api.url)
      .post(`/api/v1/assessments/${round.id}/invitations`)
      .set(auth(consultant.token))
      .send({ contactIds: [contact.id] })
      .expect(201);
    const [invitation] = (
      await db.query(`SELECT data FROM outbound_emails WHERE template = 'assessment_invitation' AND recipient = $1`, [email])
    ).rows as Array<{ data: { url: string } }>;
    const token = invitation!.data.url.split('/request/assessment/')[1]!;
    const draft = await request(api.url)
      .put(`/api/v1/public/assessments/${token}`)
      .send({ answers: answers({ a1: 1 }) })
      .expect(200);
    expect(draft.body.resultsEmailed).toBe(false);
    const done = await request(api.url)
      .post(`/api/v1/public/assessments/${token}/submit`)
      .send({ answers: answers({ a2: 2, b1: 3 }) })
      .expect(200);
    expect(done.body.resultsEmailed).toBe(true);
    await request(api.url).post(`/api/v1/public/assessments/${token}/submit`).send({ answers: [] }).expect(409);

    const rows = (
      await db.query(`SELECT recipient, data, dedupe_key FROM outbound_emails WHERE template = 'assessment_results' AND recipient = $1`, [
        email,
      ])
    ).rows as Array<{ recipient: string; data: { sections: unknown[]; url: string }; dedupe_key: string }>;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.data.sections).toEqual([
      { title: 'Knowledge of peer support practice', score: 1.5, percent: 25, feedback: 'Start with the basics.' },
      { title: 'Supervision', score: 3, percent: 100, feedback: 'Supervision needs attention.' },
    ]);
    expect(rows[0]!.data.url).toBe(invitation!.data.url);
    // The worker delivers it (started here only: its sweeps would otherwise run beside the other tests).
    const worker = startProcess(`${repoRoot}dist/apps/worker/src/main.js`);
    const [results] = await eventually(
      () => messagesFor(email).then((all) => all.filter((m) => m.subject.startsWith('Your readiness self-assessment results'))),
      (m) => m.length > 0,
    ).finally(() => worker.stop());
    expect(results!.subject).toBe(`Your readiness self-assessment results for ${org.name}`);
    expect(results!.text).toContain('Knowledge of peer support practice: 1.5 (25%)\nStart with the basics.');
    expect(results!.text).toContain('Supervision: 3 (100%)');
    expect(results!.text).toContain(`See or print them again: ${invitation!.data.url}`);
    expect(results!.html).toContain('Start with the basics.');
  });

  it('shows change against the baseline and turns the weakest section into plan goals on the case timeline', async () => {
    const code = `chg-${randomUUID().slice(0, 8)}`;
    const instrumentId = (await load(instrument13(code)).expect(201)).body.instrument.id;
    const org = await createOrganization(api.url, consultant.token);
    const theCase = await createCase(api.url, consultant.token, org.id);
    const baseline = await startRound(org.id, instrumentId, 'baseline', { caseId: theCase.id });
    await enter(baseline.id, 'A', { a1: 1, a2: 2, b1: 2 }).expect(201);
    await enter(baseline.id, 'B', { a1: 1, a2: 3, b1: 3 }).expect(201);
    await request(api.url).post(`/api/v1/assessments/${baseline.id}/close`).set(auth(consultant.token)).expect(200);

    const plan = await request(api.url)
      .post(`/api/v1/cases/${theCase.id}/action-plan/goals/from-assessment`)
      .set(auth(consultant.token))
      .send({ assessmentId: baseline.id, sectionCodes: ['a'] })
      .expect(201);
    expect(plan.body.goals).toHaveLength(1);
    expect(plan.body.goals[0]).toMatchObject({ title: 'Strengthen knowledge of peer support practice', goalArea: 'fidelity' });
    expect(plan.body.goals[0].items.map((i: { description: string }) => i.description)).toEqual(['Staff can describe the peer role.']);
    const timeline = await request(api.url).get(`/api/v1/cases/${theCase.id}/timeline`).set(auth(consultant.token)).expect(200);
    const event = timeline.body.items.find((e: { type: string }) => e.type === 'goals_from_assessment');
    expect(event.data).toMatchObject({ assessmentId: baseline.id, sections: [{ code: 'a', score: 1.75 }] });
    // Another consultant may read the round but not plan on someone else's case.
    await request(api.url)
      .post(`/api/v1/cases/${theCase.id}/action-plan/goals/from-assessment`)
      .set(auth(consultant2.token))
      .send({ assessmentId: baseline.id, sectionCodes: ['a'] })
      .expect(403);
    await request(api.url)
      .post(`/api/v1/cases/${theCase.id}/action-plan/goals/from-assessment`)
      .set(auth(consultant.token))
      .send({ assessmentId: baseline.id, sectionCodes: ['zz'] })
      .expect(400, /sectionCodes\[0\]/);

    const followUp = await startRound(org.id, instrumentId, 'follow_up', { caseId: theCase.id });
    await enter(followUp.id, 'A', { a1: 3, a2: 2, b1: 2 }).expect(201);
    await enter(followUp.id, 'B', { a1: 2, a2: 3, b1: 3 }).expect(201);
    const closed = await request(api.url).post(`/api/v1/assessments/${followUp.id}/close`).set(auth(consultant.token)).expect(200);
    expect(closed.body.change.sections).toEqual([
      { code: 'a', title: 'Knowledge of peer support practice', baseline: 1.75, latest: 2.5, delta: 0.75 },
      { code: 'b', title: 'Supervision', baseline: 2.5, latest: 2.5, delta: 0 },
    ]);
    expect(closed.body.change.itemsMovedMost).toEqual([
      { code: 'a1', title: 'Staff can describe the peer role.', sectionCode: 'a', baseline: 1, latest: 2.5, delta: 1.5 },
    ]);
    const orgView = (await request(api.url).get(`/api/v1/organizations/${org.id}/assessments`).set(auth(consultant2.token)).expect(200))
      .body;
    expect(orgView.rounds.map((r: { purpose: string }) => r.purpose)).toEqual(['follow_up', 'baseline']);
    expect(orgView.latest.id).toBe(followUp.id);
    expect(orgView.change).toMatchObject({ baselineId: baseline.id, latestId: followUp.id });
  });

  it('reports rounds taken, organizations assessed twice and the mean change per section, by region and service line', async () => {
    const code = `rep-${randomUUID().slice(0, 8)}`;
    const instrumentId = (await load(instrument13(code)).expect(201)).body.instrument.id;
    const twice = async (
      region: string,
      peerRoles: string[],
      baseline: Record<string, number>,
      latest: Record<string, number> | null,
      close = true,
    ) => {
      const org = await createOrganization(api.url, consultant.token, { region, peerRoles });
      const first = await startRound(org.id, instrumentId, 'baseline');
      await enter(first.id, 'Team', baseline).expect(201);
      await request(api.url).post(`/api/v1/assessments/${first.id}/close`).set(auth(consultant.token)).expect(200);
      if (!latest) return;
      const second = await startRound(org.id, instrumentId, 'follow_up');
      await enter(second.id, 'Team', latest).expect(201);
      if (close) await request(api.url).post(`/api/v1/assessments/${second.id}/close`).set(auth(consultant.token)).expect(200);
    };
    await twice('central', ['nycps'], { a1: 1, a2: 1, b1: 2 }, { a1: 2, a2: 3, b1: 2 }); // a 1 → 2.5, b 2 → 2
    await twice('western', ['nycps', 'fpa'], { a1: 2, a2: 2, b1: 1 }, { a1: 3, a2: 2, b1: 3 }); // a 2 → 2.5, b 1 → 3
    await twice('central', [], { a1: 3, a2: 3, b1: 3 }, null); // a baseline only
    await twice('nyc', ['ypa'], { a1: 1, a2: 1, b1: 1 }, { a1: 3, a2: 3, b1: 3 }, false); // follow-up still open
    const day = (offset: number) => new Date(Date.now() + offset * 86400_000).toLocaleDateString('en-CA', { timeZone: 'America/New_York' });
    const query = { instrument: code, from: day(0), to: day(1) };
    await request(api.url).get('/api/v1/reports/readiness').query(query).set(auth(consultant.token)).expect(403);
    const lead = await createStaff(api.url, admin, 'lead');
    const res = await request(api.url).get('/api/v1/reports/readiness').query(query).set(auth(lead.token)).expect(200);
    const a = (meanChange: number, n: number) => ({ code: 'a', title: 'Knowledge of peer support practice', meanChange, n });
    const b = (meanChange: number, n: number) => ({ code: 'b', title: 'Supervision', meanChange, n });
    expect(res.body).toEqual({
      ...query,
      rounds: { total: 7, baseline: 4, followUp: 3 },
      organizationsAssessedTwice: 2,
      sections: [a(1, 2), b(1, 2)],
      byRegion: [
        { key: 'central', organizations: 1, sections: [a(1.5, 1), b(0, 1)] },
        { key: 'western', organizations: 1, sections: [a(0.5, 1), b(2, 1)] },
      ],
      byServiceLine: [
        { key: 'fpa', organizations: 1, sections: [a(0.5, 1), b(2, 1)] },
        { key: 'nycps', organizations: 2, sections: [a(1, 2), b(1, 2)] },
      ],
    });

    // The funder's CSV: the same figures, one a row, with labels (regions, service lines, sections), not codes.
    await request(api.url).get('/api/v1/reports/readiness-summary').query(query).set(auth(consultant.token)).expect(403);
    const csv = await request(api.url).get('/api/v1/reports/readiness-summary').query(query).set(auth(lead.token)).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="readiness_${code}_${query.from}_to_${query.from}.csv"`);
    const change = 'Mean change in section score since the baseline';
    expect(csv.text.split('\r\n')).toEqual([
      'Breakdown,Group,Figure,Section,Value,Organizations (n)',
      'All organizations,All,Rounds taken (with answers),,7,',
      'All organizations,All,Baseline rounds,,4,',
      'All organizations,All,Follow-up rounds,,3,',
      'All organizations,All,Organizations assessed twice,,2,',
      `All organizations,All,${change},Knowledge of peer support practice,1,2`,
      `All organizations,All,${change},Supervision,1,2`,
      'OMH region,Central,Organizations assessed twice,,1,',
      `OMH region,Central,${change},Knowledge of peer support practice,1.5,1`,
      `OMH region,Central,${change},Supervision,0,1`,
      'OMH region,Western,Organizations assessed twice,,1,',
      `OMH region,Western,${change},Knowledge of peer support practice,0.5,1`,
      `OMH region,Western,${change},Supervision,2,1`,
      'Service line,FPA-C (family),Organizations assessed twice,,1,',
      `Service line,FPA-C (family),${change},Knowledge of peer support practice,0.5,1`,
      `Service line,FPA-C (family),${change},Supervision,2,1`,
      'Service line,NYCPS (peer),Organizations assessed twice,,2,',
      `Service line,NYCPS (peer),${change},Knowledge of peer support practice,1,2`,
      `Service line,NYCPS (peer),${change},Supervision,1,2`,
      '',
    ]);
    const bom = await request(api.url)
      .get('/api/v1/reports/readiness-summary')
      .query({ ...query, bom: 'true' })
      .set(auth(lead.token))
      .expect(200);
    expect(bom.text.startsWith('\ufeffBreakdown,')).toBe(true);
    await request(api.url)
      .get('/api/v1/reports/readiness-summary')
      .query({ ...query, instrument: 'Bad Code' })
      .set(auth(lead.token))
      .expect(400);

    const yesterday = await request(api.url)
      .get('/api/v1/reports/readiness')
      .query({ ...query, from: day(-1), to: day(0) })
      .set(auth(lead.token));
    expect(yesterday.body).toMatchObject({ rounds: { total: 0 }, organizationsAssessedTwice: 0, sections: [] });
    await request(api.url)
      .get('/api/v1/reports/readiness')
      .query({ ...query, to: day(0) })
      .set(auth(lead.token))
      .expect(400, /to: must be after from/);
  });
});
