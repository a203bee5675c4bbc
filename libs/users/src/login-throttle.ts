import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '@ta/config';
import { REDIS_CLIENT } from '@ta/queue';
import type { Redis } from 'ioredis';

/**
 * Fair sign-in throttling, in Redis so it holds across API processes (README "Security"):
 * - only failures count; a success from an address clears that account+address's count and wait;
 * - per account+address, after LOGIN_THROTTLE_LIMIT failures each further try waits 2 s, then 4 s, 8 s… up to the
 *   window, so a stranger elsewhere cannot lock the owner out at the owner's own address;
 * - per account from all addresses, a much higher LOGIN_ACCOUNT_CEILING ends tries for the rest of the window
 *   (a distributed guess at one password), and the owner is told once;
 * - per address, LOGIN_THROTTLE_IP_LIMIT failures whatever the account (one address trying many accounts).
 */

/** Seconds a try must wait; 0 when it may go ahead. KEYS: pair lock, account count, address count. ARGV: ceiling, address limit. */
const WAIT = `
local wait = redis.call('PTTL', KEYS[1])
if wait < 0 then wait = 0 end
local account = tonumber(redis.call('GET', KEYS[2]) or '0')
if account >= tonumber(ARGV[1]) then wait = math.max(wait, redis.call('PTTL', KEYS[2])) end
local address = tonumber(redis.call('GET', KEYS[3]) or '0')
if address >= tonumber(ARGV[2]) then wait = math.max(wait, redis.call('PTTL', KEYS[3])) end
return wait
`;

/**
 * Counts a failure. KEYS: pair count, pair lock, account count, address count. ARGV: window ms, limit.
 * Returns the account's count across addresses, so the caller can tell the owner when it reaches the ceiling.
 */
const FAIL = `
local window = tonumber(ARGV[1])
local function bump(key)
  local n = redis.call('INCR', key)
  if n == 1 then redis.call('PEXPIRE', key, window) end
  return n
end
local pair = bump(KEYS[1])
local over = pair - tonumber(ARGV[2])
if over >= 0 then redis.call('SET', KEYS[2], '1', 'PX', math.min(window, 2000 * 2 ^ over)) end
bump(KEYS[4])
return bump(KEYS[3])
`;

export interface FailureCount {
  /** This failure made the account reach LOGIN_ACCOUNT_CEILING (true once per window). */
  reachedCeiling: boolean;
}

@Injectable()
export class LoginThrottle {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  /** Seconds this account must wait before trying from this address; 0 when it may try now. */
  async secondsToWait(email: string, ip: string): Promise<number> {
    const keys = this.keys(email, ip);
    const ms = (await this.redis.eval(
      WAIT,
      3,
      keys.pairLock,
      keys.account,
      keys.address,
      this.config.LOGIN_ACCOUNT_CEILING,
      this.config.LOGIN_THROTTLE_IP_LIMIT,
    )) as number;
    return Math.ceil(ms / 1000);
  }

  async failed(email: string, ip: string): Promise<FailureCount> {
    const keys = this.keys(email, ip);
    const accountFailures = (await this.redis.eval(
      FAIL,
      4,
      keys.pair,
      keys.pairLock,
      keys.account,
      keys.address,
      this.config.LOGIN_THROTTLE_WINDOW_SECONDS * 1000,
      this.config.LOGIN_THROTTLE_LIMIT,
    )) as number;
    return { reachedCeiling: accountFailures === this.config.LOGIN_ACCOUNT_CEILING };
  }

  async succeeded(email: string, ip: string): Promise<void> {
    const keys = this.keys(email, ip);
    await this.redis.del(keys.pair, keys.pairLock);
  }

  /** Emails are hashed into the keys: what people typed (or pasted) stays out of Redis and keys stay short. */
  private keys(email: string, ip: string) {
    const account = createHash('sha256').update(email.trim().toLowerCase()).digest('base64url').slice(0, 22);
    return {
      pair: `login:fail:${account}:${ip}`,
      pairLock: `login:wait:${account}:${ip}`,
      account: `login:fail:${account}`,
      address: `login:fail-ip:${ip}`,
    };
  }
}
