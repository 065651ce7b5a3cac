#!/usr/bin/env node
// Runs a notebook in the classic Jupyter Notebook inside headless Chromium and checks what the page shows,
// then drives `jupyter console` through one cell. Prints "N passed, M failed"; exits 1 on any failure.
//
//   node run.mjs --kernel dltips --kernel-jar kernel/target/dltips-kernel.jar \
//       --notebook fixtures/dltips-smoke.ipynb --out target/browser-test --progress epoch
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, USAGE } from './lib/args.mjs';
import { launch } from './lib/browser.mjs';
import { consoleCell } from './lib/console.mjs';
import { installKernel, kernelspecs, startServer, stopServer, workspace } from './lib/jupyter.mjs';
import { testNotebook } from './lib/notebook-run.mjs';
import { onExit, processesMentioning } from './lib/processes.mjs';
import { Report, since } from './lib/report.mjs';

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error.message);
    return 2;
  }
  if (options.help) { console.log(USAGE); return 0; }
  fs.mkdirSync(options.out, { recursive: true });
  const report = new Report();
  const ws = workspace();
  onExit(() => {
    for (const leftover of processesMentioning(ws.root)) {
      try { process.kill(leftover.pid, 'SIGKILL'); } catch { /* gone */ }
    }
    if (!process.env.DLTIPS_KEEP_TMP) fs.rmSync(ws.root, { recursive: true, force: true });
  });
  report.info(`temporary directory ${ws.root}; artifacts in ${options.out}`);

  if (options.kernelJar) {
    const started = Date.now();
    const error = installKernel(ws, options.java, options.kernelJar);
    if (!report.check(`kernelspec installed from ${path.basename(options.kernelJar)}`, !error, error)) return finish(report, options);
    report.time('kernelspec install', since(started));
  }
  const specs = kernelspecs(options.python, ws.env);
  const spec = specs[options.kernel];
  if (!report.check(`kernelspec '${options.kernel}' is visible to Jupyter`, spec,
    `Jupyter lists only [${Object.keys(specs).join(', ')}] with JUPYTER_PATH=${ws.env.JUPYTER_PATH}; `
    + 'install it with --kernel-jar JAR, or put its share/jupyter directory on JUPYTER_PATH')) return finish(report, options);
  report.info(`kernel '${options.kernel}': ${spec.spec.argv.join(' ').slice(0, 200)}`);

  if (options.browser) await browserPart(ws, options, spec.spec, report);
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

function finish(report, options) {
  const summary = report.summary();
  report.write(options.out, { kernel: options.kernel, notebooks: options.notebooks, summary });
  console.log(summary);
  return report.failed === 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (error) => {
  console.error(`browser test crashed: ${error.stack || error}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
