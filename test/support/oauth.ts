import { randomUUID } from 'node:crypto';

/** The test run's OAuth2 authorization server (scripts/oauth-server.mjs, started by test/global-setup.mjs). */
export const testOAuthUrl = () => String(process.env.TEST_OAUTH_URL);

export interface OAuthClient {
  id: string;
  secret: string;
  /** The mailbox its tokens open: a dovecot user of its own, so no other test's worker reads its INBOX. */
  user: string;
  refreshToken: string;
  tokenUrl: string;
  /** How many access tokens the server has issued to it. */
  issued(): Promise<number>;
  /** Revokes every token issued to it: dovecot's introspection then calls them inactive. */
  revokeAll(): Promise<number>;
  /** An access token for its mailbox, fetched directly (the test's own IMAP sign-in). */
  accessToken(): Promise<string>;
}

/** Registers a client of its own with the OAuth2 server; `ttl` is its tokens' lifetime in seconds. */
export async function registerOAuthClient(opts: { ttl?: number } = {}): Promise<OAuthClient> {
  const tag = randomUUID().slice(0, 8);
  const base = testOAuthUrl();
  const client = { id: `ta-desk-${tag}`, secret: `secret-${randomUUID()}`, user: `ta-${tag}`, refreshToken: `refresh-${randomUUID()}` };
  const created = await fetch(`${base}/admin/clients`, {
    method: 'POST',
    body: JSON.stringify({ ...client, ttl: opts.ttl ?? 3600 }),
  });
  if (created.status !== 201) throw new Error(`could not register an OAuth2 client: ${created.status}`);
  return {
    ...client,
    tokenUrl: `${base}/token`,
    issued: async () => ((await (await fetch(`${base}/admin/clients/${client.id}`)).json()) as { issued: number }).issued,
    revokeAll: async () =>
      ((await (await fetch(`${base}/admin/clients/${client.id}/revoke`, { method: 'POST' })).json()) as { revoked: number }).revoked,
    accessToken: async () => {
      const answer = await fetch(`${base}/token`, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: client.id, client_secret: client.secret }),
      });
      return ((await answer.json()) as { access_token: string }).access_token;
    },
  };
}

/** Whether the server calls this token active (what dovecot asks before it lets the token sign in). */
export async function introspect(token: string): Promise<Record<string, unknown>> {
  const answer = await fetch(`${testOAuthUrl()}/introspect`, { method: 'POST', body: new URLSearchParams({ token }) });
  return (await answer.json()) as Record<string, unknown>;
}
