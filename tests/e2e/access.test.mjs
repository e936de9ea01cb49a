// Every person: what a screen reader is told. The app draws into a canvas; its
// accessibility mirror (web/mirror.js) gives the browser an element per item. These tests
// read Chromium's own accessibility tree (CDP Accessibility.getFullAXTree), as a screen
// reader would, never the app's hook, for what it says.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openApp, repo } from './browser.mjs';
import { clickItem, findingsOf, quiet, typeText } from './form.mjs';

const programme = JSON.parse(fs.readFileSync(path.join(repo, 'assets/programmes/yancheng-2018.json'), 'utf8'));
const FORM_KINDS = programme.kinds.filter((k) => k.route.type !== 'assessed').map((k) => k.id);
const ROLE_OF_INPUT = {
  text: 'textbox', unit: 'textbox', phone: 'textbox', date: 'textbox', money: 'textbox', number: 'textbox',
  long_text: 'textbox', choice: 'combobox', kind: 'combobox', check: 'checkbox',
};

// The tree as a screen reader gets it: [{role, name, value, required, invalid, description}].
export async function axTree(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const prop = (n, name) => (n.properties || []).find((p) => p.name === name)?.value?.value;
  return nodes.filter((n) => !n.ignored).map((n) => ({
    role: n.role?.value, name: n.name?.value || '', value: n.value?.value ?? '',
    required: prop(n, 'required') === true, invalid: ['true', 'spelling', 'grammar'].includes(String(prop(n, 'invalid'))),
    description: n.description?.value || '', checked: prop(n, 'checked'),
  }));
}

const shownFor = (f, kind) => !f.kinds || f.kinds.includes(kind);
const requiredFor = (f, kind) => f.need === 'required' && (!f.need_only_for || f.need_only_for.includes(kind));

export const tests = [
  ...FORM_KINDS.map((kind) => ({
    name: `the accessibility tree of a ${kind} form: each field by its label, with its value, required and invalid as findings() says`,
    async run({ server }) {
      const { context } = await launch();
      try {
        const page = await openApp(context, server.url);
        await clickItem(page, `new.${kind}`);
        await page.waitForFunction(() => window.shenbao.draft() !== '');
        await typeText(page, '青年科技论坛');  // the first field has the caret
        await page.keyboard.press('Escape');
        await quiet(page);
        const tree = await axTree(page);
        const errors = new Map();
        for (const f of await findingsOf(page)) if (f.severity === 'error') errors.set(f.field, f);
        const fields = programme.form.sections.filter((s) => !s.kinds || s.kinds.includes(kind))
          .flatMap((s) => s.fields).filter((f) => shownFor(f, kind) && ROLE_OF_INPUT[f.input]);
        assert.ok(fields.length >= 10, `${fields.length} fields`);
        const problems = [];
        for (const f of fields) {
          const role = ROLE_OF_INPUT[f.input];
          const found = tree.filter((n) => n.role === role && n.name === f.label);
          if (found.length !== 1) { problems.push(`${f.path}: ${found.length} ${role} named ${f.label}`); continue; }
          const node = found[0];
          if (node.required !== requiredFor(f, kind)) problems.push(`${f.path}: required ${node.required}`);
          const error = errors.get(f.path);
          if (node.invalid !== Boolean(error)) problems.push(`${f.path}: invalid ${node.invalid}, finding ${error && error.message}`);
          if (error && !node.description.includes(error.message)) problems.push(`${f.path}: description “${node.description}”`);
        }
        assert.deepEqual(problems, []);
        const name = tree.find((n) => n.role === 'textbox' && n.name === '项目名称');
        assert.equal(name.value, '青年科技论坛');
        // Every button says what it does.
        const buttons = tree.filter((n) => n.role === 'button');
        assert.ok(buttons.length > 8);
        assert.deepEqual(buttons.filter((b) => !b.name.trim()), []);
        for (const action of ['打印', '导出电子稿', '提交…', '撤销', '存储与备份']) assert.ok(buttons.some((b) => b.name === action), action);
      } finally {
        await context.close();
      }
    },
  })),
  {
    name: 'a screen reader acts through the tree: activating a button or a box does what a click does; focusing a field gives it the caret',
    async run({ server }) {
      const { context } = await launch();
      try {
        const page = await openApp(context, server.url);
        await clickItem(page, 'new.academic_exchange');
        await page.waitForFunction(() => window.shenbao.draft() !== '');
        await page.keyboard.press('Escape');
        await quiet(page);
        // As a screen reader does it: a click on the element the tree names, or a focus on it.
        const byName = (role, name) => page.evaluate(([role, name]) => {
          const all = [...document.querySelectorAll('#mirror .mirror-item')];
          const el = all.find((e) => e.getAttribute('aria-label') === name && (e.getAttribute('role') || (e.type === 'checkbox' ? 'checkbox' : e.tagName === 'INPUT' ? 'textbox' : 'button')) === role);
          return el ? el.dataset.key : null;
        }, [role, name]);
        const key = await byName('checkbox', programme.form.sections.flatMap((s) => s.fields).find((f) => f.path === 'details.is_training').label);
        assert.equal(key, 'details.is_training');
        await page.evaluate((k) => document.querySelector(`#mirror [data-key="${k}"]`).click(), key);
        await quiet(page);
        assert.equal(JSON.parse(await page.evaluate(() => window.shenbao.draft())).application.details.is_training, true);
        assert.equal(await page.evaluate(() => document.querySelector('#mirror [data-key="details.is_training"]').checked), true);
        const phone = await byName('textbox', '联系电话');
        await page.evaluate((k) => document.querySelector(`#mirror [data-key="${k}"]`).focus(), phone);
        await quiet(page);
        assert.equal(await page.evaluate(() => window.shenbao.focused()), 'cover.phone');
        await typeText(page, '0515-88192426');
        await page.keyboard.press('Escape');
        await quiet(page);
        assert.equal(JSON.parse(await page.evaluate(() => window.shenbao.draft())).application.cover.phone, '0515-88192426');
        assert.equal(await page.evaluate(() => document.querySelector('#mirror [data-key="cover.phone"]').value), '0515-88192426');
        const history = await byName('button', '历史版本');
        await page.evaluate((k) => document.querySelector(`#mirror [data-key="${k}"]`).click(), history);
        await quiet(page);
        assert.ok((await page.evaluate(() => window.shenbao.layout())).some((i) => i.name === 'history.back'), 'the 历史版本 page');
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'the browser keeps its own keys (find, zoom, reload, full screen, address bar, tabs, back): the page lets them pass; the app keeps its own',
    async run({ server }) {
      const { context } = await launch();
      try {
        const page = await openApp(context, server.url);
        await clickItem(page, 'new.academic_exchange');
        await page.waitForFunction(() => window.shenbao.draft() !== '');
        // Synthetic keydowns (a real Ctrl+W would close the tab): the page's handling is what counts.
        const kept = (keys) => page.evaluate((keys) => keys.map(([key, code, mods]) => {
          const e = new KeyboardEvent('keydown', { key, code, bubbles: true, cancelable: true,
            ctrlKey: mods.includes('c'), altKey: mods.includes('a'), shiftKey: mods.includes('s') });
          document.activeElement.dispatchEvent(e);
          return `${mods}${key} ${e.defaultPrevented ? 'kept' : 'passed'}`;
        }), keys);
        const browser = [['f', 'KeyF', 'c'], ['g', 'KeyG', 'c'], ['F3', 'F3', ''], ['=', 'Equal', 'c'], ['-', 'Minus', 'c'],
          ['0', 'Digit0', 'c'], ['F5', 'F5', ''], ['r', 'KeyR', 'c'], ['F11', 'F11', ''], ['l', 'KeyL', 'c'], ['t', 'KeyT', 'c'],
          ['w', 'KeyW', 'c'], ['ArrowLeft', 'ArrowLeft', 'a'], ['ArrowRight', 'ArrowRight', 'a'], ['Tab', 'Tab', 'c']];
        assert.deepEqual(await kept(browser), browser.map(([key, , mods]) => `${mods}${key} passed`));
        const app = [['s', 'KeyS', 'c'], ['z', 'KeyZ', 'c'], ['Tab', 'Tab', ''], ['ArrowDown', 'ArrowDown', '']];
        assert.deepEqual(await kept(app), app.map(([key, , mods]) => `${mods}${key} kept`));
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'the live region says 已保存 after a save, and how many errors are left',
    async run({ server }) {
      const { context } = await launch();
      try {
        const page = await openApp(context, server.url);
        await clickItem(page, 'new.academic_exchange');
        await page.waitForFunction(() => window.shenbao.draft() !== '');
        await typeText(page, '青年科技论坛');
        await page.keyboard.press('Control+S');
        await page.waitForFunction(() => window.shenbao.status().save_state === 'saved');
        await quiet(page);
        const errors = (await findingsOf(page)).filter((f) => f.severity === 'error').length;
        // The region as the tree has it: a status whose text is what was said.
        const cdp = await context.newCDPSession(page);
        const { nodes } = await cdp.send('Accessibility.getFullAXTree');
        await cdp.detach();
        const live = nodes.filter((n) => !n.ignored && n.role?.value === 'status');
        const text = (n) => (n.childIds || []).map((id) => nodes.find((c) => c.nodeId === id)?.name?.value || '').join('');
        assert.deepEqual(live.map(text), [`已保存 · 还有 ${errors} 个错误`]);
        assert.equal(await page.evaluate(() => document.querySelector('#mirror-status').getAttribute('aria-live')), 'polite');
      } finally {
        await context.close();
      }
    },
  },
];
