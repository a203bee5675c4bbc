import { readdirSync, statSync } from 'node:fs';
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
      // Served over plain http (APP_URL is http here): nothing tells the browser to switch to https.
      expect(response.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    }
  });

  it('serves the public request pages their own request.html, deep links included', async () => {
    for (const path of ['/request', '/request/thanks', '/request/status/abc123']) {
      const response = await request(api.url).get(path).expect(200);
      expect(response.text).toContain('<title>PeerTAC</title>');
      expect(response.text).not.toMatch(/\/assets\/index-/);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    }
  });

  it('sends the built files compressed as the build wrote them, and API answers compressed on the fly', async () => {
    const asset = readdirSync(`${repoRoot}dist/web/assets`).find((name) => name.endsWith('.js'));
    for (const [path, encoding] of [
      ['/request', 'br'],
      ['/login', 'gzip'],
      [`/assets/${asset}`, 'br'],
      [`/assets/${asset}`, 'gzip'],
    ] as const) {
      // fetch decodes the body; the headers still say how it travelled.
      const response = await fetch(`${api.url}${path}`, { headers: { 'accept-encoding': encoding } });
      expect([path, response.headers.get('content-encoding')]).toEqual([path, encoding]);
      expect(response.headers.get('vary')).toMatch(/accept-encoding/i);
    }
    // The .br the build wrote, sent as it is (compressing on the fly would give no length up front).
    const precompressed = await fetch(`${api.url}/assets/${asset}`, { headers: { 'accept-encoding': 'br' } });
    expect(precompressed.headers.get('content-length')).toBe(String(statSync(`${repoRoot}dist/web/assets/${asset}.br`).size));
    expect(precompressed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // No Accept-Encoding, nothing compressed.
    const plain = await request(api.url).get(`/assets/${asset}`).set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();

    const topics = await fetch(`${api.url}/api/v1/intake/topics`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(topics.headers.get('content-encoding')).toBe('br');
    expect(Array.isArray(await topics.json())).toBe(true);
    // Small answers are not worth compressing.
    const health = await fetch(`${api.url}/health`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(health.headers.get('content-encoding')).toBeNull();
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
