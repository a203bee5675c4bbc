import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createStaff, DEMO_ADMIN, login } from '../../../test/support/auth.js';
import { createContact, createOrganization } from '../../../test/support/fixtures.js';
import { startApi, type RunningApi } from '../../../test/support/processes.js';

describe('organizations and contacts', () => {
  let api: RunningApi;
  let admin: string;
  let consultant: string;

  beforeAll(async () => {
    api = await startApi();
    admin = await login(api.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
    consultant = (await createStaff(api.url, admin, 'consultant')).token;
  });
  afterAll(() => api?.stop());

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  it('creates, reads and updates an organization with all its fields', async () => {
    const org = await createOrganization(api.url, consultant, { notes: 'Referred by OMH field office' });
    const read = await request(api.url).get(`/api/v1/organizations/${org.id}`).set(as(consultant)).expect(200);
    expect(read.body).toMatchObject({
      kind: 'mhotrs_clinic',
      region: 'central',
      county: 'Onondaga',
      populations: ['adults'],
      stage: 'starting',
      peerWorkforce: { nycps: 2, ypa: 0, fpa: 1 },
      notes: 'Referred by OMH field office',
    });
    const updated = await request(api.url)
      .patch(`/api/v1/organizations/${org.id}`)
      .set(as(consultant))
      .send({ stage: 'expanding', peerWorkforce: { nycps: 3, ypa: 1, fpa: 1 } })
      .expect(200);
    expect(updated.body).toMatchObject({ stage: 'expanding', peerWorkforce: { nycps: 3, ypa: 1, fpa: 1 }, name: org.name });
  });

  it('warns of a duplicate by normalized name, and creates it when told to', async () => {
    const base = `Hope Center ${randomUUID().slice(0, 6)}`;
    const first = await createOrganization(api.url, admin, { name: `The ${base}, Inc.` });
    const dup = await request(api.url)
      .post('/api/v1/organizations')
      .set(as(admin))
      .send({ name: base.toUpperCase(), kind: 'agency', region: 'nyc', county: 'Kings', populations: [], stage: 'exploring' })
      .expect(409);
    expect(dup.body.details.duplicates).toEqual([expect.objectContaining({ id: first.id })]);
    await createOrganization(api.url, admin, { name: base.toUpperCase(), allowDuplicate: true });
  });

  it('searches by name (substring and misspelling) and filters by region, stage and kind', async () => {
    const unique = `Zephyrine ${randomUUID().slice(0, 4)}`;
    const org = await createOrganization(api.url, admin, {
      name: `${unique} Wellness`,
      region: 'western',
      stage: 'improving',
      kind: 'agency',
    });
    const bySubstring = await request(api.url)
      .get('/api/v1/organizations')
      .query({ q: unique.toLowerCase() })
      .set(as(consultant))
      .expect(200);
    expect(bySubstring.body.items.map((o: { id: string }) => o.id)).toEqual([org.id]);
    const misspelled = await request(api.url)
      .get('/api/v1/organizations')
      .query({ q: `${unique.replace('Zephyrine', 'Zephyrene')} Wellnes` })
      .set(as(consultant))
      .expect(200);
    expect(misspelled.body.items.map((o: { id: string }) => o.id)).toContain(org.id);
    const filtered = await request(api.url)
      .get('/api/v1/organizations')
      .query({ region: 'western', stage: 'improving', kind: 'agency', pageSize: 100 })
      .set(as(consultant))
      .expect(200);
    expect(filtered.body.items.map((o: { id: string }) => o.id)).toContain(org.id);
    for (const o of filtered.body.items) expect(o).toMatchObject({ region: 'western', stage: 'improving', kind: 'agency' });
    const none = await request(api.url).get('/api/v1/organizations').query({ q: unique, region: 'nyc' }).set(as(consultant)).expect(200);
    expect(none.body.total).toBe(0);
  });

  it('adds and lists contacts', async () => {
    const org = await createOrganization(api.url, admin);
    const contact = await createContact(api.url, consultant, org.id);
    const list = await request(api.url).get(`/api/v1/organizations/${org.id}/contacts`).set(as(consultant)).expect(200);
    expect(list.body).toEqual([expect.objectContaining({ id: contact.id, name: 'Jordan Lee', role: 'clinical_director', phone: null })]);
  });

  it('refuses anonymous callers', async () => {
    await request(api.url).get('/api/v1/organizations').expect(401);
    await request(api.url).post('/api/v1/organizations').send({}).expect(401);
  });

  it.each([
    [{ region: 'mars' }, 'region'],
    [{ kind: 'hospital' }, 'kind'],
    [{ populations: ['pets'] }, 'populations'],
    [{ name: 'x'.repeat(201) }, 'name'],
    [{ peerWorkforce: { nycps: -1, ypa: 0, fpa: 0 } }, 'peerWorkforce.nycps'],
  ])('bad organization %j → 400 naming %s', async (override, field) => {
    const body = { name: 'Valid Name', kind: 'agency', region: 'nyc', county: 'Kings', populations: [], stage: 'exploring', ...override };
    const res = await request(api.url).post('/api/v1/organizations').set(as(admin)).send(body).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('bad ids and bad contacts → 400 or 404, never 500', async () => {
    const bad = await request(api.url).get('/api/v1/organizations/not-a-uuid').set(as(admin)).expect(400);
    expect(bad.body.details).toEqual([{ field: 'id', messages: ['must be a UUID'] }]);
    await request(api.url).get(`/api/v1/organizations/${randomUUID()}`).set(as(admin)).expect(404);
    const org = await createOrganization(api.url, admin);
    const res = await request(api.url)
      .post(`/api/v1/organizations/${org.id}/contacts`)
      .set(as(admin))
      .send({ name: 'A', email: 'nope', role: 'boss' })
      .expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['email', 'role']);
  });
});
