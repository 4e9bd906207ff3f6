import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { defineConfig, type Plugin, type Rolldown } from 'vite';
import react from '@vitejs/plugin-react';

const ANTD = /node_modules[\\/](antd|@ant-design|@rc-component|rc-[\w-]+|@emotion|stylis)[\\/]/;
const ANTD_ICONS = /node_modules[\\/]@ant-design[\\/](icons|icons-svg)[\\/]/;
const CONSOLE_SHELL = '/src/app/ConsoleApp.tsx';

const NAMED_IMPORTS = /import\s*\{([^}]*)\}\s*from\s*["']([^"']+)["']/g;
const REEXPORT_DEFAULT = /export\s*\{\s*default\s+as\s+(\w+)\s*\}\s*from\s*["']([^"']+)["']/g;
const REEXPORT_ALL = /export\s*\*\s*from\s*["']([^"']+)["']/g;
const inNodeModules = (id: string) => /[\\/]node_modules[\\/]/.test(id);

/**
 * The modules that the console's shell (ConsoleApp.tsx: the sign-in page, the session guards) runs:
 * everything it reaches by static imports, except that a named import from a library's index
 * (`import { Button } from 'antd'`, `{ LockOutlined } from '@ant-design/icons'`) reaches only the
 * modules those names come from — the index re-exports every component, and tree-shaking drops the
 * rest. Worked out once the module graph is complete (buildEnd), before chunks are made.
 */
function consoleShellModules(): { plugin: Plugin; has(id: string): boolean } {
  const shell = new Set<string>();
  const plugin: Plugin = {
    name: 'qinlian-console-shell-modules',
    apply: 'build',
    buildStart() {
      shell.clear();
    },
    buildEnd(error) {
      if (error) return;
      const ids = new Set(this.getModuleIds());
      const code = (id: string) => this.getModuleInfo(id)?.code ?? '';
      const resolveFrom = (from: string, spec: string) =>
        ['', '.js', '.mjs', '/index.js', '/index.mjs'].map((ext) => path.resolve(path.dirname(from), spec) + ext).find((c) => ids.has(c));
      /** the module that a library index re-exports `name` from, following `export * from` a few levels */
      const reexported = (index: string, name: string, depth = 0): string | undefined => {
        for (const [, exported, spec] of code(index).matchAll(REEXPORT_DEFAULT)) if (exported === name) return resolveFrom(index, spec!);
        if (depth > 2) return undefined;
        for (const [, spec] of code(index).matchAll(REEXPORT_ALL)) {
          const next = resolveFrom(index, spec!);
          const found = next && reexported(next, name, depth + 1);
          if (found) return found;
        }
        return undefined;
      };
      /** our module's imports, with each library index replaced by the modules of the names it is asked for */
      const importsOf = (id: string): string[] => {
        const deps = this.getModuleInfo(id)?.importedIds ?? [];
        if (inNodeModules(id)) return [...deps];
        const narrowed = new Map<string, string[]>();
        for (const [, list, spec] of code(id).matchAll(NAMED_IMPORTS)) {
          if (spec!.startsWith('.')) continue;
          const names = list!
            .split(',')
            .map((n) => n.trim().split(/\s+/)[0]!)
            .filter((n) => n && n !== 'type');
          const index = deps.find((d) => d.replace(/\\/g, '/').includes(`/node_modules/${spec}/`) && reexported(d, names[0]!));
          const targets = index ? names.map((n) => reexported(index, n)) : [];
          if (index && targets.every(Boolean)) narrowed.set(index, [...(narrowed.get(index) ?? []), ...(targets as string[])]);
        }
        return deps.flatMap((d) => narrowed.get(d) ?? [d]);
      };
      const entry = [...ids].find((id) => id.replace(/\\/g, '/').endsWith(CONSOLE_SHELL));
      if (!entry) return this.error(`qinlian-console-shell-modules: ${CONSOLE_SHELL} is not in the build`);
      const stack = [entry];
      while (stack.length) {
        const id = stack.pop()!;
        if (shell.has(id)) continue;
        shell.add(id);
        stack.push(...importsOf(id));
      }
    },
  };
  return { plugin, has: (id) => shell.has(id) };
}
const consoleShell = consoleShellModules();

/**
 * Heavy libraries get their own long-lived chunks; each page is a lazy route chunk. antd is cut in two:
 * what the console shell and its sign-in page use (antd-shell) and what the pages add (antd, loaded
 * with the first page after sign-in) — one antd chunk made the sign-in page pull 1.1 MB on a phone.
 */
const vendorGroups: Array<{ name: string; test: RegExp | ((id: string) => boolean); priority: number }> = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 30 },
  // dates for the i18n set-up in the first chunk; ahead of antd, which would take it in as its dependency and so
  // make every page — the public ones too — load antd.
  { name: 'dayjs', test: /node_modules[\\/]dayjs[\\/]/, priority: 28 },
  { name: 'antd-shell', test: (id) => ANTD.test(id) && consoleShell.has(id), priority: 27 },
  { name: 'antd-icons', test: ANTD_ICONS, priority: 25 },
  { name: 'antd', test: ANTD, priority: 20 },
  // charts only on the plan overview, loaded with its first chart — never on first paint. Below react and antd,
  // which a group pulls in with its dependencies otherwise.
  { name: 'echarts', test: /node_modules[\\/](echarts|zrender|echarts-for-react|size-sensor|fast-deep-equal|tslib)[\\/]/, priority: 15 },
  // the contracts' schemas, for the pages that validate or read enums; not for the first paint
  { name: 'zod', test: /node_modules[\\/]zod[\\/]/, priority: 12 },
  { name: 'vendor', test: /node_modules[\\/]/, priority: 10 },
];

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|xml|webmanifest)$/;

/**
 * Writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip, level 9) beside every text file of the
 * build, once, so that the server sends them as they are (@fastify/static preCompressed) instead of
 * compressing on each request. Files under 1 KB, and copies that would not be smaller, are left out.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'qinlian-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle(error) {
      if (error) return;
      const files = (await fs.readdir(outDir, { recursive: true })).filter((f) => COMPRESSIBLE.test(f));
      await Promise.all(
        files.map(async (file) => {
          const full = path.join(outDir, file);
          const raw = await fs.readFile(full);
          if (raw.length < 1024) return;
          const [br, gz] = await Promise.all([
            brotli(raw, {
              params: {
                [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
                [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
                [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
              },
            }),
            gzip(raw, { level: 9 }),
          ]);
          if (br.length < raw.length) await fs.writeFile(`${full}.br`, br);
          if (gz.length < raw.length) await fs.writeFile(`${full}.gz`, gz);
        }),
      );
    },
  };
}

/** The console's chunk and the chunks it imports that the first chunk (every page, public ones too) does not. */
function consoleFiles(bundle: Rolldown.OutputBundle) {
  const chunks = Object.values(bundle).filter((c): c is Rolldown.OutputChunk => c.type === 'chunk');
  const chunk = chunks.find((c) => c.facadeModuleId?.replace(/\\/g, '/').endsWith(CONSOLE_SHELL));
  const entry = chunks.find((c) => c.isEntry);
  if (!chunk || !entry) throw new Error(`qinlian-console: no chunk for ${CONSOLE_SHELL}`);
  /** a chunk's file and the files of everything it imports statically */
  const closure = (fileName: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(fileName)) return seen;
    seen.add(fileName);
    for (const next of chunks.find((c) => c.fileName === fileName)?.imports ?? []) closure(next, seen);
    return seen;
  };
  const first = closure(entry.fileName);
  const antd = [...first].filter((f) => /\/antd[-.]/.test(f));
  if (antd.length) throw new Error(`qinlian-console: every page, the public ones too, would load ${antd.join(', ')}`);
  return { chunk: chunk.fileName, imports: [...closure(chunk.fileName)].filter((f) => f !== chunk.fileName && !first.has(f)) };
}

/**
 * index.html, the page of every address, names the console's chunk (<meta name="qinlian-console">) and
 * the chunks it imports (<meta name="qinlian-console-imports">, space-separated): on a console address
 * main.tsx preloads those side by side and loads the chunk as a script, so the page's load event waits
 * for the console (antd); a public address never fetches any of them.
 *
 * console.html is the same page with those files as <link rel="modulepreload">, for the server to answer
 * console addresses with (server/src/platform/http/web-console.ts): the browser asks for the console
 * together with the first chunk, instead of after that has arrived and run — on a slow phone link the
 * line is never idle while the sign-in page loads.
 */
function consoleShellPages(): Plugin {
  let base = '/';
  return {
    name: 'qinlian-console-shell-pages',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const { chunk, imports } = consoleFiles(ctx.bundle ?? {});
        return [
          { tag: 'meta', attrs: { name: 'qinlian-console', content: base + chunk }, injectTo: 'head' },
          { tag: 'meta', attrs: { name: 'qinlian-console-imports', content: imports.map((f) => base + f).join(' ') }, injectTo: 'head' },
        ];
      },
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const index = bundle['index.html'];
        if (index?.type !== 'asset') return this.error('qinlian-console-shell-pages: no index.html in the build');
        const { chunk, imports } = consoleFiles(bundle);
        const links = [chunk, ...imports].map((f) => `    <link rel="modulepreload" crossorigin href="${base + f}">\n`).join('');
        const html = String(index.source).replace(/\n\s*<\/head>/, `\n${links}  </head>`);
        this.emitFile({ type: 'asset', fileName: 'console.html', source: html });
      },
    },
  };
}

/** Where the dev server sends /api (the Qinlian server; `npm start` serves on 8080). */
const apiTarget = process.env.QINLIAN_API_URL ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react(), consoleShell.plugin, consoleShellPages(), precompress()],
  server: {
    port: 5173,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  preview: { proxy: { '/api': { target: apiTarget } } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: { codeSplitting: { groups: vendorGroups } },
    },
  },
});
