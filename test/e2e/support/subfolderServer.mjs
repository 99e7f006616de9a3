// A tiny static server that serves the production build (dist/) from a
// sub-folder, the way a static host such as GitHub Pages serves a project site
// (https://host/some/sub/path/). The sub-folder browser test uses it to prove
// the build has no absolute asset URLs. Node built-ins only, on purpose: it
// must run on a fresh machine right after `npm ci`.
//
//   node test/e2e/support/subfolderServer.mjs [--port 4174] [--base /some/sub/path/] [--root dist]

import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.OPTISCOPE_SUBFOLDER_PORT ?? '4174' },
    base: { type: 'string', default: '/some/sub/path/' },
    root: { type: 'string', default: 'dist' },
  },
});

const port = Number(values.port);
const base = `/${values.base.replace(/^\/+|\/+$/g, '')}/`;
const root = resolve(values.root);

// Browsers refuse module scripts and workers served with a non-JavaScript
// type, so the table must be right for .js above all.
const mimeTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

function fileFor(urlPath) {
  const relative = decodeURIComponent(urlPath.slice(base.length)) || 'index.html';
  const file = resolve(join(root, relative));
  // Never serve anything outside dist/, whatever the URL says.
  if (file !== root && !file.startsWith(root + sep)) return undefined;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return fileFor(`${urlPath.replace(/\/?$/, '/')}index.html`);
    return stat.isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

const server = createServer((request, response) => {
  const { pathname } = new URL(request.url ?? '/', 'http://localhost');
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  if (`${pathname}/` === base) {
    response.writeHead(301, { Location: base }).end();
    return;
  }
  const file = pathname.startsWith(base) ? fileFor(pathname) : undefined;
  if (!file) {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`Not found: ${pathname}\n`);
    return;
  }
  response.writeHead(200, {
    'Content-Type': mimeTypes[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Cache-Control': 'no-store',
  });
  if (request.method === 'HEAD') response.end();
  else createReadStream(file).pipe(response);
});

server.listen(port, () => {
  console.log(`serving ${root} at http://localhost:${port}${base}`);
});
