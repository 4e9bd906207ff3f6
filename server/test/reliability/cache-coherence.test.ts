import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { httpSignIn, startServer, type HttpSession, type ServerProcess } from './server-process.ts';
import { freshData, type Dirs } from './consistency.ts';

/**
 * Two app instances on one PostgreSQL (issue #15): a change made through one is seen through the
 * other within a second — an account's roles, a disabled account, a department's name, a task.
 * The reading instance has every cache warm with the old rows first (the actor and session caches
 * hold for 10 s, departments for 30 s), so only the cache bus (LISTEN/NOTIFY,
 * platform/db/cache-bus.ts) can make it see the change in time. A third instance with the bus
 * switched off (QINLIAN_CACHE_BUS=off), warmed the same way, must still show the old rows once the
 * second has seen the new ones: the check can fail.
 */
const SEEN_WITHIN_MS = 1_000;

/** Reads through `read` until `seen` holds; how long that took, or null if not within the limit. */
async function seenWithin(read: () => Promise<unknown>, seen: (v: any) => boolean, limitMs = SEEN_WITHIN_MS): Promise<number | null> {
  const start = Date.now();
  for (;;) {
    if (seen(await read())) return Date.now() - start;
    if (Date.now() - start > limitMs) return null;
    await new Promise((r) => setTimeout(r, 25));
  }
}

type World = { user: { id: string; username: string; password: string }; dept: any; task: any; roleId: string };

async function buildWorld(a: HttpSession): Promise<World> {
  const ok = (r: { status: number; json: any }, status = 201) => {
    expect(r.status, JSON.stringify(r.json)).toBe(status);
    return r.json;
  };
  const dept = ok(await a.request('POST', '/api/departments', { name: '缓存一致测试局', parentId: null, kind: 'department' }));
  const role = ok(
    await a.request('POST', '/api/roles', { code: 'coherence_probe', name: '一致性探针', permissions: ['org.read'], dataScope: 'all' }),
  );
  const person = ok(
    await a.request('POST', '/api/people', {
      name: '一致性测试员',
      departmentId: dept.id,
      account: { username: 'coherence.u', roleIds: [role.id] },
    }),
  );
  const plan = ok(
    await a.request('POST', '/api/plans', { name: '一致性计划', year: 2026, startDate: '2026-01-01', endDate: '2026-12-31' }),
  );
  const programme = ok(await a.request('POST', '/api/plan/programmes', { planId: plan.id, code: 'K1', name: '一致性工程' }));
  const measure = ok(await a.request('POST', '/api/plan/measures', { programmeId: programme.id, code: 'K1-1', name: '一致性举措' }));
  const task = ok(
    await a.request('POST', '/api/tasks', {
      measureId: measure.id,
      title: '一致性任务',
      leadDepartmentId: dept.id,
      startDate: '2026-03-02',
      dueDate: '2026-12-31',
    }),
  );
  return { user: { id: person.userId, username: 'coherence.u', password: person.initialPassword }, dept, task, roleId: role.id };
}

describe('caches across two instances on one PostgreSQL', () => {
  const servers: ServerProcess[] = [];
  const dirs: Dirs[] = [];
  afterAll(async () => {
    for (const s of servers) await s.stop().catch(() => {});
    for (const d of dirs) fs.rmSync(d.dataDir, { recursive: true, force: true });
  });

  it('sees a role, a disabled account, a department and a task changed on another instance within 1 s; without the bus it does not', async () => {
    const data = await freshData('postgres');
    dirs.push(data);
    const start = async (bus: 'on' | 'off') => {
      // one data directory: the instances share the audit key and the secret key, as a cluster must
      const s = await startServer({ ...data, extra: { QINLIAN_JOBS: 'off', QINLIAN_CACHE_BUS: bus } });
      servers.push(s);
      return s;
    };
    const [one, two, deaf] = [await start('on'), await start('on'), await start('off')];
    const a = await httpSignIn(one.base);
    const w = await buildWorld(a);
    const readers = async (base: string) => {
      const admin = await httpSignIn(base);
      const user = await httpSignIn(base, w.user.username, w.user.password);
      return { session: () => user.request('GET', '/api/auth/session'), task: () => admin.request('GET', `/api/tasks/${w.task.id}`) };
    };
    const [b, c] = [await readers(two.base), await readers(deaf.base)];
    // warm both readers' caches with the rows as they are
    for (let i = 0; i < 3; i++) await Promise.all([b, c].flatMap((r) => [r.session(), r.task()]));
    const seen: Record<string, number | null> = {};
    const stale: Record<string, boolean> = {};
    const expectChange = async (name: string, read: (r: typeof b) => Promise<unknown>, changed: (v: any) => boolean) => {
      seen[name] = await seenWithin(() => read(b), changed);
      stale[name] = !changed(await read(c));
    };

    const renamed = '缓存一致改名局';
    expect((await a.request('PATCH', `/api/departments/${w.dept.id}`, { name: renamed })).status).toBe(200);
    await expectChange(
      'department',
      (r) => r.task(),
      (r) => JSON.stringify(r.json).includes(renamed),
    );

    const title = '一致性任务（已改）';
    const current = (await a.request('GET', `/api/tasks/${w.task.id}`)).json;
    expect((await a.request('PATCH', `/api/tasks/${w.task.id}`, { title, version: current.version })).status).toBe(200);
    await expectChange(
      'task',
      (r) => r.task(),
      (r) => r.json.title === title,
    );

    expect((await a.request('PATCH', `/api/roles/${w.roleId}`, { permissions: ['org.read', 'tasks.read'] })).status).toBe(200);
    await expectChange(
      'role',
      (r) => r.session(),
      (r) => r.json.user?.permissions?.includes('tasks.read'),
    );

    expect((await a.request('POST', `/api/users/${w.user.id}/disable`)).status).toBe(200);
    await expectChange(
      'disabled',
      (r) => r.session(),
      (r) => r.status === 401,
    );

    expect(seen, JSON.stringify(seen)).toEqual({
      department: expect.any(Number),
      task: expect.any(Number),
      role: expect.any(Number),
      disabled: expect.any(Number),
    });
    // the check can fail: an instance that does not listen still answers from its caches (tasks are not cached
    // on PostgreSQL: lists read ids and versions from SQL each time)
    expect(stale).toEqual({ department: true, task: false, role: true, disabled: true });
  });
});
