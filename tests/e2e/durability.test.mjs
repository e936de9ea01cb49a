// Never lose a draft: offline use, a new build only when the person agrees, one writer
// across tabs, a killed page, a corrupted stored file, no IndexedDB at all, and backup
// and restore into a wiped profile.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, openApp, outDir, repo, serve, shot } from './browser.mjs';
import { newDraftByKeyboard } from './foundation.test.mjs';
import { chooseFiles, clickBanner, clickItem, clickToolbar, draftOf, dropFiles, fill, press, quiet, sleep, typeText } from './form.mjs';

const fixtureText = (kind) => fs.readFileSync(path.join(repo, `tests/fixtures/complete-${kind}.json`), 'utf8');
const status = (page) => page.evaluate(() => window.shenbao.status());
const drafts = (page) => page.evaluate(() => window.shenbao.drafts());
const reopen = async (page) => {
  await page.reload();
  await page.waitForFunction(() => window.shenbao && window.shenbao.ready, null, { timeout: 60000 });
  await quiet(page);
};
const controlled = (page) => page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller, null, { timeout: 30000 });

export const tests = [
  {
    name: 'served from a sub-path (/shenbao/): loads, works offline, saves',
    async run() {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'shenbao-host-'));
      fs.cpSync(path.join(repo, 'dist'), path.join(root, 'shenbao'), { recursive: true });
      const host = await serve(root, 'shenbao/');
      const { context } = await launch();
      try {
        const page = await openApp(context, host.url);
        assert.equal(new URL(page.url()).pathname, '/shenbao/');
        await controlled(page);
        const scope = await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => new URL(r.scope).pathname));
        assert.equal(scope, '/shenbao/');
        await context.setOffline(true);
        await reopen(page);
        await newDraftByKeyboard(page);
        await typeText(page, '子路径');
        await page.keyboard.press('Escape');
        await sleep(1500);
        await reopen(page);
        assert.equal((await draftOf(page)).application.cover.project_name, '子路径');
      } finally {
        await context.close();
        host.stop();
      }
    },
  },
  {
    name: 'offline after one visit: the app loads, saves and keeps what was typed',
    async run({ server }) {
      const { context } = await launch();
      try {
        const page = await openApp(context, server.url);
        await controlled(page);
        await context.setOffline(true);
        await reopen(page);
        await newDraftByKeyboard(page);
        await typeText(page, '断网时写的项目');
        await page.keyboard.press('Escape');
        await sleep(1500);
        await reopen(page);
        assert.equal((await draftOf(page)).application.cover.project_name, '断网时写的项目');
        // A character from a font chunk that was never fetched before going offline is
        // still a character of the draft (drawn once online again).
        assert.deepEqual(page.errors.filter((e) => !/Failed to load resource|fonts\//.test(e)), []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'a new build is picked up only after the person agrees, after saving',
    async run() {
      const site = fs.mkdtempSync(path.join(os.tmpdir(), 'shenbao-site-'));
      fs.cpSync(path.join(repo, 'dist'), site, { recursive: true });
      const own = await serve(site);
      const { context } = await launch();
      try {
        const page = await openApp(context, own.url);
        await controlled(page);
        await newDraftByKeyboard(page);
        await typeText(page, '更新前写的');
        await page.keyboard.press('Escape');
        await quiet(page);
        await page.evaluate(() => { window.samePage = true; });
        // Deploy a new build.
        fs.appendFileSync(path.join(site, 'shenbao.js'), '\n// build 2\n');
        execFileSync(process.execPath, [path.join(repo, 'scripts/make_site.mjs'), site]);
        await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
        await page.waitForFunction(() => window.shenbao.status().update_available, null, { timeout: 30000 });
        await quiet(page);
        await shot(page, 'durability-update-banner-1366x768');
        await sleep(2000);
        assert.equal(await page.evaluate(() => window.samePage), true, 'no reload by itself');
        await clickBanner(page);
        await page.waitForFunction(() => !window.samePage && window.shenbao && window.shenbao.ready, null, { timeout: 30000 });
        const text = await page.evaluate(() => fetch('shenbao.js').then((r) => r.text()));
        assert.ok(text.includes('// build 2'), 'the new build runs');
        await quiet(page);
        const info = JSON.stringify({ status: await page.evaluate(() => window.shenbao.status()), drafts: await page.evaluate(() => window.shenbao.drafts()) });
        assert.equal((await draftOf(page)).application.cover.project_name, '更新前写的', info);
      } finally {
        await context.close();
        own.stop();
      }
    },
  },
  {
    name: 'two tabs on one profile: one writer at a time, the second takes over, nothing lost',
    async run({ server }) {
      const { context } = await launch();
      try {
        const a = await openApp(context, server.url);
        await newDraftByKeyboard(a);
        await typeText(a, '甲窗口');
        await quiet(a);
        const b = await openApp(context, server.url, { newTab: true });
        assert.equal((await status(b)).read_only, true, 'the second tab opens read-only');
        await shot(b, 'durability-second-tab-1366x768');
        // Typing in the read-only tab changes nothing.
        await b.keyboard.press('Tab');
        await typeText(b, '不应写入');
        await quiet(b);
        // Take over: the first tab saves what it had (typed less than a second ago) and lets go.
        await clickBanner(b);
        await b.waitForFunction(() => !window.shenbao.status().read_only, null, { timeout: 15000 });
        await quiet(b);
        assert.equal((await draftOf(b)).application.cover.project_name, '甲窗口');
        await a.waitForFunction(() => window.shenbao.status().read_only);
        await fill(b, 'cover.project_name', '甲窗口乙窗口');
        await b.keyboard.press('Escape');
        await sleep(1500);
        assert.equal((await draftOf(b)).application.cover.project_name, '甲窗口乙窗口');
        await shot(a, 'durability-first-tab-after-takeover-1366x768');
        await b.close();  // the writer goes away; the first tab can take over again
        await clickBanner(a);
        await a.waitForFunction(() => !window.shenbao.status().read_only, null, { timeout: 15000 });
        assert.equal((await draftOf(a)).application.cover.project_name, '甲窗口乙窗口');
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'the page is killed one second after typing: the text is there on the next load',
    async run({ server }) {
      const { context } = await launch();
      try {
        const page = await openApp(context, server.url);
        await newDraftByKeyboard(page);
        await typeText(page, '崩溃前一秒写的');
        await sleep(1000);
        // A renderer crash: no unload handler, no pagehide, nothing more runs in the page.
        const crashed = new Promise((resolve) => page.once('crash', resolve));
        const cdp = await context.newCDPSession(page);
        cdp.send('Page.crash').catch(() => {});  // never answered: its target is gone
        await crashed;
        const again = await openApp(context, server.url, { newTab: true });
        assert.equal((await draftOf(again)).application.cover.project_name, '崩溃前一秒写的');
      } finally {
        await context.close();
      }
    },
  },
  {
    name: "the app's code slow to start (a slow machine, Firefox, Safari): the stored drafts are read in whole, after it",
    async run({ server }) {
      const { context } = await launch();
      try {
        const page = await openApp(context, server.url);
        await newDraftByKeyboard(page);
        await typeText(page, '慢机器上写的');
        await page.waitForFunction(() => window.shenbao.status().save_state === 'saved', null, { timeout: 10000 });
        // From now on the wasm is instantiated 1.5 s late: the database has been read long before.
        await context.addInitScript(() => {
          const instantiate = WebAssembly.instantiate;
          WebAssembly.instantiate = (...args) => new Promise((resolve) => setTimeout(resolve, 1500)).then(() => instantiate.apply(WebAssembly, args));
        });
        await page.reload();
        await page.waitForFunction(() => window.shenbao && window.shenbao.ready, null, { timeout: 60000 });
        const status = await page.evaluate(() => window.shenbao.status());
        assert.equal(status.storage_error, '', JSON.stringify(status));
        assert.deepEqual(status.notices, []);
        assert.equal((await draftOf(page)).application.cover.project_name, '慢机器上写的');
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'a corrupted stored file is set aside and reported; the other drafts load',
    async run({ server }) {
      const { context } = await launch();
      try {
        const page = await openApp(context, server.url);
        await dropFiles(page, ['service_station', 'academic_exchange'].map((k) => ({ name: k + '.json', text: fixtureText(k) })));
        await page.waitForFunction(() => window.shenbao.drafts().drafts.length === 2);
        await sleep(1500);
        const victim = (await drafts(page)).drafts[0].id;
        await page.evaluate((key) => new Promise((resolve, reject) => {
          const open = indexedDB.open('/drafts');
          open.onsuccess = () => {
            const tx = open.result.transaction('FILE_DATA', 'readwrite');
            tx.objectStore('FILE_DATA').put({ timestamp: new Date(), mode: 33206, contents: new TextEncoder().encode('{"schema": "shenbao.appl') }, key);
            tx.oncomplete = () => { open.result.close(); resolve(); };
            tx.onerror = () => reject(tx.error);
          };
          open.onerror = () => reject(open.error);
        }), `/drafts/${victim}.json`);
        await reopen(page);
        const after = await drafts(page);
        assert.equal(after.drafts.length, 1);
        assert.notEqual(after.drafts[0].id, victim);
        const notices = (await status(page)).notices;
        assert.ok(notices.some((n) => n.includes(victim) && n.includes('隔离')), JSON.stringify(notices));
        await shot(page, 'durability-quarantine-1366x768');
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'no IndexedDB: a clear banner, the app works in memory, and export still works',
    async run({ server }) {
      const { context } = await launch();
      await context.addInitScript(() => { Object.defineProperty(window, 'indexedDB', { get: () => undefined }); });
      try {
        const page = await openApp(context, server.url);
        assert.notEqual((await status(page)).storage_error, '');
        await newDraftByKeyboard(page);
        await typeText(page, '没有存储也能导出');
        await page.keyboard.press('Escape');
        await quiet(page);
        await shot(page, 'durability-no-indexeddb-1366x768');
        const [file] = await Promise.all([page.waitForEvent('download'), clickToolbar(page, 'exportJson')]);
        const saved = path.join(outDir, 'downloads', 'no-idb.json');
        await file.saveAs(saved);
        assert.equal(JSON.parse(fs.readFileSync(saved, 'utf8')).application.cover.project_name, '没有存储也能导出');
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'storage full: a clear banner, the text stays in the page and exports; saving resumes once there is room',
    async run({ server }) {
      const { context } = await launch();
      try {
        const page = await openApp(context, server.url);
        await newDraftByKeyboard(page);
        await typeText(page, '写满之前');
        await page.keyboard.press('Escape');
        await page.waitForFunction(() => window.shenbao.status().save_state === 'saved', null, { timeout: 10000 });
        // Every write to IndexedDB now fails the way a full disk or an exhausted quota does.
        await page.evaluate(() => {
          window.realPut = IDBObjectStore.prototype.put;
          IDBObjectStore.prototype.put = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
        });
        await fill(page, 'cover.project_name', '存储已满时写的');
        await page.keyboard.press('Escape');
        await page.waitForFunction(() => window.shenbao.status().save_state === 'failed', null, { timeout: 10000 });
        await quiet(page);
        await shot(page, 'durability-storage-full-1366x768');
        assert.equal((await draftOf(page)).application.cover.project_name, '存储已满时写的', 'the text stays in the page');
        const [file] = await Promise.all([page.waitForEvent('download'), clickToolbar(page, 'exportJson')]);
        const saved = path.join(outDir, 'downloads', 'storage-full.json');
        await file.saveAs(saved);
        assert.equal(JSON.parse(fs.readFileSync(saved, 'utf8')).application.cover.project_name, '存储已满时写的');
        // Room again: the next edit is saved, the banner goes, and a reload has everything.
        await page.evaluate(() => { IDBObjectStore.prototype.put = window.realPut; });
        await fill(page, 'cover.project_name', '存储已满时写的，后来保存了');
        await page.keyboard.press('Escape');
        await page.waitForFunction(() => window.shenbao.status().save_state === 'saved', null, { timeout: 10000 });
        await reopen(page);
        assert.equal((await draftOf(page)).application.cover.project_name, '存储已满时写的，后来保存了');
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'backup, wipe the profile, restore: everything back with the same fingerprints',
    async run({ server }) {
      const first = await launch();
      let backup, before;
      try {
        const page = await openApp(first.context, server.url);
        await dropFiles(page, ['service_station', 'academic_exchange', 'organisation_building'].map((k) => ({ name: k + '.json', text: fixtureText(k) })));
        await page.waitForFunction(() => window.shenbao.drafts().drafts.length === 3);
        await quiet(page);
        before = (await drafts(page)).drafts.map((d) => d.id).sort();
        await clickItem(page, 'topbar.storage');
        await shot(page, 'durability-storage-1366x768');
        const [file] = await Promise.all([page.waitForEvent('download'), press(page, 'storage.backup')]);
        backup = path.join(outDir, 'downloads', file.suggestedFilename());
        await file.saveAs(backup);
      } finally {
        await first.context.close();
      }
      const second = await launch();  // a wiped profile
      try {
        const page = await openApp(second.context, server.url);
        await clickItem(page, 'topbar.storage');
        await chooseFiles(page, () => press(page, 'storage.restore'), backup);
        await page.waitForFunction(() => window.shenbao.drafts().drafts.length === 3);
        const after = (await drafts(page)).drafts.map((d) => d.id).sort();
        assert.deepEqual(after, before);
        // Same content, same fingerprint: re-importing the original files finds them all present.
        await dropFiles(page, ['service_station', 'academic_exchange', 'organisation_building'].map((k) => ({ name: k + '.json', text: fixtureText(k) })));
        await quiet(page);
        assert.equal((await drafts(page)).drafts.length, 3, 'the restored drafts have the fingerprints of the originals');
      } finally {
        await second.context.close();
      }
    },
  },
];
