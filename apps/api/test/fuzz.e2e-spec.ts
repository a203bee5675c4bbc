import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { startApi, type RunningApi } from '../../../test/support/processes.js';
import { privateRedis } from '../../../test/support/redis.js';
import {
  createCaseFixtures,
  createSharedFixtures,
  fetchOpenApi,
  fieldPaths,
  fillPath,
  operationsOf,
  signIn,
  validValue,
  withValue,
  type FixtureIds,
  type OpenApiDocument,
  type Operation,
} from './support/openapi.js';

/**
 * Hostile input on every operation of the OpenAPI document (a new endpoint is covered without writing anything):
 * each class of value below in each body field, query parameter and path parameter, the other fields valid, as an
 * admin (public routes anonymously) with real rows in the path. Any 5xx fails, and so does an answer that leaks SQL,
 * a stack trace or a file path, and so does an error that is not in the API's error shape.
 */

/** Stands for JSON text that JSON.stringify cannot produce (a `__proto__` key, thousands of levels). */
class RawJson {
  constructor(readonly text: string) {}
}

const DEEP = '['.repeat(5000) + ']'.repeat(5000);

/** Values for one body field; those with types go only to fields of those types (wrong types are covered by the rest). */
const BODY_VALUES: Array<[string, unknown, string[]?]> = [
  ['nul', 'a\u0000b'],
  ['lone surrogate', '\ud800x'],
  ['null', null],
  ['number', 12345],
  ['boolean', true],
  ['string', 'not the right type'],
  ['object', { unexpected: 1 }],
  ['toString object', { toString: 'x', valueOf: 'y' }],
  ['array', ['a', 'b']],
  ['__proto__ key', new RawJson('{"__proto__":{"polluted":true}}')],
  ['constructor key', { constructor: { prototype: { polluted: true } } }],
  ['NUL in a key', { 'a\u0000': 1 }],
  ['deep nesting', new RawJson(DEEP)],
  ['beyond bigint', new RawJson('99999999999999999999'), ['number', 'integer']],
  ['negative', -1, ['number', 'integer']],
  ['fraction', 1.5, ['number', 'integer']],
  ['empty string', '', ['string']],
  ['huge string', 'x'.repeat(200_000), ['string']],
  ['invalid uuid', 'not-a-uuid', ['string']],
  ['earliest JS date', '-271821-04-20T00:00:00Z', ['string']],
  ['year 0', '0000-01-01T00:00:00Z', ['string']],
  ['latest JS date', '+275760-09-13T00:00:00Z', ['string']],
  ['calendar year 0', '0000-01-01', ['string']],
  ['huge array', Array.from({ length: 20_000 }, (_, i) => `v${i}`), ['array']],
];

/** Whole bodies, sent to every operation that takes one (and to POSTs that take none). */
const WHOLE_BODIES: Array<[string, (valid: unknown) => string]> = [
  ['extra field', (valid) => JSON.stringify({ ...(valid as object), unexpectedField: 1 })],
  [
    '__proto__ at the top',
    (valid) =>
      `{"__proto__":{"isAdmin":true}${JSON.stringify(valid)
        .slice(1)
        .replace(/^(?!\})/, ',')}`,
  ],
  ['constructor.prototype at the top', (valid) => JSON.stringify({ ...(valid as object), constructor: { prototype: { isAdmin: true } } })],
  ['deeply nested body', () => DEEP],
  ['array body', () => '[]'],
  ['string body', () => '"text"'],
  ['null body', () => 'null'],
  ['broken JSON', () => '{"a":'],
];

const QUERY_VALUES: Array<[string, string]> = [
  ['nul', '%00'],
  ['nul inside', 'a%00b'],
  ['invalid UTF-8 (a surrogate)', '%ED%A0%80'],
  ['beyond bigint', '99999999999999999999'],
  ['negative', '-1'],
  ['zero', '0'],
  ['fraction', '1.5'],
  ['NaN', 'NaN'],
  ['Infinity', 'Infinity'],
  ['empty', ''],
  ['long', 'x'.repeat(8000)],
  ['invalid uuid', 'not-a-uuid'],
  ['earliest JS date', '-271821-04-20T00%3A00%3A00Z'],
  ['year 0', '0000-01-01'],
  ['latest JS date', '%2B275760-09-13T00%3A00%3A00Z'],
  ['object text', '%5Bobject%20Object%5D'],
  ['bracket syntax', 'a&x[y]=z'],
];

const PATH_VALUES: Array<[string, string]> = [
  ['nul', '%00'],
  ['nul inside', 'a%00b'],
  ['invalid UTF-8 (a surrogate)', '%ED%A0%80'],
  ['invalid uuid', 'not-a-uuid'],
  ['unknown uuid', randomUUID()],
  ['beyond bigint', '99999999999999999999'],
  ['long', 'x'.repeat(300)],
  ['traversal', '..%2F..%2Fetc%2Fpasswd'],
];

/** What an error body must never contain: SQL, driver errors, stack frames, paths on the server. */
const LEAKS = /QueryFailedError|violates|SELECT |INSERT INTO|UPDATE \w+ SET|\bat [\w.<>]+ \(|\/work\/|node_modules|\.js:\d+/;

interface Sent {
  op: string;
  where: string;
  status: number;
  body: string;
}

describe('hostile input on every operation of the OpenAPI document', () => {
  let api: RunningApi;
  let redis: Awaited<ReturnType<typeof privateRedis>>;
  let doc: OpenApiDocument;
  let admin: string;
  let shared: Awaited<ReturnType<typeof createSharedFixtures>>;
  // The fuzz suite edits the center's settings (a valid request among the hostile ones): other suites must find them
  // as the seed left them, whatever order Jest runs the files in.
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  let settingsBefore: unknown[] = [];
  // …and its thousands of request-form emails (no worker delivers them here) must not queue ahead of theirs.
  let startedAt: Date;

  beforeAll(async () => {
    await db.connect();
    settingsBefore = (await db.query(`SELECT to_jsonb(s) AS row FROM settings s`)).rows.map((r: { row: unknown }) => r.row);
    startedAt = (await db.query(`SELECT now() AS now`)).rows[0].now;
    // Its own Redis: thousands of sign-in and request-form attempts must not count against other tests' limits.
    redis = await privateRedis();
    await redis.start();
    api = await startApi({
      REDIS_URL: redis.url,
      LOGIN_THROTTLE_LIMIT: '1000000',
      LOGIN_THROTTLE_IP_LIMIT: '1000000',
      INTAKE_RATE_LIMIT_PER_HOUR: '1000000',
    });
    doc = await fetchOpenApi(api.url);
    admin = await signIn(api.url);
    shared = await createSharedFixtures(api.url, admin);
  }, 60000);
  afterAll(async () => {
    await api?.stop();
    await redis?.stop();
    await db.query(`DELETE FROM outbound_emails WHERE created_at >= $1`, [startedAt]);
    await db.query(`DELETE FROM settings`);
    for (const row of settingsBefore) await db.query(`INSERT INTO settings SELECT * FROM jsonb_populate_record(NULL::settings, $1)`, [row]);
    await db.end();
  });

  it('answers 4xx or success, never 5xx, and leaks nothing', async () => {
    const sent: Sent[] = [];
    let token = admin;
    for (const op of operationsOf(doc)) {
      // A live session and a fresh case per operation: logout ends a session, DELETE and PUT remove rows.
      if (!(await fetch(`${api.url}/api/v1/auth/me`, { headers: { Authorization: `Bearer ${token}` } })).ok) token = await signIn(api.url);
      const ids = await createCaseFixtures(api.url, token, shared);
      sent.push(...(await fuzzOperation(api.url, doc, op, op.isPublic ? undefined : token, ids)));
    }

    const histogram: Record<number, number> = {};
    for (const s of sent) histogram[s.status] = (histogram[s.status] ?? 0) + 1;
    console.log(`fuzz: ${sent.length} requests over ${operationsOf(doc).length} operations; statuses ${JSON.stringify(histogram)}`);

    const bad = sent.filter((s) => s.status >= 500 || LEAKS.test(s.body) || (s.status >= 400 && !hasErrorShape(s)));
    if (bad.length) console.log(api.output().slice(-20000));
    expect(bad.map((s) => `${s.op} [${s.where}] → ${s.status} ${s.body.slice(0, 300)}`)).toEqual([]);
    // Every operation got past authentication and authorization with its requests.
    const reached = new Set(sent.filter((s) => s.status !== 401 && s.status !== 403).map((s) => s.op));
    expect(
      operationsOf(doc)
        .filter((op) => !reached.has(op.key))
        .map((o) => o.key),
    ).toEqual([]);
  }, 600000);
});

async function fuzzOperation(
  url: string,
  doc: OpenApiDocument,
  op: Operation,
  token: string | undefined,
  ids: FixtureIds,
): Promise<Sent[]> {
  const validQuery = op.queryParams
    .filter((p) => p.required)
    .map((p) => `${p.name}=${encodeURIComponent(String(validValue(doc, p.schema ?? {}, p.name, ids)))}`);
  const validBody = op.body ? validValue(doc, op.body, '', ids) : undefined;
  const takesBody = op.body !== undefined || op.method === 'post';

  const requests: Array<{ where: string; path: string; query: string[]; body?: string }> = [];
  const add = (where: string, changes: { path?: string; query?: string[]; body?: string }) =>
    requests.push({
      where,
      path: changes.path ?? fillPath(op, ids),
      query: changes.query ?? validQuery,
      body: changes.body ?? (validBody === undefined ? undefined : JSON.stringify(validBody)),
    });

  for (const param of op.pathParams) {
    for (const [name, value] of PATH_VALUES) add(`path ${param.name}: ${name}`, { path: fillPath(op, ids, { name: param.name, value }) });
  }
  for (const param of [...op.queryParams.map((p) => p.name), 'unexpected', '__proto__', 'constructor']) {
    const others = validQuery.filter((q) => !q.startsWith(`${param}=`));
    for (const [name, value] of QUERY_VALUES) add(`query ${param}: ${name}`, { query: [...others, `${param}=${value}`] });
    add(`query ${param}: repeated`, { query: [...others, `${param}=a`, `${param}=b`] });
  }
  if (op.body) {
    for (const field of fieldPaths(doc, op.body)) {
      for (const [name, value, types] of BODY_VALUES) {
        if (types && !types.includes(field.schema.type ?? 'object')) continue;
        add(`body ${field.path}: ${name}`, { body: serialize(withValue(doc, op.body, validBody, field.path, value, ids)) });
      }
    }
  }
  if (takesBody) {
    for (const [name, make] of WHOLE_BODIES) add(`body: ${name}`, { body: make(validBody ?? {}) });
  }
  // Last, the valid request itself: it may change or remove the fixtures the others point at.
  add('valid request', {});

  const results: Sent[] = [];
  for (let i = 0; i < requests.length; i += 4) {
    const batch = requests.slice(i, i + 4);
    results.push(
      ...(await Promise.all(
        batch.map(async (r) => {
          const query = r.query.length ? `?${r.query.join('&')}` : '';
          const res = await fetch(`${url}${r.path}${query}`, {
            method: op.method.toUpperCase(),
            headers: {
              ...(token ? { Authorization: `Bearer ${token}` } : {}),
              ...(r.body !== undefined && op.method !== 'get' ? { 'Content-Type': 'application/json' } : {}),
            },
            body: op.method === 'get' ? undefined : r.body,
          });
          return { op: op.key, where: r.where, status: res.status, body: await res.text() };
        }),
      )),
    );
  }
  return results;
}

/** Errors leave the API as { statusCode, error, message, details? } (docs/ARCHITECTURE.md §Contracts). */
function hasErrorShape(s: Sent): boolean {
  try {
    const body = JSON.parse(s.body) as { statusCode?: unknown; error?: unknown; message?: unknown };
    return body.statusCode === s.status && typeof body.error === 'string' && typeof body.message === 'string';
  } catch {
    return false;
  }
}

/** JSON text of a body that may hold RawJson values. */
function serialize(body: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(body, (_key, value: unknown) => {
    if (!(value instanceof RawJson)) return value;
    raws.push(value.text);
    return `\u0001raw${raws.length - 1}\u0001`;
  });
  return text.replace(/"\\u0001raw(\d+)\\u0001"/g, (_, i: string) => raws[Number(i)]!);
}
