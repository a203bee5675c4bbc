import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import net from 'node:net';
import { freePort, repoRoot, startProcess, type RunningProcess } from './processes.js';

export interface SinkMessage {
  id: string;
  envelopeTo: string[];
  messageId: string | null;
  from: string | null;
  replyTo: string | null;
  to: string | null;
  inReplyTo: string | null;
  references: string[];
  attachments: Array<{ filename: string | null; contentType: string; size: number }>;
  subject: string;
  text: string;
  html: string;
}

/** Messages the sink at `webUrl` (default: the test run's shared sink) received for one recipient. */
export async function messagesFor(recipient: string, webUrl = String(process.env.MAIL_SINK_URL)): Promise<SinkMessage[]> {
  const all = (await (await fetch(`${webUrl}/messages`)).json()) as SinkMessage[];
  return all.filter((m) => m.envelopeTo.includes(recipient));
}

/** Polls until `check` passes or the time runs out; returns its last value. */
export async function eventually<T>(probe: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 20000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (check(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** A private SMTP sink a test can stop and start on fixed ports, to play an outage. */
export async function privateSink(smtpPort?: number, httpPort?: number) {
  const ports = { smtp: smtpPort ?? (await freePort()), http: httpPort ?? (await freePort()) };
  const dir = mkdtempSync(join(tmpdir(), 'tadesk-sink-'));
  let proc: RunningProcess | undefined;
  const start = async () => {
    proc = startProcess(`${repoRoot}scripts/smtp-sink.mjs`, {}, [
      '--smtp-port',
      String(ports.smtp),
      '--http-port',
      String(ports.http),
      '--dir',
      dir,
    ]);
    await eventually(
      () => canConnect(ports.smtp),
      (ok) => ok,
      10000,
    );
  };
  return {
    smtpUrl: `smtp://127.0.0.1:${ports.smtp}`,
    webUrl: `http://127.0.0.1:${ports.http}`,
    start,
    stop: async () => {
      await proc?.stop();
    },
  };
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
