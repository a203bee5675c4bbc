/** Every queue, and every job on it with its payload. Payloads carry ids and instants, never rows. */
export enum QueueName {
  Maintenance = 'maintenance',
  Mail = 'mail',
}

export enum JobName {
  Heartbeat = 'heartbeat',
  DeliverEmail = 'deliver-email',
  OutboxSweep = 'outbox-sweep',
}

export interface JobPayloads {
  [JobName.Heartbeat]: { requestedAt: string };
  [JobName.DeliverEmail]: { emailId: string };
  [JobName.OutboxSweep]: Record<string, never>;
}

export interface HeartbeatResult {
  processedAt: string;
  requestedAt: string;
  pid: number;
}
