// Fills a migrated TA Desk database with a large synthetic center: 20 staff, 5,000 organizations, 100,000 cases
// over five years and 1,000,000 consultations (10 per case), plus follow-ups, all with set-based SQL
// (INSERT … SELECT generate_series), then VACUUM ANALYZE so the planner and index-only scans see the real tables.
// Usage: DATABASE_URL=… node bench/generate.mjs [--cases 100000] [--sessions-per-case 10]
import pg from 'pg';

const YEARS = 5;

export async function generate(databaseUrl, { cases = 100_000, sessionsPerCase = 10, log = console.log } = {}) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const step = async (label, sql, values = []) => {
    const started = performance.now();
    const result = await db.query(sql, values);
    log(`  ${label}: ${result.rowCount ?? ''} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  };
  try {
    await db.query(`SET synchronous_commit = off`);
    await step(
      'staff',
      `INSERT INTO users (email, name, role, password_hash)
       SELECT 'bench-' || i || '@bench.example.org', 'Bench Consultant ' || lpad(i::text, 2, '0'),
              (CASE WHEN i <= 3 THEN 'lead' ELSE 'consultant' END)::user_role, 'not-a-password-hash'
       FROM generate_series(1, 20) i`,
    );
    await step(
      'organizations',
      `INSERT INTO organizations (name, normalized_name, kind, region, county, populations, stage)
       SELECT 'Bench Clinic ' || i, 'bench clinic ' || i, 'mhotrs_clinic',
              (ARRAY['western', 'central', 'hudson_river', 'nyc', 'long_island'])[1 + i % 5], 'County ' || (i % 62),
              CASE i % 4 WHEN 0 THEN '{adults}'::text[] WHEN 1 THEN '{children_youth,families}' WHEN 2 THEN '{adults,older_adults}' ELSE '{families}' END,
              (ARRAY['exploring', 'starting', 'expanding', 'improving'])[1 + i % 4]
       FROM generate_series(1, 5000) i`,
    );
    // Cases opened uniformly over the last five years; older ones mostly resolved or closed. References are given
    // (TA-YYYY-Bnnnnnn), so generated cases never take numbers from the live sequence.
    await step(
      'cases',
      `WITH staff AS (SELECT array_agg(id ORDER BY email) AS ids FROM users WHERE email LIKE 'bench-%@bench.example.org'),
            orgs AS (SELECT array_agg(id) AS ids FROM organizations WHERE name LIKE 'Bench Clinic %'),
            topics AS (SELECT array_agg(code ORDER BY sort_order) AS codes FROM topics),
            base AS (
              SELECT i, now() - (random() * interval '${YEARS} years') AS opened_at, random() AS r
              FROM generate_series(1, $1::int) i
            )
       INSERT INTO cases (reference, organization_id, title, description, source, priority, topics, service_lines, assignee_id, status,
                          stall_level, opened_at, first_response_at, last_activity_at, resolved_at, closed_at, version)
       SELECT 'TA-' || to_char(b.opened_at AT TIME ZONE 'America/New_York', 'YYYY') || '-B' || lpad(b.i::text, 6, '0'),
              orgs.ids[1 + (b.i * 7919) % cardinality(orgs.ids)], 'Bench case ' || b.i, 'Generated for the benchmark',
              (ARRAY['web_form', 'web_form', 'email', 'phone', 'event', 'outreach'])[1 + b.i % 6],
              (ARRAY['low', 'normal', 'normal', 'high', 'urgent'])[1 + b.i % 5],
              CASE WHEN b.i % 3 = 0 THEN ARRAY[topics.codes[1 + b.i % 15], topics.codes[1 + (b.i / 15) % 15]]
                   ELSE ARRAY[topics.codes[1 + b.i % 15]] END,
              CASE b.i % 4 WHEN 0 THEN '{nycps}'::text[] WHEN 1 THEN '{ypa}' WHEN 2 THEN '{fpa}' ELSE '{nycps,fpa}' END,
              staff.ids[1 + b.i % 20],
              s.status,
              CASE WHEN s.status = 'active' AND b.i % 9 = 0 THEN 'at_risk' WHEN s.status = 'active' AND b.i % 13 = 0 THEN 'escalated' ELSE 'none' END,
              b.opened_at,
              CASE WHEN b.i % 10 = 0 AND s.status = 'new' THEN NULL ELSE b.opened_at + random() * interval '6 days' END,
              b.opened_at, r.resolved_at, CASE WHEN s.status = 'closed' THEN r.resolved_at + interval '3 days' END, 1
       FROM base b, staff, orgs, topics
       CROSS JOIN LATERAL (
         SELECT CASE WHEN b.opened_at < now() - interval '120 days' THEN (CASE WHEN b.r < 0.5 THEN 'closed' WHEN b.r < 0.9 THEN 'resolved' ELSE 'on_hold' END)
                     ELSE (ARRAY['new', 'triaged', 'active', 'active', 'on_hold', 'resolved'])[1 + b.i % 6] END AS status
       ) s
       CROSS JOIN LATERAL (
         SELECT CASE WHEN s.status IN ('resolved', 'closed') THEN least(now(), b.opened_at + (5 + random() * 110) * interval '1 day') END AS resolved_at
       ) r`,
      [cases],
    );
    // Loading a million rows is faster with the secondary indexes built afterwards, once.
    const { rows: indexes } = await db.query(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'consultations' AND indexname <> 'consultations_pkey'`,
    );
    for (const index of indexes) await db.query(`DROP INDEX "${index.indexname}"`);
    // Ten sessions per case, spread over the engagement; most name the case's topics, some one topic or none.
    await step(
      'consultations',
      `INSERT INTO consultations (case_id, consultant_id, started_at, duration_minutes, modality, topics, summary, headcount)
       SELECT c.id, c.assignee_id,
              least(now() - interval '1 hour', c.opened_at + (g * 9 + random() * 9) * interval '1 day'),
              (ARRAY[15, 30, 45, 60, 60, 90, 120])[1 + (g + hashint4(g) % 7 + 7) % 7],
              (ARRAY['video', 'video', 'phone', 'onsite', 'email', 'webinar', 'training'])[1 + floor(random() * 7)::int],
              CASE WHEN g % 5 = 0 THEN '{}'::text[] WHEN g % 3 = 0 THEN c.topics[1:1] ELSE c.topics END,
              'Generated session', CASE WHEN g % 4 = 0 THEN 1 + g END
       FROM cases c CROSS JOIN generate_series(1, $1::int) g
       WHERE c.title LIKE 'Bench case %'`,
      [sessionsPerCase],
    );
    await db.query(`SET maintenance_work_mem = '256MB'`);
    for (const index of indexes) await step(`index ${index.indexname}`, index.indexdef);
    await step(
      'follow-ups',
      `INSERT INTO follow_ups (case_id, due_at, assignee_id, kind, status)
       SELECT c.id, now() + (random() * 40 - 20) * interval '1 day', c.assignee_id, 'check_in', 'scheduled'
       FROM cases c WHERE c.status IN ('new', 'triaged', 'active', 'on_hold') AND c.title LIKE 'Bench case %'`,
    );
    await step('vacuum analyze', `VACUUM ANALYZE`);
  } finally {
    await db.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, fallback) => {
    const index = process.argv.indexOf(`--${name}`);
    return index > 0 ? Number(process.argv[index + 1]) : fallback;
  };
  if (!process.env.DATABASE_URL) throw new Error('set DATABASE_URL to a migrated database');
  const started = performance.now();
  await generate(process.env.DATABASE_URL, { cases: arg('cases', 100_000), sessionsPerCase: arg('sessions-per-case', 10) });
  console.log(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
