#!/usr/bin/env node
// Runs a notebook in the classic Jupyter Notebook inside headless Chromium and checks what the page shows,
// then drives `jupyter console` through one cell. Prints "N passed, M failed"; exits 1 on any failure.
//
//   node run.mjs --kernel dltips --kernel-jar kernel/target/dltips-kernel.jar \
//       --notebook fixtures/dltips-smoke.ipynb --out target/browser-test --progress 'epoch'
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, USAGE } from './lib/args.mjs';
import { launch } from './lib/browser.mjs';
import { consoleCell } from './lib/console.mjs';
import { connectionIps, installKernel, kernelspecs, prepareNotebook, startServer, stopServer, workspace } from './lib/jupyter.mjs';
import { dialogText, installProbes, openNotebook, readPage, runAll, saveExecuted, screenshots, waitUntilDone } from './lib/notebook-page.mjs';
import { onExit, processesMentioning } from './lib/processes.mjs';
import { Report, since } from './lib/report.mjs';
import { checkPage } from './lib/page-checks.mjs';

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
  if (!report.check(`notebook ${options.notebook} exists`, fs.existsSync(options.notebook),
    'no such file; pass --notebook with the path of an .ipynb file')) return;
  const notebook = prepareNotebook(options.notebook, ws.dirs.notebooks, options.kernel, spec);
  let started = Date.now();
  const server = await startServer(ws, options.python, options.out).catch((error) => error);
  if (!report.check('classic notebook server answers on 127.0.0.1', !(server instanceof Error), server.message)) return;
  report.time('notebook server start', since(started));

  const browser = await launch(options.chromium, ws.dirs.chromium, path.join(options.out, 'browser-console.log'));
  report.info(`browser ${browser.version}; server ${server.url}`);
  try {
    const opened = await openNotebook(browser.context, server, notebook.name);
    const { page } = opened;
    report.time('notebook page loaded', opened.loadedSeconds);
    if (!report.check(`kernel '${options.kernel}' started and answered kernel_info in the page`, opened.ready,
      `no kernel_info reply within 180 s; dialog: '${await dialogText(page)}'; see ${server.log}`)) {
      await screenshots(page, options.out, 'failed-start');
      return;
    }
    report.time('page open to kernel ready', opened.kernelSeconds);
    const ips = connectionIps(ws.dirs.runtime);
    report.check('kernel connection file binds to 127.0.0.1', ips.length > 0 && ips.every((c) => c.ip === '127.0.0.1'),
      `connection files in ${ws.dirs.runtime}: ${JSON.stringify(ips)}; expected one or more, all with ip 127.0.0.1`);

    await installProbes(page);
    await page.screenshot({ path: path.join(options.out, 'notebook-opened.png') });
    started = Date.now();
    await runAll(page);
    const done = await waitUntilDone(page, options.timeoutMin, (line) => report.info(line));
    report.check(`all cells finished within ${options.timeoutMin} min`, done.state && !done.state.dead,
      done.state ? 'the kernel died during the run (kernel_dead event); see the server log '
        + `${server.log}` : `cells still running after ${options.timeoutMin} min; raise --timeout-min or see the screenshot`);
    report.time('Run All until the kernel is idle', done.seconds);

    const seen = await readPage(page, options.progress);
    checkPage(seen, notebook, options, report);
    for (const t of seen.timings) {
      report.time(`cell ${t.index} (${t.first})`, t.seconds ?? Number.NaN);
    }
    report.check('the page made no requests outside loopback', browser.blocked.length === 0,
      `blocked ${browser.blocked.length}: ${browser.blocked.slice(0, 5).join(', ')}`);
    const shots = await screenshots(page, options.out, 'notebook-after-run');
    report.info(`screenshots: ${[path.join(options.out, 'notebook-opened.png'), ...shots].join(', ')}`);
    report.info(`executed notebook: ${await saveExecuted(page, ws.dirs.notebooks, notebook.name, options.out)}`);
  } finally {
    await browser.context.close().catch(() => {});
    const ended = await stopServer(server);
    report.info(`notebook server stopped (${JSON.stringify(ended)})`);
    const leftover = processesMentioning(ws.dirs.runtime);
    report.check('no kernel process is left after the server stopped', leftover.length === 0,
      `still running: ${leftover.map((p) => `${p.pid} ${p.cmdline.slice(0, 120)}`).join('; ')}`);
  }
}

function finish(report, options) {
  const summary = report.summary();
  report.write(options.out, { kernel: options.kernel, notebook: options.notebook, summary });
  console.log(summary);
  return report.failed === 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (error) => {
  console.error(`browser test crashed: ${error.stack || error}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
