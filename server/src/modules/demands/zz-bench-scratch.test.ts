import { it } from 'vitest';
import fs from 'node:fs';
import { startTestApp } from '../../../test/harness.ts';
import { similarDemands } from './demand-similarity.ts';

it('similar lookup at scale', async () => {
  const t = await startTestApp('sqlite');
  const sqlite = t.db.sqlite!;
  const dict = fs.readFileSync('/work/main/node_modules/@node-rs/jieba/dict.txt', 'utf8').split('\n')
    .map((l) => l.split(' ')).filter((p) => p[0] && p[0].length >= 2 && /^\p{Script=Han}+$/u.test(p[0]))
    .sort((a, b) => Number(b[1]) - Number(a[1])).slice(200, 30200).map((p) => p[0]!);
  let seed = 42; const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const zipf = () => dict[Math.min(dict.length - 1, Math.floor(Math.pow(rnd(), 2.2) * dict.length))]!;
  const N = Number(process.env.N ?? 200000);
  const insD = sqlite.prepare(`insert into demands (id, code, kind, channel, title, body, status, urgent, sent_back_count, reopened_count, created_at, updated_at, version) values (?, ?, 'demand', 'web', ?, ?, 'received', 0, 0, 0, '2026-01-01', '2026-01-01', 1)`);
  const insW = sqlite.prepare('insert or ignore into demand_words (demand_id, word) values (?, ?)');
  const texts: string[] = [];
  const t0 = Date.now();
  sqlite.exec('begin');
  for (let i = 0; i < N; i++) {
    const id = `d${String(i).padStart(8, '0')}`;
    const words = Array.from({ length: 15 + Math.floor(rnd() * 20) }, zipf);
    const text = words.join('，');
    if (i % 1000 === 0) texts.push(text);
    insD.run(id, `C${i}`, words.slice(0, 3).join(''), text);
    for (const w of new Set(words)) insW.run(id, w);
    if (i % 50000 === 49999) { sqlite.exec('commit'); sqlite.exec('begin'); }
  }
  sqlite.exec('commit');
  sqlite.exec('analyze');
  console.log('built', N, 'in', Date.now() - t0, 'ms');
  const times: number[] = [];
  let found = 0;
  for (const text of texts) {
    const s = performance.now();
    const r = await similarDemands(t.db.db, text, {});
    times.push(performance.now() - s);
    if (r.length) found++;
  }
  times.sort((a, b) => a - b);
  console.log('lookups', times.length, 'found', found, 'p50', times[times.length >> 1]!.toFixed(1), 'p99', times[Math.floor(times.length * 0.99)]!.toFixed(1), 'max', times.at(-1)!.toFixed(1));
  await t.close();
}, 600_000);
