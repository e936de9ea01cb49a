// Expert review with files as the only channel: the association hands a batch to two
// experts, each scores in a browser profile of their own (one declares a conflict, one
// tries to sign off too early), the association merges the score files, decides (an
// amount above the standard is refused), prints the 公示 list and writes the units'
// decision files, which a unit imports on its side.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openApp, outDir, seriousViolations, shot } from './browser.mjs';
import { chooseFiles, clickItem, dropFiles, quiet, sleep, typeText } from './form.mjs';
import { generate } from './review.test.mjs';

const review = (page) => page.evaluate(() => window.shenbao.review());
const expert = (page) => page.evaluate(() => window.shenbao.expert());
const downloads = path.join(outDir, 'downloads');

// The file a click downloads: its name and text.
async function download(page, act) {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 15000 }), act()]);
  fs.mkdirSync(downloads, { recursive: true });
  const file = path.join(downloads, d.suggestedFilename());
  await d.saveAs(file);
  return { name: d.suggestedFilename(), text: fs.readFileSync(file, 'utf8') };
}

async function typeInto(page, name, text) {
  await clickItem(page, name);
  await page.keyboard.press('Control+A');
  await typeText(page, text);
  await page.keyboard.press('Escape');
  await quiet(page);
}

// An expert opens the batch in a fresh profile and scores every submission `score`
// (with a conflict on `conflictOn`, by index), then signs off; returns the score file.
async function scoreAsExpert(server, batch, { name, score, conflictOn = -1, early = false, shotName }) {
  const { context } = await launch({ width: 1366, height: 768 });
  try {
    const page = await openApp(context, server.url);
    await dropFiles(page, [batch]);
    await page.waitForFunction(() => window.shenbao.expert().batch_id, null, { timeout: 20000 });
    await quiet(page);
    let e = await expert(page);
    assert.equal((await review(page)).mode, 'expert');
    assert.equal(e.items.length, 3);
    await typeInto(page, 'expert.name', name);
    if (early) {
      // Signing off before every submission is scored is refused, saying what is left.
      await clickItem(page, 'expert.sign');
      e = await expert(page);
      assert.equal(e.refused.length, 3, JSON.stringify(e.refused));
      assert.equal(e.signed_at, '');
    }
    for (let i = 0; i < e.items.length; i++) {
      const item = e.items[i];
      await clickItem(page, `expert.row.${item.id}`);
      assert.equal((await expert(page)).open, item.id);
      if (i === conflictOn) {
        await clickItem(page, 'expert.conflict');
        continue;
      }
      for (const c of e.criteria.filter((c) => !c.kinds.length || c.kinds.includes(item.kind)))
        await typeInto(page, `expert.score.${c.id}`, String(score));
      if (i === 0) await typeInto(page, 'expert.comment', '活动规模与级别相符');
    }
    e = await expert(page);
    assert.ok(e.items.every((i) => i.complete), JSON.stringify(e.items));
    if (shotName) await shot(page, shotName);
    // A screen reader hears each score with its criterion and range, and what was given.
    const field = await page.evaluate(() => {
      const el = document.querySelector('[data-key="expert.score.plan.content"]');
      return el && { label: el.getAttribute('aria-label'), value: el.value, tag: el.tagName };
    });
    assert.deepEqual(field, { label: '项目内容与实施计划（满分 10）', value: String(score), tag: 'INPUT' });
    // The batch's submissions are a list, each entry saying how far it is.
    const list = await page.evaluate(() => {
      const row = document.querySelector('[data-key^="expert.row."]');
      const el = row && row.closest('[role="list"]');
      return el && { name: el.getAttribute('aria-label'), entries: el.querySelectorAll('[role="listitem"]').length, first: row.getAttribute('aria-label') };
    });
    assert.equal(list && list.name, '评审包中的申报书');
    assert.equal(list.entries, 3);
    assert.ok(list.first.endsWith('，已评') || list.first.endsWith('，回避'), list.first);
    assert.deepEqual(await seriousViolations(page), []);
    // Progress is kept like a draft: a reload finds it.
    await sleep(400);
    await page.reload();
    await page.waitForFunction(() => window.shenbao && window.shenbao.ready);
    await quiet(page);
    assert.equal((await review(page)).mode, 'expert', 'an expert with no drafts comes back to the batch');
    e = await expert(page);
    assert.equal(e.expert, name);
    assert.ok(e.items.every((i) => i.complete), 'the scores survive a reload');
    const file = await download(page, () => clickItem(page, 'expert.sign'));
    assert.ok(file.name.includes(name), file.name);
    if (early) {
      // A score changed after sign-off, then the signed version brought back from the history.
      const item = e.items[0];
      const criterion = e.criteria.find((c) => !c.kinds.length || c.kinds.includes(item.kind));
      await clickItem(page, `expert.row.${item.id}`);
      await typeInto(page, `expert.score.${criterion.id}`, '1');
      const scoreNow = () => page.evaluate((k) => document.querySelector(`[data-key="${k}"]`).value, `expert.score.${criterion.id}`);
      assert.equal(await scoreNow(), '1');
      const signed = (await page.evaluate(() => window.shenbao.layout())).find((i) => i.name.startsWith('expert.revision.') && i.label.includes('签署时'));
      assert.ok(signed, 'the sign-off is kept in the history');
      await clickItem(page, signed.name);
      assert.equal(await scoreNow(), String(score));
      assert.ok((await page.evaluate(() => window.shenbao.layout())).some((i) => i.label.startsWith('恢复到恢复前')), 'the replaced version is kept too');
    }
    assert.deepEqual(page.errors, []);
    return file;
  } finally {
    await context.close();
  }
}

// The association's batch of n generated submissions for one expert, made in a profile of
// its own: the file is the only channel.
export async function makeBatch(server, n, who) {
  const { context } = await launch();
  try {
    const page = await openApp(context, server.url);
    await clickItem(page, 'mode.review');
    await dropFiles(page, generate(n));
    await page.waitForFunction((n) => window.shenbao.review().items === n, n, { timeout: 30000 });
    await typeInto(page, 'review.batch_expert', who);
    return await download(page, () => clickItem(page, 'review.write_batch'));
  } finally {
    await context.close();
  }
}

export const tests = [
  {
    name: 'two experts score a batch in their own profiles; the association merges, decides, publishes and writes decision files',
    async run({ server }) {
      const { context } = await launch({ width: 1366, height: 768 });
      try {
        const page = await openApp(context, server.url);
        await clickItem(page, 'mode.review');
        const files = generate(3);
        await dropFiles(page, files);
        await page.waitForFunction(() => window.shenbao.review().items === 3, null, { timeout: 30000 });
        await quiet(page);
        const ids = (await review(page)).ids;
        const [first, second, third] = ['生成的项目1', '生成的项目2', '生成的项目3'].map((n) => ids[n]);

        // A batch for each expert: one file each, nothing else of the association's.
        const batches = [];
        for (const who of ['专家甲', '专家乙']) {
          await typeInto(page, 'review.batch_expert', who);
          batches.push(await download(page, () => clickItem(page, 'review.write_batch')));
        }
        assert.equal((await review(page)).sent_batches, 2);
        const batchDoc = JSON.parse(batches[0].text);
        assert.equal(batchDoc.schema, 'shenbao.review_batch');
        assert.equal(batchDoc.submissions.length, 3);
        assert.ok(batchDoc.criteria.some((c) => c.label === '活动规模'), 'the criteria of the call');

        const fromA = await scoreAsExpert(server, batches[0], { name: '王教授', score: 8, shotName: 'expert-scoring-1366x768' });
        const fromB = await scoreAsExpert(server, batches[1], { name: '李研究员', score: 6, conflictOn: 1, early: true });

        // Merging: means, spread, the conflict.
        await dropFiles(page, [fromA, fromB]);
        await page.waitForFunction(() => window.shenbao.review().score_files.length === 2, null, { timeout: 20000 });
        await quiet(page);
        let r = await review(page);
        assert.deepEqual(r.score_files.map((f) => f.problem), ['', '']);
        assert.equal(r.scores[first].counted, 2);
        assert.ok(Math.abs(r.scores[first].mean - 70) < 1e-9, String(r.scores[first].mean));
        assert.ok(Math.abs(r.scores[first].spread - 20) < 1e-9);
        assert.equal(r.scores[second].counted, 1);
        assert.equal(r.scores[second].conflicts, 1);
        assert.deepEqual(r.scores[third].missing, []);
        // A score file edited after sign-off is named and counts for nothing.
        const edited = JSON.parse(fromA.text);
        edited.reviews[2].scores['plan.content'] = 10;
        await dropFiles(page, [{ name: 'edited.json', text: JSON.stringify(edited) }]);
        await page.waitForFunction(() => window.shenbao.review().score_files.length === 3, null, { timeout: 20000 });
        r = await review(page);
        assert.ok(r.score_files[2].problem.includes('封签不符'), r.score_files[2].problem);
        assert.equal(r.scores[first].counted, 2, 'the edited copy adds nothing');

        // Decisions (党组研究): the first approved above its standard, refused; then within it.
        await clickItem(page, `review.row.${first}`);
        await clickItem(page, 'review.decision.approved');
        await typeInto(page, 'review.decision.amount', '90000');
        await shot(page, 'review-expert-scores-1366x768');
        assert.equal(await page.evaluate(() => document.querySelector('[data-key="review.decision.approved"]').getAttribute('aria-checked')), 'true');
        assert.deepEqual(await seriousViolations(page), []);
        await clickItem(page, 'review.back');
        await clickItem(page, 'review.decision_files');
        await quiet(page);
        r = await review(page);
        assert.equal(r.approved.count, 0, 'an amount above the standard counts nowhere');
        assert.equal(r.decision_errors.length, 1, 'no decision file while an amount is refused');
        assert.ok(r.decision_errors[0].includes('超过资助标准'), r.decision_errors[0]);
        await clickItem(page, `review.row.${first}`);
        await typeInto(page, 'review.decision.amount', '1000');
        await clickItem(page, 'review.back');
        await clickItem(page, `review.row.${second}`);
        await clickItem(page, 'review.decision.not_approved');
        await typeInto(page, 'review.decision.note', '与另一项目重复');
        await clickItem(page, 'review.back');
        await clickItem(page, `review.row.${third}`);
        await clickItem(page, 'review.decision.approved');
        await typeInto(page, 'review.decision.amount', '1500');
        await clickItem(page, 'review.back');
        r = await review(page);
        assert.equal(r.approved.count, 2);
        assert.equal(Number(r.approved.amount), 2500);

        // The 公示 list from the decisions.
        const publication = await download(page, () => page.mouse.click(130, 142).then(() => quiet(page)));
        assert.ok(publication.text.includes('生成的项目1') && publication.text.includes('生成的项目3'));
        assert.ok(!publication.text.includes('生成的项目2'), 'not approved, not listed');
        const printed = await context.newPage();
        await printed.setViewportSize({ width: 794, height: 1123 });
        await printed.setContent(publication.text);
        await printed.screenshot({ path: path.join(outDir, 'publication-a4.png') });
        await printed.close();

        // Each unit's decision file.
        const written = [];
        page.on('download', (d) => written.push(d));
        await clickItem(page, 'review.decision_files');
        for (let i = 0; i < 50 && written.length < 3; i++) await sleep(100);
        assert.equal(written.length, 3, 'one per unit');
        const decisionFiles = [];
        for (const d of written) {
          const file = path.join(downloads, d.suggestedFilename());
          await d.saveAs(file);
          decisionFiles.push({ name: d.suggestedFilename(), text: fs.readFileSync(file, 'utf8') });
        }
        const ofFirst = decisionFiles.find((f) => f.text.includes('生成的项目1'));
        const doc = JSON.parse(ofFirst.text);
        assert.equal(doc.schema, 'shenbao.decision');
        assert.equal(doc.unit, files[0].unit);
        assert.equal(doc.decisions.length, 1);
        assert.equal(doc.decisions[0].amount, '1000');

        // The unit imports its decision on its side.
        const unit = await launch({ width: 390, height: 844, touch: true });
        try {
          const phone = await openApp(unit.context, server.url);
          await dropFiles(phone, [ofFirst]);
          await phone.waitForFunction(() => window.shenbao.status().notices.some((n) => n.includes('评审决定')), null, { timeout: 20000 });
          await quiet(phone);
          const notice = (await phone.evaluate(() => window.shenbao.status())).notices.find((n) => n.includes('评审决定'));
          assert.notEqual((await phone.evaluate(() => window.shenbao.layout())).some((i) => i.name === 'heading.导入结果'), true, 'no empty import report');
          assert.ok(notice.includes('《生成的项目1》批准，资助 1,000.00 元'), notice);
          await shot(phone, 'decision-imported-390x844');
        } finally {
          await unit.context.close();
        }
        // Everything the association has is still there after a reload.
        await sleep(400);
        await page.reload();
        await page.waitForFunction(() => window.shenbao && window.shenbao.ready);
        await clickItem(page, 'mode.review');
        r = await review(page);
        assert.equal(r.sent_batches, 2);
        assert.equal(r.score_files.length, 3);
        assert.equal(r.scores[first].counted, 2);
        assert.equal(r.approved.count, 2);
        assert.deepEqual(page.errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: "an expert's scores travel in the backup: restored in a fresh profile, the batch and the scores are back",
    async run({ server }) {
      const batch = await makeBatch(server, 2, '专家丙');
      let backup;
      const first = await launch();
      try {
        const page = await openApp(first.context, server.url);
        await dropFiles(page, [batch]);
        await page.waitForFunction(() => window.shenbao.expert().batch_id, null, { timeout: 20000 });
        await quiet(page);
        const e = await expert(page);
        await typeInto(page, 'expert.name', '赵工');
        await typeInto(page, `expert.score.${e.criteria[0].id}`, '9');
        await typeInto(page, 'expert.comment', '规模适中');
        await clickItem(page, 'topbar.storage');
        backup = await download(page, () => clickItem(page, 'storage.backup'));
        assert.ok(JSON.parse(backup.text).expert_reviews.length === 1);
      } finally {
        await first.context.close();
      }
      const second = await launch();
      try {
        const page = await openApp(second.context, server.url);
        assert.equal((await page.evaluate(() => window.shenbao.expert())).batch_id, undefined);
        await clickItem(page, 'topbar.storage');
        const file = path.join(downloads, backup.name);
        await chooseFiles(page, () => clickItem(page, 'storage.restore'), file);
        await page.waitForFunction(() => window.shenbao.expert().batch_id, null, { timeout: 20000 });
        await clickItem(page, 'mode.expert');
        const e = await expert(page);
        assert.equal(e.expert, '赵工');
        assert.equal(e.items.length, 2);
        const score = await page.evaluate((id) => document.querySelector(`[data-key="expert.score.${id}"]`).value, e.criteria[0].id);
        assert.equal(score, '9');
        // Removed from the list, then opened again: the scores are still there.
        await clickItem(page, 'expert.remove');
        assert.equal((await page.evaluate(() => window.shenbao.expert())).batch_id, undefined);
        assert.equal((await page.evaluate(() => window.shenbao.review())).mode, 'drafting');
        await dropFiles(page, [batch]);
        await page.waitForFunction(() => window.shenbao.expert().batch_id, null, { timeout: 20000 });
        await quiet(page);
        assert.equal((await page.evaluate(() => window.shenbao.expert())).expert, '赵工');
        const again = await page.evaluate((id) => document.querySelector(`[data-key="expert.score.${id}"]`).value, e.criteria[0].id);
        assert.equal(again, '9');
        assert.deepEqual(page.errors, []);
      } finally {
        await second.context.close();
      }
    },
  },
  {
    name: 'a batch whose criteria are damaged is refused with the reason, and the app goes on',
    async run({ server }) {
      const batch = await makeBatch(server, 1, '专家丁');
      const { context } = await launch();
      try {
        const page = await openApp(context, server.url);
        const damaged = (criteria) => { const doc = JSON.parse(batch.text); doc.criteria = criteria; return JSON.stringify(doc); };
        await dropFiles(page, [{ name: '指标不是列表.json', text: damaged(5) }, { name: '指标缺字段.json', text: damaged([{ label: '活动规模' }]) }]);
        await page.waitForFunction(() => window.shenbao.status().notices.filter((n) => n.includes('评审包')).length === 2, null, { timeout: 20000 });
        const notices = (await page.evaluate(() => window.shenbao.status())).notices;
        for (const file of ['指标不是列表.json', '指标缺字段.json']) {
          const said = notices.find((n) => n.includes(file));
          assert.ok(said && said.includes('评审指标有误'), JSON.stringify(notices));
        }
        assert.equal((await expert(page)).batch_id, undefined, 'nothing opened');
        // Still running: the good batch opens after them.
        await dropFiles(page, [batch]);
        await page.waitForFunction(() => window.shenbao.expert().batch_id, null, { timeout: 20000 });
        assert.deepEqual(page.errors, []);
      } finally {
        await context.close();
      }
    },
  },
];
