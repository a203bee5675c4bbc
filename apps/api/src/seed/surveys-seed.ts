import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';

const DAY = 86_400_000;
/** Overall ratings handed out in turn, so the demo shows a spread (and one low rating that alerted the leads). */
const RATINGS = [5, 4, 5, 3, 4, 2, 5, 4];
const HELPED = [['sessions'], ['sessions', 'materials'], ['action_plan'], ['training', 'connections'], ['materials']];
const COMMENTS = [
  'Having someone to call while we wrote the job descriptions made all the difference.',
  'The supervision template is now part of our onboarding.',
  '',
  'We would have liked a second visit on site.',
];
const CHANGES = [
  'We hired our first two peer specialists and they now sit in on intake.',
  'Clinicians refer to our peer staff without being asked; supervision happens every week.',
  'Slower than hoped: the budget line for peer staff is still pending.',
];
const PLAN = ['yes', 'partly', 'yes', 'no'];

/**
 * Demo surveys (issue #15): for each resolved demo case, the closure survey the sweep would have sent, most of them
 * answered, and for the longest-resolved ones the outcome check too. The demo's cases resolved weeks ago, not months,
 * so the delays are compressed (sent half-way between resolution and now) so that the dashboard's Outcomes section
 * shows real numbers for the current period. Writes through SQL like the rest of the seed; the links are not usable
 * (their tokens are thrown away), as a seeded link should not be.
 */
export async function seedSurveys(manager: EntityManager, now: number): Promise<void> {
  const cases = (await manager.query(
    `SELECT c.id, c.resolved_at, ct.id AS contact_id, ct.name, lower(ct.email) AS email
     FROM cases c
     CROSS JOIN LATERAL (SELECT * FROM contacts x WHERE x.organization_id = c.organization_id ORDER BY x.created_at, x.id LIMIT 1) ct
     WHERE c.resolved_at IS NOT NULL AND c.status IN ('resolved', 'closed') ORDER BY c.resolved_at, c.id`,
  )) as Array<{ id: string; resolved_at: Date; contact_id: string; name: string; email: string }>;
  const surveys = (await manager.query(`SELECT DISTINCT ON (kind) id, kind FROM surveys ORDER BY kind, version DESC`)) as Array<{
    id: string;
    kind: string;
  }>;
  const surveyOf = (kind: string) => surveys.find((s) => s.kind === kind)?.id;
  let sent = 0;
  let answered = 0;
  for (const [i, c] of cases.entries()) {
    const resolved = c.resolved_at.getTime();
    const invite = async (kind: string, at: number, answers: Array<[string, number | null, string[] | null, string | null]> | null) => {
      const answeredAt = answers ? new Date(Math.min(now - DAY / 4, at + 2 * DAY)) : null;
      const [{ id }] = (await manager.query(
        `INSERT INTO survey_invitations (case_id, kind, survey_id, contact_id, recipient_name, recipient_email, token_hash, status, expires_at, created_at, answered_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [
          c.id,
          kind,
          surveyOf(kind),
          c.contact_id,
          c.name,
          c.email,
          createHash('sha256').update(randomBytes(24)).digest('hex'),
          answers ? 'answered' : 'sent',
          new Date(at + 30 * DAY),
          new Date(at),
          answeredAt,
        ],
      )) as [{ id: string }];
      sent++;
      await manager.query(`INSERT INTO case_events (case_id, actor_id, type, data, created_at) VALUES ($1, NULL, 'survey_sent', $2, $3)`, [
        c.id,
        JSON.stringify({ invitationId: id, kind, recipient: c.name }),
        new Date(at),
      ]);
      if (!answers || !answeredAt) return;
      answered++;
      for (const [code, number, choices, text] of answers)
        await manager.query(
          `INSERT INTO survey_answers (invitation_id, question_code, number_value, choice_values, text_value) VALUES ($1, $2, $3, $4, $5)`,
          [id, code, number, choices, text],
        );
      const satisfaction = answers.find(([code]) => code === 'overall')?.[1];
      await manager.query(
        `INSERT INTO case_events (case_id, actor_id, type, data, created_at) VALUES ($1, NULL, 'survey_answered', $2, $3)`,
        [c.id, JSON.stringify({ invitationId: id, kind, recipient: c.name, ...(satisfaction ? { satisfaction } : {}) }), answeredAt],
      );
    };
    const closureAt = resolved + Math.min(7 * DAY, (now - resolved) / 2);
    const rating = RATINGS[i % RATINGS.length] ?? 4;
    const comment = COMMENTS[i % COMMENTS.length] ?? '';
    await invite(
      'case_closure',
      closureAt,
      i % 5 === 4
        ? null
        : [
            ['overall', rating, null, null],
            ['useful', Math.max(1, rating - (i % 2)), null, null],
            ['recommend', null, [rating >= 3 ? 'yes' : 'no'], null],
            ['helped_most', null, HELPED[i % HELPED.length] ?? ['sessions'], null],
            ...(comment ? [['comments', null, null, comment] as [string, null, null, string]] : []),
          ],
    );
    // The half resolved longest ago also got their outcome check (most answered).
    if (i < cases.length / 2)
      await invite(
        'outcome_check',
        closureAt + (now - closureAt) / 2,
        i % 4 === 3
          ? null
          : [
              ['changed', null, null, CHANGES[i % CHANGES.length] ?? CHANGES[0] ?? ''],
              ['peers_hired', i % 3, null, null],
              ['peers_left', i % 5 === 0 ? 1 : 0, null, null],
              ['plan_in_use', null, [PLAN[i % PLAN.length] ?? 'yes'], null],
            ],
      );
  }
  console.log(`seed: ${sent} survey invitations, ${answered} answered`);
}
