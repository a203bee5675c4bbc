import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { QueueName } from './queue-names.js';
import { reportRedisErrors } from './redis-errors.js';

/** Every registered queue's Redis errors as single log lines (a lost connection: one warning until it is back). */
@Injectable()
export class QueueErrorReporter implements OnModuleInit {
  private readonly logger = new Logger('Redis');

  constructor(private readonly moduleRef: ModuleRef) {}

  onModuleInit(): void {
    for (const name of Object.values(QueueName)) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      reportRedisErrors(`queue ${name}`, queue, queue.getBackend(), this.logger);
    }
  }
}
