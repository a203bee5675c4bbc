import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@ta/config';
import { ImapFlow } from 'imapflow';
import { InboundMailService } from './inbound-mail.service.js';

/** Mails read per run: a large backlog drains over a few runs instead of holding one job for long. */
const BATCH = 100;

export interface PollReport {
  read: number;
  stored: number;
  matched: number;
}

/**
 * Reads the center's mailbox (IMAP_URL's INBOX), stores each mail (InboundMailService), then moves it to
 * IMAP_PROCESSED_FOLDER. A mail leaves INBOX only after it is stored, so a crash or an unreachable server loses
 * nothing: the next run reads it again, and the store recognises it (docs/ARCHITECTURE.md §Jobs).
 */
@Injectable()
export class MailboxPoll {
  private readonly logger = new Logger(MailboxPoll.name);

  constructor(
    private readonly inbound: InboundMailService,
    private readonly config: AppConfig,
  ) {}

  get enabled(): boolean {
    return this.config.IMAP_URL !== '';
  }

  /** Throws when the server cannot be reached or refuses us: the job fails and BullMQ retries it. */
  async run(): Promise<PollReport> {
    const client = connect(this.config.IMAP_URL);
    // A dropped connection is reported by the command in flight; the client's error event must not crash the worker.
    client.on('error', (error: Error) => this.logger.warn(`IMAP: ${error.message}`));
    await client.connect();
    const report: PollReport = { read: 0, stored: 0, matched: 0 };
    try {
      const processed = (await client.mailboxCreate(this.config.IMAP_PROCESSED_FOLDER.split('/').filter(Boolean))).path;
      const lock = await client.getMailboxLock('INBOX');
      try {
        const mailbox = client.mailbox;
        if (!mailbox || mailbox.exists === 0) return report;
        const uids = ((await client.search({ all: true }, { uid: true })) || []).slice(0, BATCH);
        for (const uid of uids) {
          const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
          if (!message || !message.source) continue;
          const result = await this.inbound.ingest(message.source, `${String(mailbox.uidValidity)}:${uid}`);
          report.read += 1;
          if (result.stored) report.stored += 1;
          if (result.caseId) report.matched += 1;
          await client.messageMove(String(uid), processed, { uid: true });
        }
      } finally {
        lock.release();
      }
    } finally {
      await client.logout().catch(() => client.close());
    }
    return report;
  }
}

/** imap://user:password@host:port (STARTTLS when the server offers it) or imaps://… (TLS from the start). */
function connect(url: string): ImapFlow {
  const parsed = new URL(url);
  const secure = parsed.protocol === 'imaps:';
  return new ImapFlow({
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : secure ? 993 : 143,
    secure,
    auth: { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) },
    logger: false,
    connectionTimeout: 15_000,
  });
}
