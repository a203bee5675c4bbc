import { centerLine, type CenterSettings } from '@ta/settings';

/** Every email TA Desk sends: a subject and both a text and an HTML part, from the row's data and the center's settings. */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (value: unknown) =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** What the emails say of the center: its names, and its signature under every message. */
export type EmailCenter = Pick<CenterSettings, 'shortName' | 'name' | 'signature'>;

/** The signature's lines, or the center's name when it has none. */
const signatureOf = (center: EmailCenter): string => center.signature ?? centerLine(center);

function layout(center: EmailCenter, title: string, paragraphs: string[], link?: { href: string; label: string }): string {
  const body = paragraphs.map((p) => `<p style="margin:0 0 12px">${p}</p>`).join('');
  const button = link
    ? `<p><a href="${escapeHtml(link.href)}" style="background:#1c7ed6;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(link.label)}</a></p>`
    : '';
  return `<!doctype html><html><body style="font-family:Arial,sans-serif;color:#222;max-width:560px"><h2 style="color:#1c7ed6">${escapeHtml(title)}</h2>${body}${button}<p style="color:#666;font-size:12px;white-space:pre-line">${escapeHtml(signatureOf(center))}</p></body></html>`;
}

/** A personal letter: no heading or button, the writer's paragraphs as written, then the signature. */
function letter(center: EmailCenter, body: string): string {
  const paragraphs = body
    .split(/\n{2,}/)
    .map((p) => `<p style="margin:0 0 12px;white-space:pre-line">${escapeHtml(p)}</p>`)
    .join('');
  return `<!doctype html><html><body style="font-family:Arial,sans-serif;color:#222;max-width:640px">${paragraphs}<p style="color:#666;font-size:12px;white-space:pre-line">${escapeHtml(signatureOf(center))}</p></body></html>`;
}

/** When a reminder is sent: the day before the due date, or on it. */
type ReminderDay = 'due_today' | 'day_before';

/**
 * Every template and the data it renders (ARCHITECTURE §Contracts). OutboxService.enqueue and the sweeps'
 * outboxInsertSql are typed by it, so an email is queued with the data its template reads. Adding a template: an
 * entry here and its renderer in TEMPLATES (the compiler asks for both).
 */
export interface TemplateData {
  /** To the person who sent the public request form. */
  intake_confirmation: { contactName: string; reference: string; businessDays: number; statusUrl: string };
  /** To every active lead, for a request from the public form. */
  intake_new_request: { reference: string; title: string; organizationName: string; caseUrl: string };
  /** To every active lead (sweep SQL, libs/escalation/src/escalation.sweep.sql.ts). `days`: since opened, or since the last activity. */
  escalation: {
    reason: 'first_response_overdue' | 'no_activity';
    reference: string;
    title: string;
    organizationName: string;
    days: number;
    caseUrl: string;
  };
  /** To the assignee, or the leads when nobody has the case (sweep SQL). */
  stall_at_risk: { reference: string; title: string; organizationName: string; days: number; caseUrl: string };
  /** A follow-up's assignee, or an action item's owner, clinic contacts included (sweep SQL). */
  reminder: FollowUpReminderData | ActionItemReminderData;
  /** To the new assignee, unless they assigned themselves. */
  case_assigned: {
    assigneeName: string;
    assignedBy: string;
    reference: string;
    title: string;
    organizationName: string;
    caseUrl: string;
    movedWork: boolean;
  };
  /** To the owner of an account under a password-guessing attack. */
  sign_in_failures: { name: string; failures: number; minutes: number; appUrl: string };
  /** To a clinic contact invited to a readiness self-assessment; `closesOn` in words ("March 3, 2026"). */
  assessment_invitation: { contactName: string; instrumentTitle: string; organizationName: string; closesOn: string; url: string };
  /** To a respondent who submitted their answers (public-assessments.service.ts). */
  assessment_results: AssessmentResultsEmail;
  /** To the case's consultant (or whoever started the round) when it is time to reassess (sweep SQL, reassessment.sweep.sql.ts). */
  reassessment_due: { organizationName: string; instrumentTitle: string; days: number; url: string };
  /**
   * To a clinic contact when a case's closure survey or outcome check is due (sweep SQL, libs/surveys survey.sweep.sql.ts);
   * `days`: how long the link works.
   */
  survey_invitation: {
    kind: 'case_closure' | 'outcome_check';
    contactName: string;
    organizationName: string;
    reference: string;
    title: string;
    days: number;
    url: string;
    optOutUrl: string;
  };
  /** To the case's consultant and every active lead when a closure survey's overall satisfaction is low (1–5). */
  survey_low_rating: { name: string; rating: number; organizationName: string; reference: string; title: string; caseUrl: string };
  /**
   * A message a consultant wrote on a case (libs/conversation): their subject and words as written. Its recipients,
   * Message-ID, thread headers and files travel in the outbox row's envelope.
   */
  case_message: { subject: string; body: string; reference: string; author: string };
  /** To the case's consultant (or the leads while nobody has the case) when the clinic replies (libs/conversation). */
  reply_received: { reference: string; title: string; fromName: string; excerpt: string; caseUrl: string };
  /** The admin's test of the mail settings. */
  test_message: { subject?: string; body?: string };
}

export interface FollowUpReminderData {
  what: 'follow-up';
  reminder: ReminderDay;
  /** A follow-up kind code (check_in…). */
  kind: string;
  note: string | null;
  /** An instant, as Postgres writes a timestamptz into JSON. */
  dueAt: string;
  reference: string;
  title: string;
  caseUrl: string;
}

export interface ActionItemReminderData {
  what: 'action item';
  reminder: ReminderDay;
  description: string;
  /** YYYY-MM-DD. */
  dueDate: string;
  reference: string;
  title: string;
  /** A clinic contact owns it: no link into the staff app. */
  clinicOwned: boolean;
  caseUrl: string | null;
}

/** The data of `assessment_results` (a respondent's own section scores, sent once when they submit). */
export interface AssessmentResultsEmail {
  respondentName: string;
  organizationName: string;
  instrumentTitle: string;
  scaleMin: number;
  scaleMax: number;
  sections: Array<{ title: string; score: number; percent: number; feedback: string | null }>;
  /** Their link: it shows the same results (and prints them) after the round closes. */
  url: string;
}

export type TemplateName = keyof TemplateData;

/** Each template in words, as the Emails page lists them. */
export const TEMPLATE_LABELS: Record<TemplateName, string> = {
  intake_confirmation: 'Request confirmation',
  intake_new_request: 'New request (to leads)',
  escalation: 'Escalation',
  stall_at_risk: 'Case at risk',
  reminder: 'Reminder',
  case_assigned: 'Case assigned',
  sign_in_failures: 'Failed sign-ins',
  assessment_invitation: 'Assessment invitation',
  assessment_results: 'Assessment results',
  reassessment_due: 'Time to reassess',
  survey_invitation: 'Survey (to a clinic)',
  survey_low_rating: 'Low satisfaction rating',
  case_message: 'Message on a case',
  reply_received: 'New reply (to the consultant)',
  test_message: 'Test message',
};

const TEMPLATES: { [T in TemplateName]: (data: TemplateData[T], center: EmailCenter) => RenderedEmail } = {
  intake_confirmation: (d, c) => ({
    subject: `We received your request ${String(d.reference)}`,
    text: [
      `Hello ${String(d.contactName)},`,
      '',
      `Thank you for reaching out to ${c.shortName}. Your request has the reference ${String(d.reference)}.`,
      `A consultant will respond within ${String(d.businessDays)} business days.`,
      '',
      `Follow your request here: ${String(d.statusUrl)}`,
      '',
      'Please do not reply with client health information.',
    ].join('\n'),
    html: layout(
      c,
      `Request ${String(d.reference)} received`,
      [
        `Hello ${escapeHtml(d.contactName)},`,
        `Thank you for reaching out to ${escapeHtml(c.shortName)}. Your request has the reference <strong>${escapeHtml(d.reference)}</strong>.`,
        `A consultant will respond within ${escapeHtml(d.businessDays)} business days.`,
        'Please do not reply with client health information.',
      ],
      { href: String(d.statusUrl), label: 'Follow your request' },
    ),
  }),
  intake_new_request: (d, c) => ({
    subject: `New TA request ${String(d.reference)} from ${String(d.organizationName)}`,
    text: [
      `A new request arrived through the web form.`,
      '',
      `${String(d.reference)}: ${String(d.title)}`,
      `Organization: ${String(d.organizationName)}`,
      '',
      `Open it: ${String(d.caseUrl)}`,
    ].join('\n'),
    html: layout(
      c,
      `New request ${String(d.reference)}`,
      [
        `A new request arrived through the web form.`,
        `<strong>${escapeHtml(d.title)}</strong>`,
        `Organization: ${escapeHtml(d.organizationName)}`,
      ],
      { href: String(d.caseUrl), label: 'Open the case' },
    ),
  }),
  escalation: (d, c) => {
    const why =
      d.reason === 'first_response_overdue'
        ? `No one has responded to this request yet, and the first-response deadline has passed (opened ${String(d.days)} days ago).`
        : `There has been no activity on this case for ${String(d.days)} days.`;
    return {
      subject: `Escalated: ${String(d.reference)} ${String(d.title)}`,
      text: [
        `${String(d.reference)}: ${String(d.title)}`,
        `Organization: ${String(d.organizationName)}`,
        '',
        why,
        '',
        `Open it: ${String(d.caseUrl)}`,
      ].join('\n'),
      html: layout(
        c,
        `Escalated: ${String(d.reference)}`,
        [`<strong>${escapeHtml(d.title)}</strong>`, `Organization: ${escapeHtml(d.organizationName)}`, escapeHtml(why)],
        {
          href: String(d.caseUrl),
          label: 'Open the case',
        },
      ),
    };
  },
  stall_at_risk: (d, c) => ({
    subject: `At risk: ${String(d.reference)} has had no activity for ${String(d.days)} days`,
    text: [
      `${String(d.reference)}: ${String(d.title)}`,
      `Organization: ${String(d.organizationName)}`,
      '',
      `No session, follow-up or plan progress for ${String(d.days)} days.`,
      '',
      `Open it: ${String(d.caseUrl)}`,
    ].join('\n'),
    html: layout(
      c,
      `At risk: ${String(d.reference)}`,
      [
        `<strong>${escapeHtml(d.title)}</strong>`,
        `Organization: ${escapeHtml(d.organizationName)}`,
        `No session, follow-up or plan progress for ${escapeHtml(d.days)} days.`,
      ],
      { href: String(d.caseUrl), label: 'Open the case' },
    ),
  }),
  reminder: (d, c) => {
    const when = d.reminder === 'due_today' ? 'is due today' : 'is due tomorrow';
    const what =
      d.what === 'action item'
        ? `Action item “${String(d.description)}”`
        : `Follow-up (${String(d.kind).replaceAll('_', ' ')})${d.note ? `: ${String(d.note)}` : ''}`;
    const lines = [`${what} ${when}.`, `${String(d.reference)}: ${String(d.title)}`];
    return {
      subject: `Reminder: ${d.what === 'action item' ? 'action item' : 'follow-up'} ${when} (${String(d.reference)})`,
      text: [...lines, ...(d.caseUrl ? ['', `Open it: ${String(d.caseUrl)}`] : [])].join('\n'),
      html: layout(c, 'Reminder', lines.map(escapeHtml), d.caseUrl ? { href: String(d.caseUrl), label: 'Open the case' } : undefined),
    };
  },
  case_assigned: (d, c) => {
    const moved = d.movedWork ? ['Its open follow-ups and action items came with it, and so do their reminders.'] : [];
    return {
      subject: `${String(d.reference)} is yours: ${String(d.title)}`,
      text: [
        `Hello ${String(d.assigneeName)},`,
        '',
        `${String(d.assignedBy)} assigned ${String(d.reference)} to you: ${String(d.title)} (${String(d.organizationName)}).`,
        ...moved,
        '',
        `Open it: ${String(d.caseUrl)}`,
      ].join('\n'),
      html: layout(
        c,
        `${String(d.reference)} is assigned to you`,
        [
          `Hello ${escapeHtml(d.assigneeName)},`,
          `${escapeHtml(d.assignedBy)} assigned <strong>${escapeHtml(d.reference)}</strong> to you: ${escapeHtml(d.title)} (${escapeHtml(d.organizationName)}).`,
          ...moved,
        ],
        { href: String(d.caseUrl), label: 'Open the case' },
      ),
    };
  },
  sign_in_failures: (d, c) => {
    const lines = [
      `Hello ${String(d.name)},`,
      `Someone failed to sign in to your ${c.shortName} TA Desk account ${String(d.failures)} times in the last ${String(d.minutes)} minutes, from one or more addresses.`,
      `To protect the account, sign-ins to it pause for up to ${String(d.minutes)} minutes. Your password was not accepted in any of these tries.`,
      'If this was you, wait and try again, or ask an admin to set a new password. If it was not, tell your admin.',
    ];
    return {
      subject: `Many failed sign-ins to your ${c.shortName} TA Desk account`,
      text: [...lines, '', String(d.appUrl)].join('\n\n'),
      html: layout(c, 'Failed sign-ins to your account', lines.map(escapeHtml), { href: String(d.appUrl), label: 'Open TA Desk' }),
    };
  },
  assessment_invitation: (d, c) => {
    const lines = [
      `Hello ${String(d.contactName)},`,
      `${c.shortName} invites you to answer the ${String(d.instrumentTitle)} for ${String(d.organizationName)}. It takes about 15 minutes, works on a phone, and saves your answers as you go.`,
      `Your answers are compared with your team's so that you can see together where you agree and where to start. The link is yours alone and works until ${String(d.closesOn)}.`,
    ];
    return {
      subject: `Your readiness self-assessment for ${String(d.organizationName)}`,
      text: [...lines, '', `Start here: ${String(d.url)}`].join('\n\n'),
      html: layout(c, 'Readiness self-assessment', lines.map(escapeHtml), { href: String(d.url), label: 'Start the assessment' }),
    };
  },
  assessment_results: (d, c) => {
    const intro = [
      `Hello ${d.respondentName},`,
      `Thank you for answering the ${d.instrumentTitle} for ${d.organizationName}. Here are your own scores, by part, on a scale of ${d.scaleMin} to ${d.scaleMax}. Your consultant will go over the whole team's answers with you.`,
    ];
    // An outbox row is data: render what it has rather than fail the delivery.
    const parts = (Array.isArray(d.sections) ? d.sections : []).map((s) => ({
      head: `${s.title}: ${s.score} (${s.percent}%)`,
      feedback: s.feedback,
    }));
    return {
      subject: `Your readiness self-assessment results for ${d.organizationName}`,
      text: [...intro, ...parts.map((p) => (p.feedback ? `${p.head}\n${p.feedback}` : p.head)), `See or print them again: ${d.url}`].join(
        '\n\n',
      ),
      html: layout(
        c,
        'Your readiness self-assessment results',
        [
          ...intro.map(escapeHtml),
          ...parts.map((p) => `<strong>${escapeHtml(p.head)}</strong>${p.feedback ? `<br>${escapeHtml(p.feedback)}` : ''}`),
        ],
        { href: d.url, label: 'See or print your results' },
      ),
    };
  },
  reassessment_due: (d, c) => {
    const lines = [
      `It has been ${String(d.days)} days since ${String(d.organizationName)} closed its ${String(d.instrumentTitle)} round.`,
      'A follow-up round shows the clinic (and the funder) how readiness has moved.',
    ];
    return {
      subject: `Time to reassess ${String(d.organizationName)}`,
      text: [...lines, '', `Open it: ${String(d.url)}`].join('\n\n'),
      html: layout(c, 'Time to reassess', lines.map(escapeHtml), { href: String(d.url), label: 'Open the organization' }),
    };
  },
  survey_invitation: (d, c) => {
    const closure = d.kind === 'case_closure';
    const lines = closure
      ? [
          `Hello ${String(d.contactName)},`,
          `Thank you for working with ${c.shortName} on "${String(d.title)}" (${String(d.reference)}) for ${String(d.organizationName)}. Would you tell us how it went? Five short questions, about two minutes, on a phone or a computer.`,
          `Your answers go to the TA center's team and help us do better for the next program. The link is yours alone and works for ${String(d.days)} days.`,
        ]
      : [
          `Hello ${String(d.contactName)},`,
          `A few months ago ${c.shortName} closed your request "${String(d.title)}" (${String(d.reference)}) for ${String(d.organizationName)}. We would like to learn what has changed for your program since then: four questions, a few minutes.`,
          `The link is yours alone and works for ${String(d.days)} days.`,
        ];
    const optOut = `Rather not receive our surveys? One click and we will not send you another: ${String(d.optOutUrl)}`;
    return {
      subject: closure ? `How did we do? ${String(d.reference)}` : `What has changed since we worked together? ${String(d.reference)}`,
      text: [...lines, '', `Answer here: ${String(d.url)}`, '', optOut].join('\n\n'),
      html: layout(
        c,
        closure ? 'How did we do?' : 'What has changed?',
        [
          ...lines.map(escapeHtml),
          `<span style="font-size:12px;color:#666">Rather not receive our surveys? <a href="${escapeHtml(d.optOutUrl)}">Stop survey emails</a>.</span>`,
        ],
        { href: String(d.url), label: 'Answer the survey' },
      ),
    };
  },
  survey_low_rating: (d, c) => {
    const lines = [
      `Hello ${String(d.name)},`,
      `${String(d.organizationName)} rated its overall satisfaction ${String(d.rating)} out of 5 in the closure survey for ${String(d.reference)} "${String(d.title)}".`,
      'The answers are on the case page. A call to the clinic soon is worth it.',
    ];
    return {
      subject: `Low satisfaction rating on ${String(d.reference)}`,
      text: [...lines, '', `Open the case: ${String(d.caseUrl)}`].join('\n\n'),
      html: layout(c, `Low satisfaction rating (${String(d.rating)}/5)`, lines.map(escapeHtml), {
        href: String(d.caseUrl),
        label: 'Open the case',
      }),
    };
  },
  /** A message a consultant wrote on a case: their words as written, the center's signature under them. */
  case_message: (d, c) => ({
    subject: String(d.subject),
    text: String(d.body),
    html: letter(c, String(d.body)),
  }),
  reply_received: (d, c) => {
    const lines = [`${String(d.fromName)} answered on ${String(d.reference)}: ${String(d.title)}`, `“${String(d.excerpt)}”`];
    return {
      subject: `New reply on ${String(d.reference)} from ${String(d.fromName)}`,
      text: [...lines, '', `Read the conversation: ${String(d.caseUrl)}`].join('\n'),
      html: layout(c, `New reply on ${String(d.reference)}`, lines.map(escapeHtml), {
        href: String(d.caseUrl),
        label: 'Read the conversation',
      }),
    };
  },
  test_message: (d, c) => ({
    subject: String(d.subject ?? 'TA Desk test message'),
    text: String(d.body ?? 'This is a test message.'),
    html: layout(c, String(d.subject ?? 'TA Desk test message'), [escapeHtml(d.body ?? 'This is a test message.')]),
  }),
};

/** Renders an email; the text part ends with the center's signature after the usual "-- " line. */
export function renderEmail<T extends TemplateName>(template: T, data: TemplateData[T], center: EmailCenter): RenderedEmail {
  const render: (data: TemplateData[T], center: EmailCenter) => RenderedEmail = TEMPLATES[template];
  const email = render(data, center);
  return { ...email, text: `${email.text}\n\n-- \n${signatureOf(center)}` };
}

export const TEMPLATE_NAMES = Object.keys(TEMPLATES) as TemplateName[];

export const isTemplateName = (name: string): name is TemplateName => Object.hasOwn(TEMPLATES, name);

/**
 * Renders an outbox row as stored. Its data was written through enqueue or outboxInsertSql, both typed by
 * TemplateData, so this is the one place that trusts the database's JSON to be that template's data; the renderers
 * still print a missing field as "undefined" rather than fail (a retired field in an old row).
 */
export function renderStoredEmail(row: { template: string; data: unknown }, center: EmailCenter): RenderedEmail {
  if (!isTemplateName(row.template)) throw new Error(`No email template named ${row.template}`);
  return renderEmail(row.template, row.data as TemplateData[TemplateName], center);
}
