import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BENCH_DIR } from '../lib/dataset.ts';
import type { Scenario } from '../scenario.ts';

/** Every bench/scenarios/<name>.ts (files starting with _ are helpers), in the order of ORDER then by name. */
const ORDER = [
  'sign-in',
  'people-subtree',
  'tasks-by-colour',
  'programme-rollup',
  'tag-board',
  'progress-report',
  'tasks-by-colour-while-reporting',
  'task-search',
  'whereabouts-board',
  'door-board',
];

export async function loadScenarios(): Promise<Scenario[]> {
  const dir = path.join(BENCH_DIR, 'scenarios');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('_'));
  const out: Scenario[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(path.join(dir, f)).href)) as { scenario?: Scenario };
    if (!mod.scenario) throw new Error(`bench/scenarios/${f} exports no \`scenario\``);
    out.push(mod.scenario);
  }
  const rank = (s: Scenario) => {
    const i = ORDER.indexOf(s.name);
    return i < 0 ? ORDER.length : i;
  };
  return out.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}
