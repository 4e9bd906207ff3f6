import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { IMMUTABLE, isHashedAsset, REVALIDATE } from './web-console.ts';

/** A console build of our own, shaped like web/dist: hashed assets with their .br/.gz twins, as the build writes them. */
const HTML = `<!doctype html><html lang="zh-CN"><head><title>勤廉</title><script type="module" src="/assets/index-AbC_12-z.js"></script></head><body><div id="root">${'勤廉新区 · 模范机关建设平台 '.repeat(60)}</div></body></html>`;
const CONSOLE_HTML = HTML.replace('</head>', '<link rel="modulepreload" crossorigin href="/assets/ConsoleApp-Qq1_Ww2e.js"></head>');
const SCRIPT = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `督查事项${i}`))};`;
const TINY = 'export {};';
const BROWSER = 'gzip, deflate, br, zstd';

function writeWithTwins(dist: string, file: string, text: string) {
  const full = path.join(dist, file);
  fs.writeFileSync(full, text);
  fs.writeFileSync(`${full}.br`, zlib.brotliCompressSync(text));
  fs.writeFileSync(`${full}.gz`, zlib.gzipSync(text));
}

describe('the built console: precompressed, hashed assets kept for a year, the page revalidated', () => {
  let t: TestApp;
  let dist: string;
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'qinlian-dist-'));
    fs.mkdirSync(path.join(dist, 'assets'));
    writeWithTwins(dist, 'index.html', HTML);
    writeWithTwins(dist, 'console.html', CONSOLE_HTML);
    writeWithTwins(dist, 'assets/index-AbC_12-z.js', SCRIPT);
    fs.writeFileSync(path.join(dist, 'assets/tiny-Zz00Yy11.js'), TINY); // under 1 KB: the build writes no twins
    fs.writeFileSync(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    t = await startTestApp('sqlite', { webDist: dist });
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('sends a hashed script as brotli to a browser that accepts it, cached for a year as immutable', async () => {
    const res = await get('/assets/index-AbC_12-z.js', { 'accept-encoding': BROWSER });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/);
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(zlib.brotliDecompressSync(res.rawPayload).toString()).toBe(SCRIPT);
    expect(res.rawPayload.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 3);
  });

  it('sends gzip to a client that only takes gzip, and the file as it is to one that names no encoding', async () => {
    const gz = await get('/assets/index-AbC_12-z.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(SCRIPT);
    const plain = await get('/assets/index-AbC_12-z.js', { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
    // the plain answer varies by Accept-Encoding too: a shared cache must not hand it to a browser that takes br
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.headers['cache-control']).toBe(IMMUTABLE);
    const small = await get('/assets/tiny-Zz00Yy11.js', { 'accept-encoding': BROWSER });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.body).toBe(TINY);
  });

  it('answers console.html on the console addresses and index.html on the public pages', async () => {
    for (const [url, page] of [
      ['/', CONSOLE_HTML],
      ['/login', CONSOLE_HTML],
      ['/tasks/01a212e1-2afa-7e86-bbea-773967ac6454?tab=events', CONSOLE_HTML],
      ['/plan', CONSOLE_HTML],
      ['/p', HTML],
      ['/p/', HTML],
      ['/p?from=poster', HTML],
      ['/p/track/Q7K2M9', HTML],
    ] as const) {
      const res = await get(url, { 'accept-encoding': BROWSER });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toBe('text/html; charset=utf-8');
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(res.headers['cache-control'], url).toBe(REVALIDATE);
      expect(zlib.brotliDecompressSync(res.rawPayload).toString(), url).toBe(page);
    }
  });

  it('lets a browser revalidate the page: 304 while it has not changed', async () => {
    const first = await get('/login', { 'accept-encoding': BROWSER });
    const again = await get('/login', { 'accept-encoding': BROWSER, 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
  });

  it('revalidates files without a hash (favicon.svg)', async () => {
    const res = await get('/favicon.svg', { 'accept-encoding': BROWSER });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe(REVALIDATE);
  });

  it('answers 404 for a script that is gone and for a twin asked for by its own name; never the page in their place', async () => {
    const gone = await get('/assets/ConsoleApp-0ldBu1ld.js', { 'accept-encoding': BROWSER });
    expect(gone.statusCode).toBe(404);
    expect(gone.headers['content-type']).toMatch(/json/);
    const twin = await get('/assets/index-AbC_12-z.js.br');
    expect(twin.statusCode).toBe(404);
    const api = await get('/api/no/such/route');
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: { code: 'route_not_found' } });
  });

  it('serves a build written after the server started, compressed and immutable as well', async () => {
    writeWithTwins(dist, 'assets/later-9xYz_8Qp.js', SCRIPT);
    const res = await get('/assets/later-9xYz_8Qp.js', { 'accept-encoding': BROWSER });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
  });

  it('tells hashed build files from the rest by name', () => {
    expect(isHashedAsset('assets/antd-shell-DNFNRT63.js')).toBe(true);
    expect(isHashedAsset('assets/ConsoleApp-DLQoBl-K.js.br')).toBe(true);
    expect(isHashedAsset('assets/index-BJni9UbW.css.gz')).toBe(true);
    expect(isHashedAsset('index.html')).toBe(false);
    expect(isHashedAsset('favicon.svg')).toBe(false);
    expect(isHashedAsset('assets/logo.svg')).toBe(false);
  });
});
