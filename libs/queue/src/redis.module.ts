import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@ta/config';
import { Redis } from 'ioredis';
import { redisRetryStrategy } from './redis-connection.js';
import { reportRedisErrors } from './redis-errors.js';

export const REDIS_CLIENT = Symbol('REDIS_CLIENT');

/** One shared ioredis client for rate limits, health checks and caches (BullMQ keeps its own connections). */
@Global()
@Module({
  providers: [
    {
      provide: REDIS_CLIENT,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        const client = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2, retryStrategy: redisRetryStrategy });
        reportRedisErrors('shared client', client, client, new Logger('Redis'));
        return client;
      },
    },
  ],
  exports: [REDIS_CLIENT],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    // quit() waits for Redis; with Redis gone it would wait for a reconnect that never comes.
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => this.redis.disconnect());
    else this.redis.disconnect();
  }
}
