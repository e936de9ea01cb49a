// The form as data, in the browser: the site ships two calls; the person chooses the
// newer one, and the form, the checks and the printed page follow its field table (a
// field the 2019 call adds to 精品学术交流活动) with no code of its own.
import assert from 'node:assert/strict';
import { launch, openApp, shot } from './browser.mjs';
import { newDraftByKeyboard } from './foundation.test.mjs';
import { clickItem, fill, quiet, reveal } from './form.mjs';

export const tests = [
  {
    name: 'choosing the 2019 call: its added field is in the form, the checks and the file, and the draft keeps its call',
    async run({ server }) {
      const { context } = await launch();
      try {
        const page = await openApp(context, server.url);
        // The profile starts on the 2018 call: the 2018 form has no such field.
        await clickItem(page, 'new.call');
        await clickItem(page, 'new.call.yancheng-2019');
        assert.equal(await page.evaluate(() => localStorage.getItem('shenbao-call')), 'yancheng-2019', 'the choice is kept');
        await clickItem(page, 'new.academic_exchange');
        await page.waitForFunction(() => window.shenbao.draft() !== '');
        const doc = JSON.parse(await page.evaluate(() => window.shenbao.draft()));
        assert.equal(doc.programme, 'yancheng-2019');
        assert.equal(doc.meta.programme_version, 2);

        assert.ok(await reveal(page, 'details.publicity'), 'the added field is drawn');
        let findings = await page.evaluate(() => window.shenbao.findings());
        assert.ok(findings.some((f) => f.field === 'details.publicity' && f.message === '请填写宣传报道安排'), 'and checked');
        await fill(page, 'details.publicity', '会前在学会公众号发布通知');
        await page.keyboard.press('Tab');
        await quiet(page);
        findings = await page.evaluate(() => window.shenbao.findings());
        assert.ok(!findings.some((f) => f.field === 'details.publicity'));
        const saved = JSON.parse(await page.evaluate(() => window.shenbao.draft()));
        assert.equal(saved.application.details.publicity, '会前在学会公众号发布通知');
        await shot(page, 'calls-2019-form');

        // A reload: the draft keeps its call, the value is still there.
        await page.reload();
        await page.waitForFunction(() => window.shenbao && window.shenbao.ready);
        await quiet(page);
        const back = JSON.parse(await page.evaluate(() => window.shenbao.draft()));
        assert.equal(back.programme, 'yancheng-2019');
        assert.equal(back.application.details.publicity, '会前在学会公众号发布通知');
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'a 2018 draft stays on its call when the newer call is chosen for new drafts',
    async run({ server }) {
      const { context } = await launch();
      try {
        const page = await openApp(context, server.url);
        await newDraftByKeyboard(page);  // on the 2018 call
        await fill(page, 'plan.start', '2018-06-01');
        await page.keyboard.press('Tab');
        await quiet(page);
        const findings = await page.evaluate(() => window.shenbao.findings());
        assert.ok(!findings.some((f) => f.field === 'plan.start' && f.message.includes('不在规定的时间范围')), '2018-06-01 is in the 2018 window');
        assert.ok(!findings.some((f) => f.field === 'details.publicity'), 'the 2018 form has no 宣传报道安排');
        const doc = JSON.parse(await page.evaluate(() => window.shenbao.draft()));
        assert.equal(doc.programme, 'yancheng-2018');
      } finally {
        await context.close();
      }
    },
  },
];
