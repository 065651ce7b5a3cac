// Child processes of this test: started in their own process group, all stopped on exit or signal.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const children = new Set();
const cleanups = [];
let installed = false;

/** Spawns a command in its own process group; its output is appended to `logFile`. */
export function start(command, args, { env, cwd, logFile }) {
  const log = fs.openSync(logFile, 'a');
  const child = spawn(command, args, { env, cwd, detached: true, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  child.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  child.on('error', () => {});
  children.add(child);
  child.exited.then(() => children.delete(child));
  return child;
}

/** Sends SIGTERM to the child's process group, then SIGKILL after `graceSeconds`. Returns how it ended. */
export async function stop(child, graceSeconds = 10) {
  if (child.exitCode !== null || child.signalCode !== null) return child.exited;
  signalGroup(child.pid, 'SIGTERM');
  const timer = setTimeout(() => signalGroup(child.pid, 'SIGKILL'), graceSeconds * 1000);
  const result = await child.exited;
  clearTimeout(timer);
  return result;
}

function signalGroup(pid, signal) {
  try { process.kill(-pid, signal); } catch { /* already gone */ }
}

/** Pids of processes (other than this one) whose command line mentions `marker`, e.g. our temp dir. */
export function processesMentioning(marker) {
  const found = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    let cmdline;
    try { cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8'); } catch { continue; }
    if (cmdline.includes(marker)) found.push({ pid: Number(entry), cmdline: cmdline.split('\0').join(' ').trim() });
  }
  return found;
}

/** The peak resident memory of process `pid` in MiB (VmHWM in /proc), or NaN when it cannot be read. */
export function peakMemoryMiB(pid) {
  try {
    const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmHWM:'));
    return line ? Number(line.split(/\s+/)[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Registers a synchronous cleanup step run on exit, Ctrl-C or SIGTERM (after killing the children). */
export function onExit(step) {
  cleanups.push(step);
  if (installed) return;
  installed = true;
  const finish = () => {
    for (const child of children) signalGroup(child.pid, 'SIGKILL');
    children.clear();
    while (cleanups.length) {
      try { cleanups.pop()(); } catch (error) { console.error(`cleanup: ${error.message}`); }
    }
  };
  process.on('exit', finish);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      console.error(`received ${signal}; stopping the notebook server, browser and console`);
      finish();
      process.exit(130);
    });
  }
}

/** Runs a command to completion; returns { status, stdout, stderr }. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 120000, ...options });
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '', error: result.error };
}
