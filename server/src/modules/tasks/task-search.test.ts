import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '@qinlian/contracts';
import { ENGINES, type Session, type TestApp, startTestApp } from '../../../test/harness.ts';
import { buildDepartment, buildMeasure, buildPost, buildSignedInUser, buildTask } from '../../../test/factories.ts';
import { systemCtx } from '../../bootstrap.ts';
import { searchChars } from '../../platform/search/bigrams.ts';
import * as migration from '../../platform/db/migrations/20261125T1620_task_search.ts';
import { listTasks } from './tasks.service.ts';

const VERBS = ['推进', '落实', '整改', '开展', '督查'];
const OBJECTS = ['首问负责制度', '营商环境优化', '问题线索台账', '整改销号台账', '窗口作风建设', '营商环境投诉处理', '“最多跑一次”改革'];

describe.each(ENGINES)('task search (任务检索) on %s', (engine) => {
  let t: TestApp;
  let office: Session;
  let measureId: string;
  let tasks: { id: string; code: string; title: string }[];

  beforeAll(async () => {
    t = await startTestApp(engine);
    office = (await buildSignedInUser(t, { permissions: ['tasks.read', 'plan.manage'] })).session;
    const measure = await buildMeasure(t);
    measureId = measure.id;
    const lead = await buildDepartment(t);
    const post = await buildPost(t, { departmentId: lead.id });
    tasks = [];
    for (const [i, verb] of VERBS.entries()) {
      for (const [j, object] of OBJECTS.entries()) {
        if ((i + j) % 2) continue;
        tasks.push(await buildTask(t, { measureId, leadDepartmentId: lead.id, responsiblePostId: post.id, title: `${verb}${object}` }));
      }
    }
  });
  afterAll(async () => {
    await t.close();
  });

  const search = (q: string, extra = '', lang = 'zh-CN') =>
    office.request({
      method: 'GET',
      url: `/api/tasks?measureId=${measureId}&pageSize=200&q=${encodeURIComponent(q)}${extra}`,
      headers: { 'accept-language': lang },
    });
  const found = async (q: string) => {
    const res = await search(q);
    expect(res.statusCode, `${q}: ${res.body}`).toBe(200);
    const body = res.json() as { items: Task[]; total: number; totalCapped: boolean };
    expect(body.total).toBe(body.items.length);
    return body.items.map((x) => x.id).sort();
  };
  /** What a scan finds: the old `lower(title|code) LIKE '%q%'`, run on the same rows. */
  const like = async (q: string) => {
    const pattern = `%${q.toLowerCase()}%`;
    const rows = await t.db.db
      .selectFrom('tasks')
      .select('id')
      .where('measureId', '=', measureId)
      .where(sql<boolean>`lower(title) LIKE ${pattern} OR lower(code) LIKE ${pattern}`)
      .execute();
    return rows.map((r) => r.id).sort();
  };
  /** Search ignores punctuation and spaces on both sides: the literal meaning of a query, as search reads it. */
  const containing = (q: string) => {
    const needle = searchChars(q).join('');
    return tasks
      .filter((x) => searchChars(x.title).join('').includes(needle) || searchChars(x.code).join('').includes(needle))
      .map((x) => x.id)
      .sort();
  };

  it('finds exactly the tasks whose title contains a 2-, 3- or 4-character query', async () => {
    for (const q of ['台账', '督查', '整改', '营商', '首问负', '环境优', '营商环境', '首问负责', '销号台账', '最多跑一次']) {
      const expected = await like(q);
      expect(expected.length, q).toBeGreaterThan(0);
      expect(await found(q), q).toEqual(expected);
    }
    for (const q of ['台环', '环境台账', '营商首问']) expect(await found(q), q).toEqual([]);
  });

  it('finds a task by its code, whole or in part, in any case, with or without its hyphen', async () => {
    const task = tasks[3]!;
    expect(await found(task.code)).toEqual([task.id]);
    expect(await found(task.code.toLowerCase())).toEqual([task.id]);
    expect(await found(task.code.replace('-', ''))).toEqual([task.id]);
    const suffix = task.code.slice(task.code.lastIndexOf('-'));
    expect(await found(suffix)).toEqual(containing(suffix));
  });

  it('follows a task whose title is edited, in the same request', async () => {
    const task = tasks.find((x) => x.title.includes('窗口作风'))!;
    const before = await office.request({ method: 'GET', url: `/api/tasks/${task.id}` });
    const res = await office.request({
      method: 'PATCH',
      url: `/api/tasks/${task.id}`,
      payload: { title: '规范公务接待管理', version: before.json().version },
    });
    expect(res.statusCode, res.body).toBe(200);
    task.title = '规范公务接待管理';
    expect(await found('公务接待')).toEqual([task.id]);
    expect(await found('窗口作风')).not.toContain(task.id);
    expect(await found('窗口作风')).toEqual(await like('窗口作风'));
  });

  it('reads hostile input literally: never a wildcard, an operator or SQL, never a 500', async () => {
    const hostile = [
      '台账%',
      '%台账',
      '台_账',
      "台账'",
      '"台账"',
      '台账"',
      'NEAR(台账 整改)',
      '台账*',
      '台账 OR 督查',
      '台账 AND 督查',
      '-台账',
      '(台账)',
      '台账 NOT 督查',
      "'; DROP TABLE tasks; --",
      '" OR 1=1 --',
      "' OR '1'='1",
      '\\台账\\',
      '台账:*',
      '台账 <-> 督查',
      '台账 & 督查 | 整改',
      'title:台账',
      '^台账',
      '台账'.repeat(50),
      '%%',
      '__',
    ];
    for (const q of hostile) {
      const res = await search(q);
      expect(res.statusCode, `${q}: ${res.body}`).toBeLessThan(500);
      if (res.statusCode === 200) expect((res.json().items as Task[]).map((x) => x.id).sort(), q).toEqual(containing(q));
      else expect(res.json().error.code, q).toBe('search_too_short');
    }
    expect(await found('台账 OR 督查')).toEqual([]);
    expect(await found('台账*')).toEqual(await like('台账'));
    expect((await search('x'.repeat(101))).statusCode).toBe(400);
    expect(await like('台账')).not.toEqual([]); // the table is still there
  });

  it("asks for a second character rather than scanning, in the caller's language", async () => {
    for (const q of ['台', ' 账 ', 'a', '%', '“台”', '-_-']) {
      const res = await search(q);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'search_too_short', fields: [{ path: 'querystring.q' }] });
      expect(res.json().error.message).toContain('请至少输入 2 个字');
    }
    expect((await search('台', '', 'en-US')).json().error.message).toContain('at least 2 characters');
    expect((await office.request({ method: 'GET', url: `/api/tasks/export.xlsx?q=${encodeURIComponent('台')}` })).statusCode).toBe(400);
  });

  it('counts and sorts only the first matches when there are more than the cap', async () => {
    const ctx = systemCtx(t.db, t.clock);
    const query = { view: 'all' as const, measureId, q: '台账', sort: 'code' as const, page: 1, pageSize: 2 };
    const all = await listTasks(ctx, { ...query, pageSize: 200 });
    expect(all.totalCapped).toBe(false);
    expect(all.total).toBeGreaterThan(3);
    const capped = await listTasks(ctx, query, 3);
    expect(capped).toMatchObject({ total: 3, totalCapped: true });
    const codes = capped.items.map((v) => v.row.code);
    expect(codes).toEqual([...codes].sort());
    const exact = await listTasks(ctx, { ...query, q: '首问负责' }, (await like('首问负责')).length);
    expect(exact.totalCapped).toBe(false);
    const res = await search('台账');
    expect(res.json()).toMatchObject({ total: all.total, totalCapped: false });
  });

  it('back-fills the tasks that existed before the migration', async () => {
    await migration.down(t.db.db);
    await migration.up(t.db.db);
    expect(await found('营商环境')).toEqual(await like('营商环境'));
    expect(await found(tasks[0]!.code)).toEqual([tasks[0]!.id]);
  });
});
