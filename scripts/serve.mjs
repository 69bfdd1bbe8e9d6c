// Serves a built site folder on loopback for the browser tests and the bench. Astro 7's own preview allows one
// server per project, which stops test runs and benches from running side by side; this does not.
// Like the hosts the README documents, it compresses text (gzip) and lets browsers keep fingerprinted files
// (/_astro/) for a year and lets any origin load them (CORS), so the bench and tests see what readers get.
// Usage: node scripts/serve.mjs <dir> <port> [host]
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { createGzip } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8', '.txt': 'text/plain; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.woff': 'font/woff', '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream', '.pf_index': 'application/octet-stream', '.pf_fragment': 'application/octet-stream',
};

const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript)|image\/svg\+xml)/;

export function startServer(dir, port, host = '127.0.0.1') {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    let url;
    let path;
    try {
      // A bad request (`//`, a broken escape) gets a 400, never takes the server down.
      url = new URL(req.url ?? '/', `http://${host}`);
      path = normalize(decodeURIComponent(url.pathname));
    } catch {
      res.writeHead(400).end('Bad request');
      return;
    }
    let file = join(root, path);
    if (!file.startsWith(root)) return void res.writeHead(403).end('Forbidden');
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!url.pathname.endsWith('/')) return void res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
      file = join(file, 'index.html');
    }
    const found = existsSync(file) && statSync(file).isFile();
    const target = found ? file : join(root, '404.html');
    const type = TYPES[extname(target)] ?? 'application/octet-stream';
    const gzip = COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(found ? 200 : 404, {
      'Content-Type': type,
      'Cache-Control': found && url.pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      // As public/_headers: an embed inside WordPress's sandbox (an opaque origin) loads its modules with CORS.
      ...(url.pathname.startsWith('/_astro/') ? { 'Access-Control-Allow-Origin': '*' } : {}),
      Vary: 'Accept-Encoding',
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    });
    if (req.method === 'HEAD') return void res.end();
    const body = createReadStream(target);
    if (gzip) body.pipe(createGzip()).pipe(res);
    else body.pipe(res);
  });
  return new Promise((ok) => server.listen(Number(port), host, () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = 'dist', port = '4321', host = '127.0.0.1'] = process.argv.slice(2);
  await startServer(dir, port, host);
  console.log(`serving ${dir} at http://${host}:${port}/`);
}
