import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { API_NODE_FLAGS } from '../../apps/api/src/node-flags.js';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface RunningProcess {
  child: ChildProcess;
  output: () => string;
  /** The exit code, or the signal's name when a signal ended it (Nest re-raises SIGTERM after a clean shutdown). */
  exited: Promise<number | string | null>;
  stop: (signal?: NodeJS.Signals) => Promise<number | string | null>;
}

/** Runs a built entry point (dist/…) as its own process with the test services' environment plus overrides. */
export function startProcess(
  script: string,
  env: Record<string, string> = {},
  args: string[] = [],
  nodeFlags: readonly string[] = [],
): RunningProcess {
  const child = spawn(process.execPath, [...nodeFlags, script, ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  return {
    child,
    output: () => output,
    exited,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

export interface RunningApi extends RunningProcess {
  url: string;
}

/** Starts the built API on a free port and waits until /health answers 200. */
export async function startApi(env: Record<string, string> = {}): Promise<RunningApi> {
  const port = await freePort();
  const api = startProcess(`${repoRoot}dist/apps/api/src/main.js`, { PORT: String(port), ...env }, [], API_NODE_FLAGS);
  const url = `http://127.0.0.1:${port}`;
  // Generous: a loaded 2-core machine starting two APIs at once has taken 26 s; a healthy start takes 2–8 s.
  const deadline = Date.now() + 60000;
  for (;;) {
    const ok = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { ...api, url };
    if (api.child.exitCode !== null || Date.now() > deadline) {
      await api.stop('SIGKILL');
      throw new Error(`API did not start:\n${api.output()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
