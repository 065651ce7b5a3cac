// Widgets by hand in JupyterLab: a slider drawn by the kernel's Interactive, dragged with the mouse, changes the
// output under it; a button whose callback never ends is stopped by the stop button, and the slider still works;
// the surface playground of notebook 15 redraws its map within 200 ms of a slider step.
import { since, waitFor } from './report.mjs';

export const WIDGET_CELLS = [
  'IntSlider n = IntSlider.of("n", 0, 10, 3);\n'
    + 'Interactive.of(() -> System.out.println("square of " + n.value() + " is " + n.value() * n.value()), n)',
  'Button spin = Button.of("spin");\n'
    + 'spin.onClick(() -> { while (true) { } });\n'
    + 'spin',
  // The surface playground of notebook 15: Adam on Rosenbrock's valley, redrawn when the rate changes.
  'Surface banana = Surface.rosenbrock();\n'
    + 'FloatLogSlider rate = FloatLogSlider.of("learning rate", 1e-4, 1, 0.01);\n'
    + 'Interactive.of(() -> display(Plots.trajectories(banana, Playground.run(banana, Optimizers.adam(rate.value()), 1000))), rate)',
];
const REDRAW_BAR_MS = 200;
const REDRAWS = 7;

/** The text shown in the widget output areas of cell `i`. */
const widgetText = (page, i) => page.evaluate((n) => [...window.__dltipsPanel.content.widgets[n].node
  .querySelectorAll('.widget-output')].map((o) => o.textContent.replace(/\s+/g, ' ').trim()).join(' | '), i);

const kernelStatus = (page) => page.evaluate(() => window.__dltipsPanel.sessionContext.session?.kernel?.status);

/**
 * Runs the surface playground (cell `i`) and steps its learning-rate slider with the arrow key several times;
 * returns the milliseconds from each key press to the new map in the page (both timed in the page).
 */
async function redrawTimes(page, i, runCell, waitCellDone) {
  await runCell(page, i);
  await waitCellDone(page, i, 60);
  const handle = page.locator('.jp-NotebookPanel .jp-CodeCell').nth(i).locator('.noUi-handle').first();
  if (!(await handle.waitFor({ timeout: 20000 }).then(() => true, () => false))) return [];
  await waitFor(() => page.evaluate((n) => Boolean(window.__dltipsPanel.content.widgets[n].node
    .querySelector('.widget-output img')), i), 20, 100);
  await page.evaluate((n) => {
    const cell = window.__dltipsPanel.content.widgets[n].node;
    const image = () => cell.querySelector('.widget-output img')?.src ?? '';
    window.__dltipsMap = { last: image(), drawn: [], pressed: 0 };
    new MutationObserver(() => {
      const now = image();
      if (now && now !== window.__dltipsMap.last) {
        window.__dltipsMap.last = now;
        window.__dltipsMap.drawn.push(performance.now());
      }
    }).observe(cell, { subtree: true, childList: true, attributes: true });
    cell.addEventListener('keydown', () => { window.__dltipsMap.pressed = performance.now(); }, true);
  }, i);
  const times = [];
  for (let k = 0; k < REDRAWS; k++) {
    await handle.focus();
    await page.keyboard.press(k % 2 ? 'ArrowLeft' : 'ArrowRight');
    const ms = await waitFor(() => page.evaluate(() => {
      const m = window.__dltipsMap;
      const after = m.drawn.find((t) => t > m.pressed);
      return after === undefined ? null : after - m.pressed;
    }), 10, 5);
    if (ms === null) break;
    times.push(ms);
    await page.waitForTimeout(300);
  }
  return times;
}

/** Runs the widget cells from `first` on and checks them; every check goes to `report`. */
export async function widgetChecks({ page, report, first, runCell, waitCellDone, clickToolbar }) {
  await runCell(page, first);
  await waitCellDone(page, first, 60);
  const cell = page.locator('.jp-NotebookPanel .jp-CodeCell').nth(first);
  const handle = cell.locator('.noUi-handle').first();
  const drawn = await handle.waitFor({ timeout: 20000 }).then(() => true, () => false);
  const before = await waitFor(async () => {
    const text = await widgetText(page, first);
    return text.includes('square of 3 is 9') ? text : null;
  }, 20, 100);
  report.check('an Interactive shows its slider and, under it, the output of its first run',
    drawn && before, `slider drawn: ${drawn}; output area shows '${await widgetText(page, first)}'`);
  if (!drawn) return;

  // Drag the handle to the right with the mouse, as a student would.
  const box = await handle.boundingBox();
  const track = await cell.locator('.noUi-target').first().boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(track.x + track.width * 0.75, box.y + box.height / 2, { steps: 12 });
  await page.mouse.up();
  const released = Date.now();
  const after = await waitFor(async () => {
    const text = await widgetText(page, first);
    const m = /square of (\d+) is (\d+)/.exec(text);
    return m && m[1] !== '3' && Number(m[2]) === Number(m[1]) ** 2 ? text : null;
  }, 10, 20);
  const redrawn = since(released);
  report.check('dragging the slider changes the output under it', after,
    `10 s after the drag the output area shows '${await widgetText(page, first)}'`);
  if (after) report.time('slider released to output redrawn', redrawn);

  // A callback that never ends: the stop button ends it, and widgets answer again.
  await runCell(page, first + 1);
  await waitCellDone(page, first + 1, 60);
  const button = page.locator('.jp-NotebookPanel .jp-CodeCell').nth(first + 1).locator('button.jupyter-button');
  const hasButton = await button.first().waitFor({ timeout: 20000 }).then(() => true, () => false);
  if (!report.check('a Button shows', hasButton, 'no button drawn in 20 s')) return;
  await button.first().click();
  const busy = await waitFor(async () => ((await kernelStatus(page)) === 'busy' ? true : null), 10, 50);
  await page.waitForTimeout(1000);
  const clicked = Date.now();
  await clickToolbar(page, 'notebook:interrupt-kernel', 'Interrupt');
  const idle = await waitFor(async () => ((await kernelStatus(page)) === 'idle' ? true : null), 30, 50);
  const stopSeconds = since(clicked);
  report.check('the stop button ends a widget callback that loops forever within 2 s',
    busy && idle && stopSeconds <= 2,
    `busy after the click: ${Boolean(busy)}; idle ${idle ? `${stopSeconds.toFixed(2)} s after the stop` : 'not within 30 s'}`);
  if (idle) report.time('stop button to callback ended', stopSeconds);
  await handle.focus();
  await page.keyboard.press('ArrowLeft');
  const again = await waitFor(async () => {
    const text = await widgetText(page, first);
    return text !== after && /square of (\d+) is (\d+)/.test(text) ? text : null;
  }, 10, 50);
  report.check('after the stop the slider still redraws its output', again,
    `the output area still shows '${await widgetText(page, first)}'`);

  const times = await redrawTimes(page, first + 2, runCell, waitCellDone);
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted.length ? sorted[Math.floor(sorted.length / 2)] : Infinity;
  report.check(`the surface playground redraws its map within ${REDRAW_BAR_MS} ms of a slider step (median of ${REDRAWS})`,
    times.length === REDRAWS && median <= REDRAW_BAR_MS,
    `${times.length} of ${REDRAWS} steps redrew; times ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
  if (times.length) report.time('slider step to redrawn map (median)', median / 1000);
}
