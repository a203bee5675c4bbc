import { renderEmail } from './templates.js';

describe('email templates', () => {
  it('renders both parts and escapes HTML in data', () => {
    const email = renderEmail('intake_new_request', {
      reference: 'TA-2026-00001',
      organizationName: '<b>Evil</b> & Co',
      title: 'Help',
      caseUrl: 'http://x/cases/1',
    });
    expect(email.subject).toBe('New TA request TA-2026-00001 from <b>Evil</b> & Co');
    expect(email.text).toContain('Organization: <b>Evil</b> & Co');
    expect(email.html).toContain('&lt;b&gt;Evil&lt;/b&gt; &amp; Co');
    expect(email.html).not.toContain('<b>Evil</b>');
  });

  it('refuses an unknown template', () => {
    expect(() => renderEmail('nope', {})).toThrow(/No email template named nope/);
  });
});
