import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { reportRedisErrors } from '@ta/queue';
import { HeartbeatProcessor } from './heartbeat.processor.js';
import { InboundProcessor } from './inbound.processor.js';
import { MailProcessor } from './mail.processor.js';
import { SweepsProcessor } from './sweeps.processor.js';

/** Every BullMQ worker's errors as single log lines (a lost Redis connection: one warning until it is back). */
@Injectable()
export class WorkerErrorReporter implements OnApplicationBootstrap {
  private readonly logger = new Logger('Redis');

  constructor(
    private readonly heartbeat: HeartbeatProcessor,
    private readonly mail: MailProcessor,
    private readonly sweeps: SweepsProcessor,
    private readonly inbound: InboundProcessor,
  ) {}

  onApplicationBootstrap(): void {
    for (const host of [this.heartbeat, this.mail, this.sweeps, this.inbound]) {
      reportRedisErrors(`worker ${host.worker.name}`, host.worker, host.worker.getBackend(), this.logger);
    }
  }
}
