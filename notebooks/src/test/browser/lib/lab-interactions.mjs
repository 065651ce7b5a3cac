// What a student does by hand in JupyterLab, on a scratch notebook: Tab completion, contextual help, a cell
// that throws, the stop button on a training cell, a cell that asks a question, widgets, the restart button.
import fs from 'node:fs';
import path from 'node:path';
import { ANSWER, GREETING, QUESTION_CELL } from './keyboard-question.mjs';
import { WIDGET_CELLS, widgetChecks } from './lab-widgets.mjs';
import { labCellState, openInLab } from './lab-page.mjs';
import { since, waitFor } from './report.mjs';

const THROWN = 'thrown on purpose by the JupyterLab test';
const CELLS = [
  'Network.input(784).hid',
  `throw new IllegalStateException("${THROWN}");`,
  'var layers = new org.deeplearning4j.nn.conf.NeuralNetConfiguration.Builder().seed(1).list()\n'
    + '    .layer(new org.deeplearning4j.nn.conf.layers.DenseLayer.Builder().nIn(784).nOut(689)\n'
    + '        .activation(org.nd4j.linalg.activations.Activation.SIGMOID).build())\n'
    + '    .layer(new org.deeplearning4j.nn.conf.layers.OutputLayer.Builder(\n'
    + '            org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction.MCXENT).nIn(689).nOut(10)\n'
    + '        .activation(org.nd4j.linalg.activations.Activation.SOFTMAX).build())\n'
    + '    .build();\n'
    + 'var net = new org.deeplearning4j.nn.multilayer.MultiLayerNetwork(layers);\n'
    + 'net.init();\n'
    + 'var x = org.nd4j.linalg.factory.Nd4j.rand(100, 784);\n'
    + 'var y = org.nd4j.linalg.factory.Nd4j.zeros(100, 10);\n'
    + 'y.getColumn(0).assign(1);',
  'for (int epoch = 0; epoch < 1_000_000; epoch++) {\n    net.fit(x, y);\n}',
  '6 * 7',
  QUESTION_CELL,
  ...WIDGET_CELLS,
];
const FIRST_WIDGET_CELL = CELLS.length - WIDGET_CELLS.length;

/** Writes the scratch notebook for `kernel` into `dir`; returns its file name. */
function writeScratch(dir, kernel, spec) {
  const name = 'lab-by-hand.ipynb';
  const notebook = {
    nbformat: 4, nbformat_minor: 5,
    metadata: { kernelspec: { name: kernel, display_name: spec.display_name, language: spec.language } },
    cells: [
      ...CELLS.map((source, i) => ({ cell_type: 'code', id: `c${i}`, metadata: {}, source, outputs: [], execution_count: null })),
      { cell_type: 'markdown', id: 'latex', metadata: {}, source: "A skip connection: $$a' = a + \\sigma(a W + b)$$" },
    ],
  };
  fs.writeFileSync(path.join(dir, name), JSON.stringify(notebook, null, 1));
  return name;
}

// What the editor shows (CodeMirror's own text: the cell model may lag behind it).
const cellText = (page, i) => page.evaluate((n) => window.__dltipsPanel.content.widgets[n].node
  .querySelector('.CodeMirror').CodeMirror.getValue(), i);

/** Selects cell `i` in command mode and presses Ctrl+Enter (run it, stay on it). */
async function runCell(page, i) {
  await page.evaluate((n) => {
    const notebook = window.__dltipsPanel.content;
    notebook.activeCellIndex = n;
    notebook.mode = 'command';
    notebook.node.focus();
  }, i);
  await page.keyboard.press('Control+Enter');
}

function cellInfo(page, i) {
  return page.evaluate((n) => {
    const cell = window.__dltipsPanel.content.widgets[n];
    const outputs = [];
    for (let k = 0; k < cell.model.outputs.length; k++) outputs.push(cell.model.outputs.get(k).toJSON());
    return {
      count: cell.model.executionCount,
      running: (cell.node.querySelector('.jp-InputPrompt')?.textContent ?? '').includes('*'),
      outputs,
      shown: [...cell.node.querySelectorAll('.jp-OutputArea-output')].map((o) => ({
        mime: o.getAttribute('data-mime-type'), text: o.textContent.replace(/\s+/g, ' ').trim().slice(0, 300),
      })),
    };
  }, i);
}

async function waitCellDone(page, i, seconds) {
  return waitFor(async () => {
    const info = await cellInfo(page, i);
    return !info.running && info.count !== null ? info : null;
  }, seconds, 100);
}

async function clickToolbar(page, command, title) {
  const byCommand = page.locator(`.jp-NotebookPanel-toolbar [data-command="${command}"]`);
  if (await byCommand.count()) return byCommand.first().click();
  return page.locator(`.jp-NotebookPanel-toolbar [title^="${title}"]`).first().click();
}

/** Runs the by-hand checks in a fresh page of `browser`; every check goes to `report`. */
export async function byHand({ ws, options, spec, server, browser, report, outDir }) {
  report.prefix = 'by hand: ';
  const name = writeScratch(ws.dirs.notebooks, options.kernel, spec);
  const { page, ready } = await openInLab(browser.context, server, name);
  try {
    if (!report.check('the scratch notebook opens with a ready kernel', ready, `no ready kernel; see ${server.log}`)) return;

    // LaTeX in a Markdown cell is typeset by the MathJax the build serves itself.
    const typeset = await waitFor(() => page.locator('.jp-MarkdownCell .MathJax_Display, .jp-MarkdownCell .MathJax').count(), 30, 250);
    report.check('LaTeX in a Markdown cell is typeset (MathJax from the build, no internet)', typeset,
      `no MathJax output in the Markdown cell after 30 s; it shows '${(await page.locator('.jp-MarkdownCell').last().textContent().catch(() => '')).slice(0, 200)}'`);

    // Tab completion at the end of cell 0: one match is inserted at once, several are listed.
    await page.locator('.jp-NotebookPanel .jp-CodeCell').first().locator('.CodeMirror-line').first().click();
    await page.keyboard.press('End');
    // Lab marks the editor once Tab would complete (kernel connected, text before the cursor).
    await page.locator('.jp-mod-completer-enabled').first().waitFor({ timeout: 15000 }).catch(() => {});
    await page.keyboard.press('Tab');
    const completed = await waitFor(async () => {
      const listed = await page.locator('.jp-Completer-item').allTextContents().catch(() => []);
      const text = await cellText(page, 0);
      return listed.some((t) => t.includes('hidden')) || /\.hidden\(?$/.test(text) ? { listed, text } : null;
    }, 10, 200);
    report.check('Tab after Network.input(784).hid offers hidden', completed,
      `after 10 s the completer lists [${(await page.locator('.jp-Completer-item').allTextContents().catch(() => [])).join(', ')}]`
      + ` and the cell reads '${await cellText(page, 0)}'`);
    await page.keyboard.press('Escape');

    // Contextual help: opened with Ctrl+I, it follows the cursor; on Network.input it shows the Javadoc.
    await page.keyboard.press('Control+i');
    await page.locator('.jp-Inspector').first().waitFor({ timeout: 10000 }).catch(() => {});
    await page.locator('.jp-NotebookPanel .jp-CodeCell').first().locator('.CodeMirror-line').first().click();
    await page.keyboard.press('Home');
    for (let i = 0; i < 'Network.inp'.length; i++) await page.keyboard.press('ArrowRight');
    const help = await waitFor(async () => {
      const text = await page.locator('.jp-Inspector-content').allTextContents().catch(() => []);
      const joined = text.join(' ');
      return /Starts describing a network/.test(joined) ? joined : null;
    }, 15, 250);
    report.check('contextual help on Network.input shows its documentation', help,
      `the inspector shows '${(await page.locator('.jp-Inspector-content').allTextContents().catch(() => ['(no inspector)'])).join(' ').slice(0, 300)}'`);
    await page.screenshot({ path: path.join(outDir, 'lab-by-hand-help.png') });

    // A cell that throws shows an error with our message.
    await runCell(page, 1);
    const thrown = await waitCellDone(page, 1, 30);
    const errorShown = thrown && thrown.outputs.some((o) => o.output_type === 'error')
      && thrown.shown.some((o) => o.mime === 'application/vnd.jupyter.stderr' && o.text.includes(THROWN));
    report.check('a thrown exception is shown as an error with its message', errorShown,
      `cell 1 outputs: ${JSON.stringify(thrown?.shown ?? 'not finished in 30 s').slice(0, 400)}`);

    // The stop button ends a training cell within 2 s, and the next cell runs.
    await runCell(page, 2);
    const setUp = await waitCellDone(page, 2, 120);
    report.check('the training set-up cell runs', setUp && !setUp.outputs.some((o) => o.output_type === 'error'),
      `cell 2: ${JSON.stringify(setUp?.shown ?? 'not finished in 120 s').slice(0, 300)}`);
    await runCell(page, 3);
    const training = await waitFor(async () => ((await cellInfo(page, 3)).running ? true : null), 10, 100);
    await page.waitForTimeout(3000);
    const clicked = Date.now();
    await clickToolbar(page, 'notebook:interrupt-kernel', 'Interrupt');
    const stopped = await waitCellDone(page, 3, 30);
    const stopSeconds = since(clicked);
    report.check('the stop button stops a training cell within 2 s', training && stopped && stopSeconds <= 2,
      `training seen running: ${Boolean(training)}; the cell ${stopped ? `finished ${stopSeconds.toFixed(2)} s after the click` : 'was still running 30 s after the click'}`);
    report.time('stop button to cell finished', stopSeconds);
    await runCell(page, 4);
    const next = await waitCellDone(page, 4, 30);
    report.check('after the stop the next cell runs (6 * 7 shows 42)', next && next.shown.some((o) => o.text === '42'),
      `cell 4: ${JSON.stringify(next?.shown ?? 'not finished in 30 s')}`);

    // A cell that asks a question: Lab opens an input box under the printed question; the answer reaches it.
    await runCell(page, 5);
    const box = page.locator('.jp-Stdin-input');
    const asked = await box.first().waitFor({ timeout: 30000 }).then(() => true, () => false);
    const question = (await cellInfo(page, 5)).shown.map((o) => o.text).join(' ');
    report.check('a cell reading System.in opens an input box after its printed question',
      asked && question.includes('Your name?'), `input box shown: ${asked}; cell 5 shows '${question.slice(0, 200)}'`);
    if (asked) {
      await box.first().fill(ANSWER);
      await box.first().press('Enter');
      const answered = await waitCellDone(page, 5, 30);
      report.check(`the typed answer reaches the cell, which shows '${GREETING}'`,
        answered && answered.shown.some((o) => o.text.includes(GREETING)),
        `cell 5: ${JSON.stringify(answered?.shown ?? 'not finished in 30 s').slice(0, 300)}`);
    }

    await widgetChecks({ page, report, first: FIRST_WIDGET_CELL, runCell, waitCellDone, clickToolbar });
    await page.screenshot({ path: path.join(outDir, 'lab-by-hand-widgets.png') });

    // The restart button (and its dialog) gives a fresh, working kernel.
    await clickToolbar(page, 'notebook:restart-kernel', 'Restart');
    await page.locator('.jp-Dialog .jp-Dialog-button.jp-mod-accept').click({ timeout: 10000 });
    const restarted = Date.now();
    const idle = await waitFor(async () => {
      const state = await labCellState(page);
      const statuses = await page.evaluate(() => window.__dltipsPanel.sessionContext.session?.kernel?.status);
      return state.status === 'idle' && statuses === 'idle' ? true : null;
    }, 120, 250);
    await page.waitForTimeout(500);
    await runCell(page, 4);
    const fresh = await waitCellDone(page, 4, 60);
    report.check('the restart button gives a kernel that answers (6 * 7 shows 42, counted from 1)',
      idle && fresh && fresh.count === 1 && fresh.shown.some((o) => o.text === '42'),
      `idle after restart: ${Boolean(idle)}; cell 4: ${JSON.stringify(fresh ?? 'not finished in 60 s').slice(0, 300)}`);
    report.time('restart to first answer', since(restarted));
    await page.screenshot({ path: path.join(outDir, 'lab-by-hand.png') });
  } finally {
    report.prefix = '';
    await page.close().catch(() => {});
  }
}
