import { createStaff, login } from '../../../test/support/auth.js';
import { startApi, type RunningApi } from '../../../test/support/processes.js';
import { privateRedis } from '../../../test/support/redis.js';
import { ACCESS_POLICY, type Access } from './support/access-policy.js';
import {
  createCaseFixtures,
  createSharedFixtures,
  fetchOpenApi,
  fillPath,
  operationsOf,
  signIn,
  validValue,
  type OpenApiDocument,
  type Operation,
} from './support/openapi.js';

type Role = 'anonymous' | 'consultant' | 'other consultant' | 'lead' | 'admin';
type Expected = 'allowed' | 401 | 403;

/** What the policy says a role gets; `consultant` owns the work in the request, `other consultant` does not. */
function expectedFor(access: Access, role: Role): Expected {
  if (access.audience === 'public') return 'allowed';
  if (role === 'anonymous') return 401;
  if (access.audience === 'assignee') return role === 'admin' ? 403 : 'allowed';
  if (role === 'admin') return 'allowed';
  if (access.audience === 'admin') return 403;
  if (role === 'lead') return 'allowed';
  if (access.audience === 'lead') return 403;
  return role === 'other consultant' && access.owned ? 403 : 'allowed';
}

/**
 * Every operation of the OpenAPI document × anonymous, consultant, lead and admin (and another consultant where the
 * policy says the work must be theirs), each with a minimal request: allowed means "neither 401 nor 403" (a 400 from
 * validation or a 409 from the state machine is fine), otherwise the exact status.
 */
describe('authorization matrix from the OpenAPI document and the access policy', () => {
  let api: RunningApi;
  let redis: Awaited<ReturnType<typeof privateRedis>>;
  let doc: OpenApiDocument;
  let admin: string;
  const credentials = {} as Record<Exclude<Role, 'anonymous'>, { email: string; password: string }>;
  let shared: Awaited<ReturnType<typeof createSharedFixtures>>;

  beforeAll(async () => {
    // Its own Redis: a sign-in per role and operation must not count against other tests' sign-in limits.
    redis = await privateRedis();
    await redis.start();
    api = await startApi({ REDIS_URL: redis.url, LOGIN_THROTTLE_LIMIT: '100000', LOGIN_THROTTLE_IP_LIMIT: '100000' });
    doc = await fetchOpenApi(api.url);
    admin = await signIn(api.url);
    for (const role of ['consultant', 'other consultant', 'lead', 'admin'] as const) {
      credentials[role] = await createStaff(api.url, admin, role === 'other consultant' ? 'consultant' : role);
    }
    shared = await createSharedFixtures(api.url, admin);
  }, 60000);
  afterAll(async () => {
    await api?.stop();
    await redis?.stop();
  });

  it('has a policy for every operation of the document, and none for operations that are gone', () => {
    const documented = operationsOf(doc).map((op) => op.key);
    expect(documented.filter((key) => !ACCESS_POLICY[key])).toEqual([]);
    expect(Object.keys(ACCESS_POLICY).filter((key) => !documented.includes(key))).toEqual([]);
  });

  /** A signed-in session per role, signed in again when a call (logout) ended it. */
  const sessions: Partial<Record<Role, string>> = {};
  async function sessionOf(role: Exclude<Role, 'anonymous'>): Promise<string> {
    const current = sessions[role];
    if (current && (await fetch(`${api.url}/api/v1/auth/me`, { headers: { Authorization: `Bearer ${current}` } })).ok) return current;
    return (sessions[role] = await login(api.url, credentials[role].email, credentials[role].password));
  }

  it('answers each role as the policy says', async () => {
    const mismatches: string[] = [];
    let requests = 0;
    for (const op of operationsOf(doc)) {
      const access = ACCESS_POLICY[op.key];
      if (!access) continue; // reported by the test above
      // The consultant's own case, session, follow-up and plan, fresh per operation (some calls remove them).
      const ids = await createCaseFixtures(api.url, await sessionOf('consultant'), shared);
      const roles: Role[] = ['anonymous', ...(access.owned ? (['other consultant'] as const) : []), 'consultant', 'lead', 'admin'];
      for (const role of roles) {
        const token = role === 'anonymous' ? undefined : await sessionOf(role);
        const status = await send(api.url, doc, op, ids, token);
        requests++;
        const expected = expectedFor(access, role);
        const ok = expected === 'allowed' ? status !== 401 && status !== 403 && status < 500 : status === expected;
        if (!ok) mismatches.push(`${op.key} as ${role}: expected ${expected}, got ${status}`);
      }
    }
    console.log(`authorization matrix: ${requests} requests over ${operationsOf(doc).length} operations`);
    expect(mismatches).toEqual([]);
  }, 300000);
});

async function send(url: string, doc: OpenApiDocument, op: Operation, ids: Parameters<typeof fillPath>[1], token?: string) {
  const query = op.queryParams
    .filter((p) => p.required)
    .map((p) => `${p.name}=${encodeURIComponent(String(validValue(doc, p.schema ?? {}, p.name, ids)))}`)
    .join('&');
  const body = op.body ? JSON.stringify(validValue(doc, op.body, '', ids)) : undefined;
  const res = await fetch(`${url}${fillPath(op, ids)}${query ? `?${query}` : ''}`, {
    method: op.method.toUpperCase(),
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body,
  });
  await res.arrayBuffer();
  return res.status;
}
