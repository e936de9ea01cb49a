// The funded project, files as the only channel: a society's application reaches the
// association, which approves it and writes the unit's decision file; the society
// imports it, sees 报备 and 佐证材料 due with their dates in 待办, marks 报备 done, and
// finds it so after a reload.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openApp, repo, shot } from './browser.mjs';
import { layoutProblems } from './screens.test.mjs';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import { chooseFiles, clickItem, draftOf, dropFiles, fill, quiet, sleep } from './form.mjs';

const review = (page) => page.evaluate(() => window.shenbao.review());
const layout = (page) => page.evaluate(() => window.shenbao.layout());

// A date `days` from today in the browser's calendar, as the form writes it.
function fromToday(days) {
  const d = new Date(Date.now() + days * 86400000);
  const two = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

// The names inside a zip, read by another zip reader (Python's zipfile).
function zipNames(file) {
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c',
    'import json,sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); print(json.dumps([i.filename for i in z.infolist()]))', file]));
}

// A photo: a real JPEG of one colour (made by Pillow), a different colour each time.
function photo(name, rgb = [...crypto.randomBytes(3)]) {
  const bytes = execFileSync('/usr/bin/python3', ['-c',
    'import sys; from PIL import Image; Image.new("RGB", (240, 160), tuple(map(int, sys.argv[1:4]))).save(sys.stdout.buffer, "JPEG", quality=95)',
    ...rgb.map(String)]);
  return { name, type: 'image/jpeg', bytes, rgb };
}

// The colour of the screen at CSS pixel (x, y) of the page.
async function colourAt(page, x, y) {
  const file = path.join(repo, 'test-output', 'colour-probe.png');
  await page.screenshot({ path: file });
  const dpr = await page.evaluate(() => window.devicePixelRatio);
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c',
    'import sys; from PIL import Image; print(list(Image.open(sys.argv[1]).convert("RGB").getpixel((int(float(sys.argv[2])), int(float(sys.argv[3]))))))',
    file, String(x * dpr), String(y * dpr)]));
}

// Applications of the society (each of `kind`, from `start` to `end` days from today, with
// its draft id and name), all approved by the association for `amount` 元, and the unit's
// decision file imported: the projects.
async function approvedProjects(server, society, association, projects, amount = '4000') {
  const docs = projects.map(({ id, name, start, end, kind = 'academic_exchange' }) => {
    const doc = JSON.parse(fs.readFileSync(path.join(repo, `tests/fixtures/complete-${kind}.json`), 'utf8'));
    delete doc.fingerprint;
    doc.meta = { ...(doc.meta || {}), draft_id: id };
    if (name) doc.application.cover.project_name = name;
    doc.application.plan.start = fromToday(start);
    doc.application.plan.end = fromToday(end);
    return doc;
  });
  const files = docs.map((doc, i) => ({ name: `申报书${i + 1}.json`, text: JSON.stringify(doc) }));
  const page = await openApp(society.context, server.url);
  await dropFiles(page, files);
  await page.waitForFunction((n) => window.shenbao.drafts().drafts.length === n, files.length, { timeout: 20000 });
  const office = await openApp(association.context, server.url);
  await clickItem(office, 'mode.review');
  await dropFiles(office, files);
  await office.waitForFunction((n) => window.shenbao.review().items === n, files.length, { timeout: 20000 });
  for (const id of Object.values((await review(office)).ids)) {
    await clickItem(office, `review.row.${id}`);
    await clickItem(office, 'review.decision.approved');
    await clickItem(office, 'review.decision.amount');
    await office.keyboard.press('Control+A');
    await office.keyboard.type(amount);
    await office.keyboard.press('Escape');
    await quiet(office);
    await clickItem(office, 'review.back');
  }
  const [download] = await Promise.all([office.waitForEvent('download'), clickItem(office, 'review.decision_files')]);
  await dropFiles(page, [{ name: download.suggestedFilename(), text: fs.readFileSync(await download.path(), 'utf8') }]);
  // Said in a banner on any screen (the list with 待办 is behind a button on a phone).
  await page.waitForFunction(() => window.shenbao.status().notices.some((n) => n.includes('评审决定')), null, { timeout: 20000 });
  await quiet(page);
  return { page, office, docs };
}

export const tests = [
  {
    name: 'a decision file makes an approved draft a project: 报备 and 佐证材料 due in 待办, 报备 marked done and kept',
    async run({ server }) {
      const society = await launch({ width: 1366, height: 768 });
      const association = await launch({ width: 1366, height: 768 });
      try {
        // An activity in 5 to 6 days, and one that ended 8 days ago (its 佐证材料 due in 2 days).
        const { page, office } = await approvedProjects(server, society, association, [
          { id: 'd-project-1', start: 5, end: 6 }, { id: 'd-project-2', name: '已办完的论坛', start: -9, end: -8 }]);
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
  {
    name: 'a society files 报备, attaches three photos to 佐证材料 and hands in archives; the association imports them and sees the project reported',
    async run({ server }) {
      const society = await launch({ width: 1366, height: 768 });
      const association = await launch({ width: 1366, height: 768 });
      try {
        // The activity was three and two days ago: 报备 and 佐证材料 are both open.
        const { page, office, docs: [doc] } = await approvedProjects(server, society, association,
          [{ id: 'd-project-1', start: -3, end: -2 }]);
        await clickItem(page, 'due.d-project-1.0');
        // An edit of the 申报书 first: undo on the report's page must not take it back.
        await fill(page, 'cover.project_leader', '李明');
        await page.keyboard.press('Tab');
        await quiet(page);
        await clickItem(page, 'project.open.report');
        const errorsOf = async () => (await layout(page)).filter((i) => i.name.startsWith('finding.report.')).length;
        assert.ok(await errorsOf() >= 7, 'an empty 报备 lists what it needs');
        await fill(page, 'report.title', '2018年盐城汽车工程学术年会');
        await fill(page, 'report.start', fromToday(-3));
        await fill(page, 'report.end', fromToday(-2));
        await fill(page, 'report.place', '盐城工学院');
        await fill(page, 'report.participants', '120');
        await fill(page, 'report.agenda', '上午开幕式与主旨报告，下午分组讨论');
        await fill(page, 'report.contact', '王老师');
        await fill(page, 'report.phone', '0515-88192426');
        await page.keyboard.press('Tab');
        await quiet(page);
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+Z');
        await quiet(page);
        const after = await draftOf(page);
        assert.equal(after.application.cover.project_leader, '李明', 'Ctrl+Z on the report page left the 申报书 alone');
        assert.equal(after.meta.project.reports.report.values['report.phone'], '0515-88192426');
        // Ctrl+P prints what is on screen: the report.
        await page.keyboard.press('Control+P');
        await page.waitForFunction(() => (document.getElementById('print-frame') || {}).srcdoc?.includes('活动报备表'), null, { timeout: 10000 });
        assert.equal(await errorsOf(), 0, JSON.stringify((await layout(page)).filter((i) => i.name.startsWith('finding.')).map((i) => i.label)));
        await shot(page, 'project-report-1366x768');
        const [reportZip] = await Promise.all([page.waitForEvent('download'), clickItem(page, 'report.handin')]);
        assert.ok(reportZip.suggestedFilename().endsWith('-报备-' + fromToday(0) + '.zip'), reportZip.suggestedFilename());
        const reportFile = await reportZip.path();
        assert.deepEqual(zipNames(reportFile), ['report.json', 'report.html', 'manifest.json']);
        assert.equal((await layout(page)).find((i) => i.name === 'project.0').label, '报备：已完成');

        // 佐证材料: three photos dropped on the page, a fourth that is not one refused.
        await clickItem(page, 'project.open.evidence');
        const dropped = [photo('签到表.jpg', [200, 30, 30]), photo('会场.jpg'), photo('合影.jpg')];
        await dropFiles(page, dropped);
        await page.waitForFunction(() => window.shenbao.layout().filter((i) => /^report\.file\.\d+$/.test(i.name)).length === 3,
          null, { timeout: 20000 });
        // Each shown with its thumbnail: the first row begins with the photo's red.
        await sleep(500);
        await quiet(page);
        const first = (await layout(page)).find((i) => i.name === 'report.file.0');
        const [r, g, b] = await colourAt(page, first.x + 32, first.y + 32);
        assert.ok(r > 170 && g < 70 && b < 70, `the thumbnail's colour: ${[r, g, b]}`);
        await dropFiles(page, [{ name: '议程.docx', type: 'application/octet-stream', bytes: Buffer.from('PK\x03\x04 not a photo') }]);
        await quiet(page);
        const refused = (await page.evaluate(() => window.shenbao.status())).notices.find((n) => n.includes('议程.docx'));
        assert.ok(refused && refused.includes('未导入'), refused);  // a zip that is no report: said so, nothing added
        await fill(page, 'evidence.start', fromToday(-3));
        await fill(page, 'evidence.end', fromToday(-2));
        await fill(page, 'evidence.place', '盐城工学院');
        await fill(page, 'evidence.participants', '135');
        await fill(page, 'evidence.summary', '年会邀请省内外专家作主旨报告三场，135名会员和企业技术人员参加，分组讨论形成了新能源汽车零部件协同创新的建议，已报送市科协。');
        await fill(page, 'evidence.spent', '3800');
        await page.keyboard.press('Tab');
        await quiet(page);
        // Kept across a reload: the values and the three files.
        await sleep(500);
        await page.reload();
        await page.waitForFunction(() => window.shenbao && window.shenbao.ready);
        await clickItem(page, 'project.open.evidence');
        const files = (await layout(page)).filter((i) => /^report\.file\.\d+$/.test(i.name)).map((i) => i.label);
        assert.deepEqual(files.map((l) => l.split('（')[0]), ['1. 签到表.jpg', '2. 会场.jpg', '3. 合影.jpg']);
        assert.equal((await layout(page)).filter((i) => i.name.startsWith('finding.evidence.') || i.name === 'finding.attachments').length, 0);
        await shot(page, 'project-evidence-1366x768');
        const [evidenceZip] = await Promise.all([page.waitForEvent('download'), clickItem(page, 'report.handin')]);
        const evidenceFile = await evidenceZip.path();
        // Or by email: the archive saved, the mail program addressed, the files listed.
        const mailed = [];
        page.on('download', (d) => mailed.push(d.suggestedFilename()));
        await clickItem(page, 'report.email');
        await page.waitForTimeout(800);
        assert.deepEqual(mailed, [evidenceZip.suggestedFilename()]);
        const mailto = decodeURIComponent(await page.evaluate(() => window.shenbao.lastMailto));
        assert.ok(mailto.startsWith('mailto:yckxxhb@126.com?subject=【重点项目佐证材料】'), mailto);
        assert.ok(mailto.includes(evidenceZip.suggestedFilename()) && mailto.includes('3. 合影.jpg'), mailto);
        assert.deepEqual(zipNames(evidenceFile), ['report.json', 'report.html', 'attachments/01-签到表.jpg',
          'attachments/02-会场.jpg', 'attachments/03-合影.jpg', 'manifest.json']);

        // The association: an archive altered on the way is refused whole; the two good ones are taken in.
        const bytes = fs.readFileSync(evidenceFile);
        const altered = Buffer.from(bytes);
        const at = altered.indexOf(Buffer.from('合影.jpg')) + 200;  // inside the stored photo after its header
        altered[at] ^= 0xff;
        await dropFiles(office, [{ name: 'altered.zip', type: 'application/zip', bytes: altered }]);
        await quiet(office);
        const notice = (await office.evaluate(() => window.shenbao.status())).notices.find((n) => n.includes('altered.zip'));
        assert.ok(notice && notice.includes('未导入'), notice);
        await dropFiles(office, [{ name: reportZip.suggestedFilename(), type: 'application/zip', bytes: fs.readFileSync(reportFile) },
          { name: evidenceZip.suggestedFilename(), type: 'application/zip', bytes }]);
        await office.waitForFunction(() => window.shenbao.layout().some((i) => i.name === 'overview.row.0'), null, { timeout: 20000 });
        await quiet(office);
        const row = (await layout(office)).find((i) => i.name === 'overview.row.0').label;
        assert.ok(row.includes(`报备 已交`) && row.includes('提交佐证材料 已交'), row);
        const unit = (await layout(office)).find((i) => i.name === 'overview.unit.0').label;
        assert.ok(unit.startsWith(doc.application.cover.applicant_unit) && unit.includes('已交报告 2 份') && unit.includes('已举办 1/'), unit);
        await shot(office, 'project-overview-1366x768');
        const [csv] = await Promise.all([office.waitForEvent('download'), clickItem(office, 'overview.csv')]);
        assert.ok(fs.readFileSync(await csv.path(), 'utf8').includes('已交'));
        // Kept: after a reload the overview still has both reports.
        await office.reload();
        await office.waitForFunction(() => window.shenbao && window.shenbao.ready);
        await clickItem(office, 'mode.review');
        await clickItem(office, 'review.overview');
        assert.ok((await layout(office)).find((i) => i.name === 'overview.unit.0').label.includes('已交报告 2 份'));
        assert.deepEqual(page.errors, []);
        assert.deepEqual(office.errors, []);
      } finally {
        await society.context.close();
        await association.context.close();
      }
    },
  },
  {
    name: 'a report and the overview on a phone and a tablet: nothing overlaps or is cut off',
    async run({ server }) {
      const phone = { width: 390, height: 844, dpr: 3, touch: true };
      const tablet = { width: 768, height: 1024 };
      const society = await launch(phone);
      const association = await launch();  // the approval at a desk; the overview then on a tablet-wide window
      try {
        const { page, office } = await approvedProjects(server, society, association, [{ id: 'd-project-1', start: -3, end: -2 }]);
        const problems = [];
        const check = async (p, size, screen) => {
          await quiet(p);
          for (const x of layoutProblems(await p.evaluate(() => window.shenbao.layout()), p.viewportSize(), size)) problems.push(`${screen}: ${x}`);
          await shot(p, screen);
        };
        await clickItem(page, 'topbar.list');
        await check(page, phone, 'project-due-390x844');
        await clickItem(page, 'due.d-project-1.1');  // on a phone: the checks pane, where the duties are
        await check(page, phone, 'project-duties-390x844');
        await clickItem(page, 'project.open.evidence');
        await dropFiles(page, [photo('签到表（上午场，共三页，扫描件）.jpg'), photo('会场.jpg'), photo('合影.jpg')]);
        await page.waitForFunction(() => window.shenbao.layout().filter((i) => /^report\.file\.\d+$/.test(i.name)).length === 3,
          null, { timeout: 20000 });
        await check(page, phone, 'project-evidence-390x844');
        await page.mouse.move(195, 500);  // over the report: to its end, where the files are
        await page.mouse.wheel(0, 3000);
        await sleep(300);
        await check(page, phone, 'project-evidence-files-390x844');
        await fill(page, 'evidence.participants', '135');
        await page.keyboard.press('Tab');
        await check(page, phone, 'project-evidence-typed-390x844');
        const [zip] = await Promise.all([page.waitForEvent('download'), clickItem(page, 'report.handin')]);
        await dropFiles(office, [{ name: zip.suggestedFilename(), type: 'application/zip', bytes: fs.readFileSync(await zip.path()) }]);
        await office.waitForFunction(() => window.shenbao.layout().some((i) => i.name === 'overview.row.0'), null, { timeout: 20000 });
        await office.setViewportSize(tablet);
        await sleep(300);
        await check(office, tablet, 'project-overview-768x1024');
        assert.deepEqual(problems, []);
        assert.deepEqual(page.errors, []);
        assert.deepEqual(office.errors, []);
      } finally {
        await society.context.close();
        await association.context.close();
      }
    },
  },
  {
    name: "a report's files: a full store loses none, they are in the backup, restored in a fresh profile the archive is whole; a damaged file is refused",
    async run({ server }) {
      const society = await launch();
      const association = await launch();
      const fresh = await launch();
      const another = await launch();
      try {
        const { page } = await approvedProjects(server, society, association, [{ id: 'd-project-1', start: -3, end: -2 }]);
        await clickItem(page, 'due.d-project-1.1');
        await clickItem(page, 'project.open.evidence');
        const photos = [photo('签到表.jpg'), photo('合影.jpg')];
        await dropFiles(page, photos);
        await page.waitForFunction(() => window.shenbao.layout().filter((i) => /^report\.file\.\d+$/.test(i.name)).length === 2,
          null, { timeout: 20000 });
        await clickItem(page, 'topbar.storage');
        await shot(page, 'project-storage-1366x768');
        const [file] = await Promise.all([page.waitForEvent('download'), clickItem(page, 'storage.backup')]);
        const backupPath = await file.path();
        const backup = JSON.parse(fs.readFileSync(backupPath, 'utf8'));

        // The store full (every IndexedDB write refused) while a third file is added: saving
        // fails, said in a banner; the files stay on the page, and all three are kept once
        // there is room again.
        await clickItem(page, 'project.open.evidence');
        await page.evaluate(() => {
          window.realPut = IDBObjectStore.prototype.put;
          IDBObjectStore.prototype.put = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
        });
        const third = photo('第三张.jpg');
        await dropFiles(page, [third]);
        await page.waitForFunction(() => window.shenbao.status().save_state === 'failed', null, { timeout: 10000 });
        assert.equal((await layout(page)).filter((i) => /^report\.file\.\d+$/.test(i.name)).length, 3);
        await page.evaluate(() => { IDBObjectStore.prototype.put = window.realPut; });
        await fill(page, 'evidence.participants', '120');
        await page.keyboard.press('Escape');
        await page.waitForFunction(() => window.shenbao.status().save_state === 'saved', null, { timeout: 10000 });
        await page.reload();
        await page.waitForFunction(() => window.shenbao && window.shenbao.ready);
        await clickItem(page, 'due.d-project-1.1');
        await clickItem(page, 'project.open.evidence');
        const [kept] = await Promise.all([page.waitForEvent('download'), clickItem(page, 'report.handin')]);
        assert.deepEqual(zipNames(await kept.path()).filter((n) => n.startsWith('attachments/')),
          ['attachments/01-签到表.jpg', 'attachments/02-合影.jpg', 'attachments/03-第三张.jpg']);
        const sha = (b) => crypto.createHash('sha256').update(b).digest('hex');
        assert.deepEqual(Object.keys(backup.attachments).sort(), photos.map((p) => sha(p.bytes)).sort());
        assert.ok(Buffer.from(backup.attachments[sha(photos[1].bytes)], 'base64').equals(photos[1].bytes));

        // A fresh profile: the draft, its project and both files come back; the archive holds them.
        const restored = await openApp(fresh.context, server.url);
        await clickItem(restored, 'topbar.storage');
        await chooseFiles(restored, () => clickItem(restored, 'storage.restore'), backupPath);
        await restored.waitForFunction(() => window.shenbao.status().notices.some((n) => n.includes('已从备份恢复附件 2 个')),
          null, { timeout: 20000 });
        await clickItem(restored, 'due.d-project-1.1');
        await clickItem(restored, 'project.open.evidence');
        const [zip] = await Promise.all([restored.waitForEvent('download'), clickItem(restored, 'report.handin')]);
        assert.deepEqual(zipNames(await zip.path()).filter((n) => n.startsWith('attachments/')),
          ['attachments/01-签到表.jpg', 'attachments/02-合影.jpg']);

        // A backup whose file was changed: that file is not stored, and the archive is refused until it is added again.
        const damaged = structuredClone(backup);
        damaged.attachments[sha(photos[0].bytes)] = Buffer.from('not the photo').toString('base64');
        const damagedPath = path.join(path.dirname(backupPath), 'damaged-backup.json');
        fs.writeFileSync(damagedPath, JSON.stringify(damaged));
        const other = await openApp(another.context, server.url);
        await clickItem(other, 'topbar.storage');
        await chooseFiles(other, () => clickItem(other, 'storage.restore'), damagedPath);
        await other.waitForFunction(() => window.shenbao.status().notices.some((n) => n.includes('1 个附件未能恢复')),
          null, { timeout: 20000 });
        await clickItem(other, 'due.d-project-1.1');
        await clickItem(other, 'project.open.evidence');
        await clickItem(other, 'report.handin');
        const said = (await other.evaluate(() => window.shenbao.status())).notices.find((n) => n.includes('签到表.jpg'));
        assert.ok(said && said.includes('已丢失或损坏'), said);
        for (const p of [page, restored, other]) assert.deepEqual(p.errors, []);
      } finally {
        for (const b of [society, association, fresh, another]) await b.context.close();
      }
    },
  },
  {
    name: 'a 学会科技服务站 from decision to 验收: 中期评估 and 验收 filed (a PDF attached) and handed in; the association sees both',
    async run({ server }) {
      const society = await launch();
      const association = await launch();
      try {
        // A station that ran 120 days and ended yesterday: 中期评估 (start to middle) is overdue, 验收 due today or open.
        const { page, office } = await approvedProjects(server, society, association,
          [{ id: 'd-station', kind: 'service_station', start: -120, end: -1 }], '3000');  // the station's standard
        await clickItem(page, 'due.d-station.2');  // 中期评估
        await clickItem(page, 'project.open.mid_term');
        const late = (await layout(page)).filter((i) => i.name.startsWith('finding.')).map((i) => i.label);
        assert.ok(late.some((l) => l.startsWith('中期评估已于') && l.includes('已逾期')), late.join(' | '));
        await fill(page, 'mid_term.progress', '服务站已为园区企业开展技术咨询十二次，组织专家进企业三次。');
        await fill(page, 'mid_term.indicators', '服务企业20家，完成进度过半。');
        await fill(page, 'mid_term.spent', '2000');
        await fill(page, 'mid_term.next', '下半年开展专利培训两场。');
        await page.keyboard.press('Tab');
        await quiet(page);
        const errors = (await layout(page)).filter((i) => i.name.startsWith('finding.mid_term.'));
        assert.equal(errors.length, 0, errors.map((i) => i.label).join(' | '));
        const [midZip] = await Promise.all([page.waitForEvent('download'), clickItem(page, 'report.handin')]);

        await clickItem(page, 'project.open.acceptance');
        const pdf = { name: '服务记录汇编.pdf', type: 'application/pdf', bytes: Buffer.from('%PDF-1.4\n% 服务记录\n%%EOF\n') };
        await dropFiles(page, [pdf]);
        await page.waitForFunction(() => window.shenbao.layout().some((i) => i.name === 'report.file.0'), null, { timeout: 20000 });
        await fill(page, 'acceptance.results', '全年开展技术咨询二十五次，服务企业三十二家。');
        await fill(page, 'acceptance.indicators', '各项指标均已完成。');
        await fill(page, 'acceptance.spent', '3900');
        await fill(page, 'acceptance.outcomes', '促成校企合作项目两项。');
        await page.keyboard.press('Tab');
        await quiet(page);
        await shot(page, 'project-acceptance-1366x768');
        const [accZip] = await Promise.all([page.waitForEvent('download'), clickItem(page, 'report.handin')]);
        assert.deepEqual(zipNames(await accZip.path()), ['report.json', 'report.html', 'attachments/01-服务记录汇编.pdf', 'manifest.json']);

        const files = [];
        for (const z of [midZip, accZip]) files.push({ name: z.suggestedFilename(), type: 'application/zip', bytes: fs.readFileSync(await z.path()) });
        await dropFiles(office, files);
        await office.waitForFunction(() => window.shenbao.layout().some((i) => i.name === 'overview.row.0'), null, { timeout: 20000 });
        await quiet(office);
        const row = (await layout(office)).find((i) => i.name === 'overview.row.0').label;
        assert.ok(row.includes('中期评估 已交') && row.includes('验收 已交'), row);
        assert.deepEqual(page.errors, []);
        assert.deepEqual(office.errors, []);
      } finally {
        await society.context.close();
        await association.context.close();
      }
    },
  },
];
