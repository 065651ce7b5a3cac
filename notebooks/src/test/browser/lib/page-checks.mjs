// Checks on what the notebook page shows after Run All.

/** Records the page checks in `report`; `seen` comes from readPage. */
export function checkPage(seen, notebook, options, report) {
  report.check(`all ${notebook.codeCells} code cells are in the page`, seen.codeCells === notebook.codeCells,
    `the page has ${seen.codeCells} code cells, the notebook file ${notebook.codeCells}`);
  report.check('every non-empty code cell has an execution count', seen.unnumbered.length === 0,
    `${seen.unnumbered.length} without one: ${seen.unnumbered.join('; ')}; an earlier error aborts the cells after it`);
  report.check('no error output (div.output_error)', seen.errors.length === 0,
    `${seen.errors.length} shown, the first: ${JSON.stringify(seen.errors[0] ?? '')}`);
  report.check('no stderr output mentioning an Exception', seen.stderrExceptions.length === 0,
    `${seen.stderrExceptions.length} shown, the first: ${JSON.stringify(seen.stderrExceptions[0] ?? '')}`);
  report.check('the kernel neither died nor restarted', seen.kernelEvents.length === 0,
    `kernel events during the run: ${seen.kernelEvents.join(', ')}`);

  const drawn = seen.images.filter((i) => i.complete && i.width > 0 && i.height > 0);
  report.check(`at least ${options.minImages} rendered image output(s) (charts)`, drawn.length >= options.minImages,
    `${drawn.length} of ${seen.images.length} <img> outputs decoded (sizes ${JSON.stringify(seen.images)}); `
    + 'expected chart cells to produce image/png outputs the browser can decode');
  const filled = seen.tables.filter((t) => t.cells > 0);
  report.check(`at least ${options.minTables} HTML table output(s) with data cells`, filled.length >= options.minTables,
    `${filled.length} tables with <td> cells among ${seen.tables.length} (${JSON.stringify(seen.tables)}); `
    + 'expected a text/html output with a <table>, e.g. a Tablesaw table as a cell\'s last value');
  if (drawn.length) report.info(`images: ${drawn.map((i) => `${i.width}x${i.height}`).join(', ')}`);
  if (filled.length) report.info(`tables: ${filled.map((t) => `${t.rows} rows/${t.cells} cells`).join(', ')}`);

  for (const d of seen.displays) {
    report.info(`display ${d.id} (${d.kind}) in cell ${d.cell}: ${d.updates} in-place updates, shown ${d.shown}x, `
      + `showing the last update: ${d.matchesLastUpdate}; final text '${d.expected.slice(0, 120)}'`);
  }
  if (!options.progress) return;
  const live = seen.displays.filter((d) => d.matchesPattern);
  report.check(`a display updated in place ends with text matching /${options.progress}/i`, live.length > 0,
    seen.displays.length ? `updated displays end with: ${seen.displays.map((d) => `'${d.expected.slice(0, 100)}'`).join(', ')}`
      : 'no update_display_data reached the page; expected a live progress display (display_data with a display_id, then updates)');
  const shown = live.filter((d) => d.shown === 1 && d.matchesLastUpdate);
  report.check('the page shows the last update of that display, once', shown.length > 0,
    `matching displays: ${JSON.stringify(live.map(({ id, shown: s, matchesLastUpdate: m }) => ({ id, shown: s, matchesLastUpdate: m })))}; `
    + 'expected its element in the page to hold the text of the final update');
}
