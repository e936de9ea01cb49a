// Finishes the site in a folder: puts the page's scripts into index.html, and writes sw.js
// with the list of files to precache and a version that is the hash of every file, so
// each build has a cache of its own.
//   node scripts/make_site.mjs DIR
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dir = path.resolve(process.argv[2]);

// The page's own scripts go into index.html: they run as soon as the page is parsed,
// without a request each (through the service worker on every later visit), so that the
// app's code and the stored drafts start loading sooner.
let html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
html = html.replace(/<script src="([a-z]+\.js)"><\/script>/g, (tag, name) => {
  const file = path.join(dir, name);
  const code = fs.readFileSync(file, 'utf8');
  // Inside <script>, "</script" (any case) would end the element and "<!--" changes how
  // the rest is parsed; neither appears in our code, and the build says so if one does.
  if (/<\/script|<!--/i.test(code)) throw new Error(`${name} cannot be inlined: it holds "</script" or "<!--"`);
  fs.rmSync(file);
  return `<script>/* ${name} */\n${code}</script>`;
});
fs.writeFileSync(path.join(dir, 'index.html'), html);

const files = [];
(function walk(rel) {
  for (const name of fs.readdirSync(path.join(dir, rel)).sort()) {
    const r = rel ? rel + '/' + name : name;
    if (fs.statSync(path.join(dir, r)).isDirectory()) walk(r);
    else if (r !== 'sw.js') files.push(r);
  }
})('');
const hash = crypto.createHash('sha256');
for (const f of files) hash.update(f).update(fs.readFileSync(path.join(dir, f)));
const version = hash.digest('hex').slice(0, 16);
// Precached at install: everything but the font chunks (fetched when a character needs one).
const precache = ['./', ...files.filter((f) => !/^fonts\/c\d+\.ttf$/.test(f))];
const fontInfo = JSON.parse(fs.readFileSync(path.join(dir, 'fonts/chunks.json'), 'utf8'));
// Fetched ahead once the app is idle: GB2312's chunks (common characters) first, then the rest.
const chunk = (i) => `fonts/c${String(i + 1).padStart(2, '0')}.ttf`;
const warm = Array.from({ length: fontInfo.total }, (_, i) => chunk(i));
const warmCommon = fontInfo.common;
const template = fs.readFileSync(path.join(path.dirname(new URL(import.meta.url).pathname), '../web/sw.js'), 'utf8');
fs.writeFileSync(path.join(dir, 'sw.js'), template.replace('@VERSION@', version)
  .replace('@PRECACHE@', JSON.stringify(precache)).replace('@WARM@', JSON.stringify(warm))
  .replace('@WARM_COMMON@', String(warmCommon)));
console.log(`site: version ${version}, ${precache.length} files precached`);
