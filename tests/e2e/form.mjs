// Drives the form by keyboard, the way a person without a mouse would: Tab to a field
// (the read-only hook says which field has the keyboard), then type, through an IME for
// Chinese.
import assert from 'node:assert/strict';
import path from 'node:path';
import { outDir } from './browser.mjs';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const draftOf = async (page) => JSON.parse(await page.evaluate(() => window.shenbao.draft()));
export const findingsOf = (page) => page.evaluate(() => window.shenbao.findings());
export const focusedOf = (page) => page.evaluate(() => window.shenbao.focused());

// Waits until the app has worked through all input and drawn what it wanted to.
export async function quiet(page) {
  await page.waitForFunction(() => !window.shenbao.busy(), null, { polling: 10, timeout: 10000 });
}

// Types text as an IME commits it (compositions for Chinese; plain keys for ASCII).
// Like a person, it waits until the text is committed and shown before going on: an
// Escape pressed while a composition is still open would cancel it (as an IME does).
export async function typeText(page, text) {
  if (/^[\x20-\x7e]*$/.test(text)) {
    await page.keyboard.type(text, { delay: 5 });
  } else {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'pinyin', selectionStart: 6, selectionEnd: 6 });
    await cdp.send('Input.insertText', { text });
    await cdp.detach();
  }
  await quiet(page);
}

// Presses Tab (Shift+Tab with backwards) until the field with this path has the keyboard.
export async function focusField(page, path, { backwards = false, limit = 250 } = {}) {
  for (let i = 0; i < limit; i++) {
    await quiet(page);
    if ((await focusedOf(page)) === path) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${path} (last: ${await focusedOf(page)})`);
}

// The item of this name in the app's layout (the last frame's), or an error saying which
// items there are.
export async function itemOf(page, name) {
  await quiet(page);
  const items = await page.evaluate(() => window.shenbao.layout());
  const item = items.find((i) => i.name === name);
  if (!item) throw new Error(`no item ${name} on screen (${items.map((i) => i.name).slice(0, 40).join(', ')} …)`);
  return item;
}

// Scrolls the panel under the named item (with the wheel, as a person would) until most of
// the item is on screen (a table row's selectable reaches into the spacing its cell clips;
// half a screen of an item taller than that); returns it.
export async function reveal(page, name) {
  const { height } = page.viewportSize();
  for (let i = 0; i < 60; i++) {
    const item = await itemOf(page, name);
    const enough = Math.min(item.fh || item.h, height / 2) * 0.6;
    if (item.w > 0 && item.h >= enough && item.y >= 0 && item.y + item.h <= height) return item;
    // Out of its panel's view: its (cut) top says on which side.
    await page.mouse.move(item.x + 10, Math.min(Math.max(item.y, 60), height - 20));
    await page.mouse.wheel(0, item.y <= 100 ? -120 : 120);
    await quiet(page);
  }
  throw new Error(`could not scroll ${name} into view`);
}

// Clicks the middle of the named item, as a person would (scrolling to it first).
export async function clickItem(page, name) {
  const item = await reveal(page, name);
  await page.mouse.click(item.x + item.w / 2, item.y + item.h / 2);
  await quiet(page);
}

export async function fill(page, path, text) {
  await focusField(page, path);
  await page.keyboard.press('Control+A');
  await typeText(page, text);
  await quiet(page);
}

// Opens a combo with Space and picks the option at index (0-based) with the arrows.
export async function choose(page, path, index) {
  await focusField(page, path);
  await page.keyboard.press('Space');
  await quiet(page);
  await page.keyboard.press('Home');
  await quiet(page);
  for (let i = 0; i < index; i++) { await page.keyboard.press('ArrowDown'); await quiet(page); }
  await page.keyboard.press('Space');
  await quiet(page);
}

export async function press(page, path) {
  await focusField(page, path);
  await page.keyboard.press('Space');
  await quiet(page);
}

export async function expectNoErrors(page) {
  const errors = (await findingsOf(page)).filter((f) => f.severity === 'error');
  assert.deepEqual(errors.map((e) => `${e.field}: ${e.message}`), []);
}

// The toolbar over the form, by the names its buttons have in the app's layout.
const TOOLBAR = { undo: 'toolbar.undo', redo: 'toolbar.redo', history: 'toolbar.history', duplicate: 'toolbar.duplicate',
                  remove: 'toolbar.delete', print: 'toolbar.print', exportJson: 'toolbar.export', handIn: 'toolbar.hand_in' };
export const clickToolbar = (page, button) => clickItem(page, TOOLBAR[button]);
// The action button of the first banner under the top bar.
export const clickBanner = async (page) => {
  await quiet(page);
  const banner = (await page.evaluate(() => window.shenbao.layout())).find((i) => i.name.startsWith('banner.'));
  if (!banner) throw new Error('no banner with an action on screen');
  await clickItem(page, banner.name);
};

// Picks files in the dialog that `act` opens (a click or a key on the app's button).
// Playwright turns on the browser's interception of file dialogs asynchronously, so
// the listener is armed and the browser answers a round trip before acting; a dialog
// opened earlier would open unseen (puppeteer#6040 describes the race). If none comes,
// the error says what the app showed instead.
export async function chooseFiles(page, act, files) {
  const chooser = page.waitForEvent('filechooser', { timeout: 15000 });
  await quiet(page);
  await act();
  let dialog;
  try {
    dialog = await chooser;
  } catch (err) {
    const status = await page.evaluate(() => JSON.stringify(window.shenbao.status())).catch(() => '(no status)');
    await page.screenshot({ path: path.join(outDir, 'failed-filechooser.png') }).catch(() => {});
    throw new Error(`no file dialog opened; app status: ${status}`);
  }
  await dialog.setFiles(files);
}

// Drops files on the window, as a person drags them from a folder. Files made in the page
// reach the browser's blob store some time after they are made; files in a folder are
// there before they are dropped: the drop waits until each can be read.
// Each file is {name, text} (JSON and other text) or {name, bytes} (a Buffer: photos, zips).
export async function dropFiles(page, files) {
  await page.evaluate(async (files) => {
    const dt = new DataTransfer();
    const made = files.map((f) => f.base64 !== undefined
      ? new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name, { type: f.type })
      : new File([f.text], f.name, { type: 'application/json' }));
    await Promise.all(made.map((f) => f.slice(0, 1).arrayBuffer()));
    for (const f of made) dt.items.add(f);
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files.map(({ name, text, bytes, type }) => (bytes
    ? { name, base64: Buffer.from(bytes).toString('base64'), type: type || 'application/octet-stream' }
    : { name, text })));
}
