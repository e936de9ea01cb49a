// The editor: a complete application of each kind the programme accepts, filled in by
// keyboard and IME alone until no error is left; then the draft list (rename,
// duplicate, delete, restore), undo, and a reload that finds everything as it was.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openApp, shot, repo } from './browser.mjs';
import { newDraftByKeyboard } from './foundation.test.mjs';
import { choose, clickItem, clickToolbar, draftOf, expectNoErrors, fill, findingsOf, itemOf, press, quiet, reveal, sleep, typeText } from './form.mjs';

const programme = JSON.parse(fs.readFileSync(path.join(repo, 'assets/programmes/yancheng-2018.json'), 'utf8'));
const kindRule = (id) => programme.kinds.find((k) => k.id === id);
const fixture = (kind) => JSON.parse(fs.readFileSync(path.join(repo, `tests/fixtures/complete-${kind}.json`), 'utf8')).application;
// Position of each kind's button in the chooser (kinds not applied for have none).
const chooserPosition = (kind) => programme.kinds.filter((k) => k.route.type !== 'assessed').findIndex((k) => k.id === kind) + 1;

async function fillCommon(page, a) {
  await fill(page, 'cover.project_name', a.cover.project_name);
  await fill(page, 'cover.applicant_unit', a.cover.applicant_unit);
  await fill(page, 'cover.project_leader', a.cover.project_leader);
  await fill(page, 'cover.phone', a.cover.phone);
  await fill(page, 'cover.applied_on', a.cover.applied_on);
  await fill(page, 'plan.aims', a.plan.aims);
  await fill(page, 'plan.content', a.plan.content);
  await fill(page, 'plan.start', a.plan.start);
  await fill(page, 'plan.end', a.plan.end);
  if (a.plan.place) await fill(page, 'plan.place', a.plan.place);
  await fill(page, 'plan.expected_results', a.plan.expected_results);
  const ind = a.plan.indicators[0];
  await fill(page, 'plan.indicators[0].name', ind.name);
  await fill(page, 'plan.indicators[0].target', ind.target);
  await fill(page, 'plan.indicators[0].unit', ind.unit);
}

async function fillBudgetAndEnd(page, a) {
  // One line holding the whole budget keeps the keyboard path short.
  const total = (Number(a.budget.requested) + Number(a.budget.self_raised || 0)).toString();
  await fill(page, 'budget.lines[0].description', a.budget.lines[0].description);
  await fill(page, 'budget.lines[0].amount', total);
  await fill(page, 'budget.requested', a.budget.requested);
  if (a.budget.self_raised && Number(a.budget.self_raised) > 0) await fill(page, 'budget.self_raised', a.budget.self_raised);
  await fill(page, 'opinion.opinion', a.opinion.opinion);
  await fill(page, 'opinion.signatory', a.opinion.signatory);
  for (const e of programme.eligibility) await press(page, `eligibility.${e.id}`);
}

const fillers = {
  async service_station(page, a) {
    await fillCommon(page, a);
    const d = a.details;
    await choose(page, 'details.host_type', kindRule('service_station').options.host_types.indexOf(d.host_type));
    await fill(page, 'details.host_name', d.host_name);
    await fill(page, 'details.host_address', d.host_address);
    await fill(page, 'details.services', d.services);
    await fill(page, 'details.upstream', d.upstream);
    for (let i = 0; i < a.team.length; i++) {
      await press(page, 'team.add');
      for (const key of ['name', 'unit', 'title', 'speciality', 'phone']) await fill(page, `team[${i}].${key}`, a.team[i][key]);
    }
    await fillBudgetAndEnd(page, a);
  },
  async academic_exchange(page, a) {
    await fillCommon(page, a);
    const d = a.details, o = kindRule('academic_exchange').options;
    await choose(page, 'details.format', o.formats.indexOf(d.format));
    await choose(page, 'details.scale', o.scales.indexOf(d.scale));
    await choose(page, 'details.level', o.levels.indexOf(d.level));
    await fill(page, 'details.organisers', d.organisers);
    await fill(page, 'details.participants', d.participants);
    await press(page, 'details.experts.add');
    for (const key of ['name', 'title', 'unit']) await fill(page, `details.experts[0].${key}`, d.experts[0][key]);
    await fillBudgetAndEnd(page, a);
  },
  async enterprise_cooperation(page, a) {
    await fillCommon(page, a);
    await fill(page, 'details.partner', a.details.partner);
    await fill(page, 'details.topic', a.details.topic);
    await fillBudgetAndEnd(page, a);
  },
  async organisation_building(page, a) {
    await fillCommon(page, a);
    for (const item of a.details.items) await press(page, `details.items.${item}`);
    await fill(page, 'details.evidence', a.details.evidence);
    await fillBudgetAndEnd(page, a);
  },
};

export const tests = Object.keys(fillers).map((kind) => ({
  name: `a complete ${kind} application by keyboard and IME, checks go to zero errors`,
  async run({ server }) {
    const { context } = await launch();
    try {
      const page = await openApp(context, server.url);
      await newDraftByKeyboard(page, chooserPosition(kind));
      const before = (await findingsOf(page)).filter((f) => f.severity === 'error').length;
      assert.ok(before > 5, 'a blank application has errors');
      const a = fixture(kind);
      await fillers[kind](page, a);
      await page.keyboard.press('Escape');  // leave the last field, keeping its text
      await quiet(page);
      await expectNoErrors(page);
      const saved = (await draftOf(page)).application;
      assert.equal(saved.cover.kind, kind);
      assert.equal(saved.cover.project_name, a.cover.project_name);
      assert.equal(saved.plan.content, a.plan.content);
      await shot(page, `editor-${kind}-complete-1366x768`);
      await sleep(1200);
      await page.reload();
      await page.waitForFunction(() => window.shenbao && window.shenbao.ready);
      assert.deepEqual((await draftOf(page)).application, saved, 'everything is there after a reload');
      assert.deepEqual(page.errors, []);
    } finally {
      await context.close();
    }
  },
}));

tests.push({
  name: 'Escape leaves a field and keeps what was typed; undo and redo',
  async run({ server }) {
    const { context } = await launch();
    try {
      const page = await openApp(context, server.url);
      await newDraftByKeyboard(page, chooserPosition('service_station'));
      await typeText(page, '第一版名称');
      await page.keyboard.press('Escape');
      await quiet(page);
      assert.equal((await draftOf(page)).application.cover.project_name, '第一版名称');
      await fill(page, 'plan.place', '盐城');
      await page.keyboard.press('Escape');
      await quiet(page);
      await page.keyboard.press('Control+Z');
      await quiet(page);
      assert.equal((await draftOf(page)).application.plan.place, '');
      assert.equal((await draftOf(page)).application.cover.project_name, '第一版名称');
      await page.keyboard.press('Control+Shift+Z');
      await quiet(page);
      assert.equal((await draftOf(page)).application.plan.place, '盐城');
    } finally {
      await context.close();
    }
  },
});

tests.push({
  name: 'the edit menu of a text field (right click): 全选, 复制, 粘贴 into another field, 剪切; a refused clipboard is explained',
  async run({ server }) {
    const { context } = await launch();
    try {
      const page = await openApp(context, server.url);
      await newDraftByKeyboard(page, chooserPosition('service_station'));
      await typeText(page, '园区服务站');
      await page.keyboard.press('Escape');
      await quiet(page);
      const menu = async (field, entry) => {
        const f = await reveal(page, field);
        await page.mouse.click(f.x + f.w / 2, f.y + f.h / 2, { button: 'right' });
        await quiet(page);
        await clickItem(page, entry);
        await quiet(page);
      };
      const application = async () => (await draftOf(page)).application;
      // Pasting where the browser does not let the page read the clipboard: the way that works.
      await menu('plan.place', 'edit.paste');
      const refused = (await page.evaluate(() => window.shenbao.status())).notices;
      assert.ok(refused.some((n) => n.includes('浏览器不允许网页读取剪贴板') && n.includes('Ctrl+V')), JSON.stringify(refused));
      assert.equal((await application()).plan.place, '');
      await clickItem(page, 'banner.notice');  // 知道了
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
      await menu('cover.project_name', 'edit.select_all');
      await menu('cover.project_name', 'edit.copy');
      await page.waitForFunction(async () => (await navigator.clipboard.readText()) === '园区服务站', null, { timeout: 5000 });  // writing is asynchronous
      await menu('plan.place', 'edit.paste');
      await page.keyboard.press('Escape');
      await quiet(page);
      assert.equal((await application()).plan.place, '园区服务站');
      await menu('cover.project_name', 'edit.select_all');
      await menu('cover.project_name', 'edit.cut');
      await page.keyboard.press('Escape');
      await quiet(page);
      assert.equal((await application()).cover.project_name, '');
      await page.waitForFunction(async () => (await navigator.clipboard.readText()) === '园区服务站', null, { timeout: 5000 });  // writing is asynchronous
      // The menu's words are drawn (no tofu) and it sits on the screen.
      const f = await reveal(page, 'plan.place');
      await page.mouse.click(f.x + 20, f.y + f.h / 2, { button: 'right' });
      await quiet(page);
      for (const entry of ['edit.cut', 'edit.copy', 'edit.paste', 'edit.select_all']) assert.ok((await itemOf(page, entry)).w > 0, entry);
      await shot(page, 'edit-menu-1366x768');
      await page.keyboard.press('Escape');
    } finally {
      await context.close();
    }
  },
});

tests.push({
  name: 'a long text wraps while it is edited: the arrows move by rows, Backspace at a row start deletes a character',
  async run({ server }) {
    const { context } = await launch();
    try {
      const page = await openApp(context, server.url);
      await newDraftByKeyboard(page, chooserPosition('academic_exchange'));
      const paragraph = '围绕盐城科技创新和新兴产业发展规划，组织专家开展学术交流，形成系列成果。';
      const text = paragraph.repeat(3);  // one line typed, three rows and more shown
      await fill(page, 'plan.aims', text);
      await shot(page, 'editor-long-text-wrapped-1366x768');
      assert.equal((await draftOf(page)).application.plan.aims, text);
      // Without wrapping the text is one row: Down would go to its end and Backspace at the
      // row start (the text's start) would delete nothing.
      for (const key of ['Control+Home', 'ArrowDown', 'Home', 'Backspace']) {
        await page.keyboard.press(key);
        await quiet(page);
      }
      const after = (await draftOf(page)).application.plan.aims;
      assert.equal([...after].length, [...text].length - 1, 'one character deleted');
      assert.ok(!after.includes('\r'), 'no soft break reaches the application');
      let at = 0;
      while (after[at] === text[at]) at++;
      assert.ok(at > 10 && at < 60, `the character deleted ends the first row (at ${at})`);
      assert.equal(after, text.slice(0, at) + text.slice(at + 1));
      // Typing there puts the character back where it was.
      await typeText(page, text[at]);
      assert.equal((await draftOf(page)).application.plan.aims, text);
      // A copy holds the text as typed, not the rows it is shown in.
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
      await page.keyboard.press('Control+A');
      await quiet(page);
      await page.keyboard.press('Control+C');
      await quiet(page);
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text);
    } finally {
      await context.close();
    }
  },
});

tests.push({
  name: 'the draft list: rename, duplicate, delete, restore, and all of it after a reload',
  async run({ server }) {
    const { context } = await launch();
    const list = (page) => page.evaluate(() => window.shenbao.drafts());
    try {
      const page = await openApp(context, server.url);
      await newDraftByKeyboard(page, chooserPosition('service_station'));
      await typeText(page, '原来的名称');
      await page.keyboard.press('Escape');
      await quiet(page);
      await shot(page, 'editor-form-1366x768');

      // Rename from the list's context menu.
      await page.mouse.click(120, 199, { button: 'right' });
      await quiet(page);
      await shot(page, 'editor-context-menu-1366x768');
      await page.keyboard.press('Home');  // the first item: 重命名
      await quiet(page);
      await page.keyboard.press('Space');
      await quiet(page);
      await typeText(page, '改过的名称');
      await page.keyboard.press('Enter');
      await quiet(page);
      let l = await list(page);
      assert.deepEqual(l.drafts.map((d) => d.name), ['改过的名称']);

      // Duplicate and delete from the toolbar over the form.
      await clickToolbar(page, 'duplicate');
      l = await list(page);
      assert.deepEqual(l.drafts.map((d) => d.name), ['改过的名称（副本）', '改过的名称']);
      assert.ok(l.drafts[0].current, 'the copy is opened');
      await clickToolbar(page, 'remove');
      l = await list(page);
      assert.deepEqual(l.drafts.map((d) => d.name), ['改过的名称']);
      assert.deepEqual(l.trash.map((d) => d.name), ['改过的名称（副本）']);

      // Restore from the trash.
      await page.mouse.click(60, 274);
      await quiet(page);
      await shot(page, 'editor-trash-1366x768');
      await page.keyboard.press('Tab');
      await quiet(page);
      await page.keyboard.press('Space');
      await quiet(page);
      l = await list(page);
      assert.deepEqual(l.drafts.map((d) => d.name).sort(), ['改过的名称', '改过的名称（副本）'].sort());
      assert.deepEqual(l.trash, []);

      await sleep(1200);
      await page.reload();
      await page.waitForFunction(() => window.shenbao && window.shenbao.ready);
      const after = await list(page);
      assert.deepEqual(after.drafts.map((d) => d.name).sort(), ['改过的名称', '改过的名称（副本）'].sort());
      assert.deepEqual(after.trash, []);
      assert.deepEqual(page.errors, []);
    } finally {
      await context.close();
    }
  },
});
