import request from 'supertest';
import { createStaff, DEMO_ADMIN, login } from '../../../test/support/auth.js';
import { startApi, type RunningApi } from '../../../test/support/processes.js';

describe('auth (real API process, Postgres, Redis)', () => {
  let api: RunningApi;
  let second: RunningApi;

  beforeAll(async () => {
    [api, second] = await Promise.all([startApi(), startApi()]);
  });
  afterAll(async () => {
    await Promise.all([api?.stop(), second?.stop()]);
  });

  it('signs in the demo admin with a bearer token and an HttpOnly cookie', async () => {
    const response = await request(api.url).post('/api/v1/auth/login').send(DEMO_ADMIN).expect(200);
    expect(response.body.user).toMatchObject({ email: DEMO_ADMIN.email, role: 'admin', active: true });
    expect(response.body.user.passwordHash).toBeUndefined();
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/ta_session=/);
    expect(cookie).toMatch(/HttpOnly/i);

    const byBearer = await request(api.url).get('/api/v1/auth/me').set('Authorization', `Bearer ${response.body.accessToken}`).expect(200);
    expect(byBearer.body).toEqual({ id: response.body.user.id, email: DEMO_ADMIN.email, name: 'Avery Admin', role: 'admin' });
    await request(api.url).get('/api/v1/auth/me').set('Cookie', `ta_session=${response.body.accessToken}`).expect(200);
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    const wrong = await request(api.url).post('/api/v1/auth/login').send({ email: DEMO_ADMIN.email, password: 'nope' }).expect(401);
    const unknown = await request(api.url).post('/api/v1/auth/login').send({ email: 'nobody@example.org', password: 'nope' }).expect(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Email or password is incorrect' });
  });

  it('matches the email case-insensitively', async () => {
    await request(api.url).post('/api/v1/auth/login').send({ email: 'ADMIN@Example.org', password: DEMO_ADMIN.password }).expect(200);
  });

  it('holds a session across API processes, and logout on one revokes it on all', async () => {
    const token = await login(api.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
    await request(second.url).get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    await request(second.url).post('/api/v1/auth/logout').set('Authorization', `Bearer ${token}`).expect(204);
    const after = await request(api.url).get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
    expect(after.body.message).toBe('Sign in to continue');
  });

  it('refuses anonymous callers with 401 and a garbage token with 401', async () => {
    await request(api.url).get('/api/v1/auth/me').expect(401);
    await request(api.url).get('/api/v1/users').expect(401);
    await request(api.url).get('/api/v1/users').set('Authorization', 'Bearer not-a-real-token').expect(401);
  });

  it('refuses a consultant and a lead on admin routes with 403', async () => {
    const admin = await login(api.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
    const consultant = await createStaff(api.url, admin, 'consultant');
    const lead = await createStaff(api.url, admin, 'lead');
    const refused = await request(api.url).get('/api/v1/users').set('Authorization', `Bearer ${consultant.token}`).expect(403);
    expect(refused.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
    await request(api.url).post('/api/v1/users').set('Authorization', `Bearer ${lead.token}`).send({}).expect(403);
    await request(api.url).get('/api/v1/auth/me').set('Authorization', `Bearer ${consultant.token}`).expect(200);
  });

  it('throttles sign-in per account, also across processes, with a clear 429', async () => {
    const [throttled, other] = await Promise.all([startApi({ LOGIN_THROTTLE_LIMIT: '3' }), startApi({ LOGIN_THROTTLE_LIMIT: '3' })]);
    try {
      const email = `throttle-${Date.now()}@example.org`;
      for (let i = 0; i < 3; i++) {
        const target = i % 2 === 0 ? throttled.url : other.url;
        await request(target).post('/api/v1/auth/login').send({ email, password: 'wrong-password' }).expect(401);
      }
      const blocked = await request(throttled.url).post('/api/v1/auth/login').send({ email, password: 'wrong-password' }).expect(429);
      expect(blocked.body).toMatchObject({
        statusCode: 429,
        error: 'Too Many Requests',
        message: expect.stringMatching(/Too many sign-in attempts/),
      });
      // Another account from the same address is still allowed (its own counter).
      const admin = await login(api.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
      const consultant = await createStaff(api.url, admin, 'consultant');
      await request(throttled.url).post('/api/v1/auth/login').send({ email: consultant.email, password: consultant.password }).expect(200);
    } finally {
      await Promise.all([throttled.stop(), other.stop()]);
    }
  });
});
