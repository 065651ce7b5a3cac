// The classic notebook page: open, Run All, wait until every cell is done, then read what the page shows.
import fs from 'node:fs';
import path from 'node:path';
import { fullPageScreenshot } from './browser.mjs';
import { since, waitFor } from './report.mjs';

/** Opens the notebook and waits until its kernel answered kernel_info; returns the page and seconds taken. */
export async function openNotebook(context, server, name, kernelStartSeconds = 180) {
  const page = context.pages()[0] ?? await context.newPage();
  const started = Date.now();
  await page.goto(`${server.url}/notebooks/${encodeURIComponent(name)}?token=${server.token}`,
    { waitUntil: 'load', timeout: 60000 });
  await page.waitForFunction(() => window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded,
    null, { timeout: 60000 });
  const loadedSeconds = since(started);
  const ready = await page.waitForFunction(() => {
    const kernel = Jupyter.notebook.kernel;
    return kernel && kernel.is_connected() && kernel.info_reply && kernel.info_reply.protocol_version;
  }, null, { timeout: kernelStartSeconds * 1000 }).then(() => true, () => false);
  return { page, loadedSeconds, kernelSeconds: since(started), ready };
}

/** Text of any modal dialog the notebook shows (kernel not found, kernel died, ...), or ''. */
export function dialogText(page) {
  return page.evaluate(() => [...document.querySelectorAll('.modal.in, .modal[style*="block"]')]
    .map((m) => m.innerText.replace(/\s+/g, ' ').trim()).join(' | '));
}

/** Records cell starts/ends, kernel state changes and in-place display updates inside the page. */
export function installProbes(page) {
  return page.evaluate(() => {
    const probe = window.__dltipsProbe = { started: {}, finished: {}, kernel: [], displays: {} };
    const events = Jupyter.notebook.events;
    const indexOf = (cell) => Jupyter.notebook.get_cells().indexOf(cell);
    events.on('execute.CodeCell', (e, d) => { probe.started[indexOf(d.cell)] = performance.now(); });
    events.on('finished_execute.CodeCell', (e, d) => { probe.finished[indexOf(d.cell)] = performance.now(); });
    for (const name of ['kernel_dead', 'kernel_restarting', 'kernel_disconnected', 'kernel_killed', 'kernel_autorestarting']) {
      events.on(`${name}.Kernel`, () => probe.kernel.push(name));
    }
    events.on('output_updated.OutputArea', (e, d) => {
      const id = (d.output.transient || {}).display_id;
      const cell = Jupyter.notebook.get_cells().findIndex((c) => c.output_area === d.output_area);
      const entry = probe.displays[id] || (probe.displays[id] = { count: 0, cell });
      entry.count += 1;
      entry.html = d.output.data['text/html'] ?? null;
      entry.text = d.output.data['text/plain'] ?? null;
      const png = d.output.data['image/png'];
      entry.pngTail = png ? png.replace(/\s+/g, '').slice(-48) : null;
    });
  });
}

/** Clicks Cell > Run All in the menu bar. */
export async function runAll(page) {
  await page.click('#celllink');
  await page.click('#run_all_cells > a');
}

/** Waits until no cell is running and the kernel is idle (twice in a row); logs progress every 30 s. */
export async function waitUntilDone(page, timeoutMinutes, log) {
  const started = Date.now();
  let lastLog = started;
  let calm = 0;
  const state = await waitFor(async () => {
    const now = await page.evaluate(() => {
      const code = Jupyter.notebook.get_cells().filter((c) => c.cell_type === 'code');
      return {
        running: code.filter((c) => c.element.hasClass('running')).length,
        total: code.length,
        idle: document.querySelector('#kernel_indicator_icon').className === 'kernel_idle_icon',
        dead: window.__dltipsProbe.kernel.includes('kernel_dead'),
      };
    });
    if (Date.now() - lastLog > 30000) {
      lastLog = Date.now();
      log(`${now.total - now.running}/${now.total} code cells done after ${since(started).toFixed(0)} s`);
    }
    calm = now.running === 0 && now.idle ? calm + 1 : 0;
    return calm >= 2 || now.dead ? now : null;
  }, timeoutMinutes * 60, 1000);
  return { state, seconds: since(started) };
}

/** Everything the checks need, read from the page after the run. */
export function readPage(page, progressPattern) {
  return page.evaluate((pattern) => {
    const clean = (html) => {
      const div = document.createElement('div');
      div.innerHTML = html;
      div.querySelectorAll('style, script').forEach((n) => n.remove());
      return div.textContent.replace(/\s+/g, ' ').trim();
    };
    const probe = window.__dltipsProbe;
    const cells = Jupyter.notebook.get_cells();
    const code = cells.map((cell, index) => ({ cell, index })).filter((x) => x.cell.cell_type === 'code');
    const timings = code.map(({ cell, index }, i) => {
      const end = probe.finished[index];
      const previous = i > 0 ? probe.finished[code[i - 1].index] : undefined;
      const begin = Math.max(probe.started[index] ?? 0, previous ?? 0);
      return { index, first: cell.get_text().split('\n')[0].slice(0, 70), seconds: end ? (end - begin) / 1000 : null };
    });
    const displays = Object.entries(probe.displays).map(([id, d]) => {
      const area = cells[d.cell].output_area;
      const shown = (area._display_id_targets[id] || []).map((t) => t.element && t.element[0])
        .filter((el) => el && document.body.contains(el));
      const expected = d.html !== null ? clean(d.html) : (d.text || '').replace(/\s+/g, ' ').trim();
      const shownTexts = shown.map((el) => clean(el.innerHTML));
      const showsLast = (el, i) => (d.pngTail
        ? [...el.querySelectorAll('img')].some((img) => img.src.replace(/\s+/g, '').endsWith(d.pngTail))
        : shownTexts[i] === expected);
      shown.forEach((el) => el.setAttribute('data-dltips-updated', id));
      return {
        id, cell: d.cell, updates: d.count, shown: shown.length, expected: expected.slice(0, 300),
        kind: d.pngTail ? 'image' : 'text',
        matchesLastUpdate: shown.length > 0 && shown.every(showsLast),
        matchesPattern: pattern ? new RegExp(pattern, 'i').test(expected) : null,
        outputsInCell: area.outputs.length,
      };
    });
    return {
      codeCells: code.length,
      unnumbered: code.filter((x) => x.cell.get_text().trim() !== '' && typeof x.cell.input_prompt_number !== 'number')
        .map((x) => `cell ${x.index} ('${x.cell.get_text().split('\n')[0].slice(0, 60)}', prompt ${x.cell.input_prompt_number})`),
      errors: [...document.querySelectorAll('div.output_error')].map((e) => e.innerText.slice(0, 400)),
      stderrExceptions: [...document.querySelectorAll('div.output_stderr')].map((e) => e.innerText)
        .filter((t) => /Exception/.test(t)).map((t) => t.slice(0, 400)),
      images: [...document.querySelectorAll('div.output_subarea img')]
        .map((i) => ({ width: i.naturalWidth, height: i.naturalHeight, complete: i.complete })),
      tables: [...document.querySelectorAll('div.output_html table')]
        .map((t) => ({ rows: t.querySelectorAll('tr').length, cells: t.querySelectorAll('td').length })),
      displays, timings, kernelEvents: probe.kernel,
    };
  }, progressPattern);
}

/** Saves the executed notebook through the page and copies it into `outDir`. */
export async function saveExecuted(page, notebookDir, name, outDir) {
  await page.evaluate(() => Jupyter.notebook.save_notebook());
  const file = path.join(notebookDir, name);
  await waitFor(() => {
    try { return JSON.parse(fs.readFileSync(file, 'utf8')).cells.some((c) => (c.outputs || []).length > 0); } catch { return false; }
  }, 20, 250);
  const target = path.join(outDir, `executed-${name}`);
  fs.copyFileSync(file, target);
  return target;
}

/** Full-page screenshot plus one of each output that was updated in place (at most 5). */
export async function screenshots(page, outDir, prefix) {
  const files = [path.join(outDir, `${prefix}-full.png`)];
  await fullPageScreenshot(page, files[0]);
  const updated = page.locator('[data-dltips-updated]');
  const count = Math.min(await updated.count(), 5);
  for (let i = 0; i < count; i++) {
    const file = path.join(outDir, `${prefix}-live-display-${i + 1}.png`);
    await updated.nth(i).screenshot({ path: file });
    files.push(file);
  }
  return files;
}
