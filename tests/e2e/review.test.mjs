// The association's side: 200 generated submissions (some broken) imported at once,
// totals against a computation made here, filtering, a review field kept over a reload,
// and the CSV's bytes.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openApp, outDir, repo, shot } from './browser.mjs';
import { clickItem, dropFiles, focusField, quiet, sleep, typeText } from './form.mjs';

const programme = JSON.parse(fs.readFileSync(path.join(repo, 'assets/programmes/yancheng-2018.json'), 'utf8'));
const KINDS = ['academic_exchange', 'service_station', 'enterprise_cooperation', 'organisation_building'];
const fixtures = Object.fromEntries(KINDS.map((k) => [k, JSON.parse(fs.readFileSync(path.join(repo, `tests/fixtures/complete-${k}.json`), 'utf8'))]));
const units = programme.targets.flatMap((t) => t.rows.map((r) => r.unit));

// n submissions from different units, kinds and amounts, and a few broken files.
export function generate(n, broken = 0) {
  const files = [];
  for (let i = 0; i < n; i++) {
    const kind = KINDS[i % KINDS.length];
    const doc = structuredClone(fixtures[kind]);
    delete doc.fingerprint;
    const a = doc.application;
    a.cover.applicant_unit = units[i % units.length];
    a.cover.project_name = `生成的项目${i + 1}`;
    a.budget.requested = String(1000 + (i % 7) * 250);
    files.push({ name: `submission-${i + 1}.json`, text: JSON.stringify(doc), kind, requested: 1000 + (i % 7) * 250, unit: a.cover.applicant_unit });
  }
  for (let i = 0; i < broken; i++) files.push({ name: `broken-${i + 1}.json`, text: i % 2 ? '{"schema": "shenbao.appl' : 'not json at all', broken: true });
  return files;
}


// The 审阅 switch in the top bar, and the left panel's buttons in review mode.
export const REVIEW = { mode: [515, 22], importFiles: [130, 74], csv: [130, 108], publication: [130, 142] };
export const click = async (page, [x, y]) => { await page.mouse.click(x, y); await quiet(page); };
const review = (page) => page.evaluate(() => window.shenbao.review());

export const tests = [
  {
    name: '200 submissions with broken ones: totals, filtering, a review field over a reload, the CSV',
    async run({ server }) {
      const { context } = await launch();
      try {
        const page = await openApp(context, server.url);
        await click(page, REVIEW.mode);
        assert.equal((await review(page)).mode, 'review');
        const files = generate(200, 5);
        await dropFiles(page, files);
        await page.waitForFunction(() => window.shenbao.review().items === 200, null, { timeout: 60000 });
        await quiet(page);
        const r = await review(page);
        assert.equal(r.rejected, 5);
        await shot(page, 'review-table-1366x768');
        // Totals computed here, by hand.
        const good = files.filter((f) => !f.broken);
        for (const kind of KINDS) {
          const mine = good.filter((f) => f.kind === kind);
          assert.equal(r.kinds[kind].count, mine.length, kind);
          assert.equal(Number(r.kinds[kind].requested), mine.reduce((sum, f) => sum + f.requested, 0), kind);
        }
        assert.equal(Number(r.overall.requested), good.reduce((sum, f) => sum + f.requested, 0));
        // The same files again: recognised as duplicates.
        await dropFiles(page, files.slice(0, 10));
        await sleep(500);
        await quiet(page);
        assert.equal((await review(page)).items, 200);

        // Filter by a unit's name.
        await focusField(page, 'review.search');
        await typeText(page, '市物理学会');
        await quiet(page);
        const physics = good.filter((f) => f.unit === '市物理学会').length;
        assert.equal((await review(page)).shown, physics);
        await shot(page, 'review-filtered-1366x768');
        await page.keyboard.press('Control+A');
        await page.keyboard.press('Backspace');
        await page.keyboard.press('Escape');
        await quiet(page);
        assert.equal((await review(page)).shown, 200);

        // Open the first row and propose an amount.
        const firstRow = (await page.evaluate(() => window.shenbao.layout())).find((i) => i.name.startsWith('review.row.'));
        await clickItem(page, firstRow.name);
        const opened = (await review(page)).open;
        assert.ok(opened.startsWith('s-'));
        await focusField(page, 'review.proposed');
        await typeText(page, '1200');
        await page.keyboard.press('Escape');
        await quiet(page);
        await shot(page, 'review-detail-1366x768');
        await sleep(1500);
        await page.reload();
        await page.waitForFunction(() => window.shenbao && window.shenbao.ready);
        await click(page, REVIEW.mode);
        const after = await review(page);
        assert.equal(after.items, 200);
        assert.deepEqual([...after.files].sort(), files.filter((f) => !f.broken).map((f) => f.name).sort(), 'the names the files came with');
        assert.equal(after.proposed[opened], '1200');
        assert.equal(Number(after.overall.proposed), 1200);

        // The CSV.
        const [download] = await Promise.all([page.waitForEvent('download'), click(page, REVIEW.csv)]);
        const csvFile = path.join(outDir, 'downloads', download.suggestedFilename());
        await download.saveAs(csvFile);
        const bytes = fs.readFileSync(csvFile);
        assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with a BOM');
        const lines = bytes.toString('utf8').slice(1).split('\r\n').filter((l) => l);
        assert.equal(lines.length, 201);
        assert.ok(lines[0].startsWith('"申报单位","项目类别","项目名称","申请市科协资助（元）","拟资助金额（元）"'));
        assert.ok(lines.some((l) => l.includes('"1200"')));
        const sum = lines.slice(1).reduce((s, l) => s + Number(l.split('","')[3]), 0);
        assert.equal(sum, good.reduce((s, f) => s + f.requested, 0));
        assert.deepEqual(page.errors, []);
      } finally {
        await context.close();
      }
    },
  },
];
