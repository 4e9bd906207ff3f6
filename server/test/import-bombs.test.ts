import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, startTestApp, type TestApp } from './harness.ts';
import { buildPlan } from './factories.ts';
import { multipartFile } from './multipart.ts';
import { headerRow, manyRows, manyStrings, workbookOf } from './xlsx-bombs.ts';
import { PEOPLE_COLUMNS } from '../src/modules/org/people.export.ts';
import { PLAN_COLUMNS } from '../src/modules/tasks/tasks.xlsx.ts';

/**
 * Spreadsheet bombs posted to both imports over HTTP while /api/health is asked every 20 ms: each
 * is refused with its own 4xx, the event loop never stalls, and the process's memory stays within
 * MAX_RSS_GROWTH (docs/security.md, "XLSX imports").
 *
 * "Never stalls" is measured twice per health answer. The server's thread (this process's main
 * thread: the app runs in it) must have worked less than HEALTH_WITHIN_MS while the answer waited —
 * a parse on the event loop, as before the worker, spends seconds there. And the answer must come
 * within HEALTH_WALL_MS by the clock: on a quiet machine every one comes within HEALTH_WITHIN_MS, but
 * a test machine shared with other work can leave an idle thread unscheduled for several hundred ms.
 */
const HEALTH_EVERY_MS = 20;
const HEALTH_WITHIN_MS = 100;
const HEALTH_WALL_MS = 2000;
const MAX_RSS_GROWTH = 300 * 1024 * 1024;
const GB = 1024 ** 3;
const MB = 1024 ** 2;
const NAME = { text: '<si><t>张三</t></si>' };

/** A bomb that takes seconds to build is built once per set of headers, for both engines. */
const built = new Map<string, Buffer>();
const once = (key: string, build: () => Buffer) => built.get(key) ?? built.set(key, build()).get(key)!;

type Bomb = { name: string; status: number; code: string; bytes: (headers: string[]) => Buffer };
const BOMBS: Bomb[] = [
  {
    name: 'a million rows (45 MB of sheet, 3 MB of file)',
    status: 400,
    code: 'import_too_many_rows',
    bytes: (h) => once(`rows ${h.join()}`, () => workbookOf({ sheet: [{ text: headerRow(h) }, ...manyRows(1_000_000)], strings: [NAME] })),
  },
  {
    name: 'shared strings that unpack to 3 GB (zip bomb)',
    status: 413,
    code: 'import_too_large',
    bytes: (h) => workbookOf({ sheet: [{ text: headerRow(h) }], strings: [manyStrings(3 * GB)] }),
  },
  {
    name: 'shared strings of 60 MB, within the unpacked limit but past their own',
    status: 413,
    code: 'import_strings_too_large',
    bytes: (h) => workbookOf({ sheet: [{ text: headerRow(h) }], strings: [manyStrings(60 * MB)] }),
  },
  {
    name: 'a directory that declares 1 KB of a 3 GB part',
    status: 400,
    code: 'invalid_file',
    bytes: (h) => workbookOf({ sheet: [{ text: headerRow(h) }], strings: [manyStrings(3 * GB)], declared: { strings: 1024 } }),
  },
  {
    name: '200 sheets',
    status: 400,
    code: 'import_too_many_sheets',
    bytes: (h) => workbookOf({ sheet: [{ text: headerRow(h) }], sheets: 200 }),
  },
  { name: 'an upload of 11 MB', status: 413, code: 'file_too_large', bytes: () => crypto.randomBytes(11 * MB) },
];

type Answer = { status: number; body: { error?: { code: string; message: string } } };

/**
 * Run `work` while asking /api/health over HTTP every 20 ms. Per answer: how long it took, and how
 * much of that the server's own thread (this process's main thread) spent working — the second tells
 * a stalled event loop from a machine too busy to schedule us.
 */
async function whileHealthPolled(base: string, work: () => Promise<Answer>) {
  const waits: { ms: number; cpuMs: number }[] = [];
  let peakRss = process.memoryUsage().rss;
  let done = false;
  const poll = (async () => {
    while (!done) {
      const asked = performance.now();
      const cpu = process.threadCpuUsage();
      const res = await fetch(`${base}/api/health`);
      const used = process.threadCpuUsage(cpu);
      waits.push({ ms: performance.now() - asked, cpuMs: (used.user + used.system) / 1000 });
      expect(res.status).toBe(200);
      await res.arrayBuffer();
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      await new Promise((r) => setTimeout(r, HEALTH_EVERY_MS));
    }
  })();
  try {
    return { answer: await work(), waits, peakRss: () => peakRss };
  } finally {
    done = true;
    await poll;
  }
}

describe.each(ENGINES)('spreadsheet bombs on %s', (engine) => {
  let t: TestApp;
  let planId: string;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp(engine);
    planId = (await buildPlan(t)).id;
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    for (let i = 0; i < 5; i += 1) await (await fetch(`${base}/api/health`)).arrayBuffer(); // warm
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = async (url: string, data: Buffer, headers: Record<string, string> = {}): Promise<Answer> => {
    const form = multipartFile({ filename: 'bomb.xlsx', contentType: 'application/octet-stream', data });
    const res = await fetch(`${base}${url}`, {
      method: 'POST',
      body: form.payload,
      headers: { ...form.headers, cookie: t.admin.cookie, 'x-csrf-token': t.admin.csrfToken, ...headers },
    });
    return { status: res.status, body: (await res.json()) as Answer['body'] };
  };
  const targets = [
    { name: 'people', url: () => '/api/people/import?dryRun=true', headers: Object.values(PEOPLE_COLUMNS) },
    { name: 'plan', url: () => `/api/plans/${planId}/import?dryRun=true`, headers: Object.values(PLAN_COLUMNS) },
  ];
  for (const target of targets) {
    it.each(BOMBS)(`refuses $name at the ${target.name} import, health answering throughout`, async (bomb) => {
      const data = bomb.bytes(target.headers);
      const before = process.memoryUsage().rss; // the bomb is built: what follows is the server's doing
      const { answer, waits, peakRss } = await whileHealthPolled(base, () => post(target.url(), data));
      expect({ status: answer.status, code: answer.body.error?.code }).toEqual({ status: bomb.status, code: bomb.code });
      expect(answer.body.error!.message).toMatch(/[\u4e00-\u9fff]/); // zh-CN unless asked otherwise
      const seen = JSON.stringify(waits.map((w) => `${Math.round(w.ms)} ms (${Math.round(w.cpuMs)} ms working)`));
      expect(waits.length).toBeGreaterThan(0);
      expect(Math.max(...waits.map((w) => w.cpuMs)), seen).toBeLessThan(HEALTH_WITHIN_MS);
      expect(Math.max(...waits.map((w) => w.ms)), seen).toBeLessThan(HEALTH_WALL_MS);
      expect(peakRss() - before).toBeLessThan(MAX_RSS_GROWTH);
    });
  }

  it('answers in English when asked, and keeps serving after all of them', async () => {
    const answer = await post('/api/people/import', BOMBS[0]!.bytes(Object.values(PEOPLE_COLUMNS)), { 'accept-language': 'en-US' });
    expect(answer.body.error).toMatchObject({ code: 'import_too_many_rows', message: expect.stringContaining('at least 5001') });
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
  });
});
