import { randomUUID } from 'node:crypto';
import request from 'supertest';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** An organization with a name unique to this test run, created through the API. */
export async function createOrganization(url: string, token: string, overrides: Record<string, unknown> = {}) {
  const res = await request(url)
    .post('/api/v1/organizations')
    .set(auth(token))
    .send({
      name: `Test Clinic ${randomUUID().slice(0, 8)}`,
      kind: 'mhotrs_clinic',
      region: 'central',
      county: 'Onondaga',
      populations: ['adults'],
      stage: 'starting',
      peerWorkforce: { nycps: 2, ypa: 0, fpa: 1 },
      ...overrides,
    })
    .expect(201);
  return res.body as { id: string; name: string; region: string };
}

export async function createContact(url: string, token: string, organizationId: string) {
  const res = await request(url)
    .post(`/api/v1/organizations/${organizationId}/contacts`)
    .set(auth(token))
    .send({ name: 'Jordan Lee', email: `jordan-${randomUUID().slice(0, 6)}@clinic.example.org`, role: 'clinical_director' })
    .expect(201);
  return res.body as { id: string };
}

export async function createCase(url: string, token: string, organizationId: string, overrides: Record<string, unknown> = {}) {
  const res = await request(url)
    .post('/api/v1/cases')
    .set(auth(token))
    .send({
      organizationId,
      title: 'Job descriptions for new peer roles',
      description: 'The clinic is hiring two NYCPS and needs job descriptions.',
      topics: ['job_descriptions'],
      serviceLines: ['nycps'],
      priority: 'normal',
      source: 'phone',
      ...overrides,
    })
    .expect(201);
  return res.body as { id: string; reference: string; version: number; status: string; assignee: { id: string } | null };
}

/** A clinic's request through the public form (POST /intake), by a new requester at a new clinic. */
export async function submitRequest(url: string, overrides: Record<string, unknown> = {}) {
  const unique = randomUUID().slice(0, 6);
  const res = await request(url)
    .post('/api/v1/intake')
    .send({
      organizationName: `Harbor Clinic ${unique}`,
      region: 'western',
      county: 'Erie',
      contactName: 'Dana Whitfield',
      email: `dana.${unique}@harbor.example.org`,
      role: 'clinical_director',
      populations: ['adults'],
      peerRoles: ['nycps'],
      stage: 'starting',
      topics: ['supervision'],
      question: 'How do we supervise peers?',
      ...overrides,
    })
    .expect(201);
  return res.body as { reference: string; statusUrl: string };
}
