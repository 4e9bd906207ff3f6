import type { Executor } from '../../platform/db/database.ts';
import { epochCache } from '../../platform/db/epoch-cache.ts';
import { departmentsBasics } from '../org/index.ts';
import { routingRulesEpoch, routingRulesRepo, type RoutingRuleRow } from './demand-routing-rules.repo.ts';
import { wordsOf } from './demand-words.ts';

/** The routing suggestion for a submission's text: a category and a department, or nothing yet. */
export type RoutingSuggestion = { category: string | null; departmentId: string | null; matched: string[] };

export type RoutingRule = Pick<RoutingRuleRow, 'keyword' | 'category' | 'departmentId' | 'weight'>;

type Tally = Map<string, number>;
const add = (t: Tally, key: string, weight: number) => t.set(key, (t.get(key) ?? 0) + weight);

/** The key with the highest total; a tie goes to a preferred key, then to the first in code-point order (stable across runs). */
function best(t: Tally, preferred: (key: string) => boolean = () => false): string | null {
  const beats = (a: string, b: string) => t.get(a)! - t.get(b)! || Number(preferred(a)) - Number(preferred(b)) || (a < b ? 1 : -1);
  let top: string | null = null;
  for (const key of t.keys()) if (top === null || beats(key, top) > 0) top = key;
  return top;
}

/**
 * 分类建议: a rule matches when its keyword is one of the text's words, or (two characters or more)
 * appears in the text — so 路灯 matches 路灯杆 and a rule for 噪音扰民 matches though jieba cuts it
 * in two. The weights of the matched rules add up per category and per department; the best of
 * each is suggested (a tied department goes to one the chosen category's rules name). Nothing
 * matched: no suggestion.
 */
export function scoreRouting(rules: readonly RoutingRule[], text: string, textWords = wordsOf(text)): RoutingSuggestion {
  const words = new Set(textWords);
  const plain = text.normalize('NFKC').toLowerCase();
  const categories: Tally = new Map();
  const departments: Tally = new Map();
  const hits: RoutingRule[] = [];
  for (const r of rules) {
    if (!words.has(r.keyword) && !([...r.keyword].length >= 2 && plain.includes(r.keyword))) continue;
    hits.push(r);
    add(categories, r.category, r.weight);
    if (r.departmentId) add(departments, r.departmentId, r.weight);
  }
  const category = best(categories);
  const ofCategory = new Set(hits.filter((r) => r.category === category).map((r) => r.departmentId));
  const matched = [...new Set(hits.sort((a, b) => b.weight - a.weight || (a.keyword < b.keyword ? -1 : 1)).map((r) => r.keyword))];
  return { category, departmentId: best(departments, (d) => ofCategory.has(d)), matched };
}

/**
 * Intake suggests a route for every submission, and the rules change a few times a month: they are
 * kept in process, rebuilt at once after a write through this process, and re-read at least every
 * 30 seconds for writes made through another app instance (or a department archived meanwhile).
 */
const RULES_TTL_MS = 30_000;
const cachedRules = epochCache<'rules', readonly RoutingRule[]>(routingRulesEpoch, RULES_TTL_MS);

// Transactions share their root handle's dialect adapter: it names "this database", so intake's
// transactions all find the one cached copy.
const handleOf = (db: Executor): object => db.getExecutor().adapter;

/** The rules as intake applies them: a rule's department left out once that department is archived. */
async function readRules(db: Executor): Promise<readonly RoutingRule[]> {
  const rows = await routingRulesRepo.all(db);
  const departments = await departmentsBasics(
    db,
    rows.map((r) => r.departmentId),
  );
  const live = (id: string | null) => (id && departments.get(id)?.archived === false ? id : null);
  return Object.freeze(
    rows.map((r) => Object.freeze({ keyword: r.keyword, category: r.category, departmentId: live(r.departmentId), weight: r.weight })),
  );
}

export const routingRules = (db: Executor) => cachedRules(handleOf(db), 'rules', () => readRules(db));

/** The suggested category and department for a submission's text, by the office's keyword rules. */
export async function suggestRouting(db: Executor, text: string, words?: string[]): Promise<RoutingSuggestion> {
  return scoreRouting(await routingRules(db), text, words);
}
