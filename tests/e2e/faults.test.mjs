// Every fault a browser can have: WebGL 1 only, no WebGL at all, site data blocked (a
// real Chromium profile setting, and an IndexedDB, localStorage and Web Locks that
// throw), and a tab closed right after a keystroke.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, openApp, outDir, shot } from './browser.mjs';
import { newDraftByKeyboard } from './foundation.test.mjs';
import { clickItem, draftOf, quiet, typeText } from './form.mjs';

// Makes the page's canvases refuse the given WebGL versions, as a blocklisted GPU does.
const refuseWebGL = (kinds) => (context) => context.addInitScript((kinds) => {
  const original = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
    return kinds.includes(kind) ? null : original.call(this, kind, ...rest);
  };
}, kinds);

// A profile in which Chromium blocks all site data (设置 › 隐私 › 不允许网站保存数据).
function blockedProfile() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shenbao-blocked-'));
  fs.mkdirSync(path.join(dir, 'Default'));
  fs.writeFileSync(path.join(dir, 'Default', 'Preferences'),
                   JSON.stringify({ profile: { default_content_setting_values: { cookies: 2 } } }));
  return dir;
}

async function saveDownload(page, act) {
  const [file] = await Promise.all([page.waitForEvent('download'), act()]);
  const target = path.join(outDir, 'downloads', 'faults-' + file.suggestedFilename());
  fs.mkdirSync(path.dirname(target), { recursive: true });
  await file.saveAs(target);
  return fs.readFileSync(target, 'utf8');
}

// The basic run of every engine: start a draft, type Chinese, find it after a reload.
async function typeAndReload(page, text) {
  await newDraftByKeyboard(page);
  await typeText(page, text);
  await page.waitForFunction(() => window.shenbao.status().save_state === 'saved', null, { timeout: 10000 });
  await page.reload();
  await page.waitForFunction(() => window.shenbao && window.shenbao.ready, null, { timeout: 60000 });
  return (await draftOf(page)).application.cover.project_name;
}

export const tests = [
  {
    name: 'WebGL 1 only: the app draws, takes Chinese, keeps it over a reload',
    async run({ server }) {
      const { context } = await launch();
      try {
        await refuseWebGL(['webgl2'])(context);
        const page = await openApp(context, server.url);
        assert.equal((await page.evaluate(() => window.shenbao.metrics())).webgl, 1);
        assert.equal(await typeAndReload(page, 'WebGL一号学术论坛'), 'WebGL一号学术论坛');
        await quiet(page);
        await shot(page, 'faults-webgl1-1366x768');
        assert.deepEqual(page.errors.filter((e) => !/GL Driver Message/.test(e)), []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'no WebGL at all: a plain page lists the stored drafts, exports each and backs up all',
    async run({ server }) {
      const first = await launch();
      try {
        const page = await openApp(first.context, server.url);
        await newDraftByKeyboard(page);
        await typeText(page, '没有显卡也能导出');
        await page.waitForFunction(() => window.shenbao.status().save_state === 'saved');
      } finally {
        await first.context.close();
      }
      const { context } = await launch({ profile: first.profile });
      try {
        await refuseWebGL(['webgl2', 'webgl', 'experimental-webgl'])(context);
        const page = context.pages()[0];
        await page.goto(server.url);
        await page.waitForSelector('#plain-drafts li');
        assert.match(await page.textContent('#plain'), /硬件加速/);
        assert.match(await page.textContent('#plain-drafts li'), /没有显卡也能导出/);
        await shot(page, 'faults-no-webgl-1366x768');
        const exported = JSON.parse(await saveDownload(page, () => page.click('#plain-drafts li button')));
        assert.equal(exported.application.cover.project_name, '没有显卡也能导出');
        assert.equal(exported.schema, 'shenbao.application');
        const backup = JSON.parse(await saveDownload(page, () => page.click('text=备份全部草稿')));
        assert.equal(backup.schema, 'shenbao.backup');
        assert.equal(backup.drafts.length, 1);
        assert.equal(backup.drafts[0].document.application.cover.project_name, '没有显卡也能导出');
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'site data blocked in the profile: the app starts, says so truthfully, edits in memory, never says 已保存, exports',
    async run({ server }) {
      const { context } = await launch({ profile: blockedProfile() });
      try {
        const page = await openApp(context, server.url);
        const status = await page.evaluate(() => window.shenbao.status());
        assert.notEqual(status.storage_error, '', 'the app knows storage is refused');
        assert.equal(status.read_only, false, 'no false "other window"');
        assert.equal(status.save_state, 'unavailable');
        await newDraftByKeyboard(page);
        await typeText(page, '存储被禁止');
        await page.waitForTimeout(1500);  // past every autosave delay
        assert.equal((await page.evaluate(() => window.shenbao.status())).save_state, 'unavailable');
        assert.equal((await draftOf(page)).application.cover.project_name, '存储被禁止');
        await shot(page, 'faults-storage-blocked-1366x768');
        const exported = JSON.parse(await saveDownload(page, () => clickItem(page, 'banner.storage')));
        assert.equal(exported.schema, 'shenbao.backup');
        assert.equal(exported.drafts[0].document.application.cover.project_name, '存储被禁止');
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'IndexedDB, localStorage and Web Locks that throw never stop the app from starting',
    async run({ server }) {
      const { context } = await launch();
      try {
        await context.addInitScript(() => {
          const refuse = () => { throw new DOMException('The operation is insecure.', 'SecurityError'); };
          Object.defineProperty(window, 'indexedDB', { get: refuse });
          Object.defineProperty(window, 'localStorage', { get: refuse });
          if (navigator.locks) navigator.locks.request = () => Promise.reject(new DOMException('denied', 'SecurityError'));
        });
        const page = await openApp(context, server.url);
        const status = await page.evaluate(() => window.shenbao.status());
        assert.notEqual(status.storage_error, '');
        assert.equal(status.read_only, false);
        await newDraftByKeyboard(page);
        await typeText(page, '照常编辑');
        assert.equal((await draftOf(page)).application.cover.project_name, '照常编辑');
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'the page reloaded or closed 0, 30 and 150 ms after a keystroke: the text is there on the next start',
    async run({ server }) {
      const { context } = await launch();
      try {
        let page = await openApp(context, server.url);
        await newDraftByKeyboard(page);
        await typeText(page, '学术论坛');
        await page.waitForFunction(() => window.shenbao.status().save_state === 'saved');
        let expected = '学术论坛';
        for (const [ms, how] of [[0, 'reload'], [30, 'reload'], [150, 'reload'], [0, 'close'], [30, 'close'], [150, 'close']]) {
          const key = String.fromCharCode(97 + expected.length % 26);
          await page.keyboard.press(key);
          expected += key;
          if (ms) await page.waitForTimeout(ms);
          if (how === 'reload') {
            await page.reload();
          } else {
            await page.close({ runBeforeUnload: true });
            page = await context.newPage();
            await page.goto(server.url);
          }
          await page.waitForFunction(() => window.shenbao && window.shenbao.ready, null, { timeout: 60000 });
          assert.equal((await draftOf(page)).application.cover.project_name, expected, `${how} ${ms} ms after a keystroke`);
          // The caret back in 项目名称, at its end, for the next keystroke.
          await page.keyboard.press('Tab');
          await quiet(page);
          await page.keyboard.press('End');
          await quiet(page);
        }
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'offline fonts: every chunk is cached ahead, so a rare character typed offline is drawn',
    async run({ server }) {
      const { context } = await launch();
      try {
        let page = await openApp(context, server.url);
        await page.evaluate(() => navigator.serviceWorker.ready);
        await page.reload();  // now served by the service worker
        await page.waitForFunction(() => window.shenbao && window.shenbao.ready);
        const total = JSON.parse(await (await fetch(server.url + 'fonts/chunks.json')).text()).total;
        await page.evaluate(async () => (await navigator.serviceWorker.ready).active.postMessage('warm'));
        const cachedChunks = () => page.evaluate(async () => {
          const name = (await caches.keys()).find((k) => k.startsWith('shenbao-'));
          const keys = await (await caches.open(name)).keys();
          return keys.filter((r) => /fonts\/c\d+\.ttf$/.test(r.url)).length;
        });
        for (let i = 0; i < 120 && (await cachedChunks()) < total; i++) await page.waitForTimeout(500);
        assert.equal(await cachedChunks(), total, 'every font chunk cached ahead');
        await context.setOffline(true);
        await page.reload();
        await page.waitForFunction(() => window.shenbao && window.shenbao.ready);
        await newDraftByKeyboard(page);
        assert.equal(await page.evaluate(() => window.shenbao.hasGlyph('䶮')), false);
        await typeText(page, '龑䶮学会');
        await page.waitForFunction(() => window.shenbao.hasGlyph('䶮') && window.shenbao.hasGlyph('龑'), null, { timeout: 10000 });
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'a character typed offline whose chunk is not cached yet is kept, and drawn once the network is back',
    async run({ server }) {
      const { context } = await launch();
      try {
        const page = await openApp(context, server.url);
        await newDraftByKeyboard(page);
        await context.setOffline(true);
        await typeText(page, '䶮');
        await page.waitForTimeout(1000);
        assert.equal((await draftOf(page)).application.cover.project_name, '䶮', 'kept in the draft');
        assert.equal(await page.evaluate(() => window.shenbao.hasGlyph('䶮')), false, 'its chunk cannot be fetched yet');
        await context.setOffline(false);
        await page.waitForFunction(() => window.shenbao.hasGlyph('䶮'), null, { timeout: 15000 });
      } finally {
        await context.close();
      }
    },
  },
];
