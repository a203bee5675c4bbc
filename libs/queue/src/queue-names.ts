/** Every queue, and every job on it with its payload. Payloads carry ids and instants, never rows. */
export enum QueueName {
  Maintenance = 'maintenance',
  Mail = 'mail',
  Sweeps = 'sweeps',
  Inbound = 'inbound',
}

export enum JobName {
  Heartbeat = 'heartbeat',
  DeliverEmail = 'deliver-email',
  OutboxSweep = 'outbox-sweep',
  EscalationSweep = 'escalation-sweep',
  MailboxPoll = 'mailbox-poll',
}

export interface JobPayloads {
  [JobName.Heartbeat]: { requestedAt: string };
  [JobName.DeliverEmail]: { emailId: string };
  [JobName.OutboxSweep]: Record<string, never>;
  /** `at` (ISO instant) runs the sweep as of that moment instead of the clock's now. */
  [JobName.EscalationSweep]: { at?: string };
  [JobName.MailboxPoll]: Record<string, never>;
}

export interface HeartbeatResult {
  processedAt: string;
  requestedAt: string;
  pid: number;
}
