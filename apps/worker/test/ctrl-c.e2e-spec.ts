// `npm run up` stopped the way a terminal's Ctrl-C does it: SIGINT to its whole process group (use-node.mjs, up.mjs
// and anything else in it). Real services, provisioned by up.mjs itself on free ports in a temp data dir.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, repoRoot } from '../../../test/support/processes.js';

const STOP_BOUND_MS = 15_000;

interface Up {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | string | null>;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Pids whose process group is `pgid` (Linux /proc). */
function groupMembers(pgid: number): number[] {
  const members: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // state ppid pgrp …
      if (Number(fields[2]) === pgid && fields[0] !== 'Z') members.push(Number(entry));
    } catch {
      /* gone meanwhile */
    }
  }
  return members;
}

describe('npm run up and Ctrl-C (SIGINT to the process group)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tadesk-up-'));
  chmodSync(dataDir, 0o755); // the postgres user must reach its data dir inside
  const pidsDir = join(dataDir, 'pids');
  let env: NodeJS.ProcessEnv;
  let apiPort = 0;
  const runs: Up[] = [];

  const recordedPids = (): Record<string, number> =>
    Object.fromEntries(
      (existsSync(pidsDir) ? readdirSync(pidsDir) : [])
        .filter((f) => f.endsWith('.pid'))
        .map((f) => [f.replace(/\.pid$/, ''), Number(readFileSync(join(pidsDir, f), 'utf8').trim())]),
    );

  function killEverything(): void {
    for (const run of runs) {
      try {
        if (run.child.pid) process.kill(-run.child.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
    for (const pid of Object.values(recordedPids())) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  }

  beforeAll(async () => {
    apiPort = await freePort();
    // As on a fresh machine: no service URLs, so up.mjs provisions its own.
    const { DATABASE_URL, REDIS_URL, SMTP_URL, SESSION_SECRET, MAIL_SINK_URL, ...rest } = process.env;
    void [DATABASE_URL, REDIS_URL, SMTP_URL, SESSION_SECRET, MAIL_SINK_URL];
    env = { ...rest };
    Object.assign(env, {
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      PORT: String(apiPort),
      TA_UP_DATA_DIR: dataDir,
      TA_UP_POSTGRES_PORT: String(await freePort()),
      TA_UP_REDIS_PORT: String(await freePort()),
      TA_UP_SMTP_PORT: String(await freePort()),
      TA_UP_MAIL_WEB_PORT: String(await freePort()),
      TA_UP_SKIP_BUILD: '1', // npm test built dist/ already
    });
  });

  afterAll(() => {
    killEverything();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function up(): Promise<Up> {
    // detached: a process group of its own, as a terminal gives a foreground job.
    const child = spawn(process.execPath, ['scripts/use-node.mjs', 'node', 'scripts/up.mjs'], {
      cwd: repoRoot,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
    const run = { child, output: () => output, exited };
    runs.push(run);
    const deadline = Date.now() + 150_000;
    for (;;) {
      if (output.includes('TA Desk is up')) {
        const ok = await fetch(`http://127.0.0.1:${apiPort}/health`).then(
          (r) => r.ok,
          () => false,
        );
        if (ok) return run;
      }
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`npm run up did not come up:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** Ctrl-C: SIGINT to the whole group; returns how long until the command exited. */
  async function ctrlC(run: Up): Promise<{ ms: number; code: number | string | null; pids: Record<string, number> }> {
    const pids = recordedPids();
    expect(Object.keys(pids).sort()).toEqual(['api', 'dovecot', 'postgres', 'redis', 'smtp-sink', 'worker']);
    const pgid = run.child.pid!;
    const t0 = Date.now();
    process.kill(-pgid, 'SIGINT');
    const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), STOP_BOUND_MS + 5000).unref());
    const code = await Promise.race([run.exited, timeout]);
    const ms = Date.now() - t0;
    if (code === 'timeout') throw new Error(`npm run up still running ${STOP_BOUND_MS + 5000} ms after SIGINT:\n${run.output()}`);
    return { ms, code, pids };
  }

  function expectAllGone(run: Up, pids: Record<string, number>): void {
    expect(groupMembers(run.child.pid!)).toEqual([]);
    for (const [name, pid] of Object.entries(pids)) expect({ name, alive: isAlive(pid) }).toEqual({ name, alive: false });
    expect(recordedPids()).toEqual({});
  }

  it('stops the API, the worker and every service within 15 s, and starts clean again', async () => {
    const first = await up();
    const stop1 = await ctrlC(first);
    expect(stop1.code).toBe(0);
    expect(stop1.ms).toBeLessThan(STOP_BOUND_MS);
    expectAllGone(first, stop1.pids);
    expect(first.output()).toMatch(/stopped in \d+\.\d s/);

    const second = await up();
    const stop2 = await ctrlC(second);
    expect(stop2.code).toBe(0);
    expect(stop2.ms).toBeLessThan(STOP_BOUND_MS);
    expectAllGone(second, stop2.pids);
    console.log(`Ctrl-C to exit: ${stop1.ms} ms, then ${stop2.ms} ms`);
  }, 360_000);

  it('stops within 15 s when Redis died first, with one line per lost connection', async () => {
    const run = await up();
    const redis = recordedPids().redis;
    if (!redis) throw new Error('no redis.pid');
    process.kill(redis, 'SIGKILL');
    // Let the API and the worker notice, and retry a while, as they would before someone presses Ctrl-C.
    await new Promise((r) => setTimeout(r, 3000));
    const stop = await ctrlC(run);
    expect(stop.ms).toBeLessThan(STOP_BOUND_MS);
    expectAllGone(run, stop.pids);
    const output = run.output();
    expect(output).not.toContain('Unhandled error event');
    // One line per lost connection, never a line per reconnect attempt. API: 4 queues (sweeps, mail, maintenance,
    // inbound) + the shared client; worker: the same 4 queues + their 4 workers.
    expect(output.split('\n').filter((line) => line.includes('ECONNREFUSED')).length).toBeLessThanOrEqual(13);
    console.log(`Redis killed, then Ctrl-C to exit: ${stop.ms} ms`);
  }, 240_000);
});
