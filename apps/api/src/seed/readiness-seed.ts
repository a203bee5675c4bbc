import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { seedEvent } from './case-event.js';

const DAY = 86_400_000;

/** A section's typical answer in a round, per section code of the demo instrument. */
type Profile = Record<string, number>;

interface DemoRound {
  purpose: 'baseline' | 'follow_up';
  startedDaysAgo: number;
  /** null: still open (its links work for 30 days). */
  closedDaysAgo: number | null;
  profile: Profile;
  /** Items where the team splits across the whole scale: the first respondent says 1, the second 3. */
  split: string[];
  /** Besides the organization's contacts (invited by link), people a consultant met in a session. */
  entered: string[];
  /** Invited contacts who have not answered yet (open rounds only). */
  pending?: number;
}

interface DemoStory {
  /** The peer roles the organization employs or plans (the report's service lines), when the demo data named none. */
  peerRoles: string[];
  rounds: DemoRound[];
  /** Sections of the baseline turned into plan goals ("Suggested goals"), days after the baseline closed. */
  goalsFrom?: { sections: string[]; daysAfterClose: number };
}

/**
 * Three organizations' readiness stories: one assessed twice with goals taken from its baseline (the organization page
 * shows how readiness moved), another assessed twice in a different region and service line (the funder's
 * breakdowns), and one with a baseline still open (a pending invitation, a team that disagrees).
 */
const STORIES: DemoStory[] = [
  {
    peerRoles: ['nycps', 'ypa'],
    rounds: [
      {
        purpose: 'baseline',
        startedDaysAgo: 150,
        closedDaysAgo: 128,
        profile: { knowledge: 2.1, culture: 1.8, hiring: 2, supervision: 1.2 },
        split: ['k2', 'c3'],
        entered: ['Dana Whitfield (peer specialist, met at the onsite visit)'],
      },
      {
        purpose: 'follow_up',
        startedDaysAgo: 21,
        closedDaysAgo: 2,
        profile: { knowledge: 2.5, culture: 2.3, hiring: 2.2, supervision: 2.1 },
        split: [],
        entered: ['Dana Whitfield (peer specialist)'],
      },
    ],
    goalsFrom: { sections: ['supervision', 'culture'], daysAfterClose: 3 },
  },
  {
    peerRoles: ['fpa'],
    rounds: [
      {
        purpose: 'baseline',
        startedDaysAgo: 95,
        closedDaysAgo: 80,
        profile: { knowledge: 1.5, culture: 2.2, hiring: 1.3, supervision: 1.8 },
        split: ['h4'],
        entered: ['Sam Ortega (family peer advocate)'],
      },
      {
        purpose: 'follow_up',
        startedDaysAgo: 12,
        closedDaysAgo: 1,
        profile: { knowledge: 2.2, culture: 2.4, hiring: 2.1, supervision: 1.9 },
        split: [],
        entered: ['Sam Ortega (family peer advocate)'],
      },
    ],
    goalsFrom: { sections: ['hiring'], daysAfterClose: 2 },
  },
  {
    peerRoles: ['ypa'],
    rounds: [
      {
        purpose: 'baseline',
        startedDaysAgo: 4,
        closedDaysAgo: null,
        profile: { knowledge: 2.2, culture: 1.5, hiring: 2.5, supervision: 1.6 },
        split: ['c1', 'h2', 's3'],
        entered: ['Lee Park (clinic supervisor)', 'Robin Diaz (peer specialist)'],
        pending: 1,
      },
    ],
  },
];

/** Deterministic spread around a section's typical answer, so respondents differ a little as real teams do. */
const JITTER = [0, 0.5, -0.4, 0.2, -0.6, 0.7, -0.2, 0.4, -0.5, 0.1, 0.6];

interface Instrument {
  id: string;
  definition: {
    scale: { min: number; max: number };
    sections: Array<{ code: string; title: string; goalArea: string; items: Array<{ code: string; statement: string }> }>;
  };
}

/**
 * Demo readiness rounds for `npm run up` (issue #14's "done when" story): for a few organizations with an active case
 * of the demo consultant, baseline and follow-up rounds answered by their contacts and people met in sessions, tied to
 * the case, with plan goals taken from the baseline's weakest sections, each on the case's timeline. Written with SQL
 * in the seed's transaction like the rest of the demo data; skipped when any round exists. Returns a respondent link
 * of the open round, to try the respondent's page.
 */
export async function seedReadiness(manager: EntityManager, now: number, appUrl: string): Promise<string | null> {
  const [{ count }] = (await manager.query(`SELECT count(*)::int AS count FROM assessments`)) as [{ count: number }];
  if (count > 0) return null;
  const [instrument] = (await manager.query(
    `SELECT id, definition FROM instruments WHERE code = 'peer-readiness-demo' ORDER BY version DESC LIMIT 1`,
  )) as Instrument[];
  if (!instrument) return null;
  // One organization per region (different regions and service lines for the report), each with an active case of the
  // demo consultant (consultant@example.org sees the story on signing in).
  const picks = (await manager.query(
    `SELECT DISTINCT ON (o.region) o.id AS organization_id, c.id AS case_id, c.assignee_id
     FROM organizations o JOIN cases c ON c.organization_id = o.id JOIN users u ON u.id = c.assignee_id
     WHERE u.email = 'consultant@example.org' AND c.status = 'active'
       AND (SELECT count(*) FROM contacts k WHERE k.organization_id = o.id) >= 2
     ORDER BY o.region, o.name, c.opened_at`,
  )) as Array<{ organization_id: string; case_id: string; assignee_id: string }>;
  const items = instrument.definition.sections.flatMap((s) => s.items.map((i) => ({ section: s.code, code: i.code })));
  const { min, max } = instrument.definition.scale;
  const at = (daysAgo: number, hour = 15) => new Date(now - daysAgo * DAY + (hour - 12) * 3_600_000);
  let link: string | null = null;

  for (const [index, story] of STORIES.entries()) {
    const pick = picks[index];
    if (!pick) break;
    const contacts = (await manager.query(`SELECT id, name FROM contacts WHERE organization_id = $1 ORDER BY name`, [
      pick.organization_id,
    ])) as Array<{ id: string; name: string }>;
    const consultant = pick.assignee_id;
    await manager.query(`UPDATE organizations SET peer_roles = $2 WHERE id = $1 AND cardinality(peer_roles) = 0`, [
      pick.organization_id,
      story.peerRoles,
    ]);
    let baseline: { id: string; closedAt: Date; scores: Map<string, number[]> } | null = null;

    for (const round of story.rounds) {
      const startedAt = at(round.startedDaysAgo, 10);
      const closedAt = round.closedDaysAgo === null ? null : at(round.closedDaysAgo, 16);
      const [{ id }] = (await manager.query(
        `INSERT INTO assessments (organization_id, instrument_id, purpose, case_id, status, expires_at, created_by, created_at, closed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          pick.organization_id,
          instrument.id,
          round.purpose,
          pick.case_id,
          closedAt ? 'closed' : 'open',
          closedAt ?? new Date(startedAt.getTime() + 30 * DAY),
          consultant,
          startedAt,
          closedAt,
        ],
      )) as [{ id: string }];
      await seedEvent(manager, pick.case_id, consultant, 'assessment_started', { assessmentId: id, purpose: round.purpose }, startedAt);
      const answering = contacts.slice(0, contacts.length - (round.pending ?? 0));
      const respondents = [
        ...answering.map((c) => ({ contactId: c.id, name: c.name, source: 'invited' as const })),
        ...round.entered.map((name) => ({ contactId: null, name, source: 'entered' as const })),
      ];
      const scores = new Map<string, number[]>();
      for (const [r, who] of respondents.entries()) {
        const submittedAt = new Date(startedAt.getTime() + (r + 1) * 2 * DAY);
        const [{ id: respondentId }] = (await manager.query(
          `INSERT INTO assessment_respondents (assessment_id, contact_id, name, source, token_hash, status, entered_by, submitted_at, created_at)
           VALUES ($1, $2, $3, $4, $5, 'submitted', $6, $7, $8) RETURNING id`,
          [
            id,
            who.contactId,
            who.name,
            who.source,
            who.source === 'invited' ? hash(randomBytes(24).toString('base64url')) : null,
            who.source === 'entered' ? consultant : null,
            submittedAt,
            startedAt,
          ],
        )) as [{ id: string }];
        const answers = items.map((item, i) => {
          const typical = round.profile[item.section] ?? 2;
          const score = round.split.includes(item.code)
            ? r === 0
              ? min
              : r === 1
                ? max
                : Math.round(typical)
            : Math.min(max, Math.max(min, Math.round(typical + (JITTER[(r * 5 + i) % JITTER.length] ?? 0))));
          scores.set(item.code, [...(scores.get(item.code) ?? []), score]);
          return { code: item.code, score };
        });
        await manager.query(
          `INSERT INTO assessment_answers (respondent_id, item_code, score, comment, updated_at)
           SELECT $1, code, score, NULL, $4 FROM unnest($2::text[], $3::int[]) AS t(code, score)`,
          [respondentId, answers.map((a) => a.code), answers.map((a) => a.score), submittedAt],
        );
      }
      for (const contact of contacts.slice(answering.length)) {
        const token = randomBytes(24).toString('base64url');
        await manager.query(
          `INSERT INTO assessment_respondents (assessment_id, contact_id, name, source, token_hash, status, created_at)
           VALUES ($1, $2, $3, 'invited', $4, 'invited', $5)`,
          [id, contact.id, contact.name, hash(token), startedAt],
        );
        link = `${appUrl}/request/assessment/${token}`;
      }
      if (closedAt)
        await seedEvent(
          manager,
          pick.case_id,
          consultant,
          'assessment_closed',
          { assessmentId: id, submitted: respondents.length },
          closedAt,
        );
      if (round.purpose === 'baseline' && closedAt) baseline = { id, closedAt, scores };
    }

    if (story.goalsFrom && baseline) {
      const when = new Date(baseline.closedAt.getTime() + story.goalsFrom.daysAfterClose * DAY);
      const chosen = [];
      for (const code of story.goalsFrom.sections) {
        const section = instrument.definition.sections.find((s) => s.code === code);
        if (!section) continue;
        const means = section.items.map((i) => ({ item: i, mean: mean(baseline.scores.get(i.code) ?? []) }));
        const score = round2(mean(means.map((m) => m.mean)));
        // The suggestion's first action item: the section's lowest-scoring statement (as the API's "Add as a goal").
        const lowest = [...means].sort((a, b) => a.mean - b.mean)[0];
        if (!lowest) continue;
        const [{ id: goalId }] = (await manager.query(
          `INSERT INTO action_plan_goals (case_id, title, goal_area, sort_order, created_at)
           VALUES ($1, $2, $3, (SELECT count(*) FROM action_plan_goals WHERE case_id = $1), $4) RETURNING id`,
          [pick.case_id, `Strengthen ${section.title.toLowerCase()}`, section.goalArea, when],
        )) as [{ id: string }];
        const [{ id: itemId }] = (await manager.query(
          `INSERT INTO action_items (goal_id, case_id, description, owner_user_id, status, created_at, updated_at)
           VALUES ($1, $2, $3, $4, 'in_progress', $5, $5) RETURNING id`,
          [goalId, pick.case_id, lowest.item.statement, consultant, when],
        )) as [{ id: string }];
        await seedEvent(
          manager,
          pick.case_id,
          consultant,
          'action_item_added',
          { itemId, description: lowest.item.statement, dueDate: null },
          when,
        );
        chosen.push({ code, title: section.title, score });
      }
      await seedEvent(manager, pick.case_id, consultant, 'goals_from_assessment', { assessmentId: baseline.id, sections: chosen }, when);
    }
  }
  return link;
}

const hash = (token: string) => createHash('sha256').update(token).digest('hex');
const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);
const round2 = (n: number) => Math.round(n * 100) / 100;
