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
    const seededOrgs = await client.query(
      `SELECT region, count(*)::int AS n FROM organizations o WHERE EXISTS (SELECT 1 FROM contacts c WHERE c.organization_id = o.id AND c.email LIKE '%.example.org' AND c.email NOT LIKE '%@clinic.example.org') GROUP BY region`,
    );
    expect(seededOrgs.rows.map((r) => r.region).sort()).toEqual(['central', 'hudson_river', 'long_island', 'nyc', 'western']);
    expect(seededOrgs.rows.reduce((sum, r) => sum + r.n, 0)).toBe(30);
    const statuses = await client.query(
      `SELECT DISTINCT status FROM cases WHERE description LIKE 'The %' OR description LIKE 'Two %' OR description LIKE 'A YPA-C%' OR description LIKE 'Clinical%' OR description LIKE 'Questions%' OR description LIKE 'Leadership%'`,
    );
    expect(statuses.rows.map((r) => r.status).sort()).toEqual(['active', 'closed', 'new', 'on_hold', 'resolved', 'triaged']);
    const withoutTimeline = await client.query(
      `SELECT count(*)::int AS n FROM cases c WHERE NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.type = 'created')`,
    );
    expect(withoutTimeline.rows[0].n).toBe(0);
  });
});
