// Runs a command under Node 24 LTS, the version TA Desk supports. When the Node that started us is older
// (a fresh machine may still have Node 20), Node 24 comes from the npm registry's `node` package, pinned, into the
// git-ignored `.tools/` folder (once), and the command runs with it first on PATH, so `npm`, `node` and every
// child process use it. Plain Node with no dependencies and no newer syntax: it runs before `npm ci`, on old Node.
// Usage: node scripts/use-node.mjs <command> [args...]
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';

const SUPPORTED_MAJOR = 24;
const PINNED_NODE = '24.21.0';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node scripts/use-node.mjs <command> [args...]');
  process.exit(2);
}

function nodeBinDir() {
  if (Number(process.versions.node.split('.')[0]) >= SUPPORTED_MAJOR) return dirname(process.execPath);
  const prefix = join(root, '.tools', `node-${PINNED_NODE}`);
  const bin = join(prefix, 'node_modules', 'node', 'bin');
  if (!existsSync(join(bin, 'node'))) {
    console.log(
      `[ta-desk] Node ${process.version} is older than ${SUPPORTED_MAJOR} LTS: installing Node ${PINNED_NODE} from the npm registry into .tools/`,
    );
    execFileSync(
      'npm',
      [
        'install',
        '--prefix',
        prefix,
        '--no-save',
        '--no-package-lock',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        `node@${PINNED_NODE}`,
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
  } else {
    console.log(`[ta-desk] Node ${process.version} is older than ${SUPPORTED_MAJOR} LTS: running under Node ${PINNED_NODE} from .tools/`);
  }
  return bin;
}

const binDir = nodeBinDir();
const child = spawn(command, args, {
  stdio: 'inherit',
  env: { ...process.env, PATH: `${binDir}${delimiter}${process.env.PATH ?? ''}` },
});
// The terminal's Ctrl-C reaches the whole foreground process group, the child included: passing that SIGINT on
// would make it two (a second Ctrl-C means "hurry" to some programs). So SIGINT is passed on only when it cannot
// have come from our terminal; SIGTERM and SIGHUP from a supervisor reach only us, so they are passed on. We never
// end before the child: we exit as it does, with its code.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (signal === 'SIGINT' && inTerminalForeground()) return;
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  });
}
child.on('exit', (code, signal) => process.exit(code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 1)));

/** Whether our process group is the foreground job of a terminal (Linux /proc; false elsewhere or without one). */
function inTerminalForeground() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // after "pid (comm) ": state ppid pgrp session tty_nr tpgid …
    const [, , pgrp, , ttyNr, tpgid] = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
    return ttyNr !== 0 && tpgid > 0 && tpgid === pgrp;
  } catch {
    return false;
  }
}
child.on('error', (error) => {
  console.error(`[ta-desk] could not start ${command}: ${error.message}`);
  process.exit(1);
});
