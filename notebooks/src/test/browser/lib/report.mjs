// Collects check results and timings, prints them as they come and as a one-line summary at the end.
import fs from 'node:fs';
import path from 'node:path';

export class Report {
  constructor() {
    this.checks = [];
    this.timings = [];
    this.started = Date.now();
    this.prefix = '';
  }

  /** Records a check: `fail` is the message shown when `ok` is false (what was received, expected, how to fix). */
  check(name, ok, fail = '') {
    name = this.prefix + name;
    this.checks.push({ name, ok: Boolean(ok), detail: ok ? '' : fail });
    console.log(ok ? `ok   - ${name}` : `FAIL - ${name}: ${fail}`);
    return Boolean(ok);
  }

  /** Records how long something took, in seconds. */
  time(name, seconds) {
    name = this.prefix + name;
    this.timings.push({ name, seconds: Math.round(seconds * 100) / 100 });
    console.log(`time - ${name}: ${seconds.toFixed(2)} s`);
  }

  info(message) {
    console.log(`info - ${this.prefix}${message}`);
  }

  get failed() { return this.checks.filter((c) => !c.ok).length; }
  get passed() { return this.checks.filter((c) => c.ok).length; }

  write(outDir, extra = {}) {
    const file = path.join(outDir, 'report.json');
    const body = { passed: this.passed, failed: this.failed, checks: this.checks, timings: this.timings, ...extra };
    fs.writeFileSync(file, JSON.stringify(body, null, 2) + '\n');
    return file;
  }

  summary() {
    this.time('whole test', (Date.now() - this.started) / 1000);
    return `${this.passed} passed, ${this.failed} failed`;
  }
}

/** Seconds since `start` (a Date.now() value). */
export const since = (start) => (Date.now() - start) / 1000;

/** Polls `probe` until it returns a truthy value or `seconds` pass; returns the value or null. */
export async function waitFor(probe, seconds, intervalMs = 200) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) return null;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
