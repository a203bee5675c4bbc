import { ConfigError, loadConfig } from './app-config.js';

const valid = {
  DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db',
  REDIS_URL: 'redis://127.0.0.1:6379',
  SMTP_URL: 'smtp://127.0.0.1:1025',
  SESSION_SECRET: 'x'.repeat(32),
};

describe('loadConfig', () => {
  it('applies defaults and converts numbers', () => {
    const config = loadConfig({ ...valid, PORT: '4000' });
    expect(config.PORT).toBe(4000);
    expect(config.STALL_AT_RISK_DAYS).toBe(14);
    expect(config.STALL_ESCALATE_DAYS).toBe(21);
    expect(config.FIRST_RESPONSE_BUSINESS_DAYS).toBe(2);
  });

  it('names a missing variable in one line', () => {
    const { DATABASE_URL: _omitted, ...rest } = valid;
    expect(() => loadConfig(rest)).toThrow(ConfigError);
    expect(() => loadConfig(rest)).toThrow(/^Invalid configuration: DATABASE_URL: .*\(missing\)$/);
  });

  it('names a malformed variable and the value it got', () => {
    expect(() => loadConfig({ ...valid, REDIS_URL: 'http://nope' })).toThrow(/REDIS_URL: .*\(got "http:\/\/nope"\)/);
    expect(() => loadConfig({ ...valid, PORT: 'eighty' })).toThrow(/PORT: /);
    expect(() => loadConfig({ ...valid, SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET must be at least 32 characters/);
  });

  describe('IMAP_AUTH=oauth2', () => {
    const oauth = {
      ...valid,
      IMAP_URL: 'imaps://ta%40center.org@outlook.office365.com:993',
      IMAP_AUTH: 'oauth2',
      IMAP_OAUTH_TOKEN_URL: 'https://login.microsoftonline.com/tenant/oauth2/v2.0/token',
      IMAP_OAUTH_CLIENT_ID: 'app-id',
      IMAP_OAUTH_CLIENT_SECRET: 'app-secret-value',
      IMAP_OAUTH_SCOPE: 'https://outlook.office365.com/.default',
    };

    it('takes the settings, with password sign-in the default', () => {
      expect(loadConfig(valid).IMAP_AUTH).toBe('password');
      expect(loadConfig(oauth)).toMatchObject({ IMAP_AUTH: 'oauth2', IMAP_OAUTH_CLIENT_ID: 'app-id', IMAP_OAUTH_REFRESH_TOKEN: '' });
    });

    it('names what is missing or does not fit, never a secret', () => {
      const { IMAP_OAUTH_CLIENT_ID: _id, ...noId } = oauth;
      expect(() => loadConfig(noId)).toThrow(/IMAP_OAUTH_CLIENT_ID: is required when IMAP_AUTH=oauth2 \(missing\)/);
      const { IMAP_OAUTH_TOKEN_URL: _url, IMAP_OAUTH_CLIENT_SECRET: _secret, ...neither } = oauth;
      expect(() => loadConfig(neither)).toThrow(/IMAP_OAUTH_TOKEN_URL: .*\(missing\).*IMAP_OAUTH_CLIENT_SECRET: is required/);
      const { IMAP_URL: _imap, ...noMailbox } = oauth;
      expect(() => loadConfig(noMailbox)).toThrow(/IMAP_URL: is required when IMAP_AUTH=oauth2/);
      expect(() => loadConfig({ ...oauth, IMAP_URL: 'imaps://outlook.office365.com:993' })).toThrow(/IMAP_URL: must name the mailbox user/);
      expect(() => loadConfig({ ...oauth, IMAP_URL: 'imaps://ta:pw@outlook.office365.com:993' })).toThrow(
        /IMAP_URL: must carry no password/,
      );
      expect(() => loadConfig({ ...oauth, IMAP_OAUTH_TOKEN_URL: 'http://login.example.com/token' })).toThrow(
        /IMAP_OAUTH_TOKEN_URL: must be https/,
      );
      expect(loadConfig({ ...oauth, IMAP_OAUTH_TOKEN_URL: 'http://127.0.0.1:8080/token' }).IMAP_OAUTH_TOKEN_URL).toBe(
        'http://127.0.0.1:8080/token',
      );
      expect(() => loadConfig({ ...oauth, IMAP_AUTH: 'kerberos' })).toThrow(/IMAP_AUTH: /);
    });

    it('refuses IMAP_OAUTH_ settings while IMAP_AUTH is password (a forgotten IMAP_AUTH=oauth2)', () => {
      const { IMAP_AUTH: _auth, ...forgotten } = oauth;
      expect(() => loadConfig(forgotten)).toThrow(/IMAP_OAUTH_TOKEN_URL, .*: set, but IMAP_AUTH is password/);
    });
  });

  it('does not repeat a secret it refuses', () => {
    let message = '';
    try {
      loadConfig({ ...valid, SESSION_SECRET: 'short-but-secret' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/SESSION_SECRET: .*\(value hidden\)/);
    expect(message).not.toContain('short-but-secret');
  });
  it('refuses an escalation threshold below the at-risk one', () => {
    expect(() => loadConfig({ ...valid, STALL_AT_RISK_DAYS: '20', STALL_ESCALATE_DAYS: '10' })).toThrow(/STALL_ESCALATE_DAYS/);
  });
});
