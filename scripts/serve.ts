/**
 * npm run serve: builds the portal and serves _site/ at http://localhost:8080/ (PORT to change).
 * A static server (sirv) on the loopback address, also used by the browser tests: each file with
 * its type, a text in the charset its bytes are in, the site's 404 page for what is not there.
 */
import { isUtf8 } from 'node:buffer';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createServer, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import { basename, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import sirv from 'sirv';
import { siteAddress } from '../src/site/site-address.ts';

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
  '.gz': 'application/gzip',
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

/**
 * sirv marks every file whose name ends in .gz or .br as encoded (Content-Encoding: gzip), as if
 * it were the compressed form of the file without the suffix. The portal's .gz files are
 * downloads in their own right (application/gzip): with that header a browser or an HTTP library
 * (Python's requests) unpacks them on the way and keeps the plain bytes under the .gz name. They
 * are sent as they are, without it, as static hosts send them.
 */
function sentAsStored(response: ServerResponse): void {
  const writeHead = response.writeHead.bind(response) as (status: number, headers?: OutgoingHttpHeaders) => ServerResponse;
  response.writeHead = ((status: number, headers?: OutgoingHttpHeaders) => {
    if (headers) delete headers['Content-Encoding'];
    return writeHead(status, headers);
  }) as ServerResponse['writeHead'];
}

/**
 * Serves `folder` at `prefix` (the path of GONGKAI_SITE_URL, / by default), as the site's own
 * server would: a site built under /zfxxgk/nb/ links to /zfxxgk/nb/…, and is served there.
 */
export function serveFolder(folder: string, port: number, prefix = siteAddress().pathPrefix): Promise<Server> {
  const root = resolve(folder);
  // sirv finds the file: only a file under the folder, after the address is decoded and normalised
  // (no “..” or encoded slash leads out of it), and a malformed address is no file. In dev mode
  // it looks a file up on each request, so a build that swaps in a new _site is served at once.
  const files = sirv(root, {
    dev: true,
    etag: true,
    dotfiles: false,
    setHeaders(response, pathname) {
      if (/\.(?:gz|br)$/.test(pathname)) sentAsStored(response);
      // An address without an extension is a page (…/index.html), which sirv types itself.
      if (extname(pathname) === '' && !TEXT_FILES.has(basename(pathname))) return;
      const path = join(root, pathname);
      response.setHeader('content-type', contentType(path, isText(path) ? readFileSync(path) : undefined));
    },
  });
  const notFound = join(root, '404.html');
  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    if (prefix !== '/') {
      if (url === prefix.slice(0, -1)) {
        response.writeHead(301, { location: prefix }).end();
        return;
      }
      // Outside the prefix there is nothing; inside, the folder answers as if at its root.
      request.url = url.startsWith(prefix) ? url.slice(prefix.length - 1) : '/\0not-here';
    }
    files(request, response, () => {
      if (existsSync(notFound)) {
        response.writeHead(404, { 'content-type': TYPES['.html']! });
        createReadStream(notFound).pipe(response);
      } else {
        response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404 找不到该页面');
      }
    });
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => done(server));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const folder = process.argv[2] ?? '_site';
  const port = Number(process.env['PORT'] ?? 8080);
  const { pathPrefix } = siteAddress();
  try {
    await serveFolder(folder, port, pathPrefix);
  } catch (error) {
    const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
    process.stderr.write(inUse ? `Port ${port} is in use (another npm run serve or dev?): PORT=${port + 1} npm run serve uses another\n` : `${String(error)}\n`);
    process.exit(1);
  }
  process.stdout.write(`Serving ${folder}/ at http://localhost:${port}${pathPrefix} (Ctrl-C to stop)\n`);
}
