/** Where and as whom the worker asks for IMAP access tokens (IMAP_AUTH=oauth2; docs/ARCHITECTURE.md §Jobs). */
export interface OAuthClientSettings {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** Empty: the request names no scope (the refresh token's own scope applies). */
  scope: string;
  /** Set: the refresh-token grant (Google); empty: the client-credentials grant (Microsoft 365 app-only access). */
  refreshToken: string;
}

/** A token is renewed this long before it expires (a short-lived one at half its life), so none expires mid-poll. */
const RENEW_BEFORE_MS = 60_000;
/** As long as an unreachable IMAP server may take (MailboxPoll's connectionTimeout). */
const REQUEST_TIMEOUT_MS = 15_000;

/** A token endpoint that did not give a token: the message says which setting to look at, never a secret. */
export class OAuthTokenError extends Error {
  override name = 'OAuthTokenError';
}

/**
 * Access tokens from the OAuth2 token endpoint (RFC 6749 form POST, client_secret_post), one at a time: kept until
 * shortly before `expires_in` runs out, then fetched again; `refused` drops one the mail server would not take
 * (revoked, or expired early) so the next `token()` fetches a fresh one. Without `expires_in` a token is kept until
 * refused. Neither the client secret, the refresh token nor an access token is ever put in a message.
 */
export class OAuthTokens {
  private current?: { token: string; renewAt: number };

  constructor(
    private readonly settings: OAuthClientSettings,
    private readonly now: () => number = Date.now,
  ) {}

  async token(): Promise<string> {
    if (this.current && this.now() < this.current.renewAt) return this.current.token;
    this.current = undefined;
    const fetchedAt = this.now();
    const { token, expiresIn } = await this.fetchToken();
    const lifeMs = expiresIn === undefined ? Infinity : expiresIn * 1000;
    this.current = { token, renewAt: fetchedAt + lifeMs - Math.min(RENEW_BEFORE_MS, lifeMs / 2) };
    return token;
  }

  /** The mail server refused this token: forget it (unless a newer one has replaced it meanwhile). */
  refused(token: string): void {
    if (this.current?.token === token) this.current = undefined;
  }

  private async fetchToken(): Promise<{ token: string; expiresIn?: number }> {
    const { tokenUrl, clientId, clientSecret, scope, refreshToken } = this.settings;
    const form = new URLSearchParams(
      refreshToken ? { grant_type: 'refresh_token', refresh_token: refreshToken } : { grant_type: 'client_credentials' },
    );
    form.set('client_id', clientId);
    form.set('client_secret', clientSecret);
    if (scope) form.set('scope', scope);
    const endpoint = `the OAuth2 token endpoint (IMAP_OAUTH_TOKEN_URL ${new URL(tokenUrl).origin})`;
    let response: Response;
    try {
      response = await fetch(tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new OAuthTokenError(`could not reach ${endpoint}: ${cause?.code ?? cause?.message ?? (error as Error).message}`);
    }
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok) {
      const code = typeof body.error === 'string' ? body.error : `HTTP ${response.status}`;
      const description = typeof body.error_description === 'string' ? ` (${body.error_description.split(/\r?\n/)[0]})` : '';
      throw new OAuthTokenError(`${endpoint} refused: ${code}${description}; ${remedy(code, refreshToken !== '')}`);
    }
    if (typeof body.access_token !== 'string' || body.access_token === '') {
      throw new OAuthTokenError(`${endpoint} answered without an access_token; is IMAP_OAUTH_TOKEN_URL the token endpoint?`);
    }
    const expiresIn = Number(body.expires_in);
    return { token: body.access_token, expiresIn: Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : undefined };
  }
}

/** What to fix for an OAuth2 error code (RFC 6749 §5.2). */
function remedy(code: string, refreshGrant: boolean): string {
  switch (code) {
    case 'invalid_client':
    case 'unauthorized_client':
      return 'check IMAP_OAUTH_CLIENT_ID and IMAP_OAUTH_CLIENT_SECRET (an expired client secret must be renewed)';
    case 'invalid_grant':
      return refreshGrant
        ? 'IMAP_OAUTH_REFRESH_TOKEN was revoked or has expired: sign in again to get a new one'
        : 'check that the app may use the client-credentials grant';
    case 'invalid_scope':
      return 'check IMAP_OAUTH_SCOPE';
    default:
      return 'check IMAP_OAUTH_TOKEN_URL and the IMAP_OAUTH_ settings';
  }
}
