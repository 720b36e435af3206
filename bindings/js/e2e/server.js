// A tiny static file server on 127.0.0.1 for the Chromium tests: serves the repository's
// bindings/js/ (the package, pkg/, demo/, e2e/, test/) and tests/vectors/, nothing else,
// with .wasm as application/wasm. No server logic: the pages do everything in the browser.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { extname, normalize, sep } from 'node:path';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const allowed = ['bindings/js/', 'tests/vectors/'];
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
};

/** Starts the server on a free port; resolves to {url, close}. */
export function serve() {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^[/\\]+/, '');
    if (path.includes('..') || path.split(sep).includes('node_modules') || !allowed.some((a) => path.startsWith(a))) {
      res.writeHead(404).end('not found');
      return;
    }
    try {
      const body = await readFile(root + path);
      res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

// `node e2e/server.js` serves until stopped, for looking at the demo by hand.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url } = await serve();
  console.log(`demo: ${url}bindings/js/demo/index.html`);
}
