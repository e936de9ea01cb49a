// Hand-in: the printable page through Chromium's PDF engine, no script for hostile
// input, export and import across browser profiles, dropping files, and the email.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openApp, outDir, repo, shot } from './browser.mjs';
import { chooseFiles, clickToolbar, draftOf, dropFiles, press, quiet } from './form.mjs';

const fixtureText = (kind) => fs.readFileSync(path.join(repo, `tests/fixtures/complete-${kind}.json`), 'utf8');

// Drops the files and waits until the app has taken them in.
async function dropAndWait(page, files) {
  await dropFiles(page, files);
  await page.waitForFunction(() => window.shenbao.drafts().drafts.length >= 1);
  await quiet(page);
}

async function openImported(page, index = 0) {
  await press(page, `import.open.${index}`);
  await quiet(page);
}

const openHandIn = (page) => clickToolbar(page, 'handIn');

async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), press(page, button)]);
  const target = path.join(outDir, 'downloads', file.suggestedFilename());
  fs.mkdirSync(path.dirname(target), { recursive: true });
  await file.saveAs(target);
  return target;
}

function pdfPages(pdf) {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)[1]);
}
const pdfText = (pdf, page) => execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-'], { encoding: 'utf8' });

// Every text a person could type, replaced by one of the payloads.
const PAYLOADS = ['<script>window.top.pwned=1;alert(1)</script>', '<img src=x onerror="window.top.pwned=1;alert(1)">',
  '<svg onload=alert(1)>', '</style><script>alert(1)</script>', '"><iframe src="javascript:alert(1)">',
  '<a href="javascript:alert(1)">链接</a>', '\u202Eevil\u202C', 'nul\u0000byte', '<style>body{display:none}</style>',
  '<meta http-equiv="refresh" content="0;url=https://x.example/">'];
function hostile(application) {
  let i = 0;
  const skip = new Set(['kind', 'expense_kind', 'eligibility_confirmed', 'evidence_planned', 'items', 'host_type']);
  const walk = (v, key) => {
    if (typeof v === 'string') return skip.has(key) ? v : PAYLOADS[i++ % PAYLOADS.length] + v;
    if (Array.isArray(v)) return skip.has(key) ? v : v.map((x) => walk(x, key));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    return v;
  };
  return walk(application, '');
}

export const tests = [
  {
    name: 'the printable page of a complete sample: PDF pages, cover, notes, body from page 3',
    async run({ server }) {
      const { context } = await launch();
      try {
        const page = await openApp(context, server.url);
        await dropAndWait(page, [{ name: 'station.json', text: fixtureText('service_station') }]);
        await openImported(page);
        await openHandIn(page);
        await shot(page, 'handin-page-1366x768');
        const htmlFile = await download(page, 'handin.export_html');
        assert.match(path.basename(htmlFile), /^市机械工程学会-盐城市机械工程学会智能制造科技服务站-2018-05-20\.html$/);
        const printPage = await context.newPage();
        await printPage.goto('file://' + htmlFile);
        const pdf = path.join(outDir, 'print-service_station.pdf');
        await printPage.pdf({ path: pdf, preferCSSPageSize: true });
        assert.equal(pdfPages(pdf), 5);
        assert.match(pdfText(pdf, 1), /项目编号/);
        assert.match(pdfText(pdf, 1), /盐城市科学技术协会制/);
        assert.match(pdfText(pdf, 2), /申\s*报\s*说\s*明/);
        assert.match(pdfText(pdf, 3), /一、项目内容/);  // the first section of the form after the cover
        assert.match(pdfText(pdf, 3), /项目目标/);
        assert.match(pdfText(pdf, 3), /第 3 页/);
        assert.match(pdfText(pdf, 5), /申报单位意见/);
        const fp = JSON.parse(fs.readFileSync(await download(page, 'handin.export_json'), 'utf8')).fingerprint.slice(0, 12);
        for (let p = 1; p <= 5; p++) assert.ok(pdfText(pdf, p).includes(fp), `page ${p} footer carries the fingerprint`);
        execFileSync('pdftoppm', ['-r', '60', '-png', pdf, path.join(outDir, 'print-service_station-page')]);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'no script runs for any payload, in the exported page or when printing',
    async run({ server }) {
      const { context } = await launch();
      try {
        const page = await openApp(context, server.url);
        const dialogs = [];
        context.on('page', (p) => p.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); }));
        page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
        const doc = JSON.parse(fixtureText('academic_exchange'));
        doc.application = hostile(doc.application);
        delete doc.fingerprint;
        await dropAndWait(page, [{ name: 'hostile.json', text: JSON.stringify(doc) }]);
        await openImported(page);
        const shown = (await draftOf(page)).application;
        assert.deepEqual(shown, doc.application, 'every character is kept as it was in the file');
        await shot(page, 'handin-hostile-form-1366x768');
        await openHandIn(page);
        const htmlFile = await download(page, 'handin.export_html');
        const html = fs.readFileSync(htmlFile, 'utf8');
        assert.ok(!/<script/i.test(html));
        assert.ok(html.includes('&lt;script&gt;'));
        const view = await context.newPage();
        view.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
        await view.goto('file://' + htmlFile);
        await view.waitForTimeout(500);
        assert.equal(await view.evaluate(() => window.pwned), undefined);
        await view.screenshot({ path: path.join(outDir, 'print-hostile.png'), fullPage: false });
        // Printing in the app: a sandboxed frame that cannot run scripts.
        await press(page, 'handin.print');
        await page.waitForTimeout(800);
        assert.equal(await page.evaluate(() => window.pwned), undefined);
        assert.deepEqual(dialogs.filter((m) => m !== ''), []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'export, then import in another browser profile: the same application and fingerprint',
    async run({ server }) {
      const first = await launch();
      let exported;
      try {
        const page = await openApp(first.context, server.url);
        await dropAndWait(page, [{ name: 'org.json', text: fixtureText('organisation_building') }]);
        await openImported(page);
        await openHandIn(page);
        exported = await download(page, 'handin.export_json');
      } finally {
        await first.context.close();
      }
      const second = await launch();
      try {
        const page = await openApp(second.context, server.url);
        await quiet(page);
        await chooseFiles(page, () => page.mouse.click(130, 108), exported);  // 导入电子稿…
        await page.waitForFunction(() => window.shenbao.drafts().drafts.length === 1);
        await quiet(page);
        await shot(page, 'handin-import-report-1366x768');
        await openImported(page);
        const a = JSON.parse(fs.readFileSync(exported, 'utf8'));
        const b = await draftOf(page);
        assert.equal(b.fingerprint, a.fingerprint);
        assert.deepEqual(b.application, a.application);
      } finally {
        await second.context.close();
      }
    },
  },
  {
    name: 'dropping three files imports three drafts; a broken file is reported and stops nothing',
    async run({ server }) {
      const { context } = await launch();
      try {
        const page = await openApp(context, server.url);
        await dropAndWait(page, ['academic_exchange', 'service_station', 'organisation_building'].map((k) => ({ name: k + '.json', text: fixtureText(k) })));
        await page.waitForFunction(() => window.shenbao.drafts().drafts.length === 3);
        await dropAndWait(page, [{ name: '坏文件.json', text: '{"schema": "shenbao.appl' }, { name: 'coop.json', text: fixtureText('enterprise_cooperation') }]);
        await page.waitForFunction(() => window.shenbao.drafts().drafts.length === 4);
        await shot(page, 'handin-import-broken-1366x768');
        // The same files again: recognised, not doubled.
        await dropAndWait(page, [{ name: 'coop.json', text: fixtureText('enterprise_cooperation') }]);
        assert.equal((await page.evaluate(() => window.shenbao.drafts())).drafts.length, 4);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'email: the mail program opens addressed, with subject and fingerprint, and both files are saved',
    async run({ server }) {
      const { context } = await launch();
      try {
        const page = await openApp(context, server.url);
        await dropAndWait(page, [{ name: 'station.json', text: fixtureText('service_station') }]);
        await openImported(page);
        await openHandIn(page);
        const names = [];
        page.on('download', (d) => names.push(d.suggestedFilename()));
        await press(page, 'handin.email');
        await page.waitForTimeout(800);
        assert.deepEqual(names.sort(), ['市机械工程学会-盐城市机械工程学会智能制造科技服务站-2018-05-20.html',
          '市机械工程学会-盐城市机械工程学会智能制造科技服务站-2018-05-20.json'].sort());
        const mailto = decodeURIComponent(await page.evaluate(() => window.shenbao.lastMailto));
        assert.ok(mailto.startsWith('mailto:yckxxhb@126.com?subject=【重点项目申报】市机械工程学会-盐城市机械工程学会智能制造科技服务站'), mailto);
        const fp = (await draftOf(page)).fingerprint.slice(0, 12);
        assert.ok(mailto.includes('电子稿指纹：' + fp));
        assert.ok(mailto.includes('.json（电子稿'));
      } finally {
        await context.close();
      }
    },
  },
];
