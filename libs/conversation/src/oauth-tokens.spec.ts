import { introspect, registerOAuthClient } from '../../../test/support/oauth.js';
import { freePort } from '../../../test/support/processes.js';
import { OAuthTokenError, OAuthTokens } from './oauth-tokens.js';

// Against the test run's OAuth2 server (scripts/oauth-server.mjs), the clock the provider reads set by the test.
describe('OAuth2 access tokens from the token endpoint (OAuthTokens against the real OAuth2 server)', () => {
  it('fetches with the client-credentials grant, keeps the token until a minute before it expires, and drops a refused one', async () => {
    const client = await registerOAuthClient({ ttl: 3600 });
    let now = Date.parse('2026-03-02T09:00:00Z');
    const tokens = new OAuthTokens(
      {
        tokenUrl: client.tokenUrl,
        clientId: client.id,
        clientSecret: client.secret,
        scope: 'https://outlook.office365.com/.default',
        refreshToken: '',
      },
      () => now,
    );
    const first = await tokens.token();
    expect(await introspect(first)).toMatchObject({ active: true, username: client.user, scope: 'https://outlook.office365.com/.default' });
    now += 3539_000;
    expect(await tokens.token()).toBe(first);
    expect(await client.issued()).toBe(1);
    now += 2_000; // 59 s left: renewed
    const second = await tokens.token();
    expect(second).not.toBe(first);
    expect(await client.issued()).toBe(2);
    tokens.refused(first); // an older token refused: the current one stays
    expect(await tokens.token()).toBe(second);
    tokens.refused(second);
    expect(await tokens.token()).not.toBe(second);
    expect(await client.issued()).toBe(3);
  });

  it('renews a short-lived token at half its life', async () => {
    const client = await registerOAuthClient({ ttl: 30 });
    let now = 0;
    const tokens = new OAuthTokens(
      { tokenUrl: client.tokenUrl, clientId: client.id, clientSecret: client.secret, scope: '', refreshToken: '' },
      () => now,
    );
    const first = await tokens.token();
    now = 14_000;
    expect(await tokens.token()).toBe(first);
    now = 15_000;
    expect(await tokens.token()).not.toBe(first);
  });

  it('uses the refresh-token grant when given a refresh token, and says what to fix without repeating a secret', async () => {
    const client = await registerOAuthClient();
    const settings = { tokenUrl: client.tokenUrl, clientId: client.id, clientSecret: client.secret, scope: 'https://mail.google.com/' };
    const token = await new OAuthTokens({ ...settings, refreshToken: client.refreshToken }).token();
    expect(await introspect(token)).toMatchObject({ active: true, username: client.user });

    const refused = new OAuthTokens({ ...settings, refreshToken: 'revoked-refresh-token' }).token();
    await expect(refused).rejects.toThrow(OAuthTokenError);
    await expect(refused).rejects.toThrow(/refused: invalid_grant .*IMAP_OAUTH_REFRESH_TOKEN was revoked or has expired/);

    const wrongSecret = new OAuthTokens({ ...settings, clientSecret: 'wrong-secret-123', refreshToken: client.refreshToken }).token();
    await expect(wrongSecret).rejects.toThrow(/refused: invalid_client .*check IMAP_OAUTH_CLIENT_ID and IMAP_OAUTH_CLIENT_SECRET/);
    const message = await wrongSecret.catch((error: Error) => error.message);
    expect(message).not.toContain('wrong-secret-123');
    expect(message).not.toContain(client.refreshToken);

    const closed = `http://127.0.0.1:${await freePort()}/token`;
    await expect(new OAuthTokens({ ...settings, tokenUrl: closed, refreshToken: '' }).token()).rejects.toThrow(
      /could not reach the OAuth2 token endpoint \(IMAP_OAUTH_TOKEN_URL http:\/\/127\.0\.0\.1:\d+\): ECONNREFUSED/,
    );
  });
});
