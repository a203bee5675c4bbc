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

/**
 * OrganizationsService.findOrCreateForIntake (FIND_OR_CREATE_FOR_INTAKE): the known person's organization, else by
 * normalized name and region, else by email domain ($4 null for shared providers), else created; a matched
 * organization gains the named peer roles (in PEER_ROLES' order); an unknown person becomes a contact.
 * $1 email, $2 normalized name, $3 region, $4 domain or null, $5 peer roles, $6 PEER_ROLES, $7 name, $8 county,
 * $9 populations, $10 stage, $11 contact name, $12 phone or null, $13 contact role.
 */
export const FIND_OR_CREATE_FOR_INTAKE = `
WITH known AS (
  SELECT c.id, c.organization_id FROM contacts c WHERE lower(c.email) = lower($1) ORDER BY c.created_at LIMIT 1
),
matched AS (
  SELECT coalesce(
    (SELECT organization_id FROM known),
    (SELECT o.id FROM organizations o WHERE o.normalized_name = $2 AND o.region = $3 ORDER BY o.created_at LIMIT 1),
    (SELECT o.id FROM organizations o
      WHERE $4::text IS NOT NULL
        AND o.id IN (SELECT c.organization_id FROM contacts c WHERE lower(split_part(c.email, '@', 2)) = $4)
      ORDER BY o.created_at LIMIT 1)) AS id
),
noted AS (
  UPDATE organizations o
  SET peer_roles = ARRAY(SELECT r FROM unnest($6::text[]) WITH ORDINALITY AS x(r, i)
                         WHERE r = ANY(o.peer_roles) OR r = ANY($5::text[]) ORDER BY i),
      updated_at = now()
  FROM matched WHERE o.id = matched.id AND NOT (o.peer_roles @> $5::text[])
),
created AS (
  INSERT INTO organizations (name, normalized_name, kind, region, county, populations, stage, peer_roles, peer_nycps, peer_ypa, peer_fpa, notes)
  SELECT $7, $2, 'mhotrs_clinic', $3, $8, $9::text[], $10, $5::text[], 0, 0, 0, ''
  FROM matched WHERE matched.id IS NULL
  RETURNING id, name
),
organization AS (
  SELECT o.id, o.name, false AS created FROM organizations o JOIN matched ON o.id = matched.id
  UNION ALL
  SELECT id, name, true FROM created
),
new_contact AS (
  INSERT INTO contacts (organization_id, name, email, phone, title, role)
  SELECT organization.id, $11, $1, $12, NULL, $13 FROM organization WHERE NOT EXISTS (SELECT 1 FROM known)
  RETURNING id
)
SELECT organization.id AS organization_id, organization.name AS organization_name, organization.created AS organization_created,
       coalesce((SELECT id FROM known), (SELECT id FROM new_contact)) AS contact_id,
       NOT EXISTS (SELECT 1 FROM known) AS contact_created
FROM organization`;

/** $1 topic codes: the known ones with their labels (unknown codes are a 400). */
export const TOPICS = `SELECT code, label FROM topics WHERE code = ANY($1::text[])`;

/**
 * CasesService.openFromIntake (OPEN_FROM_INTAKE): the case and its `created` event in one statement.
 * $1 organization, $2 contact, $3 title, $4 description, $5 topics, $6 service lines, $7 opened, $8 first response due,
 * $9 the event's data but its title.
 */
export const OPEN_FROM_INTAKE = `
WITH opened AS (
  INSERT INTO cases (organization_id, primary_contact_id, title, description, source, priority, topics, service_lines,
                     intensity, assignee_id, status, stall_level, opened_at, last_activity_at, first_response_due_at, version)
  VALUES ($1, $2, $3, $4, 'web_form', 'normal', $5::text[], $6::text[], NULL, NULL, 'new', 'none', $7, $7, $8, 1)
  RETURNING id, reference, title
),
ev AS (
  INSERT INTO case_events (case_id, actor_id, type, data)
  SELECT id, NULL, 'created', $9::jsonb || jsonb_build_object('title', title) FROM opened
)
SELECT id, reference, title FROM opened`;

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
