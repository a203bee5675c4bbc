import { readdirSync } from 'node:fs';
import request from 'supertest';
import { repoRoot, startApi, type RunningApi } from '../../../test/support/processes.js';

describe('the API serving the built web app (WEB_DIST_DIR)', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi({ WEB_DIST_DIR: `${repoRoot}dist/web` });
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('serves index.html at / and, for the app’s own routes, on any other GET', async () => {
    for (const path of ['/', '/login', '/admin/users', '/cases/some/deep/link']) {
      const response = await request(api.url).get(path).expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.text).toContain('<div id="root"></div>');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    }
  });

  it('serves the hashed assets as immutable', async () => {
    const asset = readdirSync(`${repoRoot}dist/web/assets`).find((name) => name.endsWith('.js'));
    const response = await request(api.url).get(`/assets/${asset}`).expect(200);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('keeps unknown API paths a JSON 404', async () => {
    for (const path of ['/api/v1/nope', '/api', '/health/nope']) {
      const response = await request(api.url).get(path).expect(404);
      expect(response.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    }
    await request(api.url).post('/admin/users').expect(404);
    await request(api.url).get('/health').expect(200);
  });
});
