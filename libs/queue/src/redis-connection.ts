import type { RedisOptions } from 'bullmq';

let stopping = false;

/**
 * From now on every Redis connection of this process gives up instead of reconnecting: called when a shutdown
 * starts, so closing BullMQ workers and queues with Redis gone fails their commands at once instead of retrying forever.
 */
export function stopRedisReconnects(): void {
  stopping = true;
}

/**
 * ioredis retryStrategy: reconnect after 0.5, 1, 2, 2, … s while running (a Redis restart is waited out), never
 * once stopping. The 2 s cap also bounds how long a connection already waiting to reconnect takes to notice.
 */
export function redisRetryStrategy(times: number): number | null {
  return stopping ? null : Math.min(250 * 2 ** Math.min(times, 3), 2000);
}

/** ioredis options from REDIS_URL; BullMQ workers need maxRetriesPerRequest: null to wait out a Redis restart. */
export function redisConnectionOptions(redisUrl: string): RedisOptions {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username || undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
    retryStrategy: redisRetryStrategy,
  };
}
