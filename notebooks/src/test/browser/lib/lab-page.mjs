// A notebook in the JupyterLab page: open it, Run All through the menu, wait, and read what a student sees.
// The page's application object is window.dltipsLab (lab/src/index.js); the checks read the DOM.
import path from 'node:path';
import { since, waitFor } from './report.mjs';

/** Opens `name` in a fresh workspace and waits until its kernel answered kernel_info. */
export async function openInLab(context, server, name, kernelStartSeconds = 180) {
  const page = context.pages()[0] ?? await context.newPage();
  const started = Date.now();
  await page.goto(`${server.url}/lab/tree/${encodeURIComponent(name)}?reset&token=${server.token}`,
    { waitUntil: 'load', timeout: 60000 });
  await page.waitForFunction(() => document.body.dataset.dltipsLab, null, { timeout: 60000 });
  const state = await page.evaluate(() => document.body.dataset.dltipsLab);
  if (state !== 'ready') return { page, ready: false, loadedSeconds: since(started), kernelSeconds: since(started) };
  // The notebook's panel, kept: opening the inspector or a console changes the shell's current widget.
  await page.waitForFunction((file) => {
    const widget = window.dltipsLab.shell.currentWidget;
    const found = widget && widget.context && widget.context.path === file && widget.content && widget.content.widgets.length;
    if (found) window.__dltipsPanel = widget;
    return found;
  }, name, { timeout: 60000 });
  const loadedSeconds = since(started);
  const ready = await page.waitForFunction(async () => {
    const session = window.__dltipsPanel.sessionContext;
    const kernel = session.session && session.session.kernel;
    if (!kernel || kernel.status !== 'idle') return false;
    const info = await kernel.info;
    return Boolean(info && info.protocol_version);
  }, null, { timeout: kernelStartSeconds * 1000, polling: 250 }).then(() => true, () => false);
  return { page, ready, loadedSeconds, kernelSeconds: since(started) };
}

/**
 * Records, inside the page, every update_display_data per display id (count and final text), kernel status
 * changes, and the distinct texts a live progress output showed while the cells ran.
 */
export function installLabProbes(page, progressPattern) {
  return page.evaluate((pattern) => {
    const panel = window.__dltipsPanel;
    const probe = window.__dltipsLabProbe = { displays: {}, statuses: [], progressTexts: [], pattern };
    const text = (data) => {
      if (data['text/html']) {
        const div = document.createElement('div');
        div.innerHTML = data['text/html'];
        div.querySelectorAll('style, script').forEach((n) => n.remove());
        return div.textContent.replace(/\s+/g, ' ').trim();
      }
      return String(data['text/plain'] ?? '').replace(/\s+/g, ' ').trim();
    };
    panel.sessionContext.iopubMessage.connect((_, msg) => {
      if (msg.header.msg_type !== 'update_display_data') return;
      const id = msg.content.transient && msg.content.transient.display_id;
      const entry = probe.displays[id] || (probe.displays[id] = { count: 0 });
      entry.count += 1;
      entry.text = text(msg.content.data);
      entry.first = entry.first ?? performance.now();
      entry.last = performance.now();
    });
    panel.sessionContext.statusChanged.connect((_, status) => probe.statuses.push(status));
    if (pattern) {
      // Every change of the outputs is seen (not a sample): a short training still shows its steps.
      const re = new RegExp(pattern, 'i');
      probe.observer = new MutationObserver(() => {
        for (const out of panel.node.querySelectorAll('.jp-OutputArea-output')) {
          const shown = out.textContent.replace(/\s+/g, ' ').trim();
          if (re.test(shown) && !probe.progressTexts.includes(shown.slice(0, 200)) && probe.progressTexts.length < 500) {
            probe.progressTexts.push(shown.slice(0, 200));
          }
        }
      });
      probe.observer.observe(panel.node, { subtree: true, childList: true, characterData: true });
    }
  }, progressPattern);
}

/**
 * Clicks Run > Run All Cells in the menu bar and waits until a cell is pending; a click the menu did not take
 * (it can open slowly on a loaded machine) is tried once more. Returns the attempts it took, or 0 if none ran.
 */
export async function runAllFromMenu(page) {
  for (let attempt = 1; attempt <= 2; attempt++) {
    await page.locator('.jp-NotebookPanel .jp-Notebook').first().click({ position: { x: 5, y: 5 } });
    await page.locator('.lm-MenuBar-item', { hasText: /^Run$/ }).click();
    await page.locator('.lm-Menu-item:visible', { hasText: /^Run All Cells/ }).first().click();
    // A cell pending or numbered is the sign; a busy kernel is not: it is busy a moment for requests the page
    // sends on its own (a click that did not take then looked like a run of no cell).
    const started = await waitFor(async () => {
      const state = await labCellState(page);
      return state.running > 0 || state.executed > 0;
    }, 10, 100);
    if (started) return attempt;
    await page.keyboard.press('Escape');
  }
  return 0;
}

/** The state of the current notebook's code cells and kernel. */
export function labCellState(page) {
  return page.evaluate(() => {
    const panel = window.__dltipsPanel;
    const code = panel.content.widgets.filter((c) => c.model.type === 'code');
    const prompt = (c) => (c.node.querySelector('.jp-InputPrompt')?.textContent ?? '').trim();
    return {
      total: code.length,
      running: code.filter((c) => prompt(c).includes('*')).length,
      executed: code.filter((c) => /\d/.test(prompt(c))).length,
      status: panel.sessionContext.kernelDisplayStatus,
      dead: (window.__dltipsLabProbe?.statuses ?? []).includes('dead'),
    };
  });
}

/** Waits until no cell is pending and the kernel is idle (twice in a row, a second apart). */
export async function waitUntilLabDone(page, timeoutMinutes, log) {
  const started = Date.now();
  let lastLog = started;
  let calm = 0;
  const state = await waitFor(async () => {
    const now = await labCellState(page);
    if (Date.now() - lastLog > 30000) {
      lastLog = Date.now();
      log(`${now.total - now.running}/${now.total} code cells done after ${since(started).toFixed(0)} s`);
    }
    calm = now.running === 0 && now.status === 'idle' ? calm + 1 : 0;
    return calm >= 2 || now.dead ? now : null;
  }, timeoutMinutes * 60, 1000);
  return { state, seconds: since(started) };
}

/** Everything the checks need, read from the notebook's model and the DOM after the run. */
export function readLab(page) {
  return page.evaluate(() => {
    const probe = window.__dltipsLabProbe;
    if (probe.observer) probe.observer.disconnect();
    const panel = window.__dltipsPanel;
    const cells = panel.content.widgets;
    const code = cells.map((cell, index) => ({ cell, index })).filter((x) => x.cell.model.type === 'code');
    const outputsOf = (cell) => {
      const list = [];
      for (let i = 0; i < cell.model.outputs.length; i++) list.push(cell.model.outputs.get(i).toJSON());
      return list;
    };
    const all = code.flatMap(({ cell, index }) => outputsOf(cell).map((o) => ({ ...o, cell: index })));
    const withData = all.filter((o) => o.data);
    const clean = (s) => s.replace(/\s+/g, ' ').trim();
    const last = code[code.length - 1];
    const lastOutputs = last ? [...last.cell.node.querySelectorAll('.jp-OutputArea-output')] : [];
    const displays = Object.entries(probe.displays).map(([id, d]) => {
      const shown = [...panel.node.querySelectorAll('.jp-OutputArea-output')]
        .filter((el) => clean(el.textContent) === d.text);
      shown.forEach((el) => el.setAttribute('data-dltips-updated', id));
      return { id, updates: d.count, text: d.text.slice(0, 300), shown: shown.length, spanSeconds: (d.last - d.first) / 1000 };
    });
    return {
      codeCells: code.length,
      unnumbered: code.filter((x) => x.cell.model.value.text.trim() !== '' && x.cell.model.executionCount === null)
        .map((x) => `cell ${x.index} ('${x.cell.model.value.text.split('\n')[0].slice(0, 60)}')`),
      errors: all.filter((o) => o.output_type === 'error').map((o) => `${o.ename}: ${o.evalue}`.slice(0, 400)),
      errorsShown: [...panel.node.querySelectorAll('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')]
        .map((e) => e.textContent.slice(0, 400)),
      pngOutputs: withData.filter((o) => o.data['image/png']).length
        // images inside output widgets (an Interactive's chart) are outputs of the widget, not of the cell
        + [...panel.node.querySelectorAll('.widget-output .jp-OutputArea-output')].filter((o) => o.querySelector('img')).length,
      images: [...panel.node.querySelectorAll('.jp-OutputArea-output img')]
        .map((i) => ({ width: i.naturalWidth, height: i.naturalHeight, complete: i.complete })),
      tableOutputs: withData.filter((o) => /<table/i.test([].concat(o.data['text/html'] ?? []).join(''))).length,
      tables: [...panel.node.querySelectorAll('.jp-RenderedHTMLCommon table')]
        .map((t) => ({ rows: t.querySelectorAll('tr').length, cells: t.querySelectorAll('td').length })),
      lastCellText: lastOutputs.map((o) => clean(o.textContent)).join(' | ').slice(0, 600),
      displays,
      progressTexts: probe.progressTexts,
      // per output widget that shows training progress (an Interactive that trains): how many progress outputs
      widgetProgress: probe.pattern ? [...panel.node.querySelectorAll('.widget-output')]
        .map((w) => [...w.querySelectorAll('.jp-OutputArea-output')]
          .filter((o) => new RegExp(probe.pattern, 'i').test(clean(o.textContent))).length)
        .filter((n) => n > 0) : [],
      statuses: [...new Set(probe.statuses)],
    };
  });
}

/** Screenshots of the notebook from top to bottom (the panel scrolled a screen at a time, at most 10). */
export async function labScreenshots(page, outDir, prefix) {
  const files = [];
  const heights = await page.evaluate(() => {
    const scroller = window.__dltipsPanel.content.node;
    return { total: scroller.scrollHeight, view: scroller.clientHeight };
  });
  const steps = Math.min(10, Math.max(1, Math.ceil(heights.total / Math.max(1, heights.view))));
  for (let i = 0; i < steps; i++) {
    await page.evaluate((top) => { window.__dltipsPanel.content.node.scrollTop = top; },
      Math.min(i * heights.view, Math.max(0, heights.total - heights.view)));
    await page.waitForTimeout(150);
    const file = path.join(outDir, `${prefix}-${String(i + 1).padStart(2, '0')}.png`);
    await page.screenshot({ path: file });
    files.push(file);
  }
  const updated = page.locator('[data-dltips-updated]');
  const count = Math.min(await updated.count(), 3);
  for (let i = 0; i < count; i++) {
    const shot = path.join(outDir, `${prefix}-live-display-${i + 1}.png`);
    await updated.nth(i).scrollIntoViewIfNeeded().catch(() => {});
    await updated.nth(i).screenshot({ path: shot }).then(() => files.push(shot), () => {});
  }
  return files;
}

/**
 * Saves the notebook as the page holds it (File > Save), outputs and JupyterLab's cell timing included; resolves
 * to true once the server has the saved copy.
 */
export async function saveInLab(page) {
  return page.evaluate(async () => {
    const panel = window.__dltipsPanel;
    await panel.context.save();
    return !panel.context.model.dirty;
  }).catch(() => false);
}
