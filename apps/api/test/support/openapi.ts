import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createStaff, DEMO_ADMIN, login } from '../../../../test/support/auth.js';
import { createCase, createContact, createOrganization } from '../../../../test/support/fixtures.js';

/** Just what the generated suites read of an OpenAPI 3 document. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  minimum?: number;
  minLength?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

interface OperationObject {
  parameters?: Parameter[];
  security?: unknown[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface Operation {
  /** `METHOD /path` as in the document, e.g. `PATCH /api/v1/cases/{id}`. */
  key: string;
  method: string;
  path: string;
  /** Routes without a security requirement are public (no @ApiBearerAuth). */
  isPublic: boolean;
  pathParams: Parameter[];
  queryParams: Parameter[];
  body?: Schema;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export async function fetchOpenApi(url: string): Promise<OpenApiDocument> {
  const res = await request(url).get('/api/docs/json').expect(200);
  return res.body as OpenApiDocument;
}

export function operationsOf(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => ({
        key: `${method.toUpperCase()} ${path}`,
        method,
        path,
        isPublic: !op.security?.length,
        pathParams: (op.parameters ?? []).filter((p) => p.in === 'path'),
        queryParams: (op.parameters ?? []).filter((p) => p.in === 'query'),
        body: op.requestBody?.content?.['application/json']?.schema,
      })),
  );
}

export function resolve(doc: OpenApiDocument, schema: Schema): Schema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  const found = doc.components?.schemas?.[name];
  if (!found) throw new Error(`unresolved ${schema.$ref}`);
  return resolve(doc, found);
}

/** Ids of real rows, so requests get past "not found" into the handlers. */
export interface FixtureIds {
  organization: string;
  contact: string;
  user: string;
  consultant: string;
  case: string;
  consultation: string;
  followUp: string;
  goal: string;
  actionItem: string;
  email: string;
  intakeToken: string;
  attachment: string;
}

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Rows that live for the whole suite: organization, contact, staff, an outbox email and a request's status token. */
export async function createSharedFixtures(url: string, admin: string) {
  const organization = await createOrganization(url, admin);
  const contact = await createContact(url, admin, organization.id);
  const user = await createStaff(url, admin, 'consultant');
  const consultant = await createStaff(url, admin, 'consultant');
  const intake = await request(url)
    .post('/api/v1/intake')
    .send({
      organizationName: `Fuzz Clinic ${randomUUID().slice(0, 8)}`,
      region: 'central',
      county: 'Onondaga',
      contactName: 'Jordan Lee',
      email: `fuzz-${randomUUID().slice(0, 6)}@clinic.example.org`,
      role: 'clinical_director',
      populations: ['adults'],
      peerRoles: ['nycps'],
      stage: 'starting',
      topics: [],
      question: 'How do we write job descriptions for peer roles?',
    })
    .expect(201);
  const emails = await request(url).get('/api/v1/emails').set(auth(admin)).expect(200);
  return {
    organization: organization.id,
    contact: contact.id,
    user: user.id,
    consultant: consultant.id,
    email: (emails.body as { items: Array<{ id: string }> }).items[0]!.id,
    intakeToken: (intake.body as { statusUrl: string }).statusUrl.split('/').pop()!,
  };
}

/** A case with a session, a follow-up, a goal with an item and a file; made per operation so destructive calls stay local. */
export async function createCaseFixtures(
  url: string,
  token: string,
  shared: Awaited<ReturnType<typeof createSharedFixtures>>,
  overrides: Record<string, unknown> = {},
): Promise<FixtureIds> {
  const c = await createCase(url, token, shared.organization, { primaryContactId: shared.contact, ...overrides });
  const consultation = await request(url)
    .post(`/api/v1/cases/${c.id}/consultations`)
    .set(auth(token))
    .send({
      startedAt: new Date(Date.now() - 3600_000).toISOString(),
      durationMinutes: 60,
      modality: 'video',
      attendeeContactIds: [shared.contact],
      topics: [],
      summary: 'First session.',
      followUps: [{ dueAt: new Date(Date.now() + 86400_000).toISOString(), kind: 'check_in' }],
      actionItems: [{ goalTitle: 'Hire peers', goalArea: 'readiness', description: 'Draft a job description' }],
    })
    .expect(201);
  const [followUps, plan] = await Promise.all([
    request(url).get(`/api/v1/cases/${c.id}/follow-ups`).set(auth(token)).expect(200),
    request(url).get(`/api/v1/cases/${c.id}/action-plan`).set(auth(token)).expect(200),
  ]);
  const goal = (plan.body as { goals: Array<{ id: string; items: Array<{ id: string }> }> }).goals[0]!;
  const attachment = await request(url)
    .post(`/api/v1/cases/${c.id}/attachments`)
    .set(auth(token))
    .attach('file', Buffer.from('%PDF-1.4\n%%EOF\n'), 'fixture.pdf')
    .expect(201);
  return {
    ...shared,
    case: c.id,
    consultation: (consultation.body as { id: string }).id,
    followUp: (followUps.body as Array<{ id: string }>)[0]!.id,
    goal: goal.id,
    actionItem: goal.items[0]!.id,
    attachment: (attachment.body as Array<{ id: string }>)[0]!.id,
  };
}

/** Which fixture a path parameter names: the resource is the path segment before it (`/cases/{id}` → a case). */
const PATH_FIXTURES: Record<string, keyof FixtureIds> = {
  users: 'user',
  organizations: 'organization',
  cases: 'case',
  consultations: 'consultation',
  'action-items': 'actionItem',
  'follow-ups': 'followUp',
  emails: 'email',
  status: 'intakeToken',
  attachments: 'attachment',
};

/** The path with its parameters filled: a real row of that resource, or a fresh UUID for a resource with no fixture. */
export function fillPath(op: Operation, ids: FixtureIds, override?: { name: string; value: string }): string {
  return op.path.replace(/\{([^}]+)\}/g, (_, name: string, offset: number) => {
    if (override?.name === name) return override.value;
    const resource = op.path.slice(0, offset).split('/').filter(Boolean).pop() ?? '';
    const fixture = PATH_FIXTURES[resource];
    return fixture ? ids[fixture] : randomUUID();
  });
}

/** Body fields named after a row they point at. */
const FIELD_FIXTURES: Record<string, keyof FixtureIds> = {
  organizationId: 'organization',
  primaryContactId: 'contact',
  contactId: 'contact',
  ownerContactId: 'contact',
  consultantId: 'consultant',
  assigneeId: 'consultant',
  ownerUserId: 'consultant',
  goalId: 'goal',
  caseId: 'case',
};

/**
 * A value the API should accept for a schema: a fixture for ids, else the example, the first enum value, the minimum,
 * or a plain value of the type. Objects get their required properties only (plus a goal id, which the plan needs).
 */
export function validValue(doc: OpenApiDocument, raw: Schema, name: string, ids: FixtureIds): unknown {
  const schema = resolve(doc, raw);
  if (schema.type === 'object' || schema.properties) {
    const out: Record<string, unknown> = {};
    for (const [key, property] of Object.entries(schema.properties ?? {})) {
      if (schema.required?.includes(key) || key === 'goalId') out[key] = validValue(doc, property, key, ids);
    }
    return out;
  }
  const fixture = FIELD_FIXTURES[name];
  if (fixture) return schema.type === 'array' ? [ids[fixture]] : ids[fixture];
  if (name.endsWith('ContactIds')) return [ids.contact];
  if (schema.example !== undefined) return schema.example;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  switch (schema.type) {
    case 'array':
      return schema.items && resolve(doc, schema.items).enum ? [resolve(doc, schema.items).enum![0]] : [];
    case 'number':
    case 'integer':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    default:
      if (schema.format === 'date-time') return new Date(Date.now() + 86400_000).toISOString();
      if (schema.format === 'uuid') return randomUUID();
      return 'A value long enough for any minimum length'.padEnd(schema.minLength ?? 0, '.');
  }
}

/** Every field of a body schema as a dotted path (`goals.0.title`), nested objects and arrays of objects included. */
export function fieldPaths(doc: OpenApiDocument, raw: Schema, prefix = '', depth = 0): Array<{ path: string; schema: Schema }> {
  const schema = resolve(doc, raw);
  if (depth > 2 || !schema.properties) return [];
  return Object.entries(schema.properties).flatMap(([key, property]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    const resolved = resolve(doc, property);
    const nested = resolved.type === 'array' && resolved.items ? resolve(doc, resolved.items) : resolved;
    const childPrefix = resolved.type === 'array' ? `${path}.0` : path;
    return [{ path, schema: resolved }, ...(nested.properties ? fieldPaths(doc, nested, childPrefix, depth + 1) : [])];
  });
}

/** `body` with the value at a dotted path replaced, building valid parents (an item of an array) on the way. */
export function withValue(doc: OpenApiDocument, root: Schema, body: unknown, path: string, value: unknown, ids: FixtureIds): unknown {
  const copy = structuredClone(body) as Record<string, unknown>;
  const keys = path.split('.');
  let target: Record<string, unknown> = copy;
  let schema = resolve(doc, root);
  keys.slice(0, -1).forEach((key, i) => {
    const next = keys[i + 1]!;
    const property = schema.properties?.[key] ?? (schema.type === 'array' ? schema.items : undefined);
    const resolved = property ? resolve(doc, property) : {};
    if (target[key] === undefined || typeof target[key] !== 'object' || target[key] === null) {
      target[key] = /^\d+$/.test(next) ? [] : validValue(doc, resolved, key, ids);
    }
    if (Array.isArray(target[key]) && (target[key] as unknown[])[Number(next)] === undefined && resolved.items) {
      (target[key] as unknown[])[Number(next)] = validValue(doc, resolved.items, key, ids);
    }
    target = target[key] as Record<string, unknown>;
    schema = resolved;
  });
  target[keys[keys.length - 1]!] = value;
  return copy;
}

export async function signIn(url: string): Promise<string> {
  return login(url, DEMO_ADMIN.email, DEMO_ADMIN.password);
}
