/**
 * npm run serve: builds the portal and serves _site/ at http://localhost:8080/ (PORT to change).
 * A plain static server on the loopback address, also used by the browser tests.
 */
import { isUtf8 } from 'node:buffer';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { basename, extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonl': 'application/jsonl; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.doc': 'application/msword',
  '.rtf': 'application/rtf',
  '.wps': 'application/vnd.ms-works',
};
/** Files without an extension that are text. */
const TEXT_FILES = new Set(['SHA256SUMS']);

const isText = (path: string) => extname(path) === '.txt' || TEXT_FILES.has(basename(path));

/**
 * The content type of a file. An original text report is published as it came, in UTF-8 or in
 * GB18030 (a UTF-16 one starts with its byte order mark, which browsers follow): a text's charset
 * is the one its bytes are in.
 */
function contentType(path: string, text?: Buffer): string {
  if (text) return `text/plain; charset=${isUtf8(text) ? 'utf-8' : 'gb18030'}`;
  if (basename(path) === 'feed.xml') return 'application/atom+xml; charset=utf-8';
  return TYPES[extname(path)] ?? 'application/octet-stream';
}

export function serveFolder(folder: string, port: number): Promise<Server> {
  const root = resolve(folder);
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!path.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if (statSync(path).isDirectory()) path = join(path, 'index.html');
      statSync(path);
    } catch {
      const notFound = join(root, '404.html');
      if (existsSync(notFound)) {
        response.writeHead(404, { 'content-type': TYPES['.html']! });
        createReadStream(notFound).pipe(response);
      } else {
        response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404 找不到该页面');
      }
      return;
    }
    // A text is read once, to tell its charset and to send it.
    const text = isText(path) ? readFileSync(path) : undefined;
    response.writeHead(200, { 'content-type': contentType(path, text) });
    if (text) response.end(text);
    else createReadStream(path).pipe(response);
  });
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const folder = process.argv[2] ?? '_site';
  const port = Number(process.env['PORT'] ?? 8080);
  await serveFolder(folder, port);
  process.stdout.write(`Serving ${folder}/ at http://localhost:${port}/ (Ctrl-C to stop)\n`);
}
