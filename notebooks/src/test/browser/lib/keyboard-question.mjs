// A homework-style cell that asks the student a question through System.in: in the classic Notebook the test
// types the answer into the input box the kernel's input_request opens, and checks the cell's answer.
import fs from 'node:fs';
import path from 'node:path';
import { openNotebook } from './notebook-page.mjs';
import { shutdownKernels } from './jupyter.mjs';
import { since, waitFor } from './report.mjs';

/** Everything the first cell's output areas show, joined. */
const outputText = (page) => page.locator('.output_area').allInnerTexts().then((t) => t.join('\n'), () => '');

export const QUESTION_CELL = 'System.out.print("Your name? ");\n'
  + 'String name = new Scanner(System.in).nextLine();\n'
  + '"Hello, " + name';
export const ANSWER = 'Ada';
export const GREETING = `Hello, ${ANSWER}`;

/** Writes a one-cell notebook asking the question for `kernel` into `dir`; returns its file name. */
function writeQuestionNotebook(dir, kernel, spec) {
  const name = 'keyboard-question.ipynb';
  const notebook = {
    nbformat: 4, nbformat_minor: 5,
    metadata: { kernelspec: { name: kernel, display_name: spec.display_name, language: spec.language } },
    cells: [{ cell_type: 'code', id: 'ask', metadata: {}, source: QUESTION_CELL, outputs: [], execution_count: null }],
  };
  fs.writeFileSync(path.join(dir, name), JSON.stringify(notebook, null, 1));
  return name;
}

/** In the classic Notebook: run the cell, wait for the input box, type the answer, check the greeting. */
export async function classicQuestion({ ws, options, spec, server, browser, report }) {
  report.prefix = 'keyboard input: ';
  const name = writeQuestionNotebook(ws.dirs.notebooks, options.kernel, spec);
  const { page, ready } = await openNotebook(browser.context, server, name);
  try {
    if (!report.check('the question notebook opens with a ready kernel', ready, `no ready kernel; see ${server.log}`)) return;
    await page.evaluate(() => { Jupyter.notebook.select(0); Jupyter.notebook.execute_cell(); });
    const box = page.locator('.output_area input.raw_input');
    const asked = await box.waitFor({ timeout: 30000 }).then(() => true, () => false);
    const before = await outputText(page);
    report.check('the cell asks in an input box, after its printed question', asked && before.includes('Your name?'),
      `input box shown: ${asked}; the output area reads '${before.slice(0, 200)}'`);
    if (!asked) return;
    const typed = Date.now();
    await box.fill(ANSWER);
    await box.press('Enter');
    const answered = await waitFor(async () => {
      const text = await outputText(page);
      return text.includes(GREETING) ? text : null;
    }, 30, 100);
    report.check(`the answer reaches the cell, which shows '${GREETING}'`, answered,
      `the output areas read '${(await outputText(page)).slice(0, 300)}'`);
    if (answered) report.time('answer typed to greeting shown', since(typed));
    await page.screenshot({ path: path.join(options.out, 'keyboard-question.png') });
  } finally {
    report.prefix = '';
    await page.close().catch(() => {});
    await shutdownKernels(server);
  }
}
