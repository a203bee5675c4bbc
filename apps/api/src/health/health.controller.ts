import { getQueueToken } from '@nestjs/bullmq';
import { Controller, Get, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { QueueName, REDIS_CLIENT } from '@ta/queue';
import type { Queue } from 'bullmq';
import { Public } from '@ta/users';
import type { FastifyReply } from 'fastify';
import type { Redis } from 'ioredis';

/** Public: load balancers and `npm run up` poll it. 200 when Postgres and Redis answer, 503 otherwise. */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly moduleRef: ModuleRef,
  ) {}

  @Get()
  @HealthCheck()
  async check(@Res({ passthrough: true }) reply: FastifyReply) {
    try {
      return await this.health.check([
        () => this.database.pingCheck('database', { timeout: 1500 }),
        () => this.pingRedis(),
        () => this.queueMetrics(),
      ]);
    } catch (error) {
      // Terminus throws a 503 whose body is the per-dependency report: keep that report as the answer.
      if (error instanceof ServiceUnavailableException) {
        void reply.status(503);
        return error.getResponse();
      }
      throw error;
    }
  }

  /** Job counts per queue (waiting, active, delayed, failed, completed): a growing backlog or failures show here. */
  private async queueMetrics() {
    const indicator = this.indicators.check('queues');
    try {
      // BullMQ waits for Redis indefinitely; health must answer, so it gives up after 1.5 s.
      const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('queue metrics timed out')), 1500).unref());
      const counts = Promise.all(
        Object.values(QueueName).map(async (name) => {
          const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
          return [name, await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed')] as const;
        }),
      );
      return indicator.up(Object.fromEntries(await Promise.race([counts, timeout])));
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }

  private async pingRedis() {
    const indicator = this.indicators.check('redis');
    try {
      await this.redis.ping();
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
