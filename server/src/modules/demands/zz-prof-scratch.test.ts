import { it } from 'vitest';
import fs from 'node:fs';
import { openDatabase } from '../../platform/db/database.ts';
import { demandWordsRepo } from './demand-words.repo.ts';
import { demandsRepo } from './demands.repo.ts';
import { keyWordsOf } from './demand-words.ts';
import { lookupWords, similarDemands } from './demand-similarity.ts';

it('profile', async () => {
  const d = openDatabase({ database: { engine: 'sqlite', file: '/tmp/x/bench.db' } } as never);
  const texts = JSON.parse(fs.readFileSync('/tmp/x/texts.json', 'utf8')) as string[];
  const acc = { seg: 0, counts: 0, sharing: 0, rows: 0, words: 0, total: 0 };
  const times: number[] = [];
  let probesN = 0, postingsN = 0;
  for (const text of texts.slice(0, 200)) {
    let s = performance.now();
    const words = keyWordsOf(text); acc.seg += performance.now() - s; s = performance.now();
    const counts = await demandWordsRepo.postingCounts(d.db, words, 5000); acc.counts += performance.now() - s; s = performance.now();
    const probes = lookupWords(words, counts); probesN += probes.length; postingsN += probes.reduce((n, w) => n + counts.get(w)!, 0);
    const ids = (await demandWordsRepo.sharing(d.db, probes, null, 50)).map((x) => x.demandId); acc.sharing += performance.now() - s; s = performance.now();
    await demandsRepo.byIds(d.db, ids); acc.rows += performance.now() - s; s = performance.now();
    await demandWordsRepo.wordsOf(d.db, ids); acc.words += performance.now() - s; s = performance.now();
    await similarDemands(d.db, text, {}); const e = performance.now() - s; acc.total += e; times.push(e);
  }
  times.sort((a, b) => a - b);
  console.log(Object.fromEntries(Object.entries(acc).map(([k, v]) => [k, (v / 200).toFixed(2)])), 'probes', probesN / 200, 'postings', postingsN / 200);
  console.log('p50', times[100]!.toFixed(1), 'p99', times[198]!.toFixed(1));
  await d.close();
}, 600_000);
