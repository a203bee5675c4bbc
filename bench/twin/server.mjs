// The bare twin of the API's two hottest endpoints, for `npm run bench:api`: plain Fastify + pg (no Nest, no
// TypeORM, no class-validator), the same session check, the same SQL (bench/twin/sql.mjs), the same JSON, the same
// writes in one transaction and the same Redis round trips (the intake throttle's counter, the emails' BullMQ jobs).
// It is what the API's hot paths are measured against: the framework's cost is the difference.
// Env: DATABASE_URL, REDIS_URL, SESSION_SECRET, PORT, APP_URL, FIRST_RESPONSE_BUSINESS_DAYS, CENTER_TIME_ZONE,
// INTAKE_RATE_LIMIT_PER_HOUR.
import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import Fastify from 'fastify';
import { Redis } from 'ioredis';
import pg from 'pg';
import { CASE_PRIORITIES, CASE_STATUSES, GOAL_AREAS, STALL_LEVELS } from '../../dist/libs/cases/src/case-enums.js';
import { allowedMoves } from '../../dist/libs/cases/src/case-status-machine.js';
import { addBusinessDays } from '../../dist/libs/common/src/business-days.js';
import {
  CONTACT_ROLE_LABELS,
  CONTACT_ROLES,
  IMPLEMENTATION_STAGES,
  normalizeOrganizationName,
  OMH_REGIONS,
  PEER_ROLE_LABELS,
  PEER_ROLES,
  POPULATION_LABELS,
  POPULATIONS,
  STAGE_LABELS,
} from '../../dist/libs/organizations/src/organization-enums.js';
import * as sql from './sql.mjs';

const env = process.env;
const APP_URL = env.APP_URL ?? 'http://localhost:3000';
const BUSINESS_DAYS = Number(env.FIRST_RESPONSE_BUSINESS_DAYS ?? 2);
const CENTER_TIME_ZONE = env.CENTER_TIME_ZONE ?? 'America/New_York';
const INTAKE_LIMIT = Number(env.INTAKE_RATE_LIMIT_PER_HOUR ?? 5);
// As the API's TypeORM pool (libs/database data-source-options.ts).
// As libs/database: every connection carries the center's time zone, which the SQL reads as center_time_zone().
const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 10, options: `-c ta.center_time_zone=${CENTER_TIME_ZONE}` });
const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
// As libs/queue's QueueModule registers the mail queue.
const mailQueue = new Queue('mail', {
  connection: redis,
  defaultJobOptions: { removeOnComplete: 1000, removeOnFail: 5000, attempts: 3, backoff: { type: 'exponential', delay: 1000 } },
});

/** Statements per request, sent back in x-sql-statements like the API's COUNT_SQL_STATEMENTS (a counter, no more). */
const query = (counter, client, text, values) => {
  counter.n += 1;
  return client.query(text, values);
};

const app = Fastify({ bodyLimit: 1024 * 1024 });
const badRequest = (reply, field, message) =>
  reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: `Validation failed: ${field}: ${message}` });

async function signedIn(request, reply, counter) {
  const match = /^Bearer ([A-Za-z0-9_-]{1,512})$/i.exec(request.headers.authorization ?? '');
  if (!match) {
    reply.code(401).send({ statusCode: 401, error: 'Unauthorized', message: 'Sign in to continue' });
    return null;
  }
  const hash = createHmac('sha256', env.SESSION_SECRET).update(match[1]).digest('hex');
  const { rows } = await query(counter, pool, sql.SESSION, [hash]);
  if (!rows[0]) reply.code(401).send({ statusCode: 401, error: 'Unauthorized', message: 'Sign in to continue' });
  return rows[0] ?? null;
}

// ---- GET /api/v1/cases ----
const CASE_SORTS = ['openedAt', '-openedAt', 'lastActivityAt', '-lastActivityAt', 'priority', '-priority'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** The list's query as ListCasesQueryDto reads it, or the name of the first bad field. */
function listQuery(raw) {
  const list = (value, allowed) => {
    if (value === undefined || value === '') return undefined;
    const items = (Array.isArray(value) ? value : [value])
      .flatMap((v) => String(v).split(','))
      .map((v) => v.trim())
      .filter(Boolean);
    return items.every((v) => allowed.includes(v)) ? items : null;
  };
  const int = (value, fallback, max) => {
    if (value === undefined) return fallback;
    const n = Number(value);
    return Number.isInteger(n) && n >= 1 && n <= max ? n : null;
  };
  const instant = (value) => {
    if (value === undefined) return undefined;
    const date = typeof value === 'string' && ISO_INSTANT.test(value) ? new Date(value) : null;
    return date && !Number.isNaN(date.getTime()) ? date : null;
  };
  const q = {
    page: int(raw.page, 1, 2147483647),
    pageSize: int(raw.pageSize, 25, 100),
    status: list(raw.status, CASE_STATUSES),
    priority: list(raw.priority, CASE_PRIORITIES),
    stallLevel: list(raw.stallLevel, STALL_LEVELS),
    assigneeId: raw.assigneeId,
    organizationId: raw.organizationId,
    topic: raw.topic,
    goalArea: raw.goalArea,
    region: raw.region,
    q: typeof raw.q === 'string' ? raw.q.trim() : raw.q,
    openedFrom: instant(raw.openedFrom),
    openedTo: instant(raw.openedTo),
    sessionFrom: instant(raw.sessionFrom),
    sessionTo: instant(raw.sessionTo),
    sort: raw.sort ?? '-lastActivityAt',
  };
  for (const [key, value] of Object.entries(q)) if (value === null) return { bad: key };
  if (q.assigneeId !== undefined && q.assigneeId !== 'me' && q.assigneeId !== 'none' && !UUID.test(q.assigneeId))
    return { bad: 'assigneeId' };
  if (q.organizationId !== undefined && !UUID.test(q.organizationId)) return { bad: 'organizationId' };
  if (q.topic !== undefined && (typeof q.topic !== 'string' || q.topic.length > 40)) return { bad: 'topic' };
  if (q.goalArea !== undefined && !GOAL_AREAS.includes(q.goalArea)) return { bad: 'goalArea' };
  if (q.region !== undefined && !OMH_REGIONS.includes(q.region)) return { bad: 'region' };
  if (q.q !== undefined && (typeof q.q !== 'string' || q.q.length > 200)) return { bad: 'q' };
  if (!CASE_SORTS.includes(q.sort)) return { bad: 'sort' };
  return { query: q };
}

app.get('/api/v1/cases', async (request, reply) => {
  const counter = { n: 0 };
  const user = await signedIn(request, reply, counter);
  if (!user) return reply;
  const { query: q, bad } = listQuery(request.query);
  if (bad) return badRequest(reply, bad, 'is not valid');
  const { where, params } = sql.caseFilters(q, user.id);
  const { rows } = await query(counter, pool, sql.casePage(where, sql.listOrder(q.sort), params.length + 1), [
    ...params,
    q.pageSize,
    (q.page - 1) * q.pageSize,
  ]);
  const items = rows[0].items.map((dto) => ({ ...dto, allowedMoves: [...allowedMoves(dto.status)] }));
  const total = Number(rows[0].total);
  reply.header('cache-control', 'no-store').header('x-sql-statements', String(counter.n));
  return { items, total, page: q.page, pageSize: q.pageSize };
});

// ---- POST /api/v1/intake ----
const SHARED_EMAIL_DOMAINS = new Set([
  'gmail.com',
  'yahoo.com',
  'hotmail.com',
  'outlook.com',
  'aol.com',
  'icloud.com',
  'live.com',
  'msn.com',
  'protonmail.com',
  'verizon.net',
  'optonline.net',
]);
const CONTACT_METHOD_LABELS = { email: 'Email', phone: 'Phone', video: 'Video call' };
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// One round trip, as the API's RedisThrottlerStorage.
const INCREMENT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { hits, redis.call('PTTL', KEYS[1]) }
`;

/** IntakeDto's rules (trimmed strings, lengths, enums, unique arrays); the first bad field's name, or undefined. */
function intakeProblem(body) {
  const KNOWN = new Set([
    'organizationName',
    'region',
    'county',
    'contactName',
    'email',
    'phone',
    'role',
    'populations',
    'peerRoles',
    'stage',
    'topics',
    'question',
    'preferredContact',
    'website',
  ]);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return '(body)';
  for (const key of Object.keys(body)) if (!KNOWN.has(key)) return key;
  for (const key of ['organizationName', 'county', 'contactName', 'email', 'phone']) {
    if (typeof body[key] === 'string') body[key] = body[key].trim();
  }
  const text = (key, max, { optional = false, min = 1 } = {}) =>
    optional && body[key] === undefined ? true : typeof body[key] === 'string' && body[key].length >= min && body[key].length <= max;
  const oneOf = (key, allowed, optional = false) => (optional && body[key] === undefined) || allowed.includes(body[key]);
  const uniqueList = (key, allowed, max = Infinity) =>
    Array.isArray(body[key]) &&
    body[key].length <= max &&
    new Set(body[key]).size === body[key].length &&
    body[key].every((v) => (allowed ? allowed.includes(v) : typeof v === 'string'));
  if (!text('organizationName', 200)) return 'organizationName';
  if (!oneOf('region', OMH_REGIONS)) return 'region';
  if (!text('county', 60)) return 'county';
  if (!text('contactName', 120)) return 'contactName';
  if (!text('email', 254) || !EMAIL.test(body.email)) return 'email';
  if (body.phone !== undefined && body.phone !== null && !text('phone', 40)) return 'phone';
  if (!oneOf('role', CONTACT_ROLES)) return 'role';
  if (!uniqueList('populations', POPULATIONS)) return 'populations';
  if (!uniqueList('peerRoles', PEER_ROLES)) return 'peerRoles';
  if (!oneOf('stage', IMPLEMENTATION_STAGES)) return 'stage';
  if (!uniqueList('topics', null, 15)) return 'topics';
  if (!text('question', 5000, { min: 20 })) return 'question';
  if (!oneOf('preferredContact', Object.keys(CONTACT_METHOD_LABELS), true)) return 'preferredContact';
  if (!text('website', 500, { optional: true, min: 0 })) return 'website';
  return undefined;
}

function titleFrom(topicLabels, organizationName) {
  const about =
    topicLabels.length <= 2
      ? topicLabels.join(' and ')
      : `${topicLabels.slice(0, 2).join(', ')} and ${topicLabels.length - 2} more topic${topicLabels.length === 3 ? '' : 's'}`;
  const title = `${about || 'Request'} for ${organizationName}`;
  return title.length > 200 ? `${title.slice(0, 199)}…` : title;
}

function describe(dto) {
  const list = (codes, labels) => codes.map((code) => labels[code]).join(', ');
  const lines = [
    dto.question.trim(),
    '',
    `From: ${dto.contactName} (${CONTACT_ROLE_LABELS[dto.role]}), ${dto.email}${dto.phone ? `, ${dto.phone}` : ''}`,
  ];
  if (dto.preferredContact) lines.push(`Prefers to be contacted by: ${CONTACT_METHOD_LABELS[dto.preferredContact]}`);
  lines.push(`Stage with peer services: ${STAGE_LABELS[dto.stage]}`);
  if (dto.peerRoles.length) lines.push(`Peer roles employed or planned: ${list(dto.peerRoles, PEER_ROLE_LABELS)}`);
  if (dto.populations.length) lines.push(`Populations served: ${list(dto.populations, POPULATION_LABELS)}`);
  return lines.join('\n');
}

app.post('/api/v1/intake', async (request, reply) => {
  const [hits, pttl] = await redis.eval(INCREMENT, 1, `throttle:default:intake:${request.ip}`, 3600_000);
  if (hits > INTAKE_LIMIT) {
    return reply
      .code(429)
      .header('retry-after', String(Math.ceil(pttl / 1000)))
      .send({ statusCode: 429, error: 'Too Many Requests', message: 'Too many requests' });
  }
  const dto = request.body;
  const problem = intakeProblem(dto);
  if (problem) return badRequest(reply, problem, 'is not valid');
  const counter = { n: 0 };
  const token = randomBytes(24).toString('base64url');
  const statusUrl = `${APP_URL}/request/status/${token}`;
  const client = await pool.connect();
  let emailIds;
  let reference;
  try {
    await query(counter, client, 'BEGIN');
    // As OrganizationsService.findOrCreateForIntake: match or create the organization and contact in one statement.
    const domain = dto.email.split('@')[1]?.toLowerCase() ?? '';
    const [filed] = (
      await query(counter, client, sql.FIND_OR_CREATE_FOR_INTAKE, [
        dto.email,
        normalizeOrganizationName(dto.organizationName),
        dto.region,
        SHARED_EMAIL_DOMAINS.has(domain) ? null : domain,
        dto.peerRoles,
        PEER_ROLES,
        dto.organizationName,
        dto.county,
        dto.populations,
        dto.stage,
        dto.contactName,
        dto.phone ?? null,
        dto.role,
      ])
    ).rows;
    const organization = { id: filed.organization_id, name: filed.organization_name };
    // As CasesService.openFromIntake: the topics' labels (unknown ones are a 400), then the case with its event.
    const { rows: topics } = await query(counter, client, sql.TOPICS, [dto.topics]);
    const labels = new Map(topics.map((t) => [t.code, t.label]));
    const unknown = dto.topics.filter((code) => !labels.has(code));
    if (unknown.length) {
      await query(counter, client, 'ROLLBACK');
      return badRequest(reply, 'topics', `unknown topic: ${unknown.join(', ')}`);
    }
    const submissionId = randomUUID();
    const openedAt = new Date();
    const [opened] = (
      await query(counter, client, sql.OPEN_FROM_INTAKE, [
        organization.id,
        filed.contact_id,
        titleFrom(
          dto.topics.map((code) => labels.get(code) ?? code),
          organization.name,
        ),
        describe(dto),
        dto.topics,
        dto.peerRoles,
        openedAt,
        addBusinessDays(openedAt, BUSINESS_DAYS, CENTER_TIME_ZONE),
        JSON.stringify({ source: 'web_form', status: 'new', intakeId: submissionId }),
      ])
    ).rows;
    reference = opened.reference;
    const title = opened.title;
    const { website: _honeypot, ...payload } = dto;
    await query(counter, client, sql.INSERT_SUBMISSION, [
      submissionId,
      JSON.stringify(payload),
      organization.id,
      filed.organization_created,
      filed.contact_id,
      filed.contact_created,
      opened.id,
      createHash('sha256').update(token).digest('hex'),
    ]);
    const { rows: leads } = await query(counter, client, sql.LEADS);
    const emails = [
      {
        to: dto.email,
        template: 'intake_confirmation',
        data: { contactName: dto.contactName, reference, statusUrl, businessDays: BUSINESS_DAYS },
        dedupeKey: `intake:${submissionId}:confirmation`,
      },
      ...leads.map((lead) => ({
        to: lead.email,
        template: 'intake_new_request',
        data: { reference, title, organizationName: organization.name, caseUrl: `${APP_URL}/cases/${opened.id}` },
        dedupeKey: `intake:${submissionId}:lead:${lead.id}`,
      })),
    ];
    const { rows: ids } = await query(counter, client, sql.INSERT_EMAILS, [
      emails.map((e) => e.to),
      emails.map((e) => e.template),
      emails.map((e) => JSON.stringify(e.data)),
      emails.map((e) => e.dedupeKey),
      emails.map(() => null),
    ]);
    emailIds = ids.map((row) => row.id);
    await query(counter, client, 'COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  // As OutboxService.dispatch: one job per email, one round trip.
  await mailQueue.addBulk(
    emailIds.map((emailId) => ({
      name: 'deliver-email',
      data: { emailId },
      opts: { jobId: `email-${emailId}`, attempts: 8, backoff: { type: 'exponential', delay: 5000 } },
    })),
  );
  reply.code(201).header('cache-control', 'no-store').header('x-sql-statements', String(counter.n));
  return { reference, statusUrl };
});

app.get('/health', async () => ({ status: 'ok' }));

await app.listen({ port: Number(env.PORT ?? 3100), host: '127.0.0.1' });
const stop = async () => {
  await app.close();
  await Promise.allSettled([pool.end(), mailQueue.close()]);
  redis.disconnect();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
