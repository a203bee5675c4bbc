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

  it('refuses an escalation threshold below the at-risk one', () => {
    expect(() => loadConfig({ ...valid, STALL_AT_RISK_DAYS: '20', STALL_ESCALATE_DAYS: '10' })).toThrow(/STALL_ESCALATE_DAYS/);
  });
});
