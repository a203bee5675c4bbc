import { randomUUID } from 'node:crypto';
import { newReplyToken, visibleText } from '@ta/conversation';
import type { EntityManager } from 'typeorm';
import { seedEvent } from './case-event.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** What the consultant wrote and what the clinic answered, in the center's voice (issue #16's demo). */
const THREADS = [
  {
    subject: 'Draft job description for your peer specialist',
    wrote:
      'Thank you for sending your current posting. I marked up a draft that keeps lived experience as a qualification ' +
      'and moves the clinical tasks out of the peer role. Could you look at the duties section before our next call?',
    answer:
      'Thanks, this is very helpful. HR asked whether the NYCPS certification can be "in progress" at hire. ' +
      'We will bring the duties section to Thursday.',
  },
  {
    subject: 'Supervision schedule for the peer team',
    wrote:
      'As promised, a note on supervision: weekly individual supervision with someone who knows peer practice, and a ' +
      'monthly peer-to-peer group. Which of your supervisors could take this on?',
    answer: 'Our program director will supervise for now. Is there a training for supervisors you recommend? ' + 'Two of them asked.',
  },
  {
    subject: 'Family Peer Advocate role at intake',
    wrote:
      'Following our session: the FPA can join intake for families who ask for it. I can share how two other clinics ' +
      'wrote this into their workflow.',
    answer: 'Yes please, send what the other clinics use.',
  },
];

/** Mail nobody's case claimed: a clinic writing to the center's address without a reference (the Unmatched list). */
const UNMATCHED = {
  fromName: 'Jordan Ellis',
  fromAddress: 'jellis@riverbend-clinic.example.org',
  subject: 'Question about hiring a Youth Peer Advocate',
  body:
    'Hello, we are an outpatient clinic in Dutchess County and want to add a Youth Peer Advocate to our children and ' +
    'family team. Who at PeerTAC could help us with the job posting?\n\nJordan Ellis\nClinic Director',
};

/**
 * The demo's email conversations: on up to three active cases of the demo consultant (consultant@example.org, who
 * sees the "New reply" on signing in), the consultant's email and the clinic's reply (its
 * quoted history folded as the worker folds it; the first reply still unread, so My cases shows "new reply"), one
 * note the clinic added on its status page, and one unmatched mail for the leads' Unmatched list. Written as the
 * worker and the API would have left them; the outbound emails have no outbox rows, so they show as sent.
 */
export async function seedConversation(manager: EntityManager, now: number, centerAddress: string): Promise<void> {
  const cases = (await manager.query(
    `SELECT c.id, c.reference, c.assignee_id, u.name AS assignee_name, ct.name AS contact_name, ct.email AS contact_email
     FROM cases c JOIN users u ON u.id = c.assignee_id
     CROSS JOIN LATERAL (SELECT * FROM contacts x WHERE x.organization_id = c.organization_id ORDER BY x.created_at, x.id LIMIT 1) ct
     WHERE c.status = 'active' AND u.email = 'consultant@example.org' ORDER BY c.last_activity_at DESC, c.id LIMIT $1`,
    [THREADS.length],
  )) as Array<{
    id: string;
    reference: string;
    assignee_id: string;
    assignee_name: string;
    contact_name: string;
    contact_email: string;
  }>;
  for (const [i, thread] of THREADS.entries()) {
    const c = cases[i];
    if (!c) break;
    const sentAt = new Date(now - (3 + i) * DAY);
    const repliedAt = new Date(sentAt.getTime() + 20 * HOUR);
    const subject = `${c.reference}: ${thread.subject}`;
    const outboundId = randomUUID();
    const outboundMessageId = `<case-${outboundId}@demo.tadesk.local>`;
    await manager.query(
      `INSERT INTO messages (id, case_id, direction, origin, from_address, from_name, to_addresses, subject, body, visible_body, message_id,
         author_id, sent_at, created_at)
       VALUES ($1, $2, 'outbound', 'staff', $3, $4, $5, $6, $7, $7, $8, $9, $10, $10)`,
      [
        outboundId,
        c.id,
        centerAddress,
        c.assignee_name,
        [c.contact_email],
        subject,
        thread.wrote,
        outboundMessageId,
        c.assignee_id,
        sentAt,
      ],
    );
    await seedEvent(
      manager,
      c.id,
      c.assignee_id,
      'message_sent',
      { messageId: outboundId, to: [c.contact_email], subject, attachments: 0 },
      sentAt,
    );

    const replyId = randomUUID();
    const quoted = `${thread.answer}\n\n${c.contact_name}\n\nOn ${sentAt.toDateString()}, ${c.assignee_name} wrote:\n> ${thread.wrote}`;
    await manager.query(
      `INSERT INTO messages (id, case_id, direction, origin, matched_by, from_address, from_name, subject, body, visible_body, message_id,
         in_reply_to, "references", received_at, created_at)
       VALUES ($1, $2, 'inbound', 'email', 'reply_address', $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)`,
      [
        replyId,
        c.id,
        c.contact_email,
        c.contact_name,
        `Re: ${subject}`,
        quoted,
        visibleText(quoted),
        `<demo-${replyId}@clinic.example.org>`,
        outboundMessageId,
        [outboundMessageId],
        repliedAt,
      ],
    );
    await seedEvent(
      manager,
      c.id,
      null,
      'message_received',
      { messageId: replyId, from: c.contact_name, subject: `Re: ${subject}` },
      repliedAt,
    );
    await manager.query(`INSERT INTO case_threads (case_id, reply_token, unread) VALUES ($1, $2, $3)`, [c.id, newReplyToken(), i === 0]);
    await manager.query(`UPDATE cases SET last_activity_at = greatest(last_activity_at, $2), stall_level = 'none' WHERE id = $1`, [
      c.id,
      repliedAt,
    ]);
  }

  const noted = cases.at(-1);
  if (noted) {
    const id = randomUUID();
    const at = new Date(now - 6 * HOUR);
    const body = 'We posted the peer specialist job this morning. Our HR contact is now Dana Whitfield (ext. 214).';
    await manager.query(
      `INSERT INTO messages (id, case_id, direction, origin, matched_by, subject, body, visible_body, received_at, created_at)
       VALUES ($1, $2, 'inbound', 'status_page', 'status_page', 'Added on the status page', $3, $3, $4, $4)`,
      [id, noted.id, body, at],
    );
    await seedEvent(
      manager,
      noted.id,
      null,
      'message_received',
      { messageId: id, from: null, subject: 'Added on the status page', viaStatusPage: true },
      at,
    );
  }

  const unmatchedAt = new Date(now - 1 * DAY);
  await manager.query(
    `INSERT INTO messages (direction, origin, from_address, from_name, to_addresses, subject, body, visible_body, message_id, received_at, created_at)
     VALUES ('inbound', 'email', $1, $2, $3, $4, $5, $5, $6, $7, $7)`,
    [
      UNMATCHED.fromAddress,
      UNMATCHED.fromName,
      [centerAddress],
      UNMATCHED.subject,
      UNMATCHED.body,
      `<demo-unmatched@riverbend-clinic.example.org>`,
      unmatchedAt,
    ],
  );
  console.log(`seed: email conversations on ${cases.length} cases, one note from a status page, one unmatched mail`);
}
