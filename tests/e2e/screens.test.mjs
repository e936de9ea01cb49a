// Every screen: the app at phone, tablet, desktop and zoomed sizes. Each screen's items
// (as the app reports them through layout()) must not overlap, must lie inside the
// viewport, must show their whole label, and a field must be wide enough to type in.
// Screens: the kind chooser; the form of every kind the call takes, scrolled from top to
// bottom; 历史版本; 提交…; 存储与备份; 审阅 empty, with submissions (table or cards)
// and one in detail; 评审 (an expert's batch, scrolled, and its list); and the banners
// (read-only, and a notice).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openApp, repo, shot } from './browser.mjs';
import { dropFiles, quiet, reveal, typeText } from './form.mjs';
import { makeBatch } from './experts.test.mjs';
import { generate } from './review.test.mjs';

const programme = JSON.parse(fs.readFileSync(path.join(repo, 'assets/programmes/yancheng-2018.json'), 'utf8'));
const FORM_KINDS = programme.kinds.filter((k) => k.route.type !== 'assessed').map((k) => k.id);

// Browser zoom Z at WxH is a viewport of W/Z x H/Z CSS px at devicePixelRatio Z. Every
// size has the 精品学术交流活动 form scrolled through; the `thorough` ones (the smallest
// of each layout, with and without touch) every kind's form too, the others the top of it.
export const SIZES = [
  { name: '360x640-touch', width: 360, height: 640, dpr: 3, touch: true, thorough: true },
  { name: '390x844-touch', width: 390, height: 844, dpr: 3, touch: true },
  { name: '412x915-touch', width: 412, height: 915, dpr: 2.625, touch: true },
  { name: '768x1024-touch', width: 768, height: 1024, dpr: 2, touch: true, thorough: true },
  { name: '1024x768-touch', width: 1024, height: 768, dpr: 2, touch: true },
  { name: '1366x768', width: 1366, height: 768, thorough: true },
  { name: '1920x1080', width: 1920, height: 1080 },
  { name: '2560x1440', width: 2560, height: 1440 },
  { name: '1366x768-zoom50', width: 2732, height: 1536, dpr: 0.5 },
  { name: '1366x768-zoom150', width: 911, height: 512, dpr: 1.5 },
  { name: '1366x768-zoom200', width: 683, height: 384, dpr: 2, thorough: true },
  { name: '1366x768-scale200', width: 1366, height: 768, scale: 2 },
];

// Controls a finger must hit: at least 44 CSS px high on a touch screen.
const TAPPED = new Set(['button', 'textbox', 'combobox', 'tab', 'slider']);
const INTERACTIVE = new Set(['button', 'textbox', 'combobox', 'checkbox', 'tab', 'link', 'option', 'row', 'slider']);

// What is wrong with the items on screen now, one line each.
export function layoutProblems(items, viewport, { touch = false } = {}) {
  const seen = items.filter((i) => i.w > 0 && i.h > 0 && INTERACTIVE.has(i.role));
  const problems = [];
  for (const i of seen) {
    if (i.x < -0.5 || i.y < -0.5 || i.x + i.w > viewport.width + 0.5 || i.y + i.h > viewport.height + 0.5)
      problems.push(`${i.name} lies outside the window (${Math.round(i.x)},${Math.round(i.y)} ${Math.round(i.w)}x${Math.round(i.h)})`);
    if ((i.role === 'button' || i.role === 'tab') && i.tw > i.w + 0.5)
      problems.push(`${i.name} shows ${Math.round(i.w)} px of its ${Math.round(i.tw)} px label “${i.label}”`);
    // Cut off at the side by its panel (cut at the top or bottom is only scrolled). A table
    // row's selectable spans its columns and is measured in the first.
    if (i.role !== 'row' && i.h > 0.5 && i.fw && i.w < i.fw - 1.5)
      problems.push(`${i.name} shows ${Math.round(i.w)} px of its ${Math.round(i.fw)} px width`);
    if (touch && TAPPED.has(i.role) && i.fh < 43.5)
      problems.push(`${i.name} is ${Math.round(i.fh)} px high: too small for a finger (44)`);
    // A table's cell (a unit, a count) may be narrower than a field of its own.
    // A count or an amount (about ten digits) fits in 120 px.
    const narrowest = i.name.includes('[') ? 60 : Math.min(120, viewport.width * 0.4);
    if (i.role === 'textbox' && i.w < narrowest)
      problems.push(`${i.name} is ${Math.round(i.w)} px wide: too narrow to type in`);
  }
  for (let a = 0; a < seen.length; a++)
    for (let b = a + 1; b < seen.length; b++) {
      const p = seen[a], q = seen[b];
      const w = Math.min(p.x + p.w, q.x + q.w) - Math.max(p.x, q.x);
      const h = Math.min(p.y + p.h, q.y + q.h) - Math.max(p.y, q.y);
      if (w > 1 && h > 1) problems.push(`${p.name} and ${q.name} overlap`);
    }
  return problems;
}

// Clicks (taps, on touch) the named item; an action not on screen is looked for in the menu.
async function act(page, name, touch) {
  let items = await page.evaluate(() => window.shenbao.layout());
  let item = items.find((i) => i.name === name && i.w > 0 && i.h >= i.fh - 0.5);
  if (!item && items.some((i) => i.name === name)) item = await reveal(page, name);  // scrolled out of view
  if (!item) {
    const menu = items.find((i) => (i.name === 'topbar.menu' || i.name === 'toolbar.more') && i.w > 0 &&
      (name.startsWith('toolbar.') === (i.name === 'toolbar.more')));
    if (!menu) throw new Error(`no ${name} and no menu (${items.map((i) => i.name).slice(0, 30).join(', ')})`);
    await tap(page, menu, touch);
    items = await page.evaluate(() => window.shenbao.layout());
    item = items.find((i) => i.name === name && i.w > 0);
    if (!item) {
      await shot(page, `screens-failed-${name}`);
      throw new Error(`${name} is not in the menu either`);
    }
  }
  await tap(page, item, touch);
}

// The kind chooser, from the list's ＋ 新建申报书 (the list opened first where it is a
// pane of its own); newDraft starts a draft of a kind there.
async function showKinds(page, touch) {
  const items = await page.evaluate(() => window.shenbao.layout());
  if (!items.some((i) => i.name === 'list.new' && i.w > 0)) await act(page, 'topbar.list', touch);
  await act(page, 'list.new', touch);
}

async function newDraft(page, kind, touch) {
  await showKinds(page, touch);
  const before = await page.evaluate(() => window.shenbao.draft());
  await act(page, `new.${kind}`, touch);
  await page.waitForFunction((b) => window.shenbao.draft() !== '' && window.shenbao.draft() !== b, before, { timeout: 5000 })
    .catch(async (e) => { await shot(page, `screens-failed-new-${kind}`); throw e; });
}

// Checks the screen, then scrolls the panel under the middle of the window down with the
// wheel and checks again, until it moves no more.
async function checkScrolled(page, check, screen) {
  const { width, height } = page.viewportSize();
  let before = JSON.stringify(await page.evaluate(() => window.shenbao.layout()));
  await check(screen);
  for (let i = 1; i < 60; i++) {
    await page.mouse.move(width / 2, height * 0.6);
    await page.mouse.wheel(0, height * 0.8);
    await quiet(page);
    const now = JSON.stringify(await page.evaluate(() => window.shenbao.layout()));
    if (now === before) return;
    before = now;
    await check(`${screen}@${i}`, { shoot: false });
  }
  throw new Error(`${screen} kept scrolling`);
}

async function tap(page, item, touch) {
  const x = item.x + item.w / 2, y = item.y + item.h / 2;
  if (touch) await page.touchscreen.tap(x, y);
  else await page.mouse.click(x, y);
  await quiet(page);
}

export const tests = [
  {
    name: 'every screen at phone, tablet, desktop and zoomed sizes: nothing overlaps, nothing is cut off, fields are wide enough',
    async run({ server }) {
      const failures = [];
      // SHENBAO_SIZES=390x844-touch,768x1024-touch runs only those (while working on them).
      const only = process.env.SHENBAO_SIZES ? process.env.SHENBAO_SIZES.split(',') : null;
      const batch = await makeBatch(server, 3, '专家甲');
      for (const size of SIZES.filter((s) => !only || only.includes(s.name))) {
        const { context } = await launch(size);
        try {
          const page = await openApp(context, server.url);
          if (size.scale) {
            // As a person sets 界面大小 exactly: Ctrl+click the slider and type the number.
            const slider = (await page.evaluate(() => window.shenbao.layout())).find((i) => i.name === 'topbar.scale');
            await page.keyboard.down('Control');
            await page.mouse.click(slider.x + slider.w / 2, slider.y + slider.h / 2);
            await page.keyboard.up('Control');
            await quiet(page);
            await page.keyboard.press('Control+A');
            await typeText(page, String(size.scale * 100));
            await page.keyboard.press('Enter');
            await quiet(page);
          }
          const viewport = page.viewportSize();
          const check = async (screen, { shoot = true } = {}) => {
            await quiet(page);
            const problems = layoutProblems(await page.evaluate(() => window.shenbao.layout()), viewport, size);
            if (shoot) await shot(page, `screens-${size.name}-${screen}`);
            for (const p of problems) failures.push(`${size.name} ${screen}: ${p}`);
          };
          await check('new');
          await act(page, 'new.academic_exchange', size.touch);
          await page.waitForFunction(() => window.shenbao.draft() !== '');
          await checkScrolled(page, check, 'form');
          await act(page, 'toolbar.history', size.touch);
          await check('revisions');
          await act(page, 'history.back', size.touch);
          await act(page, 'toolbar.hand_in', size.touch);
          await check('hand-in');
          await act(page, 'topbar.storage', size.touch);
          await check('storage');
          for (const kind of FORM_KINDS.filter((k) => k !== 'academic_exchange')) {
            await newDraft(page, kind, size.touch);
            if (size.thorough) await checkScrolled(page, check, `form-${kind}`);
            else await check(`form-${kind}`);
          }
          await act(page, 'mode.review', size.touch);
          await check('review');
          await dropFiles(page, generate(12, 1));
          await page.waitForFunction(() => window.shenbao.review().items === 12, null, { timeout: 30000 });
          await check('review-list');
          const row = (await page.evaluate(() => window.shenbao.layout())).find((i) => i.name.startsWith('review.row.') && i.w > 0);
          await tap(page, row, size.touch);
          await checkScrolled(page, check, 'review-detail');
          await dropFiles(page, [batch]);
          await page.waitForFunction(() => window.shenbao.expert().batch_id, null, { timeout: 20000 });
          await checkScrolled(page, check, 'expert');
          if ((await page.evaluate(() => window.shenbao.layout())).some((i) => i.name === 'topbar.list')) {
            await act(page, 'topbar.list', size.touch);
            await check('expert-list');
          }
          // A second tab of the app is read-only: its banner, and the notice a refused action brings.
          const second = await openApp(context, server.url, { newTab: true });
          await second.waitForFunction(() => window.shenbao.status().read_only);
          await act(second, 'mode.drafting', size.touch);
          await showKinds(second, size.touch);
          await act(second, 'new.academic_exchange', size.touch);
          await second.waitForFunction(() => window.shenbao.status().notices.length > 0);
          const checkSecond = async (screen) => {
            await quiet(second);
            const problems = layoutProblems(await second.evaluate(() => window.shenbao.layout()), viewport, size);
            await shot(second, `screens-${size.name}-${screen}`);
            for (const p of problems) failures.push(`${size.name} ${screen}: ${p}`);
          };
          await checkSecond('banners');
        } catch (e) {
          failures.push(`${size.name}: ${e.message.split('\n')[0]} (${e.stack.split('\n').find((l) => l.includes('screens.test')) || ''})`);
        } finally {
          await context.close();
        }
      }
      for (const f of failures) console.log(`     ${f}`);
      assert.equal(failures.length, 0, `${failures.length} layout problems (listed above)`);
    },
  },
  {
    name: 'browser zoom: Ctrl+plus, Ctrl+minus, Ctrl+0 and Ctrl+wheel reach the browser, and the app lays itself out again at the new size',
    async run({ server }) {
      const { context } = await launch({ width: 1366, height: 768 });
      try {
        const page = await openApp(context, server.url);
        // Registered after the app's own listeners: it sees whether they kept the key.
        await page.evaluate(() => {
          window.zoomKeys = [];
          const note = (e) => window.zoomKeys.push(`${e.type} ${e.key || ''} ${e.defaultPrevented ? 'kept' : 'passed'}`);
          window.addEventListener('keydown', (e) => { if (e.ctrlKey && e.key !== 'Control') note(e); });
          window.addEventListener('wheel', (e) => { if (e.ctrlKey) note(e); }, { passive: false });
        });
        for (const key of ['Control+Equal', 'Control+Minus', 'Control+Digit0']) await page.keyboard.press(key);
        await page.mouse.move(700, 400);
        await page.keyboard.down('Control');
        await page.mouse.wheel(0, -100);
        await page.keyboard.up('Control');
        await quiet(page);
        const seen = await page.evaluate(() => window.zoomKeys);
        assert.deepEqual(seen, ['keydown = passed', 'keydown - passed', 'keydown 0 passed', 'wheel  passed']);
        // As zooming to 200% does: half the CSS pixels. The compact bar with its menu.
        const names = async () => (await page.evaluate(() => window.shenbao.layout())).filter((i) => i.w > 0).map((i) => i.name);
        assert.ok((await names()).includes('topbar.storage'));
        const shows = (name) => page.waitForFunction((n) => window.shenbao.layout().some((i) => i.name === n && i.w > 0),
          name, { timeout: 10000 });
        await page.setViewportSize({ width: 683, height: 384 });
        await shows('topbar.menu');  // laid out again for the narrow size
        assert.ok(!(await names()).includes('topbar.storage'));
        await page.setViewportSize({ width: 1366, height: 768 });
        await shows('topbar.storage');  // and back
      } finally {
        await context.close();
      }
    },
  },
];
