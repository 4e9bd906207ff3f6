import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/** Heavy libraries get their own long-lived chunks; each page is a lazy route chunk. */
const vendorGroups: Array<{ name: string; test: RegExp; priority: number }> = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 30 },
  { name: 'antd-icons', test: /node_modules[\\/]@ant-design[\\/](icons|icons-svg)[\\/]/, priority: 25 },
  // dates for the i18n set-up in the first chunk; ahead of antd, which would take it in as its dependency and so
  // make every page — the public ones too — load antd.
  { name: 'dayjs', test: /node_modules[\\/]dayjs[\\/]/, priority: 22 },
  { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[\w-]+|@emotion|stylis)[\\/]/, priority: 20 },
  // charts only on the plan overview, loaded with its first chart — never on first paint. Below react and antd,
  // which a group pulls in with its dependencies otherwise.
  { name: 'echarts', test: /node_modules[\\/](echarts|zrender|echarts-for-react|size-sensor|fast-deep-equal|tslib)[\\/]/, priority: 15 },
  // the contracts' schemas, for the pages that validate or read enums; not for the first paint
  { name: 'zod', test: /node_modules[\\/]zod[\\/]/, priority: 12 },
  { name: 'vendor', test: /node_modules[\\/]/, priority: 10 },
];

/**
 * Names the console's chunk in index.html (<meta name="qinlian-console">). On a console address
 * main.tsx loads it as a script, so the page's load event waits for the console (antd) as it did
 * when the console was part of the first chunk; a public address never fetches it.
 */
function consoleChunkMeta(): Plugin {
  let base = '/';
  return {
    name: 'qinlian-console-chunk-meta',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find(
          (c) => c.type === 'chunk' && c.facadeModuleId?.replace(/\\/g, '/').endsWith('/src/app/ConsoleApp.tsx'),
        );
        if (!chunk) throw new Error('qinlian-console-chunk-meta: no chunk for src/app/ConsoleApp.tsx');
        return [{ tag: 'meta', attrs: { name: 'qinlian-console', content: base + chunk.fileName }, injectTo: 'head' }];
      },
    },
  };
}

/** Where the dev server sends /api (the Qinlian server; `npm start` serves on 8080). */
const apiTarget = process.env.QINLIAN_API_URL ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react(), consoleChunkMeta()],
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
