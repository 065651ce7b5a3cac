// Command-line options of run.mjs.
import path from 'node:path';

export const USAGE = `usage: node run.mjs --kernel NAME --notebook FILE.ipynb [options]

  --kernel NAME         kernelspec to run the notebook with (e.g. dltips, python3)
  --notebook FILE       notebook to open (repeatable); a copy without outputs is run, the file is not touched
  --out DIR             where screenshots, the executed notebook and report.json go (default: ./browser-test-out)
  --kernel-jar JAR      install the kernelspec from this kernel jar into a temporary prefix first
  --java JAVA           java used for --kernel-jar (default: java on PATH)
  --min-images N        rendered <img> outputs the page must show (default 1)
  --min-tables N        HTML tables the page must show (default 1)
  --progress REGEX      require a display updated in place whose final text matches REGEX
  --console-code CODE   code sent to jupyter console (default "1 + 2")
  --console-expect RE   what its Out[1] must show (default "3")
  --no-console          skip the jupyter console part
  --no-browser          skip the notebook server and browser part
  --timeout-min M       bound for running all cells (default 15)
  --python PY           Python with notebook and jupyter_console (default /usr/bin/python3)
  --chromium PATH       Chromium executable (default /usr/bin/chromium)
  --lab-build DIR       (lab-run.mjs) the JupyterLab build folder that lab/build.sh printed
  --no-by-hand          (lab-run.mjs) skip completion, contextual help, error, stop and restart by hand
  --executed DIR        (lab-run.mjs) save each notebook after its run and copy it, outputs and timing, to DIR`;

const DEFAULTS = {
  out: 'browser-test-out', java: 'java', minImages: 1, minTables: 1, progress: null,
  consoleCode: '1 + 2', consoleExpect: '3', console: true, browser: true, timeoutMin: 15,
  python: '/usr/bin/python3', chromium: '/usr/bin/chromium', kernelJar: null, labBuild: null, byHand: true, executed: null,
};

const VALUED = {
  '--kernel': 'kernel', '--notebook': 'notebook', '--out': 'out', '--kernel-jar': 'kernelJar', '--java': 'java',
  '--min-images': 'minImages', '--min-tables': 'minTables', '--progress': 'progress',
  '--console-code': 'consoleCode', '--console-expect': 'consoleExpect', '--timeout-min': 'timeoutMin',
  '--python': 'python', '--chromium': 'chromium', '--lab-build': 'labBuild', '--executed': 'executed',
};
const NUMERIC = new Set(['minImages', 'minTables', 'timeoutMin']);

/** Parses argv; throws an Error whose message says what was wrong and shows the usage. */
export function parseArgs(argv) {
  const options = { ...DEFAULTS, notebooks: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-console') { options.console = false; continue; }
    if (arg === '--no-browser') { options.browser = false; continue; }
    if (arg === '--no-by-hand') { options.byHand = false; continue; }
    if (arg === '--help' || arg === '-h') { options.help = true; continue; }
    const key = VALUED[arg];
    if (!key) throw new Error(`unknown option '${arg}'; expected one of the options below\n${USAGE}`);
    if (i + 1 >= argv.length) throw new Error(`option ${arg} needs a value\n${USAGE}`);
    let value = argv[++i];
    if (NUMERIC.has(key)) {
      const number = Number(value);
      if (!Number.isFinite(number) || number < 0) {
        throw new Error(`option ${arg} needs a non-negative number, got '${value}'\n${USAGE}`);
      }
      value = number;
    }
    if (key === 'notebook') options.notebooks.push(value);
    else options[key] = value;
  }
  if (options.help) return options;
  if (!options.kernel) throw new Error(`--kernel is required (the kernelspec name, e.g. dltips)\n${USAGE}`);
  if (options.browser && options.notebooks.length === 0) {
    throw new Error(`--notebook is required unless --no-browser is given\n${USAGE}`);
  }
  options.out = path.resolve(options.out);
  options.notebooks = options.notebooks.map((file) => path.resolve(file));
  if (options.kernelJar) options.kernelJar = path.resolve(options.kernelJar);
  if (options.executed) options.executed = path.resolve(options.executed);
  return options;
}
