import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@ta/config';
import { ImapFlow } from 'imapflow';
import { InboundMailService } from './inbound-mail.service.js';
import { OAuthTokenError, OAuthTokens } from './oauth-tokens.js';

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
  /** With IMAP_AUTH=oauth2: the access tokens that sign in, kept across runs until they are due for renewal. */
  private readonly tokens?: OAuthTokens;

  constructor(
    private readonly inbound: InboundMailService,
    private readonly config: AppConfig,
  ) {
    if (config.IMAP_AUTH === 'oauth2') {
      this.tokens = new OAuthTokens({
        tokenUrl: config.IMAP_OAUTH_TOKEN_URL,
        clientId: config.IMAP_OAUTH_CLIENT_ID,
        clientSecret: config.IMAP_OAUTH_CLIENT_SECRET,
        scope: config.IMAP_OAUTH_SCOPE,
        refreshToken: config.IMAP_OAUTH_REFRESH_TOKEN,
      });
    }
  }

  get enabled(): boolean {
    return this.config.IMAP_URL !== '';
  }

  /** Throws when the server cannot be reached or refuses us: the job fails and BullMQ retries it. */
  async run(): Promise<PollReport> {
    const client = await this.signIn();
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

  /**
   * A connection signed in with IMAP_URL's password, or with an access token. A token the server refuses (revoked, or
   * expired before its time) is replaced once; a token endpoint that gives none fails the run like an unreachable
   * server, and says which setting to fix.
   */
  private async signIn(): Promise<ImapFlow> {
    const tokens = this.tokens;
    if (!tokens) return this.connect({ pass: decodeURIComponent(new URL(this.config.IMAP_URL).password) });
    try {
      const token = await tokens.token();
      try {
        return await this.connect({ accessToken: token });
      } catch (error) {
        if (!refusedSignIn(error)) throw error;
        tokens.refused(token);
      }
      const fresh = await tokens.token();
      try {
        return await this.connect({ accessToken: fresh });
      } catch (error) {
        if (!refusedSignIn(error)) throw error;
        tokens.refused(fresh);
        throw new OAuthTokenError(
          `the IMAP server refused a fresh OAuth2 access token for ${this.user()}: check that the app may read this mailbox ` +
            '(Microsoft 365: IMAP.AccessAsApp and mailbox permission for its service principal; Google: the scope https://mail.google.com/) ' +
            'and IMAP_OAUTH_SCOPE',
        );
      }
    } catch (error) {
      if (error instanceof OAuthTokenError) this.logger.error(`IMAP OAuth2 sign-in failed, the mail waits in INBOX: ${error.message}`);
      throw error;
    }
  }

  /** imap://user@host:port (STARTTLS when the server offers it) or imaps://… (TLS from the start), signed in. */
  private async connect(secret: { pass: string } | { accessToken: string }): Promise<ImapFlow> {
    const parsed = new URL(this.config.IMAP_URL);
    const secure = parsed.protocol === 'imaps:';
    const client = new ImapFlow({
      host: parsed.hostname,
      port: parsed.port ? Number(parsed.port) : secure ? 993 : 143,
      secure,
      auth: { user: this.user(), ...secret },
      logger: false,
      connectionTimeout: 15_000,
    });
    // A dropped connection is reported by the command in flight; the client's error event must not crash the worker.
    client.on('error', (error: Error) => this.logger.warn(`IMAP: ${error.message}`));
    try {
      await client.connect();
    } catch (error) {
      client.close();
      throw error;
    }
    return client;
  }

  private user(): string {
    return decodeURIComponent(new URL(this.config.IMAP_URL).username);
  }
}

/** The server answered the sign-in with NO (AUTHENTICATIONFAILED): the credentials, not the connection, failed. */
function refusedSignIn(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { authenticationFailed?: boolean }).authenticationFailed === true;
}
