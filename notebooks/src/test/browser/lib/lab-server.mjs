// The dltips JupyterLab front end (lab/build.sh) on Debian's jupyter_server, for the JupyterLab browser test.
import fs from 'node:fs';
import path from 'node:path';
import { serveUntilReady } from './jupyter.mjs';

/**
 * Starts `<build>/dltips_lab.py` on 127.0.0.1 with a random token and settings of its own; resolves to
 * { url, token, port, child, log } once /api/status answers, or throws with the server log's tail.
 */
export function startLabServer(ws, python, build, outDir) {
  const script = path.join(build, 'dltips_lab.py');
  if (!fs.existsSync(path.join(build, 'build', 'bundle.js'))) {
    return Promise.reject(new Error(`${build} is not a finished JupyterLab build (no build/bundle.js); run lab/build.sh`
      + ' and pass the folder it prints'));
  }
  // The test's own settings: cells record their timing, so a saved notebook says how long each cell ran.
  const tracker = path.join(ws.root, 'lab-settings', 'user-settings', '@jupyterlab', 'notebook-extension');
  fs.mkdirSync(tracker, { recursive: true });
  fs.writeFileSync(path.join(tracker, 'tracker.jupyterlab-settings'), JSON.stringify({ recordTiming: true }));
  return serveUntilReady(ws, {
    python, log: path.join(outDir, 'lab-server.log'), what: 'the JupyterLab server',
    env: { ...ws.env, DLTIPS_LAB_SETTINGS: path.join(ws.root, 'lab-settings') },
    expected: `'${python} ${script}' to start (Debian packages python3-jupyter-server python3-jupyterlab-server)`,
    args: (port, token) => [script, '--no-browser', '--ip=127.0.0.1', `--port=${port}`, '--port-retries=0',
      `--ServerApp.token=${token}`, `--ServerApp.root_dir=${ws.dirs.notebooks}`, '--KernelManager.ip=127.0.0.1',
      '--ServerApp.allow_remote_access=False'],
  });
}
