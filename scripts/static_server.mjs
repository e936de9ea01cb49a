// Serves a folder of static files on 127.0.0.1, gzip-compressed when the client accepts
// it (as a real web host would), with the right MIME type for .wasm. Each file is
// compressed once and kept until it changes, as hosts with precompressed files do:
// compressing the wasm on every request would hold up every other response. Used by
// scripts/serve, the browser tests and the benchmark.
//   node scripts/static_server.mjs DIR PORT
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const root = path.resolve(process.argv[2] || 'dist');
const port = Number(process.argv[3] ?? 8080);  // 0: any free port (tests)
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8', '.ttf': 'font/ttf',
  '.bin': 'application/octet-stream', '.css': 'text/css; charset=utf-8', '.png': 'image/png',
  '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json',
};

const compressed = new Map();  // file -> {mtimeMs, size, bytes}
function gzipOnce(file, stat, data) {
  const hit = compressed.get(file);
  if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.bytes;
  const bytes = zlib.gzipSync(data, { level: 9 });
  compressed.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, bytes });
  return bytes;
}

const server = http.createServer((req, res) => {
  let rel;
  try { rel = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { res.writeHead(400).end(); return; }
  let file = path.join(root, rel);
  if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
  if (rel.endsWith('/')) file = path.join(file, 'index.html');
  let stat, data;
  try {
    stat = fs.statSync(file);
    data = fs.readFileSync(file);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
    return;
  }
  const headers = { 'Content-Type': types[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-cache' };
  if (/\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
    data = gzipOnce(file, stat, data);
    headers['Content-Encoding'] = 'gzip';
  }
  headers['Content-Length'] = data.length;
  res.on('error', () => {});
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : data);
});
// A client that goes away mid-response (a closed or crashed tab) must not stop the server.
server.on('clientError', (err, socket) => socket.destroy());
process.on('uncaughtException', (err) => console.error('static server:', err.message));
server.listen(port, '127.0.0.1', () => console.log(`shenbao: serving ${root} at http://127.0.0.1:${server.address().port}/`));
