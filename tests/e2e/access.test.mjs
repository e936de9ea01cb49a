// Every person: what a screen reader is told. The app draws into a canvas; its
// accessibility mirror (web/mirror.js) gives the browser an element per item. These tests
// read Chromium's own accessibility tree (CDP Accessibility.getFullAXTree), as a screen
// reader would, never the app's hook, for what it says.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openApp, repo, seriousViolations } from './browser.mjs';
import { clickItem, dropFiles, fill, findingsOf, focusField, itemOf, quiet, reveal, typeText } from './form.mjs';

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
    name: "the browser's find in page finds a word typed in 项目目标 while the field is scrolled out of view, and the app shows the field",
    async run({ server }) {
      const { context } = await launch({ width: 1366, height: 560 });
      try {
        const page = await openApp(context, server.url);
        await clickItem(page, 'new.academic_exchange');
        await page.waitForFunction(() => window.shenbao.draft() !== '');
        await fill(page, 'plan.aims', '培养一批星火燎原的青年科技骨干');
        const { height } = page.viewportSize();
        const shown = async () => {
          const aims = await itemOf(page, 'plan.aims');
          return aims.h > 20 && aims.y >= 0 && aims.y + aims.h <= height && aims.focused;
        };
        for (const round of [1, 2]) {
          await focusField(page, 'cover.project_name', { backwards: true });
          await reveal(page, 'cover.project_name');
          assert.equal(await shown(), false, `round ${round}: 项目目标 is out of view before the find`);
          // The browser's find (window.find uses the same search as Ctrl+F) finds the word.
          assert.equal(await page.evaluate(() => window.find('星火燎原')), true, 'the word is in the page for find');
          // A match found in the hidden text, as Ctrl+F's would be (a text fragment is the way
          // a test can drive the browser's own find-and-reveal): the app scrolls to the field.
          await page.goto(server.url + '#:~:text=' + encodeURIComponent('星火燎原'));
          await page.waitForFunction(() => window.shenbao.ready);
          for (let i = 0; i < 40 && !(await shown()); i++) await page.waitForTimeout(100);
          assert.equal(await shown(), true, `round ${round}: 项目目标 shown with the keyboard in it after the match`);
          await page.goto(server.url + '#');
        }
        assert.deepEqual(page.errors, []);
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
  {
    name: 'the checks and the drafts are lists in the tree, the form\'s tables tables, F1 a dialog: an entry per finding and per draft, a row per row, each key read out',
    async run({ server }) {
      const { context } = await launch({ width: 1920, height: 1080 });
      try {
        const page = await openApp(context, server.url);
        await clickItem(page, 'new.academic_exchange');
        await page.waitForFunction(() => window.shenbao.draft() !== '');
        await typeText(page, '青年科技论坛');
        await quiet(page);
        const cdp = await context.newCDPSession(page);
        const { nodes } = await cdp.send('Accessibility.getFullAXTree');
        await cdp.detach();
        const byId = new Map(nodes.map((n) => [n.nodeId, n]));
        // The entries of the list named `name`: each listitem's one child, by role and name.
        const entries = (name) => {
          const lists = nodes.filter((n) => !n.ignored && n.role?.value === 'list' && n.name?.value === name);
          assert.equal(lists.length, 1, `one list named ${name}`);
          return (lists[0].childIds || []).map((id) => byId.get(id)).filter((n) => !n.ignored).map((item) => {
            assert.equal(item.role?.value, 'listitem');
            const inner = (item.childIds || []).map((id) => byId.get(id)).filter((n) => n && !n.ignored);
            return `${inner[0]?.role?.value} ${inner[0]?.name?.value}`;
          });
        };
        const layout = await page.evaluate(() => window.shenbao.layout());
        // Each item once (a name is drawn once per frame; the first is the one seen).
        const shown = (prefix) => layout.filter((i, n) => i.name.startsWith(prefix) && layout.findIndex((j) => j.name === i.name) === n);
        const findings = shown('finding.');
        assert.ok(findings.length > 3, 'the checks pane shows findings');
        assert.deepEqual(entries('检查结果'), findings.map((i) => `link ${i.label}`));
        // Every finding the pane shows is an entry (two findings that concern no field included).
        const everyShown = layout.filter((i) => i.name.startsWith('finding.')).map((i) => `link ${i.label}`);
        assert.deepEqual(new Set(entries('检查结果')), new Set(everyShown));
        const drafts = shown('draft.');
        assert.equal(drafts.length, 1);
        assert.deepEqual(entries('我的草稿'), drafts.map((i) => `button ${i.label}`));
        // A table of the form is a table: a row per row, a cell per field and per row button.
        const budgetLabel = programme.form.sections.flatMap((s) => s.fields).find((f) => f.path === 'budget.lines').label;
        const tables = nodes.filter((n) => !n.ignored && n.role?.value === 'table' && n.name?.value === budgetLabel);
        assert.equal(tables.length, 1, `one table named ${budgetLabel}`);
        const rows = (tables[0].childIds || []).map((id) => byId.get(id)).filter((n) => n && !n.ignored);
        assert.deepEqual(rows.map((r) => `${r.role?.value} ${r.name?.value}`), ['row 第 1 行']);
        const cells = (rows[0].childIds || []).map((id) => byId.get(id)).filter((n) => n && !n.ignored);
        assert.ok(cells.every((c) => c.role?.value === 'cell'), cells.map((c) => c.role?.value).join(' '));
        const inCells = cells.map((c) => (c.childIds || []).map((id) => byId.get(id)).find((n) => n && !n.ignored))
          .map((n) => `${n?.role?.value} ${n?.name?.value}`);
        assert.ok(inCells.includes('textbox 金额（元）'), inCells.join(' | '));
        assert.ok(inCells.includes('button 删除（第 1 行）'), inCells.join(' | '));
        // F1's list of keys is a dialog a screen reader can read: each key and what it does, and 关闭.
        await page.keyboard.press('Escape');
        await page.keyboard.press('F1');
        await quiet(page);
        const cdp2 = await context.newCDPSession(page);
        const after = (await cdp2.send('Accessibility.getFullAXTree')).nodes;
        await cdp2.detach();
        const byId2 = new Map(after.map((n) => [n.nodeId, n]));
        const dialogs = after.filter((n) => !n.ignored && n.role?.value === 'dialog' && n.name?.value === '快捷键');
        assert.equal(dialogs.length, 1, 'one dialog named 快捷键');
        const inside = [];
        const walk = (n) => { for (const id of n.childIds || []) { const c = byId2.get(id); if (!c) continue; if (!c.ignored) inside.push(`${c.role?.value} ${c.name?.value || ''}`); walk(c); } };
        walk(dialogs[0]);
        assert.ok(inside.includes('StaticText Ctrl+S：立即保存'), inside.join(' | '));
        assert.ok(inside.includes('button 关闭'), inside.join(' | '));
        assert.deepEqual(page.errors, []);
      } finally {
        await context.close();
      }
    },
  },
];

// ---- the keyboard alone, driven by what the tree says -------------------------------------

// The element that has the keyboard, as the tree has it: the text sink's active descendant.
const focusedInTree = (page) => page.evaluate(() => {
  const id = document.getElementById('ime').getAttribute('aria-activedescendant');
  const el = id && document.getElementById(id);
  return el ? { name: el.getAttribute('aria-label'), role: el.dataset.role } : null;
});

// Presses Tab until the tree says the element named `name` (of `role`) has the keyboard.
async function tabTo(page, name, role, limit = 300) {
  for (let i = 0; i < limit; i++) {
    await quiet(page);
    const now = await focusedInTree(page);
    if (now && now.name === name && (!role || now.role === role)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${role || ''} “${name}” (last: ${JSON.stringify(await focusedInTree(page))})`);
}

async function typeInto(page, name, text) {
  await tabTo(page, name, 'textbox');
  await page.keyboard.press('Control+A');
  await typeText(page, text);
}

async function pick(page, name, index) {
  await tabTo(page, name, 'combobox');
  await page.keyboard.press('Space');
  await quiet(page);
  await page.keyboard.press('Home');
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await quiet(page);
}

// Presses `key` (F6 to go from region to region, an arrow along a row of buttons) until the
// tree says the element named `name` has the keyboard.
async function keyTo(page, key, name, limit = 20) {
  for (let i = 0; i < limit; i++) {
    await quiet(page);
    if ((await focusedInTree(page))?.name === name) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reached “${name}” (last: ${JSON.stringify(await focusedInTree(page))})`);
}

async function pressNamed(page, name, role = 'button') {
  await tabTo(page, name, role);
  await page.keyboard.press('Space');
  await quiet(page);
}

tests.push({
  name: 'the keyboard alone, by the names the tree gives: a complete application, saved, printed, exported, 提交… opened, 审阅 and back; F6 and F1',
  async run({ server }) {
    const { context } = await launch();
    try {
      const page = await openApp(context, server.url);
      let mouse = 0;
      await page.exposeFunction('noteMouse', () => { mouse++; });
      await page.evaluate(() => ['mousedown', 'pointerdown', 'click'].forEach((t) => window.addEventListener(t, (e) => { if (e.isTrusted) window.noteMouse(); }, true)));
      const a = JSON.parse(fs.readFileSync(path.join(repo, 'tests/fixtures/complete-academic_exchange.json'), 'utf8')).application;
      const label = (p) => programme.form.sections.flatMap((s) => s.fields).find((f) => f.path === p).label;
      const o = programme.kinds.find((k) => k.id === 'academic_exchange').options;
      await pressNamed(page, '填写“精品学术交流活动”申报书');
      await page.waitForFunction(() => window.shenbao.draft() !== '');
      for (const p of ['cover.project_name', 'cover.applicant_unit', 'cover.project_leader', 'cover.phone', 'cover.applied_on'])
        await typeInto(page, label(p), a.cover[p.split('.')[1]]);
      for (const p of ['plan.aims', 'plan.content', 'plan.start', 'plan.end', 'plan.place', 'plan.expected_results'])
        await typeInto(page, label(p), a.plan[p.split('.')[1]]);
      await typeInto(page, '指标名称', a.plan.indicators[0].name);
      await typeInto(page, '目标值', a.plan.indicators[0].target);
      await typeInto(page, '单位', a.plan.indicators[0].unit);
      const d = a.details;
      await pick(page, label('details.format'), o.formats.indexOf(d.format));
      await pick(page, label('details.scale'), o.scales.indexOf(d.scale));
      await pick(page, label('details.level'), o.levels.indexOf(d.level));
      await typeInto(page, label('details.organisers'), d.organisers);
      await typeInto(page, label('details.participants'), d.participants);
      await pressNamed(page, '＋ 添加专家');
      await typeInto(page, '姓名', d.experts[0].name);
      await typeInto(page, '职称', d.experts[0].title);
      await typeInto(page, '单位', d.experts[0].unit);
      const total = (Number(a.budget.requested) + Number(a.budget.self_raised || 0)).toString();
      await typeInto(page, '用途与测算依据', a.budget.lines[0].description);
      await typeInto(page, '金额（元）', total);
      await typeInto(page, label('budget.requested'), a.budget.requested);
      if (Number(a.budget.self_raised || 0) > 0) await typeInto(page, label('budget.self_raised'), a.budget.self_raised);
      for (const e of programme.eligibility) await pressNamed(page, e.text, 'checkbox');
      await typeInto(page, label('opinion.opinion'), a.opinion.opinion);
      await typeInto(page, label('opinion.signatory'), a.opinion.signatory);
      await page.keyboard.press('Escape');
      await quiet(page);
      const errors = (await findingsOf(page)).filter((f) => f.severity === 'error');
      assert.deepEqual(errors.map((e) => `${e.field}: ${e.message}`), []);
      // Saved, and said so.
      await page.keyboard.press('Control+S');
      await page.waitForFunction(() => document.getElementById('mirror-status').textContent === '已保存 · 没有错误');
      // 打印 by Ctrl+P (as its tooltip says); F6 to the toolbar (the form's region starts
      // there), the arrows along it to 导出电子稿 and 提交….
      await page.keyboard.press('Control+P');
      await page.waitForFunction(() => { const f = document.getElementById('print-frame'); return f && f.srcdoc.includes('申报书'); });
      await keyTo(page, 'F6', '撤销');
      await keyTo(page, 'ArrowRight', '导出电子稿');
      const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Space')]);
      assert.match(download.suggestedFilename(), /\.json$/);
      await keyTo(page, 'ArrowRight', '提交…');
      await page.keyboard.press('Space');
      await page.waitForFunction(() => window.shenbao.layout().some((i) => i.name === 'handin.back'));
      // F6 to the top bar; 审阅, then 申报 again.
      await keyTo(page, 'F6', '申报');
      await pressNamed(page, '审阅', 'tab');
      assert.equal((await page.evaluate(() => window.shenbao.review())).mode, 'review');
      await keyTo(page, 'F6', '申报');  // the page of 审阅 took the keyboard: F6 to the top bar again
      await page.keyboard.press('Space');
      await quiet(page);
      assert.equal((await page.evaluate(() => window.shenbao.review())).mode, 'drafting');
      // Shift+F6 goes back the other way; F1 lists the shortcuts, Esc closes the list.
      await page.keyboard.press('Shift+F6');
      await quiet(page);
      assert.notEqual((await focusedInTree(page))?.name, '申报');
      await page.keyboard.press('F1');
      await quiet(page);
      const names = (await axTree(page)).map((n) => n.name);
      assert.ok(names.includes('关闭'), 'the shortcut list is open');
      await page.keyboard.press('Escape');
      await quiet(page);
      assert.ok(!(await axTree(page)).some((n) => n.name === '关闭'), 'Esc closed it');
      assert.equal(mouse, 0, 'no mouse event at all');
    } finally {
      await context.close();
    }
  },
});

// The contrast of the darkest colour in a rectangle of the screen against `background`
// (WCAG's relative luminance): for text drawn there, the contrast of its ink.
async function inkContrast(page, rect, background = [255, 255, 255]) {
  const png = (await page.screenshot({ clip: rect })).toString('base64');
  return page.evaluate(async ([png, bg]) => {
    const img = new Image();
    img.src = `data:image/png;base64,${png}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width; c.height = img.height;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const px = g.getImageData(0, 0, c.width, c.height).data;
    const lum = ([r, gr, b]) => [r, gr, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
      .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
    let darkest = 1;
    for (let i = 0; i < px.length; i += 4) darkest = Math.min(darkest, lum([px[i], px[i + 1], px[i + 2]]));
    return (lum(bg) + 0.05) / (darkest + 0.05);
  }, [png, background]);
}

tests.push({
  name: 'contrast: a placeholder (the format hint) and the checks\' clause references at least 4.5:1; a text field\'s border and the focus ring at least 3:1',
  async run({ server }) {
    const { context } = await launch({ width: 1366, height: 768, dpr: 2 });
    try {
      const page = await openApp(context, server.url);
      await clickItem(page, 'new.academic_exchange');
      await page.waitForFunction(() => window.shenbao.draft() !== '');
      await page.keyboard.press('Escape');
      await quiet(page);
      // 联系电话 is empty: what it shows is its placeholder, 手机号或 0515-88192426.
      const phone = (await page.evaluate(() => window.shenbao.layout())).find((i) => i.name === 'cover.phone');
      const placeholder = await inkContrast(page, { x: phone.x + 4, y: phone.y + 4, width: Math.min(200, phone.w - 8), height: phone.h - 8 });
      assert.ok(placeholder >= 4.5, `placeholder ${placeholder.toFixed(2)}:1`);
      // Under the first finding in the checks pane (its message is a link), its clause in grey on the pane's grey.
      const finding = (await page.evaluate(() => window.shenbao.layout())).find((i) => i.name.startsWith('finding.'));
      const clause = await inkContrast(page, { x: finding.x, y: finding.y + finding.h + 2, width: 90, height: finding.h - 4 }, [0xee, 0xf1, 0xf4]);
      assert.ok(clause >= 4.5, `clause reference ${clause.toFixed(2)}:1`);
      // A text field's border, which shows where to type: at least 3:1 (a strip across its left edge).
      const border = await inkContrast(page, { x: phone.x - 1, y: phone.y + phone.h / 4, width: 3, height: phone.h / 2 });
      assert.ok(border >= 3, `text field border ${border.toFixed(2)}:1`);
      // The focus ring, drawn around the item with the keyboard: at least 3:1 (a strip just left of it).
      await keyTo(page, 'F6', '申报');
      const button = (await page.evaluate(() => window.shenbao.layout())).find((i) => i.focused);
      const ring = await inkContrast(page, { x: button.x - 5, y: button.y + button.h / 4, width: 4, height: button.h / 2 });
      assert.ok(ring >= 3, `focus ring ${ring.toFixed(2)}:1`);
    } finally {
      await context.close();
    }
  },
});

tests.push({
  name: 'axe-core (pinned) on the app with a form open, and on 审阅: no serious or critical violation',
  async run({ server }) {
    const { context } = await launch();
    try {
      const page = await openApp(context, server.url);
      await clickItem(page, 'new.academic_exchange');
      await page.waitForFunction(() => window.shenbao.draft() !== '');
      await typeText(page, '青年科技论坛');
      await page.keyboard.press('Escape');
      await quiet(page);
      const serious = () => seriousViolations(page);
      assert.deepEqual(await serious(), []);
      await clickItem(page, 'mode.review');
      await quiet(page);
      assert.deepEqual(await serious(), []);
    } finally {
      await context.close();
    }
  },
});

tests.push({
  name: 'Tab alone reaches every region: on from the top bar through the drafts, the page and the checks, round again, and back with Shift+Tab; no trap in 界面大小',
  async run({ server }) {
    const { context } = await launch({ width: 1920, height: 1080 });
    try {
      const page = await openApp(context, server.url);
      await clickItem(page, 'new.academic_exchange');
      await page.waitForFunction(() => window.shenbao.draft() !== '');
      await keyTo(page, 'F6', '申报');
      // The item with the keyboard and its region (0 top bar, 1 notices, 2 drafts, 3 page, 4 checks).
      const focused = async () => (await page.evaluate(() => window.shenbao.layout())).find((i) => i.focused);
      const walk = async (key, presses) => {
        const seen = [];
        for (let i = 0; i < presses; i++) {
          await page.keyboard.press(key);
          await quiet(page);
          const item = await focused();
          seen.push(item ? { name: item.label, key: item.name, region: item.region } : { name: '(none)', region: -1 });
        }
        return seen;
      };
      const forward = await walk('Tab', 160);
      const regions = forward.map((x) => x.region);
      const order = regions.filter((r, i) => i === 0 || r !== regions[i - 1]);
      const trail = forward.map((x) => x.name).join(' → ');
      assert.ok(!regions.includes(-1), `the keyboard is always somewhere: ${trail}`);
      assert.ok(forward.some((x) => x.name === '界面大小'), `界面大小 is reached: ${trail}`);
      // Each region in turn, then the top bar again.
      assert.deepEqual(order.slice(0, 5), [0, 2, 3, 4, 0], trail);
      // Back: from the top bar's first item, Shift+Tab goes to the checks' last.
      await keyTo(page, 'F6', '申报');
      const back = await walk('Shift+Tab', 1);
      assert.equal(back[0].region, 4, 'Shift+Tab from the top bar goes to the checks');

      // Two notices (photos dropped where no report is open): Tab goes from the top bar
      // through each notice's button, then on to the drafts; no trap in the top bar.
      const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 7)]);
      await dropFiles(page, [{ name: '一.jpg', type: 'image/jpeg', bytes: jpeg }, { name: '二.jpg', type: 'image/jpeg', bytes: Buffer.concat([jpeg, jpeg]) }]);
      await page.waitForFunction(() => window.shenbao.status().notices.length >= 2);
      await keyTo(page, 'F6', '申报');
      const withNotices = await walk('Tab', 40);
      const noticeTrail = withNotices.map((x) => x.key).join(' → ');
      const noticeOrder = withNotices.map((x) => x.region).filter((r, i, all) => i === 0 || r !== all[i - 1]);
      assert.deepEqual(noticeOrder.slice(0, 4), [0, 1, 2, 3], noticeTrail);
      assert.ok(noticeTrail.includes('banner.notice → banner.notice#2'), noticeTrail);
      const noticesBack = await walk('Shift+Tab', 45);
      assert.ok(noticesBack.map((x) => x.key).join(' → ').includes('banner.notice#2 → banner.notice'), 'and back');
    } finally {
      await context.close();
    }
  },
});
