// The same short run in every engine the call reaches: old Chromium cores (360 安全浏览器
// 13 is Chromium 86; a mid-age 110), Debian's Chromium, Firefox ESR (信创 machines) and
// WebKitGTK (the engine of Safari). Each: load, start a draft, type Chinese, reload and
// find the text, export. Prints a line per engine and closes with
// "browsers: N passed, N failed". Engines, drivers and their versions are pinned in
// package-lock.json here; ../shared/docs/toolchain.md tells how each runs on this machine.
//   node tests/browsers/matrix.mjs [engine-name-part]
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { serve } from '../e2e/browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const cacheDir = path.join(here, '.cache');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const TEXT = '盐城学术论坛';

async function until(what, fn, timeout = 60000) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    try { last = await fn(); if (last) return last; } catch (e) { last = e; }
    await sleep(200);
  }
  throw new Error(`timed out waiting for ${what} (last: ${last})`);
}

// ---- old Chromium from npm: unpacked once into .cache/<name> -----------------------------
function unpackChromium(name, pkg) {
  const dir = path.join(cacheDir, name);
  if (fs.existsSync(path.join(dir, 'chromium'))) return dir;
  const bin = path.join(here, 'node_modules', pkg, 'bin');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'chromium'), zlib.brotliDecompressSync(fs.readFileSync(path.join(bin, 'chromium.br'))));
  fs.chmodSync(path.join(dir, 'chromium'), 0o755);
  for (const t of ['aws', 'swiftshader']) {
    const tar = path.join(dir, t + '.tar');
    fs.writeFileSync(tar, zlib.brotliDecompressSync(fs.readFileSync(path.join(bin, t + '.tar.br'))));
    execFileSync('tar', ['-xf', tar, '-C', dir]);
    fs.rmSync(tar);
  }
  // WebGL: Chromium looks for SwiftShader's GL in swiftshader/, the package ships it beside.
  fs.mkdirSync(path.join(dir, 'swiftshader'), { recursive: true });
  for (const lib of ['libGLESv2.so', 'libEGL.so'])
    if (!fs.existsSync(path.join(dir, 'swiftshader', lib))) fs.symlinkSync(path.join('..', lib), path.join(dir, 'swiftshader', lib));
  return dir;
}

// A Chromium driven over the DevTools protocol (current Playwright no longer speaks to
// cores this old).
class Cdp {
  static async launch(executable, env, extraArgs = []) {
    const port = 9400 + Math.floor(Math.random() * 500);
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'shenbao-cdp-'));
    const child = spawn(executable, ['--headless', '--no-sandbox', '--no-zygote', '--use-gl=swiftshader',
      '--ignore-gpu-blocklist', '--disable-gpu-sandbox', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--window-size=1366,768', `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`,
      ...extraArgs, 'about:blank'], { env: { ...process.env, ...env }, stdio: 'ignore' });
    const targets = await until('the DevTools port', async () => {
      const list = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
      return list.find((t) => t.type === 'page') && list;
    }, 30000);
    const cdp = new Cdp(child);
    await cdp.connect(targets.find((t) => t.type === 'page').webSocketDebuggerUrl);
    return cdp;
  }
  constructor(child) { this.child = child; this.id = 0; this.pending = new Map(); this.errors = []; }
  connect(url) {
    return new Promise((resolve, reject) => {
      this.ws = new WebSocket(url, { perMessageDeflate: false });
      this.ws.on('open', resolve);
      this.ws.on('error', reject);
      this.ws.on('message', (data) => {
        const m = JSON.parse(String(data));
        if (m.method === 'Runtime.exceptionThrown') this.errors.push(m.params.exceptionDetails.exception?.description || m.params.exceptionDetails.text);
        if (m.method === 'Runtime.consoleAPICalled' && m.params.type === 'error') this.errors.push(m.params.args.map((a) => a.value ?? a.description).join(' '));
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        if (m.error) p.reject(new Error(m.error.message)); else p.resolve(m.result);
      });
    });
  }
  send(method, params = {}) {
    const id = ++this.id;
    this.ws.send(JSON.stringify({ id, method, params }));
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }
  async goto(url) { await this.send('Page.enable'); await this.send('Runtime.enable'); await this.send('Page.navigate', { url }); }
  async eval(expression) {
    const r = await this.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
    if (r.exceptionDetails) throw new Error(r.exceptionDetails.text + ' ' + (r.exceptionDetails.exception || {}).description);
    return r.result.value;
  }
  async key(name) {
    const keys = { Tab: { key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9 }, Space: { key: ' ', code: 'Space', windowsVirtualKeyCode: 32, text: ' ' } };
    await this.send('Input.dispatchKeyEvent', { type: 'keyDown', ...keys[name] });
    await this.send('Input.dispatchKeyEvent', { type: 'keyUp', ...keys[name], text: undefined });
  }
  async typeChinese(text) {
    await this.send('Input.imeSetComposition', { text: 'yancheng', selectionStart: 8, selectionEnd: 8 }).catch(() => {});
    await this.send('Input.insertText', { text });
  }
  async click(x, y) {  // as Playwright sends a click
    await this.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y, button: 'none', buttons: 0 });
    await this.send('Input.dispatchMouseEvent', { type: 'mousePressed', x, y, button: 'left', buttons: 1, clickCount: 1 });
    await this.send('Input.dispatchMouseEvent', { type: 'mouseReleased', x, y, button: 'left', buttons: 0, clickCount: 1 });
  }
  async reload() { await this.send('Page.reload'); }
  async screenshot(file) { fs.writeFileSync(file, Buffer.from((await this.send('Page.captureScreenshot')).data, 'base64')); }
  async close() { try { this.ws.close(); } catch (e) { /* gone */ } this.child.kill('SIGKILL'); }
}

// ---- Firefox ESR and WebKitGTK need a display -----------------------------------------------
let xvfb = null, xvfbDisplay = '';
async function display() {
  if (xvfb) return xvfbDisplay;
  // A free display of its own: Xvfb writes the number it took to file descriptor 3.
  xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1366x768x24', '-nolisten', 'tcp'],
               { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
  const number = await new Promise((resolve, reject) => {
    xvfb.stdio[3].once('data', (d) => resolve(String(d).trim()));
    xvfb.once('exit', (code) => reject(new Error('Xvfb exited ' + code)));
  });
  xvfbDisplay = ':' + number;
  return xvfbDisplay;
}

class Firefox {
  static async launch() {
    const { default: puppeteer } = await import('puppeteer-core');
    const browser = await puppeteer.launch({
      browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: false,
      env: { ...process.env, DISPLAY: await display() }, defaultViewport: { width: 1366, height: 768 },
      extraPrefsFirefox: { 'webgl.force-enabled': true, 'webgl.disabled': false, 'gfx.webrender.software': true },
    });
    const f = new Firefox();
    f.browser = browser;
    f.page = (await browser.pages())[0] || await browser.newPage();
    return f;
  }
  async goto(url) { await this.page.goto(url); }
  async eval(expression) { return this.page.evaluate(expression); }
  async key(name) { await this.page.keyboard.press(name === 'Space' ? ' ' : name); }
  async typeChinese(text) { for (const ch of text) await this.page.keyboard.sendCharacter(ch); }
  async click(x, y) { await this.page.mouse.click(x, y); }
  async reload() { await this.page.reload(); }
  async close() { await this.browser.close(); }
}

class WebKit {
  static async launch() {
    const port = 4449;
    const env = { ...process.env, DISPLAY: await display() };
    const driver = spawn('WebKitWebDriver', [`--port=${port}`], { env, stdio: 'ignore' });
    await sleep(1000);
    const { Builder, Capabilities } = await import('selenium-webdriver');
    const caps = new Capabilities({ browserName: 'MiniBrowser', 'webkitgtk:browserOptions': {
      binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', args: ['--automation', '--geometry=1366x768'] } });
    const w = new WebKit();
    w.driverProcess = driver;
    w.driver = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities(caps).build();
    return w;
  }
  async goto(url) { await this.driver.get(url); }
  async eval(expression) { return this.driver.executeScript(`return (${expression});`); }
  async key(name) {
    const { Key } = await import('selenium-webdriver');
    await this.driver.actions().sendKeys(name === 'Space' ? Key.SPACE : Key.TAB).perform();
  }
  async typeChinese(text) { await this.driver.actions().sendKeys(text).perform(); }
  async click(x, y) {
    await this.driver.actions().move({ x: Math.round(x), y: Math.round(y), origin: 'viewport' }).click().perform();
  }
  async reload() { await this.driver.navigate().refresh(); }
  async close() { try { await this.driver.quit(); } finally { this.driverProcess.kill(); } }
}

// ---- the run ------------------------------------------------------------------------------
const idle = '!window.shenbao.busy()';
async function smoke(b, url) {
  await b.goto(url);
  await until('the app to start', () => b.eval('!!(window.shenbao && window.shenbao.ready)')).catch(async (e) => {
    const said = await b.eval("document.getElementById('plain') ? 'the page without WebGL' : document.getElementById('status').innerText")
      .catch(() => '?');
    throw new Error(`${e.message}: the page shows ${JSON.stringify(said)}; errors ${JSON.stringify(b.errors || [])}`);
  });
  await until('a quiet app', () => b.eval(idle));
  await b.key('Tab');  // the kind chooser's first button
  await until('a quiet app', () => b.eval(idle));
  await b.key('Space');
  await until('a new draft with the caret in 项目名称', () => b.eval("window.shenbao.focused() === 'cover.project_name'"));
  await until('a quiet app', () => b.eval(idle));
  await b.typeChinese(TEXT);
  await until('the text in the draft', () => b.eval(`JSON.parse(window.shenbao.draft()).application.cover.project_name === ${JSON.stringify(TEXT)}`), 15000);
  await until('the draft saved', () => b.eval("window.shenbao.status().save_state === 'saved'"), 15000);
  await b.reload();
  await until('the app after a reload', () => b.eval('!!(window.shenbao && window.shenbao.ready)'));
  await until('the text after a reload', () => b.eval(`JSON.parse(window.shenbao.draft()).application.cover.project_name === ${JSON.stringify(TEXT)}`));
  await until('a quiet app', () => b.eval(idle));
  const item = await b.eval("window.shenbao.layout().find((i) => i.name === 'toolbar.export')");
  await b.click(item.x + item.w / 2, item.y + item.h / 2);
  const saved = await until('the export', () => b.eval('window.shenbao.lastDownload'), 15000).catch(async (e) => {
    throw new Error(`${e.message}: clicked ${JSON.stringify(item)} in a window of ` +
                    `${await b.eval('innerWidth + "x" + innerHeight')}; errors ${JSON.stringify(b.errors || [])}`);
  });
  if (!saved.endsWith('.json')) throw new Error('exported ' + saved);
  return b.eval('window.shenbao.metrics().webgl');
}

const engines = [
  { name: 'Chromium 86 (chrome-aws-lambda 5.3.1; 360 安全浏览器 13)', launch: () => {
    const dir = unpackChromium('chromium-86', 'chrome-aws-lambda');
    return Cdp.launch(path.join(dir, 'chromium'), { LD_LIBRARY_PATH: `${dir}/lib:${dir}` },
                      ['--single-process', '--in-process-gpu']);
  } },
  { name: 'Chromium 110 (@sparticuz/chromium 110.0.1)', launch: () => {
    const dir = unpackChromium('chromium-110', '@sparticuz/chromium');
    // Its WebGL is ANGLE over SwiftShader (the flags the package itself uses).
    return Cdp.launch(path.join(dir, 'chromium'), { LD_LIBRARY_PATH: `${dir}/lib:${dir}` },
                      ['--single-process', '--in-process-gpu', '--use-gl=angle', '--use-angle=swiftshader']);
  } },
  { name: "Debian's Chromium", launch: () => Cdp.launch('/usr/bin/chromium', {}, ['--enable-unsafe-swiftshader', '--disable-gpu']) },
  { name: 'Firefox ESR', launch: () => Firefox.launch() },
  { name: 'WebKitGTK (Safari)', launch: () => WebKit.launch() },
];

const only = process.argv[2];
const server = await serve();
let passed = 0, failed = 0;
try {
  for (const engine of engines.filter((e) => !only || e.name.toLowerCase().includes(only.toLowerCase()))) {
    const started = Date.now();
    let b = null;
    try {
      b = await engine.launch();
      const webgl = await smoke(b, server.url);
      passed++;
      console.log(`ok   ${engine.name}: loads, types 盐城学术论坛, keeps it over a reload, exports (WebGL ${webgl}, ${Date.now() - started} ms)`);
    } catch (err) {
      failed++;
      console.log(`FAIL ${engine.name}\n     ${String(err && err.stack || err).split('\n').slice(0, 4).join('\n     ')}`);
    } finally {
      if (b) await b.close().catch(() => {});
    }
  }
} finally {
  server.stop();
  if (xvfb) xvfb.kill();
}
console.log(`browsers: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
