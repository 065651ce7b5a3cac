#!/usr/bin/env node
// Runs a notebook in the classic Jupyter Notebook inside headless Chromium and checks what the page shows,
// answers a cell's keyboard question, then drives `jupyter console` through one cell. Prints "N passed, M failed"; exits 1 on any failure.
//
//   node run.mjs --kernel dltips --kernel-jar kernel/target/dltips-kernel.jar \
//       --notebook fixtures/dltips-smoke.ipynb --out target/browser-test --progress epoch
import path from 'node:path';
import { launch } from './lib/browser.mjs';
import { consoleCell } from './lib/console.mjs';
import { classicQuestion } from './lib/keyboard-question.mjs';
import { startServer, stopServer } from './lib/jupyter.mjs';
import { testNotebook } from './lib/notebook-run.mjs';
import { processesMentioning } from './lib/processes.mjs';
import { since } from './lib/report.mjs';
import { finish, openSession } from './lib/session.mjs';

async function main() {
  const { exit, options, report, ws, spec } = openSession(process.argv.slice(2));
  if (exit !== undefined) return exit;
  if (!spec) return finish(report, options);
  if (options.browser) await browserPart(ws, options, spec, report);
  if (options.console) await consoleCell(ws, options, report);
  return finish(report, options);
}

async function browserPart(ws, options, spec, report) {
  const started = Date.now();
  const server = await startServer(ws, options.python, options.out).catch((error) => error);
  if (!report.check('classic notebook server answers on 127.0.0.1', !(server instanceof Error), server.message)) return;
  report.time('notebook server start', since(started));
  let browser = null;
  try {
    browser = await launch(options.chromium, ws.dirs.chromium, path.join(options.out, 'browser-console.log'));
    report.info(`browser ${browser.version}; server ${server.url}`);
    for (const file of options.notebooks) {
      await testNotebook(file, { ws, options, spec, server, browser, report });
    }
    await classicQuestion({ ws, options, spec, server, browser, report });
    report.check('the page made no requests outside loopback', browser.blocked.length === 0,
      `blocked ${browser.blocked.length}: ${browser.blocked.slice(0, 5).join(', ')}`);
  } finally {
    await browser?.context.close().catch(() => {});
    const ended = await stopServer(server);
    report.info(`notebook server stopped (${JSON.stringify(ended)})`);
    const leftover = processesMentioning(ws.dirs.runtime);
    report.check('no kernel process is left after the server stopped', leftover.length === 0,
      `still running: ${leftover.map((p) => `${p.pid} ${p.cmdline.slice(0, 120)}`).join('; ')}`);
  }
}

main().then((code) => process.exit(code), (error) => {
  console.error(`browser test crashed: ${error.stack || error}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
