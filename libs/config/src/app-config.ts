import 'reflect-metadata';
import { plainToInstance, Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  IsUrl,
  Max,
  Min,
  MinLength,
  Validate,
  ValidateIf,
  ValidatorConstraint,
  validateSync,
  type ValidatorConstraintInterface,
} from 'class-validator';

const trimmed = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** An IANA time zone this Node knows (Intl refuses any other), e.g. America/New_York. */
@ValidatorConstraint({ name: 'isTimeZone' })
class IsTimeZone implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string' || !/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/.test(value)) return false;
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: value });
      return true;
    } catch {
      return false;
    }
  }
  defaultMessage(): string {
    return 'must be an IANA time zone such as America/New_York';
  }
}

const oauth2 = (config: AppConfig) => config.IMAP_AUTH === 'oauth2';

/** Settings whose values an error message must not repeat. */
const SECRETS = new Set(['SESSION_SECRET', 'IMAP_OAUTH_CLIENT_SECRET', 'IMAP_OAUTH_REFRESH_TOKEN']);

/**
 * Every setting TA Desk reads, typed and validated once at boot.
 * Environment variable names match the property names.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @trimmed()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  APP_URL = 'http://localhost:3000';

  /**
   * Behind a load balancer or reverse proxy, which X-Forwarded-For hops to believe, so throttles see the client's
   * address: empty (trust none, the default), `true` (any), or comma-separated addresses/CIDRs of the proxies.
   */
  @trimmed()
  @IsString()
  TRUST_PROXY = '';

  @trimmed()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['postgres', 'postgresql'] })
  DATABASE_URL!: string;

  @trimmed()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['redis', 'rediss'] })
  REDIS_URL!: string;

  @trimmed()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['smtp', 'smtps'] })
  SMTP_URL!: string;

  @IsString()
  @IsNotEmpty()
  MAIL_FROM = 'TA Desk <no-reply@tadesk.local>';

  /** Peppers the hashes of session tokens, so a leaked sessions table cannot be replayed. */
  @IsString()
  @MinLength(32, { message: 'SESSION_SECRET must be at least 32 characters' })
  SESSION_SECRET!: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  SESSION_TTL_HOURS = 12;

  /**
   * Failed sign-ins for one account from one address before each further try waits (2 s, doubling, up to the
   * window). Only failures count, and a success from that address starts again.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_THROTTLE_LIMIT = 5;

  /** Failed sign-ins for one account from all addresses together in a window before it waits out the window (its owner is emailed). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_ACCOUNT_CEILING = 50;

  /** Failed sign-ins from one client IP, whatever the account, per window (an office shares one address). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_THROTTLE_IP_LIMIT = 100;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_THROTTLE_WINDOW_SECONDS = 900;

  /** Public request-form submissions allowed per client IP per hour. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  INTAKE_RATE_LIMIT_PER_HOUR = 5;

  /** Business days (weekends and NY State holidays skipped) a web-form request may wait for a first response. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(30)
  FIRST_RESPONSE_BUSINESS_DAYS = 2;

  /**
   * The center's time zone (IANA name): the days people see and count — business days, report periods, the case list's
   * date filters, reminders "due today" — are its days (ARCHITECTURE §Contracts). The SQL reads it as center_time_zone().
   */
  @trimmed()
  @IsString()
  @Validate(IsTimeZone)
  CENTER_TIME_ZONE = 'America/New_York';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  STALL_AT_RISK_DAYS = 14;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  STALL_ESCALATE_DAYS = 21;

  /** Days after an organization's latest closed readiness round before the worker reminds its consultant to reassess. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3650)
  REASSESS_AFTER_DAYS = 180;

  /** Days after a case resolves before the worker emails its contact the closure (satisfaction) survey. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(365)
  SURVEY_DELAY_DAYS = 7;

  /** Days after a case resolves before the worker emails its contact the outcome check ("what changed"). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3650)
  OUTCOME_CHECK_DAYS = 90;

  /** How often the worker's timer sweeps run. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1440)
  SWEEP_EVERY_MINUTES = 5;

  @Type(() => Number)
  @IsInt()
  @Min(1000)
  HEARTBEAT_EVERY_MS = 60000;

  /** How often the worker re-queues outbox emails still pending (e.g. their delivery job was lost with Redis). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  OUTBOX_SWEEP_EVERY_SECONDS = 60;

  /** A pending email untouched this long is re-queued by the outbox sweep. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  OUTBOX_REQUEUE_AFTER_SECONDS = 60;

  /** How often the worker re-asserts its repeatable job schedules (Redis may have lost them). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  SCHEDULE_REFRESH_SECONDS = 60;

  /** Tests and the bench: count each request's SQL statements and answer with an `x-sql-statements` header. */
  @Transform(({ value }: { value: unknown }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  COUNT_SQL_STATEMENTS = false;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = 'info';

  /**
   * Where attachments' bytes are kept (the local-disk store, docs/ARCHITECTURE.md "Attachments"); relative to the
   * working directory unless absolute. Uploads are also staged here (in `.incoming/`) while they are checked.
   */
  @trimmed()
  @IsString()
  @IsNotEmpty()
  STORAGE_DIR = '.data/files';

  /** The largest file one upload or inbound email attachment may be, in MB (an upload beyond it is a 413). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1024)
  ATTACHMENT_MAX_MB = 25;

  /**
   * The center's conversation mailbox (e.g. ta@center.org). Emails written from a case reply to it plus-addressed with
   * the case's token (ta+k3x9…@center.org), so a reply finds its case by address. Empty: replies go to the center's
   * reply-to setting and thread by In-Reply-To or the reference in the subject.
   */
  @trimmed()
  @ValidateIf((config: AppConfig) => config.REPLY_ADDRESS !== '')
  @IsEmail({}, { message: 'REPLY_ADDRESS must be an email address' })
  REPLY_ADDRESS = '';

  /** The mailbox the worker reads replies from: imap://user:password@host:port or imaps://…; empty: no inbound mail. */
  @trimmed()
  @ValidateIf((config: AppConfig) => config.IMAP_URL !== '')
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['imap', 'imaps'] })
  IMAP_URL = '';

  /** How often the worker reads the mailbox. */
  @Type(() => Number)
  @IsInt()
  @Min(5)
  @Max(3600)
  IMAP_POLL_SECONDS = 60;

  /** Where read mail is moved (created when missing); "/" separates folder levels. */
  @trimmed()
  @IsString()
  @IsNotEmpty()
  IMAP_PROCESSED_FOLDER = 'TA Desk/Processed';

  /**
   * How the worker signs in to IMAP_URL: `password` (the one in the URL) or `oauth2`, an access token from
   * IMAP_OAUTH_TOKEN_URL (XOAUTH2/OAUTHBEARER; Microsoft 365 and Google Workspace). With oauth2 the URL names the
   * mailbox user and no password.
   */
  @IsIn(['password', 'oauth2'])
  IMAP_AUTH: 'password' | 'oauth2' = 'password';

  /** The OAuth2 token endpoint, e.g. https://login.microsoftonline.com/<tenant id>/oauth2/v2.0/token. */
  @trimmed()
  @ValidateIf(oauth2)
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'must be the URL of the OAuth2 token endpoint when IMAP_AUTH=oauth2' },
  )
  IMAP_OAUTH_TOKEN_URL = '';

  @trimmed()
  @ValidateIf(oauth2)
  @IsNotEmpty({ message: 'is required when IMAP_AUTH=oauth2' })
  IMAP_OAUTH_CLIENT_ID = '';

  @ValidateIf(oauth2)
  @IsNotEmpty({ message: 'is required when IMAP_AUTH=oauth2' })
  IMAP_OAUTH_CLIENT_SECRET = '';

  /** Space-separated; Microsoft 365: https://outlook.office365.com/.default. Empty: the request names none. */
  @trimmed()
  @IsString()
  IMAP_OAUTH_SCOPE = '';

  /** Set: the refresh-token grant (Google); empty: the client-credentials grant (Microsoft 365 app-only access). */
  @trimmed()
  @IsString()
  IMAP_OAUTH_REFRESH_TOKEN = '';

  /** Directory of the built web app the API serves; empty disables static serving. */
  @IsString()
  WEB_DIST_DIR = '';
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the environment; throws a ConfigError whose message is one line naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const config = plainToInstance(AppConfig, defined, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    const problems = errors.map((error) => {
      const raw = defined[error.property];
      const shown = raw === undefined ? 'missing' : SECRETS.has(error.property) ? 'value hidden' : `got ${JSON.stringify(raw)}`;
      const why = Object.values(error.constraints ?? {})[0] ?? 'is invalid';
      return `${error.property}: ${why} (${shown})`;
    });
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  if (config.STALL_ESCALATE_DAYS <= config.STALL_AT_RISK_DAYS) {
    throw new ConfigError(
      `Invalid configuration: STALL_ESCALATE_DAYS: must be greater than STALL_AT_RISK_DAYS (${config.STALL_AT_RISK_DAYS}) (got "${config.STALL_ESCALATE_DAYS}")`,
    );
  }
  const imapProblems = imapAuthProblems(config, defined);
  if (imapProblems.length > 0) throw new ConfigError(`Invalid configuration: ${imapProblems.join('; ')}`);
  return config;
}

/** IMAP_AUTH with what goes with it: oauth2 needs a mailbox user and no password; password takes no IMAP_OAUTH_*. */
function imapAuthProblems(config: AppConfig, defined: Record<string, unknown>): string[] {
  if (config.IMAP_AUTH === 'password') {
    const stray = Object.keys(defined).filter((name) => name.startsWith('IMAP_OAUTH_'));
    return stray.length > 0 ? [`${stray.join(', ')}: set, but IMAP_AUTH is password (set IMAP_AUTH=oauth2 to sign in with OAuth2)`] : [];
  }
  if (config.IMAP_URL === '') return ['IMAP_URL: is required when IMAP_AUTH=oauth2 (missing)'];
  const problems: string[] = [];
  const url = new URL(config.IMAP_URL);
  if (url.username === '')
    problems.push('IMAP_URL: must name the mailbox user when IMAP_AUTH=oauth2, e.g. imaps://ta%40center.org@host:993');
  if (url.password !== '') problems.push('IMAP_URL: must carry no password when IMAP_AUTH=oauth2 (the access token signs in)');
  // The client secret and refresh token travel in the request body: only over TLS, except to this machine (tests).
  const tokenUrl = new URL(config.IMAP_OAUTH_TOKEN_URL);
  if (tokenUrl.protocol !== 'https:' && !['localhost', '127.0.0.1', '[::1]'].includes(tokenUrl.hostname)) {
    problems.push(`IMAP_OAUTH_TOKEN_URL: must be https (got "${config.IMAP_OAUTH_TOKEN_URL}")`);
  }
  return problems;
}

/** TRUST_PROXY in the shape Fastify's `trustProxy` option takes. */
export function trustProxySetting(value: string): boolean | string[] {
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  return value.split(',').map((part) => part.trim());
}
