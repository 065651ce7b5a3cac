// The dltips JupyterLab front end: the JupyterLab 3.6 shell with the extensions a course needs, nothing else.
import { PageConfig } from '@jupyterlab/coreutils';

// Chunks and assets load from the server's static URL, which is known only once the page is served.
// eslint-disable-next-line no-undef
__webpack_public_path__ = PageConfig.getOption('fullStaticUrl') + '/';

async function start() {
  await import('../build/style.js');
  const { JupyterLab } = await import('@jupyterlab/application');
  const { extensions, mimeExtensions } = await import('../build/plugins.js');
  const lab = new JupyterLab({ mimeExtensions });
  lab.registerPluginModules(extensions);
  // The application object, for scripted checks (the browser test) and the browser's console.
  window.dltipsLab = lab;
  await lab.start();
  await lab.restored;
  document.body.dataset.dltipsLab = 'ready';
}

window.addEventListener('load', () => {
  start().catch(error => {
    document.body.dataset.dltipsLab = 'failed';
    console.error('dltips JupyterLab failed to start', error);
  });
});
