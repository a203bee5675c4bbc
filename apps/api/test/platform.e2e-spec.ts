import request from 'supertest';
import { repoRoot, startApi, startProcess, type RunningApi } from '../../../test/support/processes.js';

describe('platform: health, OpenAPI, security headers, config', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api?.stop());

  it('reports database and Redis up on /health without signing in', async () => {
    const res = await request(api.url).get('/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, redis: { status: 'up' } } });
  });

  it('reports 503 when Redis is unreachable', async () => {
    const broken = await startApiExpectingUnhealthy();
    try {
      const res = await request(broken.url).get('/health').expect(503);
      expect(res.body.status).toBe('error');
      expect(res.body.error.redis.status).toBe('down');
      expect(res.body.info.database.status).toBe('up');
    } finally {
      await broken.stop();
    }
  });

  it('logs each request as one JSON line saying what happened, without the health checks or credentials', async () => {
    const logging = await startApi({ LOG_LEVEL: 'info' });
    try {
      await request(logging.url).get('/health').expect(200);
      await request(logging.url).get('/api/v1/auth/me?probe=logging').set('Authorization', 'Bearer not-a-session').expect(401);
      const line = await eventuallyLogged(
        logging,
        (record) => record.msg === `GET /api/v1/auth/me?probe=logging 401 ${record.responseTime} ms`,
      );
      expect(line.req.headers.authorization).toBe('[Redacted]');
      expect(logRecords(logging).filter((record) => record.msg.startsWith('GET /health'))).toEqual([]);
    } finally {
      await logging.stop();
    }
  });

  it('serves the OpenAPI document and its UI', async () => {
    const json = await request(api.url).get('/api/docs/json').expect(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(Object.keys(json.body.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/users', '/api/v1/users/{id}']));
    const ui = await request(api.url).get('/api/docs').redirects(1).expect(200);
    expect(ui.text).toMatch(/swagger/i);
  });

  it('sends security headers', async () => {
    const res = await request(api.url).get('/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBeDefined();
  });

  it('answers an unknown route with a 404 in the error shape', async () => {
    const res = await request(api.url).get('/api/v1/nothing-here').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });

  it('refuses to boot with a missing or malformed setting, naming it in one line', async () => {
    const missing = startProcess(`${repoRoot}dist/apps/api/src/main.js`, { DATABASE_URL: '' });
    expect(await missing.exited).toBe(1);
    expect(missing.output().trim()).toMatch(/^Invalid configuration: DATABASE_URL: .*\(missing\)$/);

    const malformed = startProcess(`${repoRoot}dist/apps/worker/src/main.js`, { PORT: 'eighty' });
    expect(await malformed.exited).toBe(1);
    expect(malformed.output().trim().split('\n')).toHaveLength(1);
    expect(malformed.output()).toMatch(/PORT: .*\(got "eighty"\)/);
  });
});

/** An API pointed at a Redis port nobody listens on still boots (health reports it), so it can be probed. */
async function startApiExpectingUnhealthy(): Promise<RunningApi> {
  const { freePort } = await import('../../../test/support/processes.js');
  const port = await freePort();
  const deadPort = await freePort();
  const proc = startProcess(`${repoRoot}dist/apps/api/src/main.js`, { PORT: String(port), REDIS_URL: `redis://127.0.0.1:${deadPort}` });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20000;
  while (Date.now() < deadline) {
    const answered = await fetch(`${url}/health`).then(
      () => true,
      () => false,
    );
    if (answered) return { ...proc, url };
    await new Promise((r) => setTimeout(r, 100));
  }
  await proc.stop('SIGKILL');
  throw new Error(`API did not start:\n${proc.output()}`);
}

interface RequestRecord {
  msg: string;
  responseTime: number;
  req: { headers: Record<string, string> };
}

/** The JSON records the API wrote to stdout (in tests stdout is a pipe, so no pretty printing). */
function logRecords(api: RunningApi): RequestRecord[] {
  return api
    .output()
    .split('\n')
    .filter((text) => text.startsWith('{'))
    .map((text) => JSON.parse(text) as RequestRecord);
}

/** The API's first log record that `match`es, waiting briefly for it to be written. */
async function eventuallyLogged(api: RunningApi, match: (record: RequestRecord) => boolean): Promise<RequestRecord> {
  for (let tries = 0; tries < 50; tries++) {
    const found = logRecords(api).find(match);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no matching log record in:\n${api.output()}`);
}
