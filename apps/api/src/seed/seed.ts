import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { storeInstrument } from '@ta/assessments';
import type { CaseStatus, ReasonCode } from '@ta/cases';
import { addBusinessDays } from '@ta/common';
import { ConfigError, loadConfig } from '@ta/config';
import { dataSourceOptions } from '@ta/database';
import { normalizeOrganizationName } from '@ta/organizations';
import { seedCenter } from '@ta/settings';
import { hashPassword } from '@ta/users';
import { DataSource, type EntityManager } from 'typeorm';
import { seedEvent } from './case-event.js';
import { seedConversation } from './conversation-seed.js';
import { DEMO_CENTER, demoData, type DemoCase } from './demo-data.js';
import { seedReadiness } from './readiness-seed.js';
import { seedSurveys } from './surveys-seed.js';

/** Demo staff; the admin login is documented in the README. */
const DEMO_USERS = [
  { email: 'admin@example.org', name: 'Avery Admin', role: 'admin', password: 'admin-password' },
  { email: 'lead@example.org', name: 'Lena Ortiz', role: 'lead', password: 'lead-password' },
  { email: 'consultant@example.org', name: 'Marcus Reed', role: 'consultant', password: 'consultant-password' },
  { email: 'consultant2@example.org', name: 'Priya Shah', role: 'consultant', password: 'consultant-password' },
] as const;

const DAY = 86_400_000;

/** The demo readiness instrument (docs/ARCHITECTURE.md §Domain), from the repository's instruments folder (this file runs from dist/apps/api/src/seed). */
const DEMO_INSTRUMENT = new URL('../../../../../instruments/peer-readiness-demo.json', import.meta.url);

/** The moves that bring a new case to its demo status, with the reason each needs. */
const PATHS: Record<DemoCase['status'], Array<[CaseStatus, ReasonCode?]>> = {
  new: [],
  triaged: [['triaged']],
  active: [['triaged'], ['active']],
  on_hold: [['triaged'], ['active'], ['on_hold', 'no_response']],
  resolved: [['triaged'], ['active'], ['resolved', 'goals_met']],
  closed: [['triaged'], ['active'], ['resolved', 'goals_met'], ['closed', 'goals_met']],
};

/** Seeds demo data once: each part is skipped when its table already has rows. Pass --no-demo for staff only. */
async function seed(): Promise<void> {
  const dataSource = await new DataSource(dataSourceOptions(loadConfig())).initialize();
  try {
    await dataSource.transaction(async (manager) => {
      const [{ count: users }] = (await manager.query(`SELECT count(*)::int AS count FROM users`)) as [{ count: number }];
      if (users === 0) {
        for (const u of DEMO_USERS) {
          await manager.query(`INSERT INTO users (email, name, role, password_hash) VALUES ($1, $2, $3, $4)`, [
            u.email,
            u.name,
            u.role,
            await hashPassword(u.password),
          ]);
        }
        console.log(`seed: created ${DEMO_USERS.length} demo users`);
      }
      const [{ count: instruments }] = (await manager.query(`SELECT count(*)::int AS count FROM instruments`)) as [{ count: number }];
      if (instruments === 0) {
        const { outcome } = await storeInstrument(manager, JSON.parse(readFileSync(DEMO_INSTRUMENT, 'utf8')), null);
        console.log(`seed: demo readiness instrument ${outcome}`);
      }
      if (process.argv.includes('--no-demo')) return;
      if (await seedCenter(manager, DEMO_CENTER)) console.log(`seed: the center is ${DEMO_CENTER.shortName}`);
      const [{ count: orgs }] = (await manager.query(`SELECT count(*)::int AS count FROM organizations`)) as [{ count: number }];
      if (orgs > 0) {
        console.log('seed: organizations exist, demo data left as it is');
        return;
      }
      await seedDemo(manager);
    });
  } finally {
    await dataSource.destroy();
  }
}

async function seedDemo(manager: EntityManager): Promise<void> {
  const now = Date.now();
  const { organizations, cases } = demoData(new Date(now));
  const staff = (await manager.query(
    `SELECT id, email FROM users WHERE email IN ('consultant@example.org', 'consultant2@example.org', 'lead@example.org') ORDER BY email`,
  )) as Array<{ id: string; email: string }>;
  const assignees = ['consultant@example.org', 'consultant2@example.org', 'lead@example.org'].map(
    (email) => staff.find((s) => s.email === email)?.id ?? null,
  );
  const lead = assignees[2] ?? null;

  const orgIds: string[] = [];
  for (const org of organizations) {
    const [{ id }] = (await manager.query(
      `INSERT INTO organizations (name, normalized_name, kind, region, county, populations, stage, peer_nycps, peer_ypa, peer_fpa)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [org.name, normalizeOrganizationName(org.name), org.kind, org.region, org.county, org.populations, org.stage, ...org.peer],
    )) as [{ id: string }];
    orgIds.push(id);
    for (const c of org.contacts) {
      await manager.query(`INSERT INTO contacts (organization_id, name, email, phone, title, role) VALUES ($1, $2, $3, $4, $5, $6)`, [
        id,
        c.name,
        c.email,
        c.phone,
        c.title,
        c.role,
      ]);
    }
  }

  const firstResponseDays = loadConfig().FIRST_RESPONSE_BUSINESS_DAYS;
  for (const demo of cases) {
    const openedAt = new Date(now - demo.daysAgo * DAY);
    const path = PATHS[demo.status];
    const step = path.length ? Math.max(1, Math.floor(demo.daysAgo / (path.length + 1))) : 0;
    const at = (i: number) => new Date(openedAt.getTime() + (i + 1) * step * DAY);
    const assigneeId = demo.assigneeIndex === null ? null : (assignees[demo.assigneeIndex] ?? null);
    const last = path.length ? at(path.length - 1) : openedAt;
    const [{ id }] = (await manager.query(
      `INSERT INTO cases (organization_id, title, description, source, priority, topics, service_lines, intensity, assignee_id, status, status_reason,
         opened_at, first_response_at, last_activity_at, resolved_at, closed_at, version, first_response_due_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING id`,
      [
        orgIds[demo.organizationIndex],
        demo.title,
        demo.description,
        demo.source,
        demo.priority,
        demo.topics,
        demo.serviceLines,
        demo.intensity,
        assigneeId,
        demo.status,
        path.at(-1)?.[1] ?? null,
        openedAt,
        path.length ? at(0) : null,
        last,
        ['resolved', 'closed'].includes(demo.status) ? at(path.findIndex(([to]) => to === 'resolved')) : null,
        demo.status === 'closed' ? last : null,
        1 + path.length,
        addBusinessDays(openedAt, firstResponseDays, loadConfig().CENTER_TIME_ZONE),
      ],
    )) as [{ id: string }];
    await seedEvent(manager, id, lead, 'created', { title: demo.title, source: demo.source, status: 'new' }, openedAt);
    if (assigneeId) await seedEvent(manager, id, lead, 'assigned', { from: null, to: assigneeId }, openedAt);
    let from: CaseStatus = 'new';
    for (const [i, [to, reason]] of path.entries()) {
      await seedEvent(manager, id, assigneeId ?? lead, 'transition', { from, to, ...(reason ? { reason } : {}) }, at(i));
      from = to;
    }
    const consultant = assigneeId ?? lead;
    for (const session of consultant ? demo.sessions : []) {
      const startedAt = new Date(openedAt.getTime() + session.at * (last.getTime() - openedAt.getTime()));
      const [{ id: sessionId }] = (await manager.query(
        `INSERT INTO consultations (case_id, consultant_id, started_at, duration_minutes, modality, headcount, topics, summary, next_steps)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          id,
          consultant,
          startedAt,
          session.minutes,
          session.modality,
          session.headcount,
          demo.topics,
          `Worked on: ${demo.title.toLowerCase()}.`,
          'Share resources and check in.',
        ],
      )) as [{ id: string }];
      await seedEvent(
        manager,
        id,
        consultant,
        'consultation_logged',
        { consultationId: sessionId, startedAt: startedAt.toISOString(), durationMinutes: session.minutes, modality: session.modality },
        startedAt,
      );
    }
    if (consultant && demo.followUpInDays !== null) {
      await manager.query(
        `INSERT INTO follow_ups (case_id, due_at, assignee_id, kind, note, created_by) VALUES ($1, $2, $3, 'check_in', 'Check in on progress', $3)`,
        [id, new Date(now + demo.followUpInDays * DAY), consultant],
      );
    }
  }
  console.log(`seed: created ${organizations.length} organizations and ${cases.length} cases with their sessions and follow-ups`);
  await seedSurveys(manager, now);
  const link = await seedReadiness(manager, now, loadConfig().APP_URL);
  if (link) console.log(`seed: demo readiness rounds; a respondent link still open to try: ${link}`);
  const { REPLY_ADDRESS, MAIL_FROM } = loadConfig();
  await seedConversation(manager, now, REPLY_ADDRESS || (/<([^>]+)>/.exec(MAIL_FROM)?.[1] ?? MAIL_FROM));
}

seed().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
