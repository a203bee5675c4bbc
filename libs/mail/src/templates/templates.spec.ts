import { renderEmail, renderStoredEmail, TEMPLATE_NAMES } from './templates.js';

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

  it('sends a respondent their own section scores with the feedback, escaped, and their link', () => {
    const email = renderEmail(
      'assessment_results',
      {
        respondentName: 'Jordan <Lee>',
        organizationName: 'Harbor Clinic',
        instrumentTitle: 'Readiness check',
        scaleMin: 1,
        scaleMax: 3,
        sections: [
          { title: 'Culture', score: 2.5, percent: 75, feedback: 'A strength & a base.' },
          { title: 'Supervision', score: 1, percent: 0, feedback: null },
        ],
        url: 'http://x/request/assessment/abc',
      },
      center,
    );
    expect(email.subject).toBe('Your readiness self-assessment results for Harbor Clinic');
    expect(email.text).toContain('on a scale of 1 to 3');
    expect(email.text).toContain(
      'Culture: 2.5 (75%)\nA strength & a base.\n\nSupervision: 1 (0%)\n\nSee or print them again: http://x/request/assessment/abc',
    );
    expect(email.html).toContain('<strong>Culture: 2.5 (75%)</strong><br>A strength &amp; a base.');
    expect(email.html).toContain('Hello Jordan &lt;Lee&gt;,');
    expect(email.html).toContain('href="http://x/request/assessment/abc"');
  });

  it('refuses an unknown template', () => {
    expect(() => renderStoredEmail({ template: 'nope', data: {} }, center)).toThrow(/No email template named nope/);
  });

  it('closes every email with the center: its signature, or its name when it has none', () => {
    const signed = { shortName: 'Harbor TAC', name: 'Harbor Technical Assistance Center', signature: 'Harbor TAC team\n<555> 0100' };
    for (const template of TEMPLATE_NAMES) {
      const plain = renderStoredEmail({ template, data: {} }, center);
      expect(plain.text).toMatch(/\n-- \nPeerTAC · Peer Support Services Technical Assistance Center$/);
      expect(plain.html).toContain('PeerTAC · Peer Support Services Technical Assistance Center');
      const email = renderStoredEmail({ template, data: {} }, signed);
      expect(email.text).toMatch(/\n-- \nHarbor TAC team\n<555> 0100$/);
      expect(email.html).toContain('Harbor TAC team\n&lt;555&gt; 0100');
      expect(`${email.subject}\n${email.text}`).not.toMatch(/PeerTAC/);
    }
    expect(renderStoredEmail({ template: 'intake_confirmation', data: { reference: 'TA-1' } }, signed).text).toContain(
      'Thank you for reaching out to Harbor TAC.',
    );
  });

  it('puts the survey link and the one-click opt-out in both parts of every survey email', () => {
    for (const kind of ['case_closure', 'outcome_check'] as const) {
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
