import { renderCenterPage } from './center-page.js';

const TEMPLATE = `<head><title>TA Desk</title><meta name="ta-center" content="" /></head>
<body><span class="shell-logo-slot" data-center="logo"></span><span class="shell-name" data-center="shortName">TA Desk</span>
<span class="shell-tagline" data-center="name">Technical Assistance Center</span></body>`;

describe('the public page with the center filled in', () => {
  it('names the center in the title, the header and the data the app reads, escaped', () => {
    const center = {
      shortName: 'A&B <TAC>',
      name: 'The "A&B" Center',
      phone: null,
      about: null,
      logoUrl: '/api/v1/settings/center/logo?v=abc',
      timeZone: 'America/Chicago',
    };
    const html = renderCenterPage(TEMPLATE, center);
    expect(html).toContain('<title>A&amp;B &lt;TAC&gt;</title>');
    expect(html).toContain('data-center="shortName">A&amp;B &lt;TAC&gt;</span>');
    expect(html).toContain('data-center="name">The &quot;A&amp;B&quot; Center</span>');
    expect(html).toContain('<img class="shell-logo" src="/api/v1/settings/center/logo?v=abc" alt="" height="40" />');
    const meta = /<meta name="ta-center" content="([^"]*)"/.exec(html)![1]!;
    expect(meta).not.toMatch(/[<>"]/);
    expect(JSON.parse(meta.replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&'))).toEqual(
      center,
    );
  });

  it('leaves the logo slot empty when the center has no logo', () => {
    const html = renderCenterPage(TEMPLATE, { shortName: 'X', name: 'Y', phone: null, about: null, logoUrl: null, timeZone: 'UTC' });
    expect(html).toContain('<span class="shell-logo-slot" data-center="logo"></span>');
  });
});
