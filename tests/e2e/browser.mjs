// Shared by the browser tests and the benchmark: Debian's Chromium through
// playwright-core, a static server of the built site, and small helpers.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const outDir = path.join(repo, 'test-output');

const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-gl=swiftshader', '--enable-unsafe-swiftshader',
  '--enable-webgl', '--ignore-gpu-blocklist'];

// Starts the static server on a free port; resolves to {url, stop()}.
export async function serve(dir = path.join(repo, 'dist'), subPath = '') {
  const child = spawn(process.execPath, [path.join(repo, 'scripts/static_server.mjs'), dir, '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    child.stdout.once('data', (d) => resolve(/http:\/\/[^\s]+/.exec(String(d))[0]));
    child.once('exit', (code) => reject(new Error('server exited ' + code)));
  });
  child.on('exit', (code, signal) => { if (signal !== 'SIGTERM') console.error(`static server stopped (${code ?? signal})`); });
  return { url: url + subPath, stop: () => child.kill() };
}

// A browser context on a fresh profile folder (IndexedDB persists across reloads in it).
export async function launch({ width = 1366, height = 768, profile, dpr = 1, touch = false } = {}) {
  const dir = profile || fs.mkdtempSync(path.join(os.tmpdir(), 'shenbao-profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium', headless: true, args: FLAGS,
    viewport: { width, height }, deviceScaleFactor: dpr, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', hasTouch: touch,
  });
  // The samples and the tests' dates are the 2018 call's: a profile starts with that call
  // chosen (as a person would choose it), unless a test chooses another.
  await context.addInitScript(() => {
    try { if (!localStorage.getItem('shenbao-call')) localStorage.setItem('shenbao-call', 'yancheng-2018'); } catch (e) { /* none */ }
  });
  return { context, profile: dir };
}

// Opens the app in the context's first tab, or in a new tab with { newTab: true }.
export async function openApp(context, url, { newTab = false } = {}) {
  const page = (!newTab && context.pages()[0]) || await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url);
  await page.waitForFunction(() => window.shenbao && window.shenbao.ready, null, { timeout: 60000 });
  page.errors = errors;
  return page;
}

export async function settle(page, ms = 300) {
  await page.waitForTimeout(ms);
}

export function shot(page, name) {
  fs.mkdirSync(outDir, { recursive: true });
  return page.screenshot({ path: path.join(outDir, name + '.png') });
}

// axe-core (pinned in package.json) run on the page: its serious and critical violations,
// one line each (empty when there is none).
export async function seriousViolations(page) {
  if (!(await page.evaluate(() => !!window.axe))) await page.addScriptTag({ path: path.join(repo, 'tests/e2e/node_modules/axe-core/axe.min.js') });
  return (await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations))
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.html.slice(0, 80)).join(' | ')}`);
}
