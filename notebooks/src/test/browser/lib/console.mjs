// jupyter console in a private tmux server: wait for the prompt, run one cell, read Out[1], end with Ctrl-D.
import fs from 'node:fs';
import path from 'node:path';
import { onExit, processesMentioning, run } from './processes.mjs';
import { since, waitFor } from './report.mjs';

const SESSION = 'dltips-console';

/** Runs the console part and records its checks and timings in `report`. */
export async function consoleCell(ws, options, report) {
  const tmuxCheck = run('tmux', ['-V']);
  if (!report.check('tmux is available', tmuxCheck.status === 0,
    `'tmux -V' failed (${tmuxCheck.error?.message ?? tmuxCheck.stderr.trim()}); install it: apt-get install -y tmux`)) return;

  const dir = ws.dirs.console;
  const socket = path.join(dir, 'tmux.sock');
  const rcFile = path.join(dir, 'exit-status');
  const runtime = path.join(dir, 'runtime');
  fs.mkdirSync(runtime);
  const env = { ...ws.env, JUPYTER_RUNTIME_DIR: runtime, TERM: 'xterm-256color' };
  delete env.TMUX;
  const tmux = (...args) => run('tmux', ['-S', socket, ...args], { env });
  onExit(() => { tmux('kill-server'); });

  const quoted = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
  const consoleCommand = [options.python, '-m', 'jupyter_console', '--kernel', options.kernel].map(quoted).join(' ');
  const script = `${consoleCommand}; rc=$?; echo $rc > ${quoted(rcFile)}; echo "[console exited with status $rc]"; sleep 120`;
  const started = Date.now();
  const created = tmux('new-session', '-d', '-s', SESSION, '-x', '150', '-y', '50', 'sh', '-c', script);
  if (!report.check('jupyter console started in tmux', created.status === 0,
    `tmux new-session exited with ${created.status}: ${created.stderr.trim()}`)) return;

  const pane = () => tmux('capture-pane', '-p', '-J', '-S', '-200', '-t', SESSION).stdout;
  const save = () => fs.writeFileSync(path.join(options.out, 'console.txt'), pane());

  const prompt = await waitFor(() => /In \[1\]:/.test(pane()), 120, 200);
  if (!report.check('jupyter console shows the first prompt In [1]:', prompt,
    `no 'In [1]:' within 120 s; the pane shows:\n${pane().trim().slice(-800)}\n`
    + `expected jupyter console to start kernel '${options.kernel}' (see ${path.join(options.out, 'console.txt')})`)) {
    save();
    return;
  }
  report.time('jupyter console: start to first prompt', since(started));

  const sent = Date.now();
  tmux('send-keys', '-t', SESSION, '-l', options.consoleCode);
  tmux('send-keys', '-t', SESSION, 'Enter');
  const outPattern = new RegExp(`Out\\[1\\]:\\s*${options.consoleExpect}\\s*$`, 'm');
  const answered = await waitFor(() => outPattern.test(pane()), 60, 50);
  report.check(`jupyter console: '${options.consoleCode}' shows Out[1]: ${options.consoleExpect}`, answered,
    `expected a line matching ${outPattern} within 60 s; the pane shows:\n${pane().trim().slice(-800)}`);
  if (answered) report.time(`jupyter console: '${options.consoleCode}' round trip (50 ms polling)`, since(sent));
  const next = await waitFor(() => /In \[2\]:/.test(pane()), 10, 50);
  const slowIsComplete = /did not respond to an is_complete_request/.test(pane());
  report.check('jupyter console: the next prompt is In [2]:', next,
    `no 'In [2]:' within 10 s after the cell; ${slowIsComplete ? 'the console warned that the kernel did not '
      + 'answer is_complete_request in time (jupyter console waits 1 s), so it took the late is_complete_reply for '
      + 'the execute_reply; the kernel must answer is_complete within 1 s, also the first time'
      : 'expected the execute_reply to carry execution_count 1'}. Pane:\n${pane().trim().slice(-500)}`);
  save();

  const exitStarted = Date.now();
  tmux('send-keys', '-t', SESSION, 'C-d');
  const confirm = await waitFor(() => /really want to exit/.test(pane()) || fs.existsSync(rcFile), 15, 100);
  if (confirm && !fs.existsSync(rcFile)) tmux('send-keys', '-t', SESSION, 'y', 'Enter');
  const ended = await waitFor(() => fs.existsSync(rcFile) && fs.readFileSync(rcFile, 'utf8').trim(), 60, 100);
  save();
  report.check('jupyter console ends with status 0 after Ctrl-D', ended === '0',
    ended ? `it exited with status ${ended}; expected 0. Pane:\n${pane().trim().slice(-600)}`
      : `it was still running 60 s after Ctrl-D (and 'y' to confirm); expected it to shut its kernel down and exit`);
  if (ended) report.time('jupyter console: Ctrl-D to exit', since(exitStarted));

  const leftover = await waitFor(() => processesMentioning(runtime).length === 0, 15, 250);
  report.check('the console kernel process is gone after the console exits', leftover,
    `still running 15 s after exit: ${processesMentioning(runtime).map((p) => `${p.pid} ${p.cmdline.slice(0, 120)}`).join('; ')}; `
    + 'expected jupyter console to shut down the kernel it started');
  tmux('kill-server');
}
