import http from 'node:http';
import zlib from 'node:zlib';

/**
 * What a browser with an empty cache downloads to show a page of the console, as the server sends
 * it to `Accept-Encoding: br, gzip`: the page, then every script, style sheet and icon it names —
 * its modulepreloads, and the console's chunk (meta qinlian-console) with what that chunk imports
 * statically (followed through the code itself). Code loaded later with import() is not counted:
 * the page shows without it. A static measure; e2e/first-load.e2e.test.ts times the same in Chromium.
 */
export type FirstLoadFile = { path: string; kind: 'html' | 'js' | 'css' | 'other'; encoding: string; bytes: number; uncompressed: number };
export type FirstLoad = {
  page: string;
  requests: number;
  /** bytes as sent (compressed where the server compressed), by kind */
  bytes: { html: number; js: number; css: number; other: number; total: number };
  uncompressed: number;
  files: FirstLoadFile[];
};

type Answer = { status: number; encoding: string; body: Buffer };

/** One GET with a browser's Accept-Encoding, the body kept as sent (fetch would decode it). */
function get(url: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { 'accept-encoding': 'br, gzip' } }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          encoding: String(res.headers['content-encoding'] ?? 'identity'),
          body: Buffer.concat(parts),
        }),
      );
      res.on('error', reject);
    });
    req.setTimeout(30_000, () => req.destroy(new Error(`GET ${url}: no answer in 30 s`)));
    req.on('error', reject);
  });
}

const decode = ({ encoding, body }: Answer) =>
  encoding === 'br' ? zlib.brotliDecompressSync(body) : encoding === 'gzip' ? zlib.gunzipSync(body) : body;

const kindOf = (path: string): FirstLoadFile['kind'] => (/\.m?js$/.test(path) ? 'js' : path.endsWith('.css') ? 'css' : 'other');

/**
 * The files a page names in its <script src> and <link href> (modulepreload, stylesheet, icon), and on
 * a console address the console's chunks named by its metas, which main.tsx loads there (never on /p).
 */
export function filesNamedBy(html: string, consoleAddress = true): string[] {
  const found = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
  if (consoleAddress)
    for (const m of html.matchAll(/<meta name="qinlian-console(?:-imports)?" content="([^"]*)"/g))
      found.push(...m[1]!.split(' ').filter(Boolean));
  return [...new Set(found)];
}

/** The public pages (web/src/layout/public/paths.ts): the console is never loaded there. */
const isPublicPage = (page: string) => /^\/p(\/|\?|$)/.test(page);

/** The modules a built chunk imports statically (`import{a}from"./react-x.js"`, `import"./b.js"`, `export{c}from"./d.js"`), as paths. */
export function staticImportsOf(code: string, from: string): string[] {
  const specs = [...code.matchAll(/(?:^|[;}\n])\s*(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g)].map((m) => m[1]!);
  return specs.filter((s) => s.startsWith('.') || s.startsWith('/')).map((s) => new URL(s, `http://x${from}`).pathname);
}

export async function measureFirstLoad(baseUrl: string, page = '/login'): Promise<FirstLoad> {
  const first = await get(baseUrl + page);
  if (first.status !== 200) throw new Error(`GET ${page} answered ${first.status}: is web/dist built (npm run build -w web)?`);
  const html = decode(first).toString('utf8');
  const files: FirstLoadFile[] = [
    { path: page, kind: 'html', encoding: first.encoding, bytes: first.body.length, uncompressed: Buffer.byteLength(html) },
  ];
  const queue = filesNamedBy(html, !isPublicPage(page)).filter((p) => p.startsWith('/'));
  const seen = new Set(queue);
  while (queue.length) {
    const path = queue.shift()!;
    const answer = await get(baseUrl + path);
    if (answer.status !== 200) throw new Error(`GET ${path} (named by ${page}) answered ${answer.status}`);
    const body = decode(answer);
    const kind = kindOf(path);
    files.push({ path, kind, encoding: answer.encoding, bytes: answer.body.length, uncompressed: body.length });
    if (kind !== 'js') continue;
    for (const next of staticImportsOf(body.toString('utf8'), path))
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
  }
  const total = (kind?: FirstLoadFile['kind']) => files.filter((f) => !kind || f.kind === kind).reduce((n, f) => n + f.bytes, 0);
  return {
    page,
    requests: files.length,
    bytes: { html: total('html'), js: total('js'), css: total('css'), other: total('other'), total: total() },
    uncompressed: files.reduce((n, f) => n + f.uncompressed, 0),
    files,
  };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** Markdown lines for the results file and the console. */
export function firstLoadLines(f: FirstLoad): string[] {
  return [
    `**First load of ${f.page}** (empty cache, \`Accept-Encoding: br, gzip\`): ${f.requests} requests, ${kb(f.bytes.total)} as sent — ` +
      `html ${kb(f.bytes.html)}, js ${kb(f.bytes.js)}, css ${kb(f.bytes.css)}, other ${kb(f.bytes.other)} (${kb(f.uncompressed)} uncompressed)`,
    '',
    '| file | encoding | sent | uncompressed |',
    '| --- | --- | ---: | ---: |',
    ...[...f.files].sort((a, b) => b.bytes - a.bytes).map((x) => `| ${x.path} | ${x.encoding} | ${kb(x.bytes)} | ${kb(x.uncompressed)} |`),
  ];
}
