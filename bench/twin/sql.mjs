// The twin's SQL, all of it, in one file: what a plain program would send for the same answers and writes as the
// API's GET /cases (libs/cases/src/case.read-model.sql.ts, CasesService.list) and POST /intake (libs/intake IntakeService.submit).
// Kept by hand: when the API's statements change, this file is where the twin is brought back in step.

/** The session check: token hash → signed-in, active user. $1 the token's HMAC. */
export const SESSION = `
SELECT u.id, u.email, u.name, u.role, s.id AS session_id
FROM sessions s JOIN users u ON u.id = s.user_id
WHERE s.token_hash = $1 AND s.expires_at > now() AND u.active`;

const iso = (column) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const CASE_JSON = `json_build_object(
  'id', c.id,
  'reference', c.reference,
  'organization', json_build_object('id', o.id, 'name', o.name, 'region', o.region, 'county', o.county),
  'primaryContactId', c.primary_contact_id,
  'title', c.title,
  'description', c.description,
  'source', c.source,
  'priority', c.priority,
  'topics', c.topics,
  'goalAreas', ARRAY(
    SELECT t.goal_area FROM unnest(c.topics) WITH ORDINALITY AS x(code, i) JOIN topics t ON t.code = x.code
    GROUP BY t.goal_area ORDER BY min(x.i)),
  'serviceLines', c.service_lines,
  'intensity', c.intensity,
  'assignee', CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'name', u.name) END,
  'status', c.status,
  'statusReason', c.status_reason,
  'stallLevel', c.stall_level,
  'openedAt', ${iso('c.opened_at')},
  'firstResponseDueAt', ${iso('c.first_response_due_at')},
  'firstResponseAt', ${iso('c.first_response_at')},
  'lastActivityAt', ${iso('c.last_activity_at')},
  'resolvedAt', ${iso('c.resolved_at')},
  'closedAt', ${iso('c.closed_at')},
  'version', c.version,
  'newReply', coalesce((SELECT t.unread FROM case_threads t WHERE t.case_id = c.id), false))`;

/** A page of the list (JSON built for its rows only) and the count of all matching cases: one row, always. */
export const casePage = (where, orderBy, limitParam) => `
SELECT (SELECT count(*) FROM cases c WHERE ${where}) AS total,
       coalesce((
         SELECT json_agg(${CASE_JSON} ORDER BY ${orderBy})
         FROM cases c JOIN organizations o ON o.id = c.organization_id LEFT JOIN users u ON u.id = c.assignee_id
         JOIN (SELECT c.id FROM cases c WHERE ${where} ORDER BY ${orderBy} LIMIT $${limitParam} OFFSET $${limitParam + 1}) page ON page.id = c.id
       ), '[]'::json) AS items`;

const SORTS = {
  openedAt: ['c.opened_at', 'ASC'],
  '-openedAt': ['c.opened_at', 'DESC'],
  lastActivityAt: ['c.last_activity_at', 'ASC'],
  '-lastActivityAt': ['c.last_activity_at', 'DESC'],
  priority: ["array_position(ARRAY['low','normal','high','urgent']::varchar[], c.priority)", 'ASC'],
  '-priority': ["array_position(ARRAY['low','normal','high','urgent']::varchar[], c.priority)", 'DESC'],
};

export function listOrder(sort) {
  const [expression, direction] = SORTS[sort ?? ''] ?? ['c.last_activity_at', 'DESC'];
  return `${expression} ${direction}, c.id ASC`;
}

const looksLikeReference = (text) => /^(?:TA-?)?[\d-]+$/i.test(text) && /\d/.test(text);
const escapeLike = (text) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The list's filters over `c` with numbered parameters. */
export function caseFilters(query, actorId) {
  const params = [];
  const p = (value) => `$${params.push(value)}`;
  const where = ['TRUE'];
  if (query.status?.length) where.push(`c.status = ANY(${p(query.status)})`);
  if (query.priority?.length) where.push(`c.priority = ANY(${p(query.priority)})`);
  if (query.stallLevel?.length) where.push(`c.stall_level = ANY(${p(query.stallLevel)})`);
  if (query.assigneeId === 'none') where.push('c.assignee_id IS NULL');
  else if (query.assigneeId) where.push(`c.assignee_id = ${p(query.assigneeId === 'me' ? actorId : query.assigneeId)}`);
  if (query.organizationId) where.push(`c.organization_id = ${p(query.organizationId)}`);
  if (query.region) where.push(`c.organization_id IN (SELECT r.id FROM organizations r WHERE r.region = ${p(query.region)})`);
  if (query.topic) where.push(`${p(query.topic)} = ANY(c.topics)`);
  if (query.goalArea) where.push(`c.topics && ARRAY(SELECT t.code FROM topics t WHERE t.goal_area = ${p(query.goalArea)})::text[]`);
  if (query.q) {
    const text = query.q.trim();
    const byWords = `c.search_vector @@ websearch_to_tsquery('english', f_unaccent(${p(query.q)}))`;
    where.push(looksLikeReference(text) ? `(${byWords} OR c.reference LIKE ${p(`%${escapeLike(text.toUpperCase())}%`)})` : byWords);
  }
  if (query.openedFrom) where.push(`c.opened_at >= ${p(query.openedFrom)}`);
  if (query.openedTo) where.push(`c.opened_at < ${p(query.openedTo)}`);
  if (query.sessionFrom || query.sessionTo) {
    const held = [
      's.case_id = c.id',
      ...(query.sessionFrom ? [`s.started_at >= ${p(query.sessionFrom)}`] : []),
      ...(query.sessionTo ? [`s.started_at < ${p(query.sessionTo)}`] : []),
    ];
    where.push(`EXISTS (SELECT 1 FROM consultations s WHERE ${held.join(' AND ')})`);
  }
  return { where: where.join(' AND '), params };
}

// ---- POST /intake, in the order IntakeService.submit writes (one transaction) ----

/** $1 email: a known person keeps their organization. */
export const CONTACT_BY_EMAIL = `
SELECT c.id, c.organization_id, o.name AS organization_name, o.peer_roles
FROM contacts c JOIN organizations o ON o.id = c.organization_id
WHERE lower(c.email) = lower($1) ORDER BY c.created_at LIMIT 1`;

/** $1 normalized name, $2 region. */
export const ORGANIZATION_BY_NAME = `
SELECT id, name, peer_roles FROM organizations WHERE normalized_name = $1 AND region = $2 ORDER BY created_at LIMIT 1`;

/** $1 email domain. */
export const ORGANIZATION_BY_DOMAIN = `
SELECT id, name, peer_roles FROM organizations
WHERE id IN (SELECT c.organization_id FROM contacts c WHERE lower(split_part(c.email, '@', 2)) = $1)
ORDER BY created_at LIMIT 1`;

/** $1 organization, $2 peer roles. */
export const UPDATE_PEER_ROLES = `UPDATE organizations SET peer_roles = $2, updated_at = now() WHERE id = $1`;

/** $1 name, $2 normalized, $3 region, $4 county, $5 populations, $6 stage, $7 peer roles. */
export const INSERT_ORGANIZATION = `
INSERT INTO organizations (name, normalized_name, kind, region, county, populations, stage, peer_roles, peer_nycps, peer_ypa, peer_fpa, notes)
VALUES ($1, $2, 'mhotrs_clinic', $3, $4, $5, $6, $7, 0, 0, 0, '') RETURNING id`;

/** $1 organization, $2 name, $3 email, $4 phone, $5 role. */
export const INSERT_CONTACT = `
INSERT INTO contacts (organization_id, name, email, phone, title, role) VALUES ($1, $2, $3, $4, NULL, $5) RETURNING id`;

/** $1 topic codes: the known ones with their labels (unknown codes are a 400). */
export const TOPICS = `SELECT code, label FROM topics WHERE code = ANY($1)`;

/** $1 organization, $2 contact, $3 title, $4 description, $5 topics, $6 service lines, $7 first response due, $8 opened. */
export const INSERT_CASE = `
INSERT INTO cases (organization_id, primary_contact_id, title, description, source, priority, topics, service_lines, intensity,
                   assignee_id, status, stall_level, opened_at, first_response_due_at, last_activity_at, version)
VALUES ($1, $2, $3, $4, 'web_form', 'normal', $5, $6, NULL, NULL, 'new', 'none', $8, $7, $8, 1)
RETURNING id, reference`;

/** $1 case, $2 data. */
export const INSERT_CREATED_EVENT = `INSERT INTO case_events (case_id, actor_id, type, data) VALUES ($1, NULL, 'created', $2)`;

/** $1 id, $2 payload, $3 organization, $4 created, $5 contact, $6 created, $7 case, $8 token hash. */
export const INSERT_SUBMISSION = `
INSERT INTO intake_submissions (id, payload, organization_id, organization_created, contact_id, contact_created, case_id, token_hash)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`;

export const LEADS = `SELECT id, email FROM users WHERE role = 'lead' AND active`;

/** Any number of emails: recipients, templates, data, dedupe keys. */
export const INSERT_EMAILS = `
INSERT INTO outbound_emails (recipient, template, data, dedupe_key)
SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::text[])
ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`;
