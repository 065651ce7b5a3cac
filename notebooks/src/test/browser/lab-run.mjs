#!/usr/bin/env node
// Runs notebooks in the dltips JupyterLab (lab/build.sh) inside headless Chromium: each one with Run > Run All
// Cells, then checks what a student sees; then completion, contextual help, an error, the stop button and the
// restart button by hand. Prints "N passed, M failed"; exits 1 on any failure.
//
//   node lab-run.mjs --kernel dltips --kernel-jar kernel/target/dltips-kernel.jar --lab-build "$(lab/build.sh)" \
//       --notebook notebooks/00-the-recipe.ipynb --out notebooks/target/lab-test --progress 'epoch \d+/\d+'
// With --executed DIR each notebook is saved after its run and copied to DIR, with JupyterLab's cell timing.
import fs from 'node:fs';
import path from 'node:path';
import { launch } from './lib/browser.mjs';
import { prepareNotebook, shutdownKernels } from './lib/jupyter.mjs';
import { byHand } from './lib/lab-interactions.mjs';
import { installLabProbes, labScreenshots, openInLab, readLab, runAllFromMenu, saveInLab, waitUntilLabDone } from './lib/lab-page.mjs';
import { startLabServer } from './lib/lab-server.mjs';
import { peakMemoryMiB, processesMentioning, stop } from './lib/processes.mjs';
import { since, waitFor } from './lib/report.mjs';
import { finish, openSession } from './lib/session.mjs';

async function main() {
  const { exit, options, report, ws, spec } = openSession(process.argv.slice(2),
    (o) => (o.labBuild ? null : '--lab-build is required (the folder lab/build.sh prints)'));
  if (exit !== undefined) return exit;
  if (!spec) return finish(report, options);
  report.info(`JupyterLab build ${options.labBuild}`);

  const started = Date.now();
  const server = await startLabServer(ws, options.python, options.labBuild, options.out).catch((error) => error);
  if (!report.check('the JupyterLab server answers on 127.0.0.1', !(server instanceof Error), server.message)) return finish(report, options);
  report.time('JupyterLab server start', since(started));
  let browser = null;
  try {
    browser = await launch(options.chromium, ws.dirs.chromium, path.join(options.out, 'browser-console.log'));
    report.info(`browser ${browser.version}; server ${server.url}`);
    for (const file of options.notebooks) await labNotebook(file, { ws, options, spec, server, browser, report });
    if (options.byHand) await byHand({ ws, options, spec, server, browser, report, outDir: options.out });
    report.check('the page made no requests outside loopback', browser.blocked.length === 0,
      `blocked ${browser.blocked.length}: ${browser.blocked.slice(0, 5).join(', ')}`);
  } finally {
    await browser?.context.close().catch(() => {});
    await shutdownKernels(server);
    report.info(`JupyterLab server stopped (${JSON.stringify(await stop(server.child, 15))})`);
    const leftover = processesMentioning(ws.dirs.runtime);
    report.check('no kernel process is left after the server stopped', leftover.length === 0,
      `still running: ${leftover.map((p) => `${p.pid} ${p.cmdline.slice(0, 120)}`).join('; ')}`);
  }
  return finish(report, options);
}

async function labNotebook(file, { ws, options: common, spec, server, browser, report }) {
  const stem = path.basename(file, '.ipynb');
  report.prefix = `${stem}: `;
  try {
    if (!report.check('notebook file exists', fs.existsSync(file), `no file ${file}`)) return;
    const notebook = prepareNotebook(file, ws.dirs.notebooks, common.kernel, spec);
    const codeSources = JSON.parse(fs.readFileSync(file, 'utf8')).cells.filter((c) => c.cell_type === 'code')
      .map((c) => [].concat(c.source).join(''));
    notebook.endsWithCheck = /\bCheck\./.test(codeSources[codeSources.length - 1] ?? '');
    const options = { ...common, ...notebook.expect };
    const homework = Boolean(JSON.parse(fs.readFileSync(file, 'utf8')).metadata?.dltips?.homework);
    const { page, ready, loadedSeconds, kernelSeconds } = await openInLab(browser.context, server, notebook.name);
    try {
      report.time('notebook open in JupyterLab', loadedSeconds);
      if (!report.check('its kernel started and answered kernel_info', ready, `no ready kernel within 180 s; see ${server.log}`)) {
        await page.screenshot({ path: path.join(options.out, `${stem}-lab-failed-start.png`) });
        return;
      }
      report.time('open to kernel ready', kernelSeconds);
      await installLabProbes(page, options.progress);
      const attempts = await runAllFromMenu(page);
      if (!report.check('Run > Run All Cells starts the cells', attempts > 0,
        'no cell was pending 10 s after clicking Run All Cells, twice; see the screenshot')) {
        await page.screenshot({ path: path.join(options.out, `${stem}-lab-run-all-failed.png`) });
        return;
      }
      if (attempts > 1) report.info('the first click on Run All Cells did not take; the second did');
      const done = await waitUntilLabDone(page, options.timeoutMin, (line) => report.info(line));
      report.check(`Run All Cells finished within ${options.timeoutMin} min`, done.state && !done.state.dead,
        done.state ? `the kernel died during the run; see ${server.log}` : `cells still running after ${options.timeoutMin} min`);
      report.time('Run All Cells until idle', done.seconds);
      const seen = await readLab(page);
      checkLab(seen, notebook, options, homework, report);
      const shots = await labScreenshots(page, options.out, `${stem}-lab`);
      report.info(`screenshots: ${shots.join(', ')}`);
      if (options.executed) {
        const saved = await saveInLab(page);
        if (report.check('File > Save stores the executed notebook', saved, 'the notebook is still unsaved after saving')) {
          fs.mkdirSync(options.executed, { recursive: true });
          fs.copyFileSync(path.join(ws.dirs.notebooks, notebook.name), path.join(options.executed, notebook.name));
          report.info(`executed notebook: ${path.join(options.executed, notebook.name)}`);
        }
        // the kernel's peak resident memory, beside the executed copy, for the notebook test's summary
        const peaks = processesMentioning(ws.dirs.runtime).filter((p) => /\bjava\b|dltips-kernel/.test(p.cmdline))
          .map((p) => peakMemoryMiB(p.pid)).filter(Number.isFinite);
        if (peaks.length > 0) {
          const peak = Math.max(...peaks);
          fs.writeFileSync(path.join(options.executed, `${notebook.name}.peak-memory-mib`), `${peak.toFixed(1)}\n`);
          report.info(`the kernel's peak resident memory: ${peak.toFixed(0)} MiB`);
        }
      }
    } finally {
      await page.close().catch(() => {});
      await shutdownKernels(server);
      const gone = await waitFor(() => processesMentioning(ws.dirs.runtime).length === 0, 30, 250);
      report.check('the kernel process ends when the server shuts it down', gone, 'still running 30 s later');
    }
  } finally {
    report.prefix = '';
  }
}

function checkLab(seen, notebook, options, homework, report) {
  report.check(`all ${notebook.codeCells} code cells are in the page`, seen.codeCells === notebook.codeCells,
    `the page has ${seen.codeCells}, the file ${notebook.codeCells}`);
  report.check('every non-empty code cell ran (has an execution count)', seen.unnumbered.length === 0,
    `${seen.unnumbered.length} did not: ${seen.unnumbered.join('; ')}`);
  report.check('no cell shows an error', seen.errors.length === 0, `${seen.errors.length}, the first: ${seen.errors[0]}`);
  report.check('the kernel neither died nor restarted', !seen.statuses.some((s) => /dead|restarting|autorestarting/.test(s)),
    `kernel statuses during the run: ${seen.statuses.join(', ')}`);
  const drawn = seen.images.filter((i) => i.complete && i.width > 0 && i.height > 0);
  report.check(`every chart is shown as an image (${seen.pngOutputs} image outputs)`,
    seen.pngOutputs >= Math.max(1, options.minImages) && drawn.length >= seen.pngOutputs,
    `${drawn.length} decoded <img> of ${seen.images.length} in the page for ${seen.pngOutputs} image/png outputs (in cells and output widgets); expected at least ${options.minImages}`);
  const filled = seen.tables.filter((t) => t.cells > 0);
  report.check(`the results table is shown as HTML (${seen.tableOutputs} table outputs)`,
    seen.tableOutputs >= options.minTables && filled.length >= seen.tableOutputs,
    `${filled.length} rendered tables with cells for ${seen.tableOutputs} text/html table outputs; expected at least ${options.minTables}`);
  if (options.progress) {
    const re = new RegExp(options.progress, 'i');
    const live = seen.displays.filter((d) => d.updates > 0 && re.test(d.text));
    // Training inside a widget callback draws its progress in the output widget, redrawn with the widget's state.
    const inWidgets = seen.widgetProgress;
    report.check(`a live progress display updated in place, ending with /${options.progress}/`, live.length + inWidgets.length > 0,
      `updated displays: ${JSON.stringify(seen.displays.map((d) => ({ updates: d.updates, text: d.text.slice(0, 80) })))}; `
      + `output widgets showing progress: ${inWidgets.length}`);
    // Updates that all arrive within a second can reach the page in one burst: nothing a student could watch.
    const redrawn = live.some((d) => d.updates >= 3 && d.spanSeconds >= 1);
    if (redrawn) {
      report.check('the page showed the progress changing while it trained', seen.progressTexts.length >= 2,
        `distinct progress texts seen: ${JSON.stringify(seen.progressTexts.slice(0, 3))}`);
    } else {
      report.info(`progress updates ${live.map((d) => `${d.updates} in ${d.spanSeconds.toFixed(2)} s`).join(', ') || 'none'}: too short a run to watch it change`);
    }
    report.check('the page shows each progress display in its final state, once',
      live.length + inWidgets.length > 0 && live.every((d) => d.shown === 1) && inWidgets.every((n) => n === 1),
      `shown: ${JSON.stringify(live.map((d) => ({ id: d.id, shown: d.shown })))}; progress outputs per output widget: ${JSON.stringify(inWidgets)}`);
  }
  if (!homework && !notebook.endsWithCheck) return;
  const pass = homework ? /tier|target|accuracy/i : /✓/;
  report.check(`the last cell shows its ${homework ? 'homework report' : 'check\'s pass line'}`, pass.test(seen.lastCellText),
    `the last cell shows '${seen.lastCellText.slice(0, 200)}'`);
}

main().then((code) => process.exit(code), (error) => {
  console.error(`JupyterLab browser test crashed: ${error.stack || error}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
