import { simpleParser } from 'mailparser';
import { autoReplyKind, newReplyToken, plusAddress, referencesIn, replyTokensIn, threadIdsOf, visibleText } from './mail-reading.js';

const parse = (headers: string, body = 'Hello') => simpleParser(Buffer.from(`${headers}\r\n\r\n${body}\r\n`));

describe('reading inbound mail', () => {
  it('makes unguessable tokens that survive in a plus address, and finds them again whatever the case', () => {
    const token = newReplyToken();
    expect(token).toMatch(/^[a-z2-7]{12}$/);
    expect(newReplyToken()).not.toBe(token);
    const address = plusAddress('ta@center.org', token);
    expect(address).toBe(`ta+${token}@center.org`);
    expect(replyTokensIn([address.toUpperCase(), 'other@center.org'], 'TA@Center.org')).toEqual([token]);
    // Another mailbox's plus address, or a malformed token, names no case.
    expect(replyTokensIn([`info+${token}@center.org`, 'ta+short@center.org', `ta+${token}@elsewhere.org`], 'ta@center.org')).toEqual([]);
    expect(replyTokensIn([address], '')).toEqual([]);
  });

  it('finds case references in a subject', () => {
    expect(referencesIn('Re: TA-2026-00087: draft and ta-2025-00001 too')).toEqual(['TA-2026-00087', 'TA-2025-00001']);
    expect(referencesIn('Invoice 2026-00087')).toEqual([]);
  });

  it('recognises out-of-office answers and bounces, and not a person writing', async () => {
    expect(autoReplyKind(await parse('From: a@clinic.org\r\nAuto-Submitted: auto-replied'))).toBe('auto_reply');
    expect(autoReplyKind(await parse('From: a@clinic.org\r\nAuto-Submitted: no'))).toBeNull();
    expect(autoReplyKind(await parse('From: a@clinic.org\r\nX-Autoreply: yes'))).toBe('auto_reply');
    expect(autoReplyKind(await parse('From: a@clinic.org\r\nPrecedence: bulk'))).toBe('auto_reply');
    expect(autoReplyKind(await parse('From: MAILER-DAEMON@mx.clinic.org'))).toBe('bounce');
    expect(
      autoReplyKind(await parse('From: mx@clinic.org\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=x', '--x--')),
    ).toBe('bounce');
    expect(autoReplyKind(await parse('From: a@clinic.org'))).toBeNull();
  });

  it('folds quoted history and a signature away, and keeps a body it cannot split', () => {
    const reply =
      'Tuesday works.\n\n-- \nJordan Lee\nClinical Director\n\nOn Mon, Jan 5, 2026 at 9:00 AM PeerTAC <ta@center.org> wrote:\n> Shall we meet?\n';
    expect(visibleText(reply)).toBe('Tuesday works.');
    expect(visibleText('> only a quote')).toBe('> only a quote');
  });

  it('lists the thread ids a reply points at, In-Reply-To first', async () => {
    const mail = await parse('From: a@clinic.org\r\nIn-Reply-To: <b@x>\r\nReferences: <a@x> <b@x>');
    expect(threadIdsOf(mail)).toEqual(['<b@x>', '<a@x>']);
  });
});
