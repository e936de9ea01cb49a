// Runs every tests/e2e/*.test.mjs against the built site in dist/. Each test file
// exports `tests`: an array of {name, run({server})}. Prints one line per test and
// closes with "e2e: N passed, N failed". Arguments: a part of the file names to run, and
// a part of the test names (node tests/e2e/run.mjs editor "edit menu").
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const named = process.argv[3];
const files = fs.readdirSync(here).filter((f) => f.endsWith('.test.mjs') && (!only || f.includes(only))).sort();
const server = await serve();
let passed = 0, failed = 0;
try {
  for (const file of files) {
    const { tests } = await import(path.join(here, file));
    for (const t of tests.filter((t) => !named || t.name.includes(named))) {
      const started = Date.now();
      try {
        await t.run({ server });
        passed++;
        console.log(`ok   ${file} › ${t.name} (${Date.now() - started} ms)`);
      } catch (err) {
        failed++;
        console.log(`FAIL ${file} › ${t.name}\n     ${String(err && err.stack || err).split('\n').slice(0, 6).join('\n     ')}`);
      }
    }
  }
} finally {
  server.stop();
}
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
