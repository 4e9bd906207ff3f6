import { defineConfig } from 'vite';
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

/** Where the dev server sends /api (the Qinlian server; `npm start` serves on 8080). */
const apiTarget = process.env.QINLIAN_API_URL ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react()],
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
