/** Every queue, and every job on it with its payload. Payloads carry ids and instants, never rows. */
export enum QueueName {
  Maintenance = 'maintenance',
  Mail = 'mail',
  Sweeps = 'sweeps',
}

export enum JobName {
  Heartbeat = 'heartbeat',
  DeliverEmail = 'deliver-email',
  OutboxSweep = 'outbox-sweep',
  EscalationSweep = 'escalation-sweep',
}

export interface JobPayloads {
  [JobName.Heartbeat]: { requestedAt: string };
  [JobName.DeliverEmail]: { emailId: string };
  [JobName.OutboxSweep]: Record<string, never>;
  /** `at` (ISO instant) runs the sweep as of that moment instead of the clock's now. */
  [JobName.EscalationSweep]: { at?: string };
}

export interface HeartbeatResult {
  processedAt: string;
  requestedAt: string;
  pid: number;
}
