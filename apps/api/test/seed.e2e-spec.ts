import pg from 'pg';

describe('demo seed (run by the test setup exactly as by npm run up)', () => {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  beforeAll(() => client.connect());
  afterAll(() => client.end());

  it('creates the demo staff, ~30 organizations across the five regions, and ~80 cases in every status with timelines', async () => {
    const users = await client.query(`SELECT email, role FROM users WHERE email LIKE '%@example.org' ORDER BY email`);
    expect(users.rows).toEqual(
      expect.arrayContaining([
        { email: 'admin@example.org', role: 'admin' },
        { email: 'lead@example.org', role: 'lead' },
        { email: 'consultant@example.org', role: 'consultant' },
        { email: 'consultant2@example.org', role: 'consultant' },
      ]),
    );
    // The seed runs in one transaction, so everything it created shares the admin's created_at (compared in SQL:
    // a JavaScript Date would drop the microseconds).
    const seeded = `(SELECT created_at FROM users WHERE email = 'admin@example.org')`;
    const seededOrgs = await client.query(
      `SELECT region, count(*)::int AS n FROM organizations WHERE created_at = ${seeded} GROUP BY region`,
    );
    expect(seededOrgs.rows.map((r) => r.region).sort()).toEqual(['central', 'hudson_river', 'long_island', 'nyc', 'western']);
    expect(seededOrgs.rows.reduce((sum, r) => sum + r.n, 0)).toBe(30);
    const seededCases = await client.query(`SELECT status, count(*)::int AS n FROM cases WHERE created_at = ${seeded} GROUP BY status`);
    expect(seededCases.rows.map((r) => r.status).sort()).toEqual(['active', 'closed', 'new', 'on_hold', 'resolved', 'triaged']);
    expect(seededCases.rows.reduce((sum, r) => sum + r.n, 0)).toBe(80);
    // Sessions and follow-ups, so the dashboard and My follow-ups have something to show on the demo data.
    const sessions = await client.query(
      `SELECT count(*)::int AS n, sum(duration_minutes)::int AS minutes FROM consultations WHERE created_at = ${seeded}`,
    );
    expect(sessions.rows[0].n).toBeGreaterThan(50);
    expect(sessions.rows[0].minutes).toBeGreaterThan(sessions.rows[0].n * 29);
    const followUps = await client.query(`SELECT count(*)::int AS n FROM follow_ups WHERE created_at = ${seeded}`);
    expect(followUps.rows[0].n).toBeGreaterThan(10);
    const withoutTimeline = await client.query(
      `SELECT count(*)::int AS n FROM cases c WHERE c.created_at = ${seeded} AND NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.type = 'created')`,
    );
    expect(withoutTimeline.rows[0].n).toBe(0);
  });

  it('gives resolved demo cases answered closure surveys and outcome checks, so the Outcomes section has numbers', async () => {
    const seeded = `(SELECT created_at FROM users WHERE email = 'admin@example.org')`;
    const surveys = await client.query(
      `SELECT i.kind, count(*)::int AS sent, count(*) FILTER (WHERE i.status = 'answered')::int AS answered,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM survey_answers a WHERE a.invitation_id = i.id))::int AS with_answers
       FROM survey_invitations i JOIN cases c ON c.id = i.case_id
       WHERE c.created_at = ${seeded} GROUP BY i.kind ORDER BY i.kind`,
    );
    const [closure, outcome] = surveys.rows;
    expect(closure).toMatchObject({ kind: 'case_closure' });
    expect(closure.answered).toBeGreaterThanOrEqual(5);
    expect(closure.sent).toBeGreaterThan(closure.answered);
    expect(closure.with_answers).toBe(closure.answered);
    expect(outcome).toMatchObject({ kind: 'outcome_check' });
    expect(outcome.answered).toBeGreaterThanOrEqual(2);
  });

  it('seeds readiness rounds: two organizations assessed twice with goals from their baseline, one baseline still open', async () => {
    // The demo consultant's rounds (tests create rounds as staff users of their own).
    const rounds = (
      await client.query(
        `SELECT a.organization_id, a.purpose, a.status, a.case_id, c.assignee_id = a.created_by AS on_own_case,
                (SELECT count(*)::int FROM assessment_respondents r WHERE r.assessment_id = a.id AND r.status = 'submitted') AS submitted,
                (SELECT count(*)::int FROM assessment_respondents r WHERE r.assessment_id = a.id AND r.source = 'entered') AS entered,
                (SELECT count(*)::int FROM assessment_respondents r WHERE r.assessment_id = a.id AND r.status = 'invited') AS pending
         FROM assessments a JOIN cases c ON c.id = a.case_id JOIN users u ON u.id = a.created_by
         WHERE u.email = 'consultant@example.org' ORDER BY a.organization_id, a.created_at`,
      )
    ).rows;
    expect(rounds).toHaveLength(5);
    for (const round of rounds) {
      expect(round.on_own_case).toBe(true);
      expect(round.submitted).toBeGreaterThanOrEqual(3);
      expect(round.entered).toBeGreaterThanOrEqual(1);
    }
    const byOrg = new Map<string, string[]>();
    for (const r of rounds) byOrg.set(r.organization_id, [...(byOrg.get(r.organization_id) ?? []), `${r.purpose}:${r.status}`]);
    const pattern = [...byOrg.values()].map((list) => list.join(' ')).sort();
    expect(pattern).toEqual(['baseline:closed follow_up:closed', 'baseline:closed follow_up:closed', 'baseline:open']);
    expect(rounds.find((r) => r.status === 'open').pending).toBe(1);
    // The team disagrees somewhere in each baseline: some statement got both 1 and 3.
    const split = await client.query(
      `SELECT a.id FROM assessments a JOIN users u ON u.id = a.created_by
       WHERE u.email = 'consultant@example.org' AND a.purpose = 'baseline' AND EXISTS (
         SELECT 1 FROM assessment_answers x JOIN assessment_respondents r ON r.id = x.respondent_id
         WHERE r.assessment_id = a.id GROUP BY x.item_code HAVING min(x.score) = 1 AND max(x.score) = 3)`,
    );
    expect(split.rows).toHaveLength(3);
    // Goals taken from the baselines' weakest sections, each with its first action item, on the case timelines.
    const goals = await client.query(
      `SELECT g.title, g.goal_area, (SELECT count(*)::int FROM action_items i WHERE i.goal_id = g.id) AS items
       FROM action_plan_goals g WHERE g.title LIKE 'Strengthen %' AND g.created_at < now() - interval '1 day' AND g.case_id IN (SELECT case_id FROM assessments a JOIN users u ON u.id = a.created_by
                                                   WHERE u.email = 'consultant@example.org')
       ORDER BY g.title`,
    );
    expect(goals.rows).toEqual([
      { title: 'Strengthen organizational culture', goal_area: 'readiness', items: 1 },
      { title: 'Strengthen recruiting, hiring and onboarding', goal_area: 'capacity', items: 1 },
      { title: 'Strengthen supervision', goal_area: 'retention', items: 1 },
    ]);
    const events =
      await client.query(`SELECT count(*)::int AS n FROM case_events WHERE type = 'goals_from_assessment' AND created_at < now() - interval '1 day' AND actor_id =
      (SELECT id FROM users WHERE email = 'consultant@example.org')`);
    expect(events.rows[0].n).toBe(2);
  });

  it('seeds email conversations: the consultant wrote, the clinic replied (one reply unread), a status-page note, one unmatched mail', async () => {
    const seeded = `(SELECT created_at FROM users WHERE email = 'admin@example.org')`;
    const threads = (
      await client.query(
        `SELECT c.id, t.unread, (SELECT u.email FROM users u WHERE u.id = c.assignee_id) AS assignee,
                array_agg(m.direction || ':' || m.origin ORDER BY m.created_at) AS messages,
                bool_or(m.direction = 'inbound' AND m.origin = 'email' AND m.visible_body <> m.body) AS reply_folded,
                bool_or(m.direction = 'inbound' AND m.in_reply_to IN (SELECT o.message_id FROM messages o WHERE o.case_id = c.id AND o.direction = 'outbound')) AS threaded,
                (SELECT array_agg(e.type ORDER BY e.created_at) FROM case_events e WHERE e.case_id = c.id AND e.type LIKE 'message_%') AS events
         FROM cases c JOIN case_threads t ON t.case_id = c.id JOIN messages m ON m.case_id = c.id
         WHERE c.created_at = ${seeded} GROUP BY c.id, t.unread ORDER BY t.unread DESC, c.id`,
      )
    ).rows;
    expect(threads).toHaveLength(3);
    expect(threads.map((t) => t.unread)).toEqual([true, false, false]);
    // The demo consultant's own cases: signing in with the README's login shows the "New reply".
    expect(threads.map((t) => t.assignee)).toEqual(['consultant@example.org', 'consultant@example.org', 'consultant@example.org']);
    for (const thread of threads) {
      expect(thread.messages.slice(0, 2)).toEqual(['outbound:staff', 'inbound:email']);
      expect(thread.reply_folded).toBe(true);
      expect(thread.threaded).toBe(true);
      expect(thread.events.length).toBe(thread.messages.length);
    }
    expect(threads.flatMap((t) => t.messages).filter((m: string) => m === 'inbound:status_page')).toHaveLength(1);
    const unmatched = await client.query(
      `SELECT subject FROM messages WHERE case_id IS NULL AND message_id = '<demo-unmatched@riverbend-clinic.example.org>'`,
    );
    expect(unmatched.rows).toEqual([{ subject: 'Question about hiring a Youth Peer Advocate' }]);
  });
});
