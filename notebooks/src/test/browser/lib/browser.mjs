// Debian's Chromium, driven by playwright-core; only loopback addresses are reachable from the page.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { run } from './processes.mjs';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-proxy-server',
  '--disable-dev-shm-usage'];

/**
 * Launches Chromium with a fresh profile in `profileDir`. Requests to anything but loopback are aborted
 * and listed in `blocked`; page errors and console errors go to `logFile`.
 */
export async function launch(executablePath, profileDir, logFile) {
  if (!fs.existsSync(executablePath)) {
    throw new Error(`no Chromium at ${executablePath}; install Debian's: apt-get install -y chromium chromium-driver`);
  }
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 900 },
    timeout: 60000,
  });
  const blocked = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (/^(https?|wss?):$/.test(url.protocol) && !LOOPBACK.has(url.hostname)) {
      blocked.push(url.href);
      return route.abort('blockedbyclient');
    }
    return route.continue();
  });
  const log = (line) => fs.appendFileSync(logFile, `${new Date().toISOString()} ${line}\n`);
  context.on('page', (page) => watch(page, log));
  for (const page of context.pages()) watch(page, log);
  return { context, blocked, version: context.browser()?.version() ?? chromiumVersion(executablePath) };
}

function watch(page, log) {
  page.on('pageerror', (error) => log(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') log(`console ${message.type()}: ${message.text()}`);
  });
}

function chromiumVersion(executablePath) {
  const result = run(executablePath, ['--version'], { timeout: 20000 });
  return result.stdout.trim() || path.basename(executablePath);
}

/** Lets the classic notebook's scrolling #site grow to its content so a full-page screenshot shows every cell. */
export async function fullPageScreenshot(page, file) {
  await page.addStyleTag({ content: 'html, body { height: auto !important; overflow: visible !important; }'
    + ' #site { height: auto !important; overflow: visible !important; display: block !important; }' });
  await page.screenshot({ path: file, fullPage: true });
}
