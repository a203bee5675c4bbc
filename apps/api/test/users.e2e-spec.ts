import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createStaff, DEMO_ADMIN, login } from '../../../test/support/auth.js';
import { startApi, type RunningApi } from '../../../test/support/processes.js';

describe('admin user management', () => {
  let api: RunningApi;
  let admin: string;

  beforeAll(async () => {
    api = await startApi();
    admin = await login(api.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
  });
  afterAll(() => api?.stop());

  const asAdmin = () => ({ Authorization: `Bearer ${admin}` });

  it('creates, lists, reads and updates a user', async () => {
    const email = `new-${randomUUID().slice(0, 8)}@example.org`;
    const created = await request(api.url)
      .post('/api/v1/users')
      .set(asAdmin())
      .send({ email, name: 'New Person', role: 'consultant', password: 'long-enough-pass' })
      .expect(201);
    expect(created.body).toMatchObject({ email, name: 'New Person', role: 'consultant', active: true });
    expect(created.body.password).toBeUndefined();

    const list = await request(api.url).get('/api/v1/users').query({ q: email, pageSize: 10 }).set(asAdmin()).expect(200);
    expect(list.body).toMatchObject({ total: 1, page: 1, pageSize: 10 });
    expect(list.body.items[0].id).toBe(created.body.id);

    await request(api.url).get(`/api/v1/users/${created.body.id}`).set(asAdmin()).expect(200);
    const updated = await request(api.url)
      .patch(`/api/v1/users/${created.body.id}`)
      .set(asAdmin())
      .send({ role: 'lead', name: 'Renamed' })
      .expect(200);
    expect(updated.body).toMatchObject({ role: 'lead', name: 'Renamed' });
  });

  it('lists active staff to any staff user, without emails except to tell two of the same name apart, and refuses anonymous callers', async () => {
    const consultant = await createStaff(api.url, admin, 'consultant');
    const suffix = randomUUID().slice(0, 6);
    const named = async (name: string) => {
      const email = `named-${randomUUID().slice(0, 8)}@example.org`;
      const res = await request(api.url)
        .post('/api/v1/users')
        .set(asAdmin())
        .send({ email, name, role: 'consultant', password: 'long-enough-pass' })
        .expect(201);
      return { id: res.body.id as string, email };
    };
    const [only, first, second] = await Promise.all([
      named(`Uma Only ${suffix}`),
      named(`Ana Diaz ${suffix}`),
      named(`ana  diaz ${suffix} `),
    ]);
    const res = await request(api.url).get('/api/v1/staff').set('Authorization', `Bearer ${consultant.token}`).expect(200);
    const byId = (id: string) => (res.body as Array<Record<string, unknown>>).find((s) => s.id === id);
    expect(byId(only.id)).toEqual({ id: only.id, name: `Uma Only ${suffix}`, role: 'consultant' });
    // Same name (case and spacing aside): each with their email, so pickers can tell them apart.
    expect(byId(first.id)).toMatchObject({ email: first.email });
    expect(byId(second.id)).toMatchObject({ email: second.email });
    await request(api.url).get('/api/v1/staff').expect(401);
  });

  it('paginates the list', async () => {
    const page = await request(api.url).get('/api/v1/users').query({ page: 1, pageSize: 2 }).set(asAdmin()).expect(200);
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBeGreaterThanOrEqual(4);
  });

  it('refuses a second user with the same email in another case with 409', async () => {
    const res = await request(api.url)
      .post('/api/v1/users')
      .set(asAdmin())
      .send({ email: 'ADMIN@example.org', name: 'Dup', role: 'admin', password: 'long-enough-pass' })
      .expect(409);
    expect(res.body).toMatchObject({ statusCode: 409, error: 'Conflict', details: [{ field: 'email', messages: ['already in use'] }] });
  });

  it('deactivating a user ends their sessions and blocks sign-in', async () => {
    const consultant = await createStaff(api.url, admin, 'consultant');
    await request(api.url).patch(`/api/v1/users/${consultant.id}`).set(asAdmin()).send({ active: false }).expect(200);
    await request(api.url).get('/api/v1/auth/me').set('Authorization', `Bearer ${consultant.token}`).expect(401);
    await request(api.url).post('/api/v1/auth/login').send({ email: consultant.email, password: consultant.password }).expect(401);
  });

  describe('bad input gets a 400 naming the field', () => {
    it.each([
      [{ email: 'not-an-email', name: 'X', role: 'admin', password: 'long-enough-pass' }, 'email'],
      [{ email: 'a@b.org', name: '', role: 'admin', password: 'long-enough-pass' }, 'name'],
      [{ email: 'a@b.org', name: 'X', role: 'superuser', password: 'long-enough-pass' }, 'role'],
      [{ email: 'a@b.org', name: 'X', role: 'admin', password: 'short' }, 'password'],
      [{ email: 'a@b.org', name: 'x'.repeat(121), role: 'admin', password: 'long-enough-pass' }, 'name'],
      [{ email: 'a@b.org', name: 'X', role: 'admin', password: 'long-enough-pass', isSuperuser: true }, 'isSuperuser'],
    ])('%j → %s', async (body, field) => {
      const res = await request(api.url).post('/api/v1/users').set(asAdmin()).send(body).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(res.body.message).toContain(field);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('a non-uuid id', async () => {
      const res = await request(api.url).get('/api/v1/users/123').set(asAdmin()).expect(400);
      expect(res.body.details).toEqual([{ field: 'id', messages: ['must be a UUID'] }]);
    });

    it('a page size over 100', async () => {
      const res = await request(api.url).get('/api/v1/users').query({ pageSize: 500 }).set(asAdmin()).expect(400);
      expect(res.body.details[0].field).toBe('pageSize');
    });

    it('malformed JSON', async () => {
      const res = await request(api.url)
        .post('/api/v1/users')
        .set(asAdmin())
        .set('Content-Type', 'application/json')
        .send('{"email":')
        .expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    });

    it('an unknown user id is a 404', async () => {
      await request(api.url).get(`/api/v1/users/${randomUUID()}`).set(asAdmin()).expect(404);
    });
  });
});
