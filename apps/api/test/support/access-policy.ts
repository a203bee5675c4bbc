/**
 * Who may call each operation of the API, keyed by `METHOD /path` as in the OpenAPI document. The authorization
 * matrix (authorization.e2e-spec.ts) checks every operation against this table for every role, and fails when the
 * document and the table disagree on which operations exist: a new endpoint needs a line here.
 *
 * - public: anyone, signed in or not
 * - staff: any signed-in user (consultant, lead, admin); anonymous callers get 401
 * - lead: leads and admins; consultants get 403
 * - admin: admins only; consultants and leads get 403
 * - assignee: those who can be assigned a case, consultants and leads; admins get 403
 *
 * `owned`: a consultant may call it only on their own work (the case they are assigned to, the session they logged,
 * the follow-up assigned to them); another consultant gets 403. Leads and admins may act on any.
 */
export type Audience = 'public' | 'staff' | 'lead' | 'admin' | 'assignee';

export interface Access {
  audience: Audience;
  owned?: true;
}

const publicRoute: Access = { audience: 'public' };
const staff: Access = { audience: 'staff' };
const owned: Access = { audience: 'staff', owned: true };
const lead: Access = { audience: 'lead' };
const admin: Access = { audience: 'admin' };
const assignee: Access = { audience: 'assignee' };

export const ACCESS_POLICY: Record<string, Access> = {
  'GET /health': publicRoute,

  'POST /api/v1/auth/login': publicRoute,
  'GET /api/v1/auth/me': staff,
  'POST /api/v1/auth/logout': staff,

  'GET /api/v1/users': admin,
  'POST /api/v1/users': admin,
  'GET /api/v1/users/{id}': admin,
  'PATCH /api/v1/users/{id}': admin,
  'GET /api/v1/staff': staff,

  'GET /api/v1/organizations': staff,
  'POST /api/v1/organizations': staff,
  'GET /api/v1/organizations/{id}': staff,
  'PATCH /api/v1/organizations/{id}': staff,
  'GET /api/v1/organizations/{id}/contacts': staff,
  'POST /api/v1/organizations/{id}/contacts': staff,

  'GET /api/v1/topics': staff,
  'GET /api/v1/cases': staff,
  'GET /api/v1/cases/export': staff,
  'POST /api/v1/cases': staff,
  'GET /api/v1/cases/{id}': staff,
  'PATCH /api/v1/cases/{id}': owned,
  'POST /api/v1/cases/{id}/transitions': owned,
  'POST /api/v1/cases/{id}/assign': lead,
  'POST /api/v1/cases/{id}/claim': assignee,
  'GET /api/v1/cases/{id}/timeline': staff,

  'GET /api/v1/cases/{id}/consultations': staff,
  'POST /api/v1/cases/{id}/consultations': owned,
  'PATCH /api/v1/consultations/{id}': owned,
  'DELETE /api/v1/consultations/{id}': owned,
  'GET /api/v1/cases/{id}/action-plan': staff,
  'PUT /api/v1/cases/{id}/action-plan': owned,
  'POST /api/v1/cases/{id}/action-plan/items': owned,
  'PATCH /api/v1/action-items/{id}': owned,
  'GET /api/v1/cases/{id}/follow-ups': staff,
  'POST /api/v1/cases/{id}/follow-ups': owned,
  'PATCH /api/v1/follow-ups/{id}': owned,
  'GET /api/v1/follow-ups/mine': staff,

  'GET /api/v1/emails': lead,
  'POST /api/v1/emails/{id}/retry': lead,

  'POST /api/v1/intake': publicRoute,
  'GET /api/v1/intake/topics': publicRoute,
  'GET /api/v1/intake/status/{token}': publicRoute,

  'POST /api/v1/intake/status/{token}/messages': publicRoute,
  'GET /api/v1/cases/{id}/messages': staff,
  'POST /api/v1/cases/{id}/messages': owned,
  'POST /api/v1/cases/{id}/messages/read': staff,
  'GET /api/v1/messages/unmatched': lead,
  'POST /api/v1/messages/{id}/assign': lead,
  'POST /api/v1/messages/{id}/case': lead,
  'GET /api/v1/messages/{id}/raw': staff,

  'GET /api/v1/escalations': lead,
  'POST /api/v1/cases/{id}/acknowledge': lead,

  'GET /api/v1/dashboard/caseload': staff,
  'GET /api/v1/dashboard/summary': staff,
  'GET /api/v1/reports/ta-activity': lead,
  'GET /api/v1/reports/ta-summary': lead,
  'GET /api/v1/reports/readiness-summary': lead,

  'GET /api/v1/settings/center': publicRoute,
  'GET /api/v1/settings/center/full': staff,
  'PUT /api/v1/settings/center': admin,
  'GET /api/v1/settings/center/logo': publicRoute,
  'GET /api/v1/instruments': staff,
  'POST /api/v1/instruments': admin,
  'GET /api/v1/instruments/{id}': staff,
  'GET /api/v1/organizations/{id}/assessments': staff,
  'POST /api/v1/organizations/{id}/assessments': staff,
  'GET /api/v1/assessments/{id}': staff,
  'POST /api/v1/assessments/{id}/invitations': staff,
  'POST /api/v1/assessments/{id}/responses': staff,
  'POST /api/v1/assessments/{id}/close': staff,
  'POST /api/v1/cases/{id}/action-plan/goals/from-assessment': owned,
  'GET /api/v1/public/assessments/{token}': publicRoute,
  'PUT /api/v1/public/assessments/{token}': publicRoute,
  'POST /api/v1/public/assessments/{token}/submit': publicRoute,
  'GET /api/v1/reports/readiness': lead,

  'POST /api/v1/cases/{id}/attachments': owned,
  'GET /api/v1/cases/{id}/attachments': staff,
  'GET /api/v1/attachments/{id}': staff,
  'DELETE /api/v1/attachments/{id}': owned,
  'GET /api/v1/intake/status/{token}/attachments/{id}': publicRoute,

  'GET /api/v1/cases/{id}/intensity': staff,
  'GET /api/v1/cases/intensity-suggestions': lead,
  'POST /api/v1/cases/intensity/confirm': lead,

  'GET /api/v1/surveys': staff,
  'POST /api/v1/surveys': admin,
  'GET /api/v1/surveys/{id}': staff,
  'GET /api/v1/surveys/responses': lead,
  'GET /api/v1/reports/outcomes': lead,
  'GET /api/v1/cases/{id}/surveys': staff,
  'GET /api/v1/public/surveys/{token}': publicRoute,
  'POST /api/v1/public/surveys/{token}': publicRoute,
  'GET /api/v1/public/surveys/{token}/opt-out': publicRoute,
  'POST /api/v1/public/surveys/{token}/opt-out': publicRoute,
};
