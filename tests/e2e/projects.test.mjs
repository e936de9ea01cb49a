// The funded project, files as the only channel: a society's application reaches the
// association, which approves it and writes the unit's decision file; the society
// imports it, sees 报备 and 佐证材料 due with their dates in 待办, marks 报备 done, and
// finds it so after a reload.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openApp, repo, shot } from './browser.mjs';
import { clickItem, dropFiles, quiet, sleep } from './form.mjs';

const review = (page) => page.evaluate(() => window.shenbao.review());
const layout = (page) => page.evaluate(() => window.shenbao.layout());

// A date `days` from today in the browser's calendar, as the form writes it.
function fromToday(days) {
  const d = new Date(Date.now() + days * 86400000);
  const two = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

export const tests = [
  {
    name: 'a decision file makes an approved draft a project: 报备 and 佐证材料 due in 待办, 报备 marked done and kept',
    async run({ server }) {
      // The society's application: an activity in 5 to 6 days.
      const doc = JSON.parse(fs.readFileSync(path.join(repo, 'tests/fixtures/complete-academic_exchange.json'), 'utf8'));
      delete doc.fingerprint;
      doc.meta = { ...(doc.meta || {}), draft_id: 'd-project-1' };
      doc.application.plan.start = fromToday(5);
      doc.application.plan.end = fromToday(6);
      const application = { name: '申报书.json', text: JSON.stringify(doc) };
      // And one that ended 8 days ago: its 佐证材料 are due in 2 days.
      const past = structuredClone(doc);
      past.meta.draft_id = 'd-project-2';
      past.application.cover.project_name = '已办完的论坛';
      past.application.plan.start = fromToday(-9);
      past.application.plan.end = fromToday(-8);
      const ended = { name: '申报书2.json', text: JSON.stringify(past) };

      const society = await launch({ width: 1366, height: 768 });
      const association = await launch({ width: 1366, height: 768 });
      try {
        const page = await openApp(society.context, server.url);
        await dropFiles(page, [application, ended]);
        await page.waitForFunction(() => window.shenbao.drafts().drafts.length === 2, null, { timeout: 20000 });

        // The association approves it and writes the unit's decision file.
        const office = await openApp(association.context, server.url);
        await clickItem(office, 'mode.review');
        await dropFiles(office, [application, ended]);
        await office.waitForFunction(() => window.shenbao.review().items === 2, null, { timeout: 20000 });
        for (const id of Object.values((await review(office)).ids)) {
          await clickItem(office, `review.row.${id}`);
          await clickItem(office, 'review.decision.approved');
          await clickItem(office, 'review.decision.amount');
          await office.keyboard.press('Control+A');
          await office.keyboard.type('4000');
          await office.keyboard.press('Escape');
          await quiet(office);
          await clickItem(office, 'review.back');
        }
        const [download] = await Promise.all([office.waitForEvent('download'), clickItem(office, 'review.decision_files')]);
        const decision = { name: download.suggestedFilename(), text: fs.readFileSync(await download.path(), 'utf8') };

        // The society imports it.
        await dropFiles(page, [decision]);
        await page.waitForFunction(() => window.shenbao.layout().some((i) => i.name.startsWith('due.')), null, { timeout: 20000 });
        await quiet(page);
        const all = (await layout(page)).filter((i) => i.name.startsWith('due.')).map((i) => i.label);
        // The ended one first (by date): both its duties due in 2 days.
        assert.equal(all.length, 4, all.join(' | '));
        assert.ok(all.slice(0, 2).every((l) => l.includes('2 天后截止') && l.includes('已办完的论坛')), all.join(' | '));
        const due = all.slice(2);
        assert.ok(due[0].startsWith('报备 16 天后截止'), due[0]);      // from 10 days before the start to 10 after the end
        assert.ok(due[1].startsWith('提交佐证材料'), due[1]);
        const opens = fromToday(6).slice(5).split('-').map(Number);
        assert.ok(due[1].includes(`${opens[0]}月${opens[1]}日起`), due[1]);  // from the end of the activity
        const notice = (await page.evaluate(() => window.shenbao.status())).notices.find((n) => n.includes('评审决定'));
        assert.ok(notice.includes('批准，资助 4,000.00 元') && notice.includes('已记入草稿'), notice);
        await clickItem(page, `due.d-project-1.0`);  // opens the project with the duties
        await shot(page, 'project-due-1366x768');
        const listName = await page.evaluate(() => document.querySelector('[data-key^="due."]').closest('[role="list"]').getAttribute('aria-label'));
        assert.equal(listName, '待办');

        // 报备 marked done in the checks pane, and so after a reload.
        const report = (await layout(page)).find((i) => i.name === `project.0`);
        assert.ok(report && report.label.startsWith('报备'), JSON.stringify(report));
        await clickItem(page, 'project.0');
        await sleep(500);
        await page.reload();
        await page.waitForFunction(() => window.shenbao && window.shenbao.ready);
        await quiet(page);
        const after = (await layout(page)).filter((i) => i.name.startsWith('due.d-project-1')).map((i) => i.label);
        assert.equal(after.length, 1, after.join(' | '));
        assert.ok(after[0].startsWith('提交佐证材料'), after[0]);
        assert.equal((await layout(page)).find((i) => i.name === 'project.0').label, '报备：已完成');
        // At the start, what is due within 3 days is said first: the ended project's, not this one's.
        const banner = (await page.evaluate(() => window.shenbao.status())).notices.find((n) => n.startsWith('待办'));
        assert.ok(banner && banner.includes('《已办完的论坛》提交佐证材料 2 天后截止') && !banner.includes('16 天'), banner);
        assert.deepEqual(page.errors, []);
        assert.deepEqual(office.errors, []);
      } finally {
        await society.context.close();
        await association.context.close();
      }
    },
  },
];
