import { ImapFlow } from 'imapflow';
import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';

/** The test run's mailbox (dovecot, started by test/global-setup.mjs). */
export const testImapUrl = () => String(process.env.TEST_IMAP_URL);

/** A mailbox of the test dovecot: an IMAP URL with its password, or `imap://user@host:port` and an OAuth2 access token. */
export type Mailbox = string | { url: string; accessToken: string };

async function withClient<T>(work: (client: ImapFlow) => Promise<T>, mailbox: Mailbox = testImapUrl()): Promise<T> {
  const { url, accessToken } = typeof mailbox === 'string' ? { url: mailbox, accessToken: undefined } : mailbox;
  const parsed = new URL(url);
  const user = decodeURIComponent(parsed.username);
  const client = new ImapFlow({
    host: parsed.hostname,
    port: Number(parsed.port),
    secure: false,
    auth: accessToken ? { user, accessToken } : { user, pass: decodeURIComponent(parsed.password) },
    logger: false,
  });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.logout();
  }
}

/** An email as a mail program would write it (nodemailer's composer), as bytes. */
export function composeMail(mail: Mail.Options): Promise<Buffer> {
  return new MailComposer(mail).compile().build();
}

/** Delivers a mail into INBOX the way a mail server would: IMAP APPEND. */
export async function deliver(raw: Buffer | string, mailbox?: Mailbox): Promise<void> {
  await withClient(async (client) => {
    await client.append('INBOX', raw);
  }, mailbox);
}

/** The subjects of the mails in a folder. */
export async function subjectsIn(folder: string, mailbox?: Mailbox): Promise<string[]> {
  return withClient(async (client) => {
    const lock = await client.getMailboxLock(folder);
    try {
      if (!client.mailbox || client.mailbox.exists === 0) return [];
      const subjects: string[] = [];
      for await (const message of client.fetch('1:*', { envelope: true })) subjects.push(message.envelope?.subject ?? '');
      return subjects;
    } finally {
      lock.release();
    }
  }, mailbox);
}

/** Puts copies of a folder's mails with this subject back into INBOX: what a worker killed after storing, before moving, leaves. */
export async function copyBackToInbox(folder: string, subject: string): Promise<number> {
  return withClient(async (client) => {
    const lock = await client.getMailboxLock(folder);
    try {
      const uids = (await client.search({ subject }, { uid: true })) || [];
      if (uids.length) await client.messageCopy(uids.join(','), 'INBOX', { uid: true });
      return uids.length;
    } finally {
      lock.release();
    }
  });
}
