// The twin's SQL, in one file: what a plain program sends for the same answers and writes as the API's GET /cases
// (CasesService.list) and POST /intake (IntakeService.submit). Every statement the API keeps as an exported constant
// or builder in a lib's `*.sql.ts` is imported from the built lib (dist/; those files import types only, so no Nest
// or TypeORM comes with them). What is left here by hand has no such export: the list's filters and order (private
// to CasesService): when those change in the API, this file is where the twin follows.
export { casePage } from '../../dist/libs/cases/src/case.read-model.sql.js';
import { heldSessionSql, inRegionSql } from '../../dist/libs/cases/src/case-filters.read-model.sql.js';
export { OPEN_FROM_INTAKE, TOPIC_LABELS as TOPICS } from '../../dist/libs/cases/src/cases.sql.js';
export { INSERT_SUBMISSION } from '../../dist/libs/intake/src/intake.sql.js';
/** Any number of emails: recipients, templates, data, dedupe keys, envelopes. */
export { ENQUEUE_EMAILS as INSERT_EMAILS } from '../../dist/libs/mail/src/outbox.sql.js';
export { FIND_OR_CREATE_FOR_INTAKE } from '../../dist/libs/organizations/src/organizations.sql.js';
/** The session check: token hash → signed-in, active user. $1 the token's HMAC. */
export { SESSION_USER as SESSION } from '../../dist/libs/users/src/session.sql.js';
export { ACTIVE_LEADS as LEADS } from '../../dist/libs/users/src/users.sql.js';

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

/** The list's filters over `c` with numbered parameters (CasesService's caseFilters with bound values). */
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
  if (query.region) where.push(inRegionSql(p(query.region)));
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
    where.push(
      heldSessionSql({
        ...(query.sessionFrom ? { from: p(query.sessionFrom) } : {}),
        ...(query.sessionTo ? { to: p(query.sessionTo) } : {}),
      }),
    );
  }
  return { where: where.join(' AND '), params };
}
