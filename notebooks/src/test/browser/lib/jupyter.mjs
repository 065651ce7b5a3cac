// Jupyter side: isolated directories and environment, the kernelspec, the notebook copy, the notebook server.
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { run, start, stop } from './processes.mjs';
import { waitFor } from './report.mjs';

/** Creates the temporary directory tree and the environment every Jupyter process of this run gets. */
export function workspace() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dltips-browser-'));
  const dirs = {};
  for (const name of ['notebooks', 'data', 'runtime', 'config', 'ipython', 'prefix', 'chromium', 'console']) {
    dirs[name] = path.join(root, name);
    fs.mkdirSync(dirs[name]);
  }
  const env = { ...process.env };
  for (const name of ['PYTHONPATH', 'PYTHONHOME', 'VIRTUAL_ENV', 'JUPYTER_PREFER_ENV_PATH', 'JUPYTER_PLATFORM_DIRS']) {
    delete env[name];
  }
  const inherited = process.env.JUPYTER_PATH ? process.env.JUPYTER_PATH.split(':') : [];
  Object.assign(env, {
    JUPYTER_PATH: [path.join(dirs.prefix, 'share', 'jupyter'), ...inherited].join(':'),
    JUPYTER_DATA_DIR: dirs.data,
    JUPYTER_RUNTIME_DIR: dirs.runtime,
    JUPYTER_CONFIG_DIR: dirs.config,
    IPYTHONDIR: dirs.ipython,
    PYTHONNOUSERSITE: '1',
    NO_PROXY: '127.0.0.1,localhost', no_proxy: '127.0.0.1,localhost',
  });
  return { root, dirs, env };
}

/** Installs the kernelspec from a kernel jar into the workspace prefix; returns an error text or null. */
export function installKernel(ws, java, jar) {
  if (!fs.existsSync(jar)) return `kernel jar ${jar} does not exist; build it with: mvn -B -q -pl kernel -am package -DskipTests`;
  const result = run(java, ['-jar', jar, 'install', '--prefix', ws.dirs.prefix], { env: ws.env });
  if (result.status === 0) return null;
  return `'${java} -jar ${jar} install --prefix ${ws.dirs.prefix}' exited with ${result.status ?? result.error}: `
    + `${(result.stderr || result.stdout).trim().slice(-600)}`;
}

/** The kernelspecs Jupyter sees in this environment: { name: { resource_dir, spec } }. */
export function kernelspecs(python, env) {
  const result = run(python, ['-m', 'jupyter', 'kernelspec', 'list', '--json'], { env });
  if (result.status !== 0) {
    throw new Error(`'${python} -m jupyter kernelspec list --json' failed (${result.status ?? result.error}): `
      + `${result.stderr.trim().slice(-400)}; install Debian's jupyter-client / jupyter-notebook`);
  }
  return JSON.parse(result.stdout).kernelspecs;
}

/**
 * Copies the notebook without outputs, set to run with `kernel`. Returns the copy's file name, its number of code
 * cells and what the notebook asks the page to show: metadata.dltips.browser_test, e.g.
 * {"min_images": 3, "min_tables": 1, "progress": "epoch 20/20"} (each optional; overrides the command line).
 */
export function prepareNotebook(source, dir, kernel, spec) {
  const notebook = JSON.parse(fs.readFileSync(source, 'utf8'));
  for (const cell of notebook.cells) {
    if (cell.cell_type !== 'code') continue;
    cell.outputs = [];
    cell.execution_count = null;
  }
  notebook.metadata = notebook.metadata || {};
  notebook.metadata.kernelspec = { name: kernel, display_name: spec.display_name, language: spec.language };
  const name = path.basename(source);
  fs.writeFileSync(path.join(dir, name), JSON.stringify(notebook, null, 1));
  const asked = notebook.metadata.dltips?.browser_test ?? {};
  const expect = {};
  if (asked.min_images !== undefined) expect.minImages = Number(asked.min_images);
  if (asked.min_tables !== undefined) expect.minTables = Number(asked.min_tables);
  if (asked.progress !== undefined) expect.progress = asked.progress;
  return { name, codeCells: notebook.cells.filter((c) => c.cell_type === 'code').length, expect };
}

/** A TCP port that was free on 127.0.0.1 a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the classic notebook server on 127.0.0.1 with a random token; resolves to
 * { url, token, port, child, log } once /api/status answers, or throws with the server log's tail.
 */
export function startServer(ws, python, outDir) {
  return serveUntilReady(ws, {
    python, log: path.join(outDir, 'notebook-server.log'), what: 'the notebook server',
    expected: `'${python} -m notebook' to start (Debian package jupyter-notebook)`,
    args: (port, token) => ['-m', 'notebook', '--no-browser', '--ip=127.0.0.1', `--port=${port}`,
      '--port-retries=0', `--NotebookApp.token=${token}`, `--notebook-dir=${ws.dirs.notebooks}`,
      '--KernelManager.ip=127.0.0.1', '--NotebookApp.allow_remote_access=False'],
  });
}

/**
 * Starts a Jupyter server `python ...args(port, token)` on a free loopback port with a random token (three
 * tries when the port was taken meanwhile); resolves once /api/status answers, or throws with the log's tail.
 */
export async function serveUntilReady(ws, { python, args, log, what, expected, env = ws.env }) {
  const token = crypto.randomBytes(24).toString('hex');
  fs.writeFileSync(log, '');
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const child = start(python, [...args(port, token), ...(process.getuid?.() === 0 ? ['--allow-root'] : [])],
      { env, cwd: ws.dirs.notebooks, logFile: log });
    const url = `http://127.0.0.1:${port}`;
    let ended = null;
    child.exited.then((result) => { ended = result; });
    const ready = await waitFor(async () => ended || statusOk(url, token), 60, 250);
    if (ready === true) return { url, token, port, child, log };
    await stop(child, 2);
    const tail = fs.readFileSync(log, 'utf8').trim().split('\n').slice(-15).join('\n');
    if (attempt < 3 && /already in use|Address already/.test(tail)) continue;
    throw new Error(`${what} ${ended ? `exited (${JSON.stringify(ended)}) before answering`
      : 'did not answer within 60 s'} on ${url}/api/status; expected ${expected}. Server log ${log}:\n${tail}`);
  }
}

async function statusOk(url, token) {
  try {
    const response = await fetch(`${url}/api/status`, { headers: { Authorization: `token ${token}` } });
    return response.ok;
  } catch {
    return false;
  }
}

/** Asks the server to shut down every kernel it runs; returns how many it asked about. */
export async function shutdownKernels(server) {
  try {
    const headers = { Authorization: `token ${server.token}` };
    const kernels = await (await fetch(`${server.url}/api/kernels`, { headers })).json();
    for (const kernel of kernels) {
      await fetch(`${server.url}/api/kernels/${kernel.id}`, { method: 'DELETE', headers });
    }
    return kernels.length;
  } catch {
    return 0; // the server may already be gone; stopServer ends it anyway
  }
}

/** Shuts the kernels down, then stops the server. */
export async function stopServer(server) {
  await shutdownKernels(server);
  return stop(server.child, 15);
}

/** The ip addresses written in the kernel connection files of a runtime directory. */
export function connectionIps(runtimeDir) {
  return fs.readdirSync(runtimeDir).filter((f) => /^kernel-.*\.json$/.test(f)).map((f) => {
    try { return { file: f, ip: JSON.parse(fs.readFileSync(path.join(runtimeDir, f), 'utf8')).ip }; } catch { return { file: f, ip: '?' }; }
  });
}
