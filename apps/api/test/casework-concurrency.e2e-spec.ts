import request from 'supertest';
import { DEMO_ADMIN, login } from '../../../test/support/auth.js';
import { createCase, createOrganization } from '../../../test/support/fixtures.js';
import { startApi, type RunningApi } from '../../../test/support/processes.js';

/**
 * A plan PUT (locks the case, then removes goals and their items) racing item PATCHes on the same case used to
 * deadlock, the PATCH locking the item before the case: every casework write now locks the case row first.
 */
describe('concurrent casework writes on one case', () => {
  let api: RunningApi;
  let admin: string;

  beforeAll(async () => {
    api = await startApi();
    admin = await login(api.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
  });
  afterAll(async () => {
    await api?.stop();
  });

  const as = () => ({ Authorization: `Bearer ${admin}` });

  it('answers 30 mixed plan PUTs and item PATCHes without a 5xx, and the plan stays whole', async () => {
    const org = await createOrganization(api.url, admin);
    const c = await createCase(api.url, admin, org.id);
    const plan = await request(api.url)
      .put(`/api/v1/cases/${c.id}/action-plan`)
      .set(as())
      .send({ goals: ['A', 'B', 'C', 'D'].map((title) => ({ title: `Goal ${title}`, goalArea: 'readiness' })) })
      .expect(200);
    const goals = (plan.body as { goals: Array<{ id: string; title: string }> }).goals;
    const items: string[] = [];
    for (const goal of goals) {
      for (let i = 0; i < 3; i++) {
        const item = await request(api.url)
          .post(`/api/v1/cases/${c.id}/action-plan/items`)
          .set(as())
          .send({ goalId: goal.id, description: `Step ${i} of ${goal.title}` })
          .expect(201);
        items.push((item.body as { id: string }).id);
      }
    }

    const calls = Array.from({ length: 30 }, (_, n) => {
      if (n % 3 === 0) {
        // Keep a rotating subset of the goals, renamed, plus a new one: the others and their items go.
        const kept = goals.filter((_, g) => g !== n % goals.length);
        return request(api.url)
          .put(`/api/v1/cases/${c.id}/action-plan`)
          .set(as())
          .send({
            goals: [
              ...kept.map((g) => ({ id: g.id, title: `${g.title} (v${n})`, goalArea: 'capacity' })),
              { title: `New goal ${n}`, goalArea: 'fidelity' },
            ],
          });
      }
      const statuses = ['in_progress', 'done', 'blocked', 'todo'];
      return request(api.url)
        .patch(`/api/v1/action-items/${items[n % items.length]}`)
        .set(as())
        .send({ status: statuses[n % statuses.length], description: `Updated by call ${n}` });
    });
    const results = await Promise.all(calls);

    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    // A goal or item removed by a PUT that ran first is a 400 (unknown goal) or a 404 (item gone), never lost work.
    expect(statuses.every((s) => [200, 400, 404].includes(s))).toBe(true);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);

    const after = await request(api.url).get(`/api/v1/cases/${c.id}/action-plan`).set(as()).expect(200);
    for (const goal of (after.body as { goals: Array<{ items: Array<{ goalId: string }>; id: string }> }).goals) {
      expect(goal.items.every((item) => item.goalId === goal.id)).toBe(true);
    }
  });
});
