// Every screen: the app at phone, tablet, desktop and zoomed sizes. Each screen's items
// (as the app reports them through layout()) must not overlap, must lie inside the
// viewport, must show their whole label, and a field must be wide enough to type in.
import assert from 'node:assert/strict';
import { launch, openApp, shot } from './browser.mjs';
import { quiet, typeText } from './form.mjs';

// Browser zoom Z at WxH is a viewport of W/Z x H/Z CSS px at devicePixelRatio Z.
export const SIZES = [
  { name: '360x640-touch', width: 360, height: 640, dpr: 3, touch: true },
  { name: '390x844-touch', width: 390, height: 844, dpr: 3, touch: true },
  { name: '412x915-touch', width: 412, height: 915, dpr: 2.625, touch: true },
  { name: '768x1024-touch', width: 768, height: 1024, dpr: 2, touch: true },
  { name: '1024x768-touch', width: 1024, height: 768, dpr: 2, touch: true },
  { name: '1366x768', width: 1366, height: 768 },
  { name: '1920x1080', width: 1920, height: 1080 },
  { name: '2560x1440', width: 2560, height: 1440 },
  { name: '1366x768-zoom50', width: 2732, height: 1536, dpr: 0.5 },
  { name: '1366x768-zoom150', width: 911, height: 512, dpr: 1.5 },
  { name: '1366x768-zoom200', width: 683, height: 384, dpr: 2 },
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
    if (touch && TAPPED.has(i.role) && i.fh < 43.5)
      problems.push(`${i.name} is ${Math.round(i.fh)} px high: too small for a finger (44)`);
    // A table's cell (a unit, a count) may be narrower than a field of its own.
    const narrowest = i.name.includes('[') ? 60 : Math.min(160, viewport.width * 0.4);
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
  let item = items.find((i) => i.name === name && i.w > 0);
  if (!item) {
    const menu = items.find((i) => (i.name === 'topbar.menu' || i.name === 'toolbar.more') && i.w > 0 &&
      (name.startsWith('toolbar.') === (i.name === 'toolbar.more')));
    if (!menu) throw new Error(`no ${name} and no menu (${items.map((i) => i.name).slice(0, 30).join(', ')})`);
    await tap(page, menu, touch);
    items = await page.evaluate(() => window.shenbao.layout());
    item = items.find((i) => i.name === name && i.w > 0);
    if (!item) throw new Error(`${name} is not in the menu either`);
  }
  await tap(page, item, touch);
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
      for (const size of SIZES) {
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
          const check = async (screen) => {
            await quiet(page);
            const problems = layoutProblems(await page.evaluate(() => window.shenbao.layout()), viewport, size);
            await shot(page, `screens-${size.name}-${screen}`);
            for (const p of problems) failures.push(`${size.name} ${screen}: ${p}`);
          };
          await check('new');
          await act(page, 'new.academic_exchange', size.touch);
          await page.waitForFunction(() => window.shenbao.draft() !== '');
          await check('form');
          await act(page, 'toolbar.history', size.touch);
          await check('revisions');
          await act(page, 'history.back', size.touch);
          await act(page, 'toolbar.hand_in', size.touch);
          await check('hand-in');
          await act(page, 'topbar.storage', size.touch);
          await check('storage');
          await act(page, 'mode.review', size.touch);
          await check('review');
        } catch (e) {
          failures.push(`${size.name}: ${e.message.split('\n')[0]}`);
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
