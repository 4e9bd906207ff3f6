import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../server/test/harness.ts';
import { filesNamedBy, measureFirstLoad, staticImportsOf } from './first-load.ts';

/** A build shaped like web/dist, served by the real app: the page names the console and its imports; chunks import each other. */
const PAGE = `<!doctype html><html><head>
<script type="module" crossorigin src="/assets/index-Aa11Bb22.js"></script>
<link rel="modulepreload" crossorigin href="/assets/react-Cc33Dd44.js">
<link rel="stylesheet" crossorigin href="/assets/index-Ee55Ff66.css">
<link rel="icon" type="image/svg+xml" href="/favicon.svg" />
<meta name="qinlian-console" content="/assets/ConsoleApp-Gg77Hh88.js">
<meta name="qinlian-console-imports" content="/assets/antd-shell-Ii99Jj00.js">
</head><body>${'勤廉'.repeat(400)}</body></html>`;
const FILES: Record<string, string> = {
  'assets/index-Aa11Bb22.js': `import{r as e}from"./react-Cc33Dd44.js";import"./side-Kk11Ll22.js";const t=()=>import("./PlanPage-Mm33Nn44.js");${'e();'.repeat(400)}`,
  'assets/react-Cc33Dd44.js': `export const r=()=>1;${'/*react*/'.repeat(300)}`,
  'assets/side-Kk11Ll22.js': 'globalThis.x=1;',
  'assets/ConsoleApp-Gg77Hh88.js': `import{a}from"./antd-shell-Ii99Jj00.js";export{b}from"./react-Cc33Dd44.js";a();`,
  'assets/antd-shell-Ii99Jj00.js': `export const a=()=>2;${'/*antd*/'.repeat(900)}`,
  'assets/PlanPage-Mm33Nn44.js': 'export const PlanPage=1;',
  'assets/index-Ee55Ff66.css': `body{margin:0}${'.x{color:red}'.repeat(200)}`,
  'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
};

describe('the first-load measure of the bench', () => {
  let t: TestApp;
  let dist: string;
  let url: string;
  beforeAll(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'qinlian-first-load-'));
    fs.mkdirSync(path.join(dist, 'assets'));
    for (const [file, text] of Object.entries({ 'console.html': PAGE, 'index.html': PAGE, ...FILES })) {
      fs.writeFileSync(path.join(dist, file), text);
      if (text.length >= 1024) fs.writeFileSync(path.join(dist, `${file}.br`), zlib.brotliCompressSync(text));
    }
    t = await startTestApp('sqlite', { webDist: dist });
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('reads the files a page names, and the static imports of a chunk but not its import() calls', () => {
    expect(filesNamedBy(PAGE)).toEqual([
      '/assets/index-Aa11Bb22.js',
      '/assets/react-Cc33Dd44.js',
      '/assets/index-Ee55Ff66.css',
      '/favicon.svg',
      '/assets/ConsoleApp-Gg77Hh88.js',
      '/assets/antd-shell-Ii99Jj00.js',
    ]);
    expect(staticImportsOf(FILES['assets/index-Aa11Bb22.js']!, '/assets/index-Aa11Bb22.js')).toEqual([
      '/assets/react-Cc33Dd44.js',
      '/assets/side-Kk11Ll22.js',
    ]);
    expect(staticImportsOf(FILES['assets/ConsoleApp-Gg77Hh88.js']!, '/assets/ConsoleApp-Gg77Hh88.js')).toEqual([
      '/assets/antd-shell-Ii99Jj00.js',
      '/assets/react-Cc33Dd44.js',
    ]);
  });

  it('counts every file of the sign-in page once, with its bytes as the server sent them', async () => {
    const load = await measureFirstLoad(url);
    expect(load.files.map((f) => f.path).sort()).toEqual(
      [
        '/login',
        '/assets/index-Aa11Bb22.js',
        '/assets/react-Cc33Dd44.js',
        '/assets/side-Kk11Ll22.js',
        '/assets/index-Ee55Ff66.css',
        '/favicon.svg',
        '/assets/ConsoleApp-Gg77Hh88.js',
        '/assets/antd-shell-Ii99Jj00.js',
      ].sort(),
    );
    expect(load.requests).toBe(8);
    const shell = load.files.find((f) => f.path === '/assets/antd-shell-Ii99Jj00.js')!;
    expect(shell).toMatchObject({ kind: 'js', encoding: 'br', uncompressed: FILES['assets/antd-shell-Ii99Jj00.js']!.length });
    expect(shell.bytes).toBe(fs.statSync(path.join(dist, 'assets/antd-shell-Ii99Jj00.js.br')).size);
    expect(load.files.find((f) => f.path === '/assets/side-Kk11Ll22.js')).toMatchObject({ encoding: 'identity', bytes: 15 });
    expect(load.bytes.total).toBe(load.bytes.html + load.bytes.js + load.bytes.css + load.bytes.other);
    expect(load.bytes.total).toBeLessThan(load.uncompressed / 3);
  });

  it('leaves the console out of a public page (/p), where main.tsx never loads it', async () => {
    const load = await measureFirstLoad(url, '/p');
    expect(load.files.map((f) => f.path).filter((p) => /ConsoleApp|antd/.test(p))).toEqual([]);
    expect(load.requests).toBe(6);
  });

  it('says why when there is no page to measure', async () => {
    await expect(measureFirstLoad(url, '/assets/none-Zz00Zz00.js')).rejects.toThrow(/answered 404/);
  });
});
