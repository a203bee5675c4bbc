import request from 'supertest';
import { DEMO_ADMIN, login } from '../../../test/support/auth.js';
import { repoRoot, startApi, type RunningApi } from '../../../test/support/processes.js';

/** CSRF, bearer parsing, CSP and caching, per route class (README "Security"). */
describe('browser protections (real API process serving the built web app)', () => {
  let api: RunningApi;
  let token: string;

  beforeAll(async () => {
    api = await startApi({ WEB_DIST_DIR: `${repoRoot}dist/web`, APP_URL: 'https://desk.example.org' });
    token = await login(api.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
  });
  afterAll(async () => {
    await api?.stop();
  });

  const organization = () => ({
    name: `CSRF Clinic ${Math.random()}`,
    kind: 'mhotrs_clinic',
    region: 'nyc',
    county: 'Kings',
    populations: ['adults'],
    stage: 'starting',
  });

  it('takes JSON bodies only: a form or text body is a 415, also for the public form and sign-in', async () => {
    for (const path of ['/api/v1/organizations', '/api/v1/intake', '/api/v1/auth/login']) {
      const form = await request(api.url).post(path).set('Authorization', `Bearer ${token}`).type('form').send('name=Evil&email=a@b.org');
      expect(form.status).toBe(415);
      expect(form.body).toMatchObject({ statusCode: 415, error: 'Unsupported Media Type' });
      const text = await request(api.url)
        .post(path)
        .set('Authorization', `Bearer ${token}`)
        .set('Content-Type', 'text/plain')
        .send('{"name":"x"}');
      expect(text.status).toBe(415);
    }
  });

  it('refuses cookie-authenticated writes from another origin, allows them from its own, and leaves bearer tokens alone', async () => {
    const cookie = `ta_session=${token}`;
    const post = () => request(api.url).post('/api/v1/organizations').set('Cookie', cookie);

    // Another port of the same host is the same *site*, so SameSite=Lax would let it through: the origin check does not.
    const foreign = await post().set('Origin', 'http://127.0.0.1:5173').send(organization()).expect(403);
    expect(foreign.body).toMatchObject({
      statusCode: 403,
      error: 'Forbidden',
      message: expect.stringMatching(/Cross-site request refused/),
    });
    await post().set('Sec-Fetch-Site', 'same-site').set('Origin', api.url).send(organization()).expect(403);
    await post().send(organization()).expect(403); // neither header: not from a browser page of ours
    await request(api.url)
      .delete('/api/v1/consultations/00000000-0000-0000-0000-000000000000')
      .set('Cookie', cookie)
      .set('Origin', 'https://evil.example')
      .expect(403);

    await post().set('Origin', api.url).send(organization()).expect(201);
    await post().set('Origin', 'https://desk.example.org').send(organization()).expect(201); // APP_URL, behind a proxy
    await post().set('Sec-Fetch-Site', 'same-origin').send(organization()).expect(201);

    // Reads are not state-changing; bearer tokens are never sent by a browser on its own.
    await request(api.url).get('/api/v1/auth/me').set('Cookie', cookie).set('Origin', 'https://evil.example').expect(200);
    await request(api.url)
      .post('/api/v1/organizations')
      .set('Authorization', `Bearer ${token}`)
      .set('Origin', 'https://evil.example')
      .send(organization())
      .expect(201);
  });

  it('refuses a bearer header with anything but one token', async () => {
    await request(api.url).get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    for (const header of [`Bearer ${token} garbage`, `Bearer ${token},x`, `Bearer  ${token}`, `Basic ${token}`, `Bearer`, token]) {
      const refused = await request(api.url).get('/api/v1/auth/me').set('Authorization', header).expect(401);
      expect(refused.body.statusCode).toBe(401);
    }
    // A malformed header is not rescued by a cookie that happens to be valid.
    await request(api.url)
      .get('/api/v1/auth/me')
      .set('Authorization', `Bearer ${token} x`)
      .set('Cookie', `ta_session=${token}`)
      .expect(401);
  });

  it('sends a strict CSP to the app, a relaxed one only to the API docs, and the right caching per route class', async () => {
    const app = await request(api.url).get('/cases').expect(200);
    const appCsp = String(app.headers['content-security-policy']);
    expect(appCsp).toContain("script-src 'self';");
    expect(appCsp).not.toContain("script-src 'self' 'unsafe-inline'");
    expect(app.headers['cache-control']).toBe('no-cache');
    expect(appCsp).toContain('upgrade-insecure-requests'); // APP_URL is https here

    const docs = await request(api.url).get('/api/docs').redirects(1).expect(200);
    expect(String(docs.headers['content-security-policy'])).toContain("script-src 'self' 'unsafe-inline'");

    const signIn = await request(api.url).post('/api/v1/auth/login').send(DEMO_ADMIN).expect(200);
    expect(signIn.headers['cache-control']).toBe('no-store');
    for (const path of ['/api/v1/auth/me', '/api/v1/cases', '/api/v1/organizations']) {
      const answer = await request(api.url).get(path).set('Authorization', `Bearer ${token}`).expect(200);
      expect(answer.headers['cache-control']).toBe('no-store');
      expect(String(answer.headers['content-security-policy'])).toContain("script-src 'self';");
    }
    const tokenScoped = await request(api.url).get('/api/v1/intake/status/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa').expect(404);
    expect(tokenScoped.headers['cache-control']).toBe('no-store');
    const denied = await request(api.url).get('/api/v1/cases').expect(401);
    expect(denied.headers['cache-control']).toBe('no-store');
  });
});
