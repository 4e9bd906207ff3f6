import crypto from 'node:crypto';
import type SqliteDatabase from 'better-sqlite3';
import type pg from 'pg';
import { defineScenario, type ClientState } from '../scenario.ts';
import { PLACE_FIRST, PLACE_SECOND, VILLAGE_SUFFIX } from '../lib/vocab.ts';

/**
 * 扫码提交 (a write, issue #14): citizens file demands from the QR poster's form, no account. The app
 * validates, segments the text (jieba) for the routing suggestion and the similar-item index (up to
 * 64 word rows), writes the item, its "received" event and its audit record — one durable
 * transaction shared with the submissions that arrive at the same moment (group commit). Every
 * request is a different phone (its own device id) behind one of 60,000 addresses, so the public
 * rate limits, which are per device and per address, let a crowd through as they would in life.
 * The baseline writes the same rows (item, event, as many word rows, chained audit row) with the
 * driver, one transaction per request, as durable (synchronous = FULL).
 */
const PROBLEMS = [
  '路灯不亮，晚上出行很不方便，希望尽快维修',
  '小区门口道路坑洼积水，雨天老人孩子出行困难',
  '菜市场周边占道经营严重，早高峰交通拥堵',
  '学校附近缺少斑马线和红绿灯，接送孩子很危险',
  '楼道里的电动车充电线乱拉，存在火灾隐患',
  '公交站台没有遮雨棚，下雨天候车淋雨',
  '垃圾中转站异味大，夏天蚊蝇多，请加强清运',
  '社区卫生服务站看病排队时间长，建议增加医生',
  '老旧小区没有电梯，老年人上下楼困难，希望加装',
  '夜间工地施工噪音扰民，影响休息',
  '自来水水压低，高层住户经常停水',
  '公园健身器材损坏多时无人修理',
  '停车位严重不足，车辆乱停乱放堵塞消防通道',
  '雨污管网堵塞，路面污水外溢',
  '希望在社区增设托育点和老年食堂',
];
const ADDRESSES = 60_000;
const addressOf = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255 || 1}`;
let sent = 0;

function submission(s: ClientState) {
  const n = ++sent;
  const place = `${PLACE_FIRST[n % PLACE_FIRST.length]}${PLACE_SECOND[(n >> 3) % PLACE_SECOND.length]}${VILLAGE_SUFFIX[n % VILLAGE_SUFFIX.length]}`;
  const problem = PROBLEMS[(n * 7 + s.client) % PROBLEMS.length]!;
  return {
    n,
    body: {
      kind: 'demand',
      title: `${place}${problem.slice(0, 8)}`,
      body: `我是${place}的居民，${problem}。已经反映过几次，麻烦相关部门关注处理，谢谢！`,
      phone: `139${String(10_000_000 + (n % 89_999_999)).padStart(8, '0')}`,
    },
  };
}

export const scenario = defineScenario({
  name: 'public-submission',
  title: '扫码提交诉求（写）public submission',
  measures: 'POST /api/public/demands: validation, jieba routing and word index, item, event and audit record; group commit',
  role: null,
  writes: true,
  needsRoutes: ['POST /api/public/demands'],
  target: { p99Ms: 100, source: 'issue #14: at least 2,000 accepted submissions a second with p99 under 100 ms on SQLite' },
  async plan() {
    return {
      app: {
        request(s) {
          const { n, body } = submission(s);
          return {
            method: 'POST',
            path: '/api/public/demands',
            body,
            headers: { 'x-forwarded-for': addressOf(n % ADDRESSES), 'x-device-id': `bench-phone-${String(n).padStart(10, '0')}` },
          };
        },
      },
      baseline: { request: (s) => ({ method: 'POST', query: {}, body: submission(s).body }) },
    };
  },
  baseline: {
    method: 'POST',
    sqlite: (db, { body }) => sqliteSubmit(db)(body),
    postgres: (pool, { body }) => pgSubmit(pool, body),
  },
});

// ---- the baseline's writes, straight SQL ----

type Body = { kind: string; title: string; body: string; phone: string };
const ALGORITHM = crypto.getHashes().includes('sm3') ? 'sm3' : 'sha256';
const chained = (f: (string | number | null)[]) => crypto.createHash(ALGORITHM).update(JSON.stringify(f), 'utf8').digest('hex');

/** as many word rows as the app writes for such a text: its distinct character pairs, at most 64 */
const pairsOf = (text: string) => {
  const pairs = new Set<string>();
  for (let i = 0; i + 2 <= text.length && pairs.size < 64; i++) pairs.add(text.slice(i, i + 2));
  return [...pairs];
};

type Step = [string, unknown[]];
function submitSteps(b: Body, head: () => { seq: number; hash: string }): Step[] {
  const id = crypto.randomUUID();
  const now = new Date().toISOString();
  const code = crypto.randomBytes(8).toString('hex').toUpperCase();
  const steps: Step[] = [
    [
      'INSERT INTO demands (id, code, kind, channel, title, body, phone_sealed, urgent, status, sent_back_count, reopened_count, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, 0, 0, ?, ?, 1)',
      [id, code, b.kind, 'web', b.title, b.body, crypto.createHash('sha256').update(b.phone).digest('hex'), 'received', now, now],
    ],
    ['INSERT INTO demand_events (id, demand_id, kind, at) VALUES (?, ?, ?, ?)', [crypto.randomUUID(), id, 'received', now]],
    ...pairsOf(`${b.title}${b.body}`).map((w): Step => ['INSERT INTO demand_words (demand_id, word) VALUES (?, ?)', [id, w]]),
  ];
  const h = head();
  const fields = [h.seq, now, null, '匿名', 'demand.receive', 'demand', id, null, JSON.stringify({ id, code }), '127.0.0.1', h.hash];
  const hash = chained(fields);
  steps.push([
    'INSERT INTO audit_events (seq, at, actor_id, actor_name, action, entity_type, entity_id, before_json, after_json, ip, prev_hash, hash, algorithm) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [...fields, hash, ALGORITHM],
  ]);
  steps.push(['UPDATE audit_head SET hash = ? WHERE id = 1', [hash]]);
  return steps;
}

const cache = new WeakMap<SqliteDatabase.Database, (b: Body) => unknown>();
function sqliteSubmit(db: SqliteDatabase.Database) {
  let fn = cache.get(db);
  if (!fn) {
    const headOf = () =>
      db.prepare('UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash').get() as { seq: number; hash: string };
    fn = db.transaction((b: Body) => {
      for (const [text, params] of submitSteps(b, headOf)) db.prepare(text).run(...params);
      return { ok: true };
    }) as (b: Body) => unknown;
    cache.set(db, fn);
  }
  return fn;
}

async function pgSubmit(pool: pg.Pool, b: Body) {
  const client = await pool.connect();
  const toPg = (text: string) => {
    let n = 0;
    return text.replace(/\?/g, () => `$${++n}`);
  };
  try {
    await client.query('BEGIN');
    const head = (await client.query('UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash')).rows[0];
    for (const [text, params] of submitSteps(b, () => ({ seq: Number(head.seq), hash: head.hash }))) await client.query(toPg(text), params);
    await client.query('COMMIT');
    return { ok: true };
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
}
