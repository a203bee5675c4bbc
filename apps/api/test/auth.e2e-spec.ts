import pg from 'pg';
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
    expect(byBearer.body).toEqual({
      id: response.body.user.id,
      email: DEMO_ADMIN.email,
      name: 'Avery Admin',
      role: 'admin',
      centerTimeZone: 'America/New_York',
    });
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

  it('throttles failed sign-ins fairly: per account and address with backoff, success resets, a ceiling per account, Retry-After', async () => {
    // Its own Redis database, so the counters start at zero; X-Forwarded-For plays clients at other addresses.
    const env = {
      REDIS_URL: `${process.env.REDIS_URL}/4`,
      TRUST_PROXY: 'true',
      LOGIN_THROTTLE_LIMIT: '3',
      LOGIN_ACCOUNT_CEILING: '7',
      LOGIN_THROTTLE_IP_LIMIT: '5',
      LOGIN_THROTTLE_WINDOW_SECONDS: '600',
    };
    const [throttled, other] = await Promise.all([startApi(env), startApi(env)]);
    const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      const consultant = await createStaff(api.url, await login(api.url, DEMO_ADMIN.email, DEMO_ADMIN.password), 'consultant');
      const signIn = (from: string, password: string, url = throttled.url) =>
        request(url).post('/api/v1/auth/login').set('X-Forwarded-For', from).send({ email: consultant.email, password });

      // Successes never count.
      for (let i = 0; i < 5; i++) await signIn('203.0.113.1', consultant.password).expect(200);

      // Three failures from one address, across both processes; the next try waits, even with the right password.
      for (let i = 0; i < 3; i++) await signIn('203.0.113.1', 'wrong-password', i % 2 ? other.url : throttled.url).expect(401);
      const waiting = await signIn('203.0.113.1', consultant.password).expect(429);
      expect(waiting.body).toMatchObject({
        statusCode: 429,
        error: 'Too Many Requests',
        message: expect.stringMatching(/try again in 2 seconds/),
      });
      expect(waiting.headers['retry-after']).toBe('2');
      expect(waiting.headers['cache-control']).toBe('no-store');

      // The owner at another address is not locked out by those failures.
      await signIn('198.51.100.7', consultant.password).expect(200);

      // Once the wait is over a success resets the address's count: one more failure is just a 401, no wait.
      await new Promise((r) => setTimeout(r, 2100));
      await signIn('203.0.113.1', consultant.password).expect(200);
      await signIn('203.0.113.1', 'wrong-password').expect(401);
      await signIn('203.0.113.1', consultant.password).expect(200);

      // Guessing from many addresses: at the account's ceiling (7 failures in all) every address waits out the
      // window, and the owner is emailed once.
      for (let i = 0; i < 3; i++) await signIn(`192.0.2.${10 + i}`, 'wrong-password').expect(401);
      await signIn('192.0.2.20', consultant.password).expect(429);
      const ceiling = await signIn('192.0.2.21', consultant.password, other.url).expect(429);
      expect(Number(ceiling.headers['retry-after'])).toBeGreaterThan(500);
      const told = await db.query(`SELECT recipient FROM outbound_emails WHERE template = 'sign_in_failures' AND recipient = $1`, [
        consultant.email,
      ]);
      expect(told.rows).toHaveLength(1);

      // One address trying many accounts is stopped at LOGIN_THROTTLE_IP_LIMIT failures, whatever the account.
      for (let i = 0; i < 5; i++) {
        await request(throttled.url)
          .post('/api/v1/auth/login')
          .set('X-Forwarded-For', '203.0.113.99')
          .send({ email: `guess-${i}@example.org`, password: 'wrong-password' })
          .expect(401);
      }
      await request(throttled.url).post('/api/v1/auth/login').set('X-Forwarded-For', '203.0.113.99').send(DEMO_ADMIN).expect(429);
      await request(throttled.url).post('/api/v1/auth/login').set('X-Forwarded-For', '203.0.113.100').send(DEMO_ADMIN).expect(200);
    } finally {
      await db.end();
      await Promise.all([throttled.stop(), other.stop()]);
    }
  });
});
