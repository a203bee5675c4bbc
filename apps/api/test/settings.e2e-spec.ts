import pg from 'pg';
import request from 'supertest';
import { createStaff, DEMO_ADMIN, login } from '../../../test/support/auth.js';
import { startApi, type RunningApi } from '../../../test/support/processes.js';

const dataUrl = (type: string, content: Buffer | string) => `data:${type};base64,${Buffer.from(content).toString('base64')}`;
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#364fc7"/></svg>';
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d0d3f50000000049454e44ae426082',
  'hex',
);

describe("the center's settings", () => {
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  let api: RunningApi;
  let admin: string;
  let saved: unknown;

  beforeAll(async () => {
    await db.connect();
    // The seeded center, put back afterwards: other tests read it.
    saved = (await db.query(`SELECT value FROM settings WHERE key = 'center'`)).rows[0]?.value;
    api = await startApi();
    admin = await login(api.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
  });
  afterAll(async () => {
    if (saved) await db.query(`UPDATE settings SET value = $1 WHERE key = 'center'`, [JSON.stringify(saved)]);
    await db.end();
    await api?.stop();
  });

  const asAdmin = () => ({ Authorization: `Bearer ${admin}` });
  const center = {
    shortName: 'Harbor TAC',
    name: 'Harbor Technical Assistance Center',
    phone: '(518) 555-0100 ext. 12',
    replyTo: 'help@harbor.example.org',
    signature: 'The Harbor TAC team\nAlbany, New York',
    about: 'Harbor TAC helps clinics.',
  };

  it('lets an admin edit them, shows staff all of them and anyone only the public ones', async () => {
    const put = await request(api.url).put('/api/v1/settings/center').set(asAdmin()).send(center).expect(200);
    expect(put.body).toMatchObject({ ...center, logoUrl: expect.any(String), updatedAt: expect.any(String) });

    const consultant = await createStaff(api.url, admin, 'consultant');
    const full = await request(api.url).get('/api/v1/settings/center/full').set('Authorization', `Bearer ${consultant.token}`).expect(200);
    expect(full.body).toMatchObject(center);

    // Anonymous: the public pages' fields and nothing else (no reply-to address, no signature).
    const open = await request(api.url).get('/api/v1/settings/center').expect(200);
    expect(Object.keys(open.body).sort()).toEqual(['about', 'logoUrl', 'name', 'phone', 'shortName', 'timeZone']);
    expect(open.body).toMatchObject({
      shortName: 'Harbor TAC',
      name: center.name,
      phone: center.phone,
      about: center.about,
      timeZone: 'America/New_York',
    });
    await request(api.url).get('/api/v1/settings/center/full').expect(401);

    // Fields left out stay; null and empty text clear.
    const partial = await request(api.url)
      .put('/api/v1/settings/center')
      .set(asAdmin())
      .send({ shortName: ' Harbor ', name: center.name, phone: null, about: '  ' })
      .expect(200);
    expect(partial.body).toMatchObject({
      shortName: 'Harbor',
      phone: null,
      about: null,
      replyTo: center.replyTo,
      signature: center.signature,
    });
  });

  it('refuses everyone but admins', async () => {
    for (const role of ['consultant', 'lead'] as const) {
      const { token } = await createStaff(api.url, admin, role);
      await request(api.url).put('/api/v1/settings/center').set('Authorization', `Bearer ${token}`).send(center).expect(403);
    }
    await request(api.url).put('/api/v1/settings/center').send(center).expect(401);
  });

  it('takes a PNG or a plain SVG logo and serves it as an image that can run nothing', async () => {
    const png = await request(api.url)
      .put('/api/v1/settings/center')
      .set(asAdmin())
      .send({ ...center, logo: dataUrl('image/png', PNG) })
      .expect(200);
    expect(png.body).toMatchObject({
      logoType: 'image/png',
      logoUrl: expect.stringMatching(/^\/api\/v1\/settings\/center\/logo\?v=[0-9a-f]{16}$/),
    });
    const pngFile = await request(api.url).get(png.body.logoUrl).buffer(true).expect(200);
    expect(pngFile.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(pngFile.body as Buffer, PNG)).toBe(0);
    expect(pngFile.headers['cache-control']).toContain('immutable');

    const svg = await request(api.url)
      .put('/api/v1/settings/center')
      .set(asAdmin())
      .send({ ...center, logo: dataUrl('image/svg+xml', SVG) })
      .expect(200);
    expect(svg.body.logoUrl).not.toBe(png.body.logoUrl);
    const open = await request(api.url).get('/api/v1/settings/center').expect(200);
    expect(open.body.logoUrl).toBe(svg.body.logoUrl);
    const svgFile = await request(api.url)
      .get(svg.body.logoUrl)
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => done(null, text));
      });
    expect(svgFile.status).toBe(200);
    expect(svgFile.headers['content-type']).toBe('image/svg+xml');
    expect(svgFile.headers['content-security-policy']).toContain("default-src 'none'");
    expect(svgFile.headers['x-content-type-options']).toBe('nosniff');
    expect(svgFile.body).toBe(SVG);
    // An old version's URL is not cached for good.
    const stale = await request(api.url).get('/api/v1/settings/center/logo?v=0000').expect(200);
    expect(stale.headers['cache-control']).toBe('no-cache');

    // Leaving the logo out keeps it; null removes it.
    await request(api.url).put('/api/v1/settings/center').set(asAdmin()).send(center).expect(200);
    await request(api.url).get('/api/v1/settings/center/logo').expect(200);
    const removed = await request(api.url)
      .put('/api/v1/settings/center')
      .set(asAdmin())
      .send({ ...center, logo: null })
      .expect(200);
    expect(removed.body.logoUrl).toBeNull();
    await request(api.url).get('/api/v1/settings/center/logo').expect(404);
  });

  it('refuses a bad logo with a 400 naming the field', async () => {
    const bad: Array<[string, string, RegExp]> = [
      ['script in an SVG', dataUrl('image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), /script/],
      ['event handler in an SVG', dataUrl('image/svg+xml', '<svg onload="alert(1)"></svg>'), /event handler/],
      ['HTML called a PNG', dataUrl('image/png', '<html><body>hi</body></html>'), /not a PNG, JPEG or SVG/],
      ['an SVG called a PNG', dataUrl('image/png', SVG), /its content is image\/svg\+xml/],
      ['a GIF', dataUrl('image/gif', 'GIF89a'), /PNG, JPEG or SVG image as a base64 data URL/],
      ['a link', 'https://example.org/logo.png', /PNG, JPEG or SVG image as a base64 data URL/],
      ['too large', dataUrl('image/png', Buffer.concat([PNG, Buffer.alloc(210 * 1024)])), /at most 200 kB/],
    ];
    for (const [what, logo, message] of bad) {
      const res = await request(api.url)
        .put('/api/v1/settings/center')
        .set(asAdmin())
        .send({ ...center, logo });
      expect([what, res.status]).toEqual([what, 400]);
      expect(res.body.details).toEqual([{ field: 'logo', messages: [expect.stringMatching(message)] }]);
    }
    const res = await request(api.url)
      .put('/api/v1/settings/center')
      .set(asAdmin())
      .send({ ...center, replyTo: 'not an address', shortName: '' })
      .expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['replyTo', 'shortName']);
  });
});
