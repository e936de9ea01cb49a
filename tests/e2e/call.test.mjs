// What a new user tripped over (issue: "What the call says, exactly"): money typed with
// a thousands comma, a message that moves the form, focus after a suggestion, a new row or
// a finding, the unit's full name, another expense kind, the hand-in recorded on the
// draft, the full 申报书 from 审阅, a rare character in a review comment after a reload,
// and asking the browser to keep the data.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openApp, repo, shot } from './browser.mjs';
import { newDraftByKeyboard } from './foundation.test.mjs';
import { choose, clickItem, draftOf, dropFiles, fill, findingsOf, focusField, focusedOf, itemOf, press, quiet, typeText } from './form.mjs';

const fixtureText = (kind) => fs.readFileSync(path.join(repo, `tests/fixtures/complete-${kind}.json`), 'utf8');

async function freshDraft(context, server) {
  const page = await openApp(context, server.url);
  await newDraftByKeyboard(page);
  return page;
}

export const tests = [
  {
    name: 'money typed as 4,000 or ４０００元 is kept as 4000, in a budget line and in 申请市科协资助',
    async run({ server }) {
      const { context } = await launch();
      try {
        const page = await freshDraft(context, server);
        await fill(page, 'budget.lines[0].amount', '4,000');
        await page.keyboard.press('Tab');
        await quiet(page);
        await fill(page, 'budget.requested', '３,０００元');
        await page.keyboard.press('Tab');
        await quiet(page);
        const a = (await draftOf(page)).application;
        assert.equal(a.budget.lines[0].amount, '4000');
        assert.equal(a.budget.requested, '3000');
        const amountErrors = (await findingsOf(page)).filter((f) => /amount|requested/.test(f.field) && f.message.includes('不是有效'));
        assert.deepEqual(amountErrors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'a message that appears when a field is left does not move the fields below it',
    async run({ server }) {
      const { context } = await launch();
      try {
        const page = await freshDraft(context, server);
        const before = await itemOf(page, 'cover.applicant_unit');
        await page.keyboard.press('Tab');  // leave 项目名称 empty: 请填写项目名称 appears under it
        await quiet(page);
        assert.ok((await findingsOf(page)).some((f) => f.field === 'cover.project_name' && f.severity === 'error'));
        const after = await itemOf(page, 'cover.applicant_unit');
        assert.equal(after.y, before.y, 'the next field stayed where it was');
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'focus: a unit suggestion keeps the keyboard on 申报单位; a new row takes it; a finding puts the caret in its field',
    async run({ server }) {
      const { context } = await launch();
      try {
        const page = await freshDraft(context, server);
        // The full name a society stamps is offered beside 附件1's short one, and accepted.
        await focusField(page, 'cover.applicant_unit');
        await typeText(page, '物理');
        const offered = (await page.evaluate(() => window.shenbao.layout()))
          .filter((i) => i.name === 'cover.applicant_unit.suggestion').map((i) => i.label);
        assert.deepEqual(offered, ['盐城市物理学会', '市物理学会']);
        await clickItem(page, 'cover.applicant_unit.suggestion');
        assert.equal((await draftOf(page)).application.cover.applicant_unit, '盐城市物理学会');
        assert.ok(!(await findingsOf(page)).some((f) => f.field === 'cover.applicant_unit'), 'the full name is the listed unit');
        await page.keyboard.press('Tab');
        await quiet(page);
        assert.equal(await focusedOf(page), 'cover.project_leader', 'Tab goes on from 申报单位');

        // 添加专家: the caret is in the new row's first cell, typing goes there.
        await press(page, 'details.experts.add');
        assert.equal(await focusedOf(page), 'details.experts[0].name');
        await typeText(page, '王教授');
        assert.equal((await draftOf(page)).application.details.experts[0].name, '王教授');

        // A finding of a field: the caret goes into it.
        await clickItem(page, 'finding.cover.project_leader');
        assert.equal(await focusedOf(page), 'cover.project_leader');
        await typeText(page, '张三');
        assert.equal((await draftOf(page)).application.cover.project_leader, '张三');

        // A finding of a whole table scrolls to it and puts the keyboard on its first cell.
        await press(page, 'budget.lines[0].description');
        await page.keyboard.press('Control+A');
        await page.keyboard.press('Delete');
        await focusField(page, 'budget.lines[0].amount');
        await page.keyboard.press('Control+A');
        await page.keyboard.press('Delete');
        await page.keyboard.press('Tab');
        await quiet(page);
        await clickItem(page, 'finding.budget.lines');
        assert.match(await focusedOf(page), /^budget\.lines\[0\]\./);
        const cell = await itemOf(page, (await focusedOf(page)));
        const viewport = page.viewportSize();
        assert.ok(cell.y > 0 && cell.y + cell.h < viewport.height, `the first cell is on screen (y ${cell.y})`);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'another expense kind: named in the row, a warning citing 说明6, an error only when the grant would pay for it',
    async run({ server }) {
      const { context } = await launch();
      try {
        const page = await freshDraft(context, server);
        const programme = JSON.parse(fs.readFileSync(path.join(repo, 'assets/programmes/yancheng-2018.json'), 'utf8'));
        await choose(page, 'budget.lines[0].expense_kind', programme.expense_kinds.length);  // 其他科目（自填）
        assert.equal(await focusedOf(page), 'budget.lines[0].expense_kind.other');
        await typeText(page, '交通费');
        await fill(page, 'budget.lines[0].amount', '2000');
        await fill(page, 'budget.requested', '1000');
        await page.keyboard.press('Tab');
        await quiet(page);
        const a = (await draftOf(page)).application;
        assert.equal(a.budget.lines[0].expense_kind, '交通费');
        const findings = await findingsOf(page);
        const line = findings.find((f) => f.field === 'budget.lines[0].expense_kind');
        assert.equal(line.severity, 'warning');
        assert.equal(line.clause, '附件3·申报说明6');
        assert.ok(findings.some((f) => f.field === 'budget.requested' && f.severity === 'error' && f.clause === '附件3·申报说明6'));
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'a hand-in is recorded on the draft and shown in the list; an edit after it is shown too',
    async run({ server }) {
      const { context } = await launch();
      try {
        let page = await freshDraft(context, server);
        await typeText(page, '学术年会');
        await quiet(page);
        assert.equal((await page.evaluate(() => window.shenbao.drafts())).drafts[0].handed_in, 'never');
        const download = page.waitForEvent('download');
        await clickItem(page, 'toolbar.export');
        await download;
        await page.waitForFunction(() => window.shenbao.drafts().drafts[0].handed_in === 'current');
        await page.waitForFunction(() => window.shenbao.status().save_state === 'saved');
        await page.reload();
        await page.waitForFunction(() => window.shenbao && window.shenbao.ready);
        let d = (await page.evaluate(() => window.shenbao.drafts())).drafts[0];
        assert.equal(d.handed_in, 'current', 'kept across a reload');
        assert.equal(d.handed_in_how, 'export');
        await shot(page, 'handed-in-list-1366x768');
        await fill(page, 'cover.project_name', '学术年会（修改）');
        await page.keyboard.press('Tab');
        await quiet(page);
        d = (await page.evaluate(() => window.shenbao.drafts())).drafts[0];
        assert.equal(d.handed_in, 'changed');
      } finally {
        await context.close();
      }
    },
  },
  {
    name: '审阅: the detail shows what reviewers judge on, opens the full 申报书, and a rare character in a comment is drawn after a reload',
    async run({ server }) {
      const { context } = await launch();
      try {
        let page = await openApp(context, server.url);
        await clickItem(page, 'mode.review');
        const doc = JSON.parse(fixtureText('academic_exchange'));
        delete doc.fingerprint;
        await dropFiles(page, [{ name: 'a.json', text: JSON.stringify(doc) }]);
        await page.waitForFunction(() => window.shenbao.layout().some((i) => i.name.startsWith('review.row.')));
        const row = (await page.evaluate(() => window.shenbao.layout())).find((i) => i.name.startsWith('review.row.'));
        // A screen reader hears the row as it is read across: unit, project, kind, amount.
        const c = doc.application.cover;
        for (const part of [c.applicant_unit, c.project_name, '精品学术交流活动', '申请 ']) assert.ok(row.label.includes(part), `${row.label} lacks ${part}`);
        await clickItem(page, row.name);
        await shot(page, 'review-detail-1366x768');
        await clickItem(page, 'review.view');
        await page.waitForSelector('#viewer-frame');
        const srcdoc = await page.$eval('#viewer-frame', (f) => f.srcdoc);
        assert.ok(srcdoc.includes(doc.application.cover.project_name));
        assert.ok(srcdoc.includes(doc.application.details.scale));
        assert.equal(await page.$eval('#viewer-frame', (f) => f.getAttribute('sandbox')), 'allow-same-origin allow-modals');
        await shot(page, 'review-viewer-1366x768');
        await page.keyboard.press('Escape');
        await page.waitForSelector('#viewer', { state: 'detached' });

        const rare = '䶮';
        assert.equal(await page.evaluate((c) => window.shenbao.hasGlyph(c), rare), false, 'not in the base font');
        await focusField(page, 'review.comment');
        await typeText(page, '活动规模适中' + rare);
        await page.waitForFunction(() => window.shenbao.status().save_state === 'saved');
        await page.reload();
        await page.waitForFunction(() => window.shenbao && window.shenbao.ready);
        await clickItem(page, 'mode.review');
        await page.waitForFunction(() => window.shenbao.layout().some((i) => i.name.startsWith('review.row.')));
        const again = (await page.evaluate(() => window.shenbao.layout())).find((i) => i.name.startsWith('review.row.'));
        assert.equal(await page.evaluate((c) => window.shenbao.hasGlyph(c), rare), false, 'a fresh page has not drawn it yet');
        await clickItem(page, again.name);
        await focusField(page, 'review.comment');  // scrolled into view: drawn, so its glyphs are asked for
        await page.waitForFunction((c) => window.shenbao.hasGlyph(c), rare, { timeout: 10000 });
      } finally {
        await context.close();
      }
    },
  },
  {
    name: '存储与备份 offers to ask the browser to keep the data, and asks when clicked',
    async run({ server }) {
      const { context } = await launch();
      try {
        await context.addInitScript(() => {
          window.persistAsked = 0;
          if (navigator.storage) {
            navigator.storage.persisted = async () => false;
            navigator.storage.persist = async () => { window.persistAsked++; return false; };
          }
        });
        const page = await freshDraft(context, server);
        await page.waitForFunction(() => window.shenbao.status().save_state === 'saved');
        await clickItem(page, 'topbar.storage');
        await page.waitForFunction(() => window.shenbao.layout().some((i) => i.name === 'storage.persist'));
        const asked = await page.evaluate(() => window.persistAsked);
        await clickItem(page, 'storage.persist');
        await page.waitForFunction((n) => window.persistAsked > n, asked);
      } finally {
        await context.close();
      }
    },
  },
];
