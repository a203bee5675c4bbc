import request from 'supertest';
import { createStaff, DEMO_ADMIN, login } from '../../../test/support/auth.js';
import { createCase, createContact, createOrganization } from '../../../test/support/fixtures.js';
import { startApi, type RunningApi } from '../../../test/support/processes.js';

/**
 * How many SQL statements (BEGIN and COMMIT included) the hot endpoints cost, counted on the API's own connection
 * pool (COUNT_SQL_STATEMENTS): a change that adds a query to one of them fails here and has to say why.
 */
describe('statements per request on the hot paths (real API, Postgres)', () => {
  let api: RunningApi;
  let consultant: Awaited<ReturnType<typeof createStaff>>;
  let caseId: string;
  let contactId: string;
  let organizationName: string;

  beforeAll(async () => {
    api = await startApi({ COUNT_SQL_STATEMENTS: 'true' });
    const admin = await login(api.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
    consultant = await createStaff(api.url, admin, 'consultant');
    const organization = await createOrganization(api.url, admin);
    organizationName = organization.name;
    contactId = (await createContact(api.url, admin, organization.id)).id;
    caseId = (await createCase(api.url, consultant.token, organization.id)).id;
  });
  afterAll(async () => {
    await api?.stop();
  });

  const statements = (response: request.Response) => Number(response.headers['x-sql-statements']);
  const as = () => ({ Authorization: `Bearer ${consultant.token}` });

  it('answers the case list, the case page, its timeline and its sessions in one statement each after the session check', async () => {
    const counts: Record<string, number> = {};
    counts.list = statements(await request(api.url).get('/api/v1/cases?status=new,triaged,active').set(as()).expect(200));
    // A page past the end still answers its total from the same statement (no second count).
    const pastEnd = await request(api.url).get('/api/v1/cases?page=100000').set(as()).expect(200);
    expect(pastEnd.body).toMatchObject({ items: [], page: 100000 });
    expect(pastEnd.body.total).toBeGreaterThan(0);
    counts.listPastEnd = statements(pastEnd);
    counts.page = statements(await request(api.url).get(`/api/v1/cases/${caseId}`).set(as()).expect(200));
    counts.timeline = statements(await request(api.url).get(`/api/v1/cases/${caseId}/timeline`).set(as()).expect(200));
    counts.sessions = statements(await request(api.url).get(`/api/v1/cases/${caseId}/consultations`).set(as()).expect(200));
    counts.logSession = statements(
      await request(api.url)
        .post(`/api/v1/cases/${caseId}/consultations`)
        .set(as())
        .send({
          startedAt: new Date().toISOString(),
          durationMinutes: 60,
          modality: 'video',
          attendeeContactIds: [contactId],
          topics: ['job_descriptions'],
          summary: 'Talked it through',
        })
        .expect(201),
    );
    counts.intake = statements(
      await request(api.url)
        .post('/api/v1/intake')
        .send({
          organizationName,
          region: 'central',
          county: 'Onondaga',
          contactName: 'Robin Vega',
          email: `robin-${Date.now()}@example.org`,
          role: 'supervisor',
          populations: ['adults'],
          peerRoles: ['nycps'],
          stage: 'starting',
          topics: ['supervision'],
          question: 'How do we supervise our first certified peer specialist well?',
        })
        .expect(201),
    );
    // The session check is one statement (users' session.sql.ts, the user joined); each read is one more (sessions: plus
    // the case's 404 check). Logging a session: the session check, BEGIN, the case's one command (lock, activity, event,
    // topic check), the attendees' check (organizations), the session's INSERT, COMMIT. Intake (public, no session):
    // BEGIN, the organization and contact found or created (one statement), the topics' labels, the case with its
    // event, the submission, the leads, the emails, COMMIT.
    expect(counts).toEqual({ list: 2, listPastEnd: 2, page: 2, timeline: 2, sessions: 3, logSession: 6, intake: 8 });
  });
});
