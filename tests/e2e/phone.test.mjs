// A phone, as a secretary opens the link from a WeChat group: 390x844, touch only. A
// complete 精品学术交流活动 application filled by taps and the IME alone until no error
// is left; then 打印, 导出电子稿 and 提交… reached by taps. No keyboard keys, no mouse.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openApp, repo, shot } from './browser.mjs';
import { imeType } from './foundation.test.mjs';
import { expectNoErrors, findingsOf, quiet } from './form.mjs';

const programme = JSON.parse(fs.readFileSync(path.join(repo, 'assets/programmes/yancheng-2018.json'), 'utf8'));
const options = programme.kinds.find((k) => k.id === 'academic_exchange').options;
const a = JSON.parse(fs.readFileSync(path.join(repo, 'tests/fixtures/complete-academic_exchange.json'), 'utf8')).application;

const layout = (page) => page.evaluate(() => window.shenbao.layout());

// A finger drawn from fromY to toY: the panel under it scrolls.
async function drag(page, x, fromY, toY) {
  const cdp = await page.context().newCDPSession(page);
  const touch = (type, y) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
  await touch('touchStart', fromY);
  for (let i = 1; i <= 8; i++) await touch('touchMove', fromY + ((toY - fromY) * i) / 8);
  await touch('touchEnd');
  await cdp.detach();
  await quiet(page);
}

// Drags the page until the named item is wholly on screen; returns it.
async function reveal(page, name) {
  const { width, height } = page.viewportSize();
  for (let i = 0; i < 80; i++) {
    const item = (await layout(page)).find((x) => x.name === name);
    if (!item) throw new Error(`no ${name} on screen`);
    if (item.w > 0 && item.h >= item.fh - 0.5 && item.y >= 0 && item.y + item.h <= height) return item;
    const below = item.y > height / 2;
    const x = width - 24;  // the margin beside the fields: a drag, never a tap on a field
    if (below) await drag(page, x, height * 0.7, height * 0.35);
    else await drag(page, x, height * 0.35, height * 0.7);
  }
  throw new Error(`could not drag ${name} into view`);
}

async function tap(page, name) {
  const item = await reveal(page, name);
  await page.touchscreen.tap(item.x + item.w / 2, item.y + item.h / 2);
  await quiet(page);
}

async function tapFill(page, name, text) {
  await tap(page, name);
  assert.equal(await page.evaluate(() => window.shenbao.focused()), name, `a tap opens ${name}`);
  await imeType(page, text, 'pinyin');
  await quiet(page);
}

async function tapChoose(page, name, option) {
  await tap(page, name);
  await tap(page, `${name}.option.${option}`);
}

// A 390x844 touch phone with a new 精品学术交流活动 draft, started by a tap.
async function newDraftOnPhone(server) {
  const { context } = await launch({ width: 390, height: 844, dpr: 3, touch: true });
  const page = await openApp(context, server.url);
  await tap(page, 'new.academic_exchange');
  await page.waitForFunction(() => window.shenbao.draft() !== '');
  return { context, page };
}

export const tests = [
  {
    name: 'a phone (390x844, touch): a complete 精品学术交流活动 application by taps and the IME, then 打印, 导出 and 提交… by taps',
    async run({ server }) {
      const { context, page } = await newDraftOnPhone(server);
      try {
        for (const key of ['project_name', 'applicant_unit', 'project_leader', 'phone', 'applied_on'])
          await tapFill(page, `cover.${key}`, a.cover[key]);
        for (const key of ['aims', 'content', 'start', 'end', 'place', 'expected_results'])
          await tapFill(page, `plan.${key}`, a.plan[key]);
        for (const key of ['name', 'target', 'unit'])
          await tapFill(page, `plan.indicators[0].${key}`, a.plan.indicators[0][key]);
        const d = a.details;
        await tapChoose(page, 'details.format', options.formats.indexOf(d.format));
        await tapChoose(page, 'details.scale', options.scales.indexOf(d.scale));
        await tapChoose(page, 'details.level', options.levels.indexOf(d.level));
        await tapFill(page, 'details.organisers', d.organisers);
        await tapFill(page, 'details.participants', d.participants);
        await tap(page, 'details.experts.add');
        for (const key of ['name', 'title', 'unit']) await tapFill(page, `details.experts[0].${key}`, d.experts[0][key]);
        const total = (Number(a.budget.requested) + Number(a.budget.self_raised || 0)).toString();
        await tapFill(page, 'budget.lines[0].description', a.budget.lines[0].description);
        await tapFill(page, 'budget.lines[0].amount', total);
        await tapFill(page, 'budget.requested', a.budget.requested);
        if (Number(a.budget.self_raised || 0) > 0) await tapFill(page, 'budget.self_raised', a.budget.self_raised);
        await tapFill(page, 'opinion.opinion', a.opinion.opinion);
        await tapFill(page, 'opinion.signatory', a.opinion.signatory);
        for (const e of programme.eligibility) await tap(page, `eligibility.${e.id}`);
        // A tap outside every field closes the last one, keeping its text.
        await tap(page, 'checks.open');
        await expectNoErrors(page);
        await shot(page, 'phone-checks-390x844');
        assert.ok((await findingsOf(page)).length >= 0);
        await tap(page, 'checks.back');

        const saved = JSON.parse(await page.evaluate(() => window.shenbao.draft())).application;
        assert.equal(saved.cover.project_name, a.cover.project_name);
        assert.equal(saved.plan.content, a.plan.content);
        assert.equal(saved.details.experts[0].name, d.experts[0].name);

        // 打印 and 导出电子稿 are in 更多…; 提交… is on the toolbar.
        await tap(page, 'toolbar.more');
        await tap(page, 'toolbar.print');
        await page.waitForFunction(() => {
          const f = document.getElementById('print-frame');
          return f && f.srcdoc.includes('申报书');
        });
        await tap(page, 'toolbar.more');
        const [download] = await Promise.all([page.waitForEvent('download'), tap(page, 'toolbar.export')]);
        assert.match(download.suggestedFilename(), /\.json$/);
        await tap(page, 'toolbar.hand_in');
        await reveal(page, 'handin.email');
        await shot(page, 'phone-hand-in-390x844');
        const drafts = await page.evaluate(() => window.shenbao.drafts());
        assert.equal(drafts.drafts[0].handed_in, 'current', 'the hand-in is recorded');
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'a phone: a long press in a field opens 剪切, 复制, 粘贴, 全选, each a finger high; copy one field into another',
    async run({ server }) {
      const { context, page } = await newDraftOnPhone(server);
      try {
        await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
        await tapFill(page, 'cover.project_name', '园区服务站');
        const longPress = async (name) => {
          const item = await reveal(page, name);
          const cdp = await page.context().newCDPSession(page);
          const at = { x: item.x + item.w / 2, y: item.y + item.h / 2 };
          await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [at] });
          await page.waitForTimeout(800);
          await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
          await cdp.detach();
          await quiet(page);
        };
        await longPress('cover.project_name');
        const entries = (await layout(page)).filter((i) => i.name.startsWith('edit.') && i.w > 0);
        assert.deepEqual(entries.map((i) => i.label), ['剪切', '复制', '粘贴', '全选']);
        for (const e of entries) assert.ok(e.h >= 43.5, `${e.label} is ${e.h} px high`);
        await shot(page, 'phone-edit-menu-390x844');
        await tap(page, 'edit.select_all');
        await longPress('cover.project_name');
        await tap(page, 'edit.copy');
        await page.waitForFunction(async () => (await navigator.clipboard.readText()) === '园区服务站', null, { timeout: 5000 });  // writing is asynchronous
        await longPress('plan.place');
        await tap(page, 'edit.paste');
        assert.equal(JSON.parse(await page.evaluate(() => window.shenbao.draft())).application.plan.place, '园区服务站');
        // A long press is not a tap as well: the field keeps what it had.
        assert.equal(JSON.parse(await page.evaluate(() => window.shenbao.draft())).application.cover.project_name, '园区服务站');
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'a phone: when the on-screen keyboard takes the lower half, the field being edited stays in view',
    async run({ server }) {
      const { context, page } = await newDraftOnPhone(server);
      try {
        // A field low on the screen, as a person taps it.
        let field = await reveal(page, 'plan.place');
        for (let i = 0; i < 10 && field.y < 600; i++) {
          await drag(page, 366, 300, 420);
          field = await reveal(page, 'plan.place');
        }
        assert.ok(field.y >= 600, `the field is low on the screen (${Math.round(field.y)})`);
        await page.touchscreen.tap(field.x + field.w / 2, field.y + field.h / 2);
        await quiet(page);
        assert.equal(await page.evaluate(() => window.shenbao.focused()), 'plan.place');
        await page.setViewportSize({ width: 390, height: 420 });  // the keyboard comes up
        await page.waitForFunction(() => {
          const i = window.shenbao.layout().find((x) => x.name === 'plan.place');
          return i && i.h > 0 && i.h >= i.fh - 0.5 && i.y + i.h <= 420;
        }, null, { timeout: 10000 });
        await imeType(page, '盐城市科学会堂', 'kexue');
        await quiet(page);
        assert.equal(JSON.parse(await page.evaluate(() => window.shenbao.draft())).application.plan.place, '盐城市科学会堂');
        await shot(page, 'phone-keyboard-390x420');
      } finally {
        await context.close();
      }
    },
  },
];
