// What every browser-test run starts with: its options, a report, a temporary Jupyter workspace that is
// removed (with any process still mentioning it) when the run exits, and the kernelspec.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, USAGE } from './args.mjs';
import { installKernel, kernelspecs, workspace } from './jupyter.mjs';
import { onExit, processesMentioning } from './processes.mjs';
import { Report } from './report.mjs';

/**
 * Parses argv (`required(options)` may return an error text) and prepares the run. Returns { exit } when the
 * run ends here (usage or help), else { options, report, ws, spec } with `spec` null when the kernelspec
 * could not be installed or found (the report says why).
 */
export function openSession(argv, required = () => null) {
  let options;
  try {
    options = parseArgs(argv);
    const missing = options.help ? null : required(options);
    if (missing) throw new Error(`${missing}\n${USAGE}`);
  } catch (error) {
    console.error(error.message);
    return { exit: 2 };
  }
  if (options.help) { console.log(USAGE); return { exit: 0 }; }
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
  return { options, report, ws, spec: kernelspec(options, report, ws) };
}

function kernelspec(options, report, ws) {
  if (options.kernelJar) {
    const error = installKernel(ws, options.java, options.kernelJar);
    if (!report.check(`kernelspec installed from ${path.basename(options.kernelJar)}`, !error, error)) return null;
  }
  const specs = kernelspecs(options.python, ws.env);
  const spec = specs[options.kernel];
  if (!report.check(`kernelspec '${options.kernel}' is visible to Jupyter`, spec,
    `Jupyter lists only [${Object.keys(specs).join(', ')}] with JUPYTER_PATH=${ws.env.JUPYTER_PATH}; `
    + 'install it with --kernel-jar JAR, or put its share/jupyter directory on JUPYTER_PATH')) return null;
  report.info(`kernel '${options.kernel}': ${spec.spec.argv.join(' ').slice(0, 200)}`);
  return spec.spec;
}

/** Prints and writes the summary; the exit code is 1 when a check failed. */
export function finish(report, options, extra = {}) {
  const summary = report.summary();
  report.write(options.out, { kernel: options.kernel, notebooks: options.notebooks, summary, ...extra });
  console.log(summary);
  return report.failed === 0 ? 0 : 1;
}
