// One notebook through the page: open, Run All, check what is shown, screenshots, kernel shut down.
import fs from 'node:fs';
import path from 'node:path';
import { connectionIps, prepareNotebook, shutdownKernels } from './jupyter.mjs';
import { dialogText, installProbes, openNotebook, readPage, runAll, saveExecuted, screenshots, waitUntilDone } from './notebook-page.mjs';
import { checkPage } from './page-checks.mjs';
import { processesMentioning } from './processes.mjs';
import { since, waitFor } from './report.mjs';

/** Runs `file` in the page of `browser` against `server`; every check and timing goes to `report`. */
export async function testNotebook(file, { ws, options: common, spec, server, browser, report }) {
  const stem = path.basename(file, '.ipynb');
  report.prefix = `${stem}: `;
  try {
    if (!report.check('notebook file exists', fs.existsSync(file), `no file ${file}; pass --notebook with an .ipynb path`)) return;
    const notebook = prepareNotebook(file, ws.dirs.notebooks, common.kernel, spec);
    const options = { ...common, ...notebook.expect };
    if (Object.keys(notebook.expect).length) report.info(`expectations from the notebook: ${JSON.stringify(notebook.expect)}`);
    const opened = await openNotebook(browser.context, server, notebook.name);
    const { page } = opened;
    try {
      report.time('notebook page loaded', opened.loadedSeconds);
      if (!report.check(`kernel '${options.kernel}' started and answered kernel_info in the page`, opened.ready,
        `no kernel_info reply within 180 s; dialog: '${await dialogText(page)}'; see ${server.log}`)) {
        await screenshots(page, options.out, `${stem}-failed-start`);
        return;
      }
      report.time('page open to kernel ready', opened.kernelSeconds);
      const ips = connectionIps(ws.dirs.runtime);
      report.check('kernel connection file binds to 127.0.0.1', ips.length > 0 && ips.every((c) => c.ip === '127.0.0.1'),
        `connection files in ${ws.dirs.runtime}: ${JSON.stringify(ips)}; expected one or more, all with ip 127.0.0.1`);

      await installProbes(page);
      await page.screenshot({ path: path.join(options.out, `${stem}-opened.png`) });
      await runAll(page);
      const done = await waitUntilDone(page, options.timeoutMin, (line) => report.info(line));
      report.check(`all cells finished within ${options.timeoutMin} min`, done.state && !done.state.dead,
        done.state ? `the kernel died during the run (kernel_dead event); see the server log ${server.log}`
          : `cells still running after ${options.timeoutMin} min; raise --timeout-min or see the screenshot`);
      report.time('Run All until the kernel is idle', done.seconds);

      const seen = await readPage(page, options.progress);
      checkPage(seen, notebook, options, report);
      for (const t of seen.timings) report.time(`cell ${t.index} (${t.first})`, t.seconds ?? Number.NaN);
      const shots = await screenshots(page, options.out, `${stem}-after-run`);
      report.info(`screenshots: ${[path.join(options.out, `${stem}-opened.png`), ...shots].join(', ')}`);
      report.info(`executed notebook: ${await saveExecuted(page, ws.dirs.notebooks, notebook.name, options.out)}`);
    } finally {
      await page.close().catch(() => {});
      const started = Date.now();
      await shutdownKernels(server);
      const gone = await waitFor(() => processesMentioning(ws.dirs.runtime).length === 0, 30, 250);
      report.check('the kernel process ends when the server shuts it down', gone,
        `still running 30 s later: ${processesMentioning(ws.dirs.runtime).map((p) => `${p.pid} ${p.cmdline.slice(0, 100)}`).join('; ')}`);
      if (gone) report.time('kernel shutdown', since(started));
    }
  } finally {
    report.prefix = '';
  }
}
