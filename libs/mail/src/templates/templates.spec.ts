import { renderEmail, TEMPLATE_NAMES } from './templates.js';

const center = { shortName: 'PeerTAC', name: 'Peer Support Services Technical Assistance Center', signature: null };

describe('email templates', () => {
  it('renders both parts and escapes HTML in data', () => {
    const email = renderEmail(
      'intake_new_request',
      {
        reference: 'TA-2026-00001',
        organizationName: '<b>Evil</b> & Co',
        title: 'Help',
        caseUrl: 'http://x/cases/1',
      },
      center,
    );
    expect(email.subject).toBe('New TA request TA-2026-00001 from <b>Evil</b> & Co');
    expect(email.text).toContain('Organization: <b>Evil</b> & Co');
    expect(email.html).toContain('&lt;b&gt;Evil&lt;/b&gt; &amp; Co');
    expect(email.html).not.toContain('<b>Evil</b>');
  });

  it('refuses an unknown template', () => {
    expect(() => renderEmail('nope', {}, center)).toThrow(/No email template named nope/);
  });

  it('closes every email with the center: its signature, or its name when it has none', () => {
    const signed = { shortName: 'Harbor TAC', name: 'Harbor Technical Assistance Center', signature: 'Harbor TAC team\n<555> 0100' };
    for (const template of TEMPLATE_NAMES) {
      const plain = renderEmail(template, {}, center);
      expect(plain.text).toMatch(/\n-- \nPeerTAC · Peer Support Services Technical Assistance Center$/);
      expect(plain.html).toContain('PeerTAC · Peer Support Services Technical Assistance Center');
      const email = renderEmail(template, {}, signed);
      expect(email.text).toMatch(/\n-- \nHarbor TAC team\n<555> 0100$/);
      expect(email.html).toContain('Harbor TAC team\n&lt;555&gt; 0100');
      expect(`${email.subject}\n${email.text}`).not.toMatch(/PeerTAC/);
    }
    expect(renderEmail('intake_confirmation', { reference: 'TA-1' }, signed).text).toContain('Thank you for reaching out to Harbor TAC.');
  });

  it('puts the survey link and the one-click opt-out in both parts of every survey email', () => {
    for (const kind of ['case_closure', 'outcome_check']) {
      const email = renderEmail(
        'survey_invitation',
        {
          kind,
          contactName: 'Robin',
          organizationName: 'Maple <Street>',
          reference: 'TA-2026-00007',
          title: 'Hiring',
          days: 30,
          url: 'https://desk.example.org/request/survey/abc',
          optOutUrl: 'https://desk.example.org/request/survey/abc/opt-out',
        },
        center,
      );
      expect(email.subject).toContain('TA-2026-00007');
      expect(email.text).toContain('Answer here: https://desk.example.org/request/survey/abc');
      expect(email.text).toContain('https://desk.example.org/request/survey/abc/opt-out');
      expect(email.html).toContain('href="https://desk.example.org/request/survey/abc/opt-out"');
      expect(email.html).toContain('Maple &lt;Street&gt;');
    }
  });
});
