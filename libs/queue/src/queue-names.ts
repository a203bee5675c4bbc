/** Every queue, and every job on it with its payload. Payloads carry ids and instants, never rows. */
export enum QueueName {
  Maintenance = 'maintenance',
}

export enum JobName {
  Heartbeat = 'heartbeat',
}

export interface JobPayloads {
  [JobName.Heartbeat]: { requestedAt: string };
}

export interface HeartbeatResult {
  processedAt: string;
  requestedAt: string;
  pid: number;
}
