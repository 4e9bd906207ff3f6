import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Desk, Instruction, Rollup, Task } from '@qinlian/contracts';
import { ENGINES, signIn, startTestApp, type TestApp } from '../../test/harness.ts';
import { verifyAuditChain } from '../platform/audit/verify.ts';
import { DEMO_PASSWORD, seedDemo } from './demo.ts';
import { seedCampaign } from './campaign.ts';

describe.each(ENGINES)('demo campaign seed on %s', (engine) => {
  let t: TestApp;
  let first: Awaited<ReturnType<typeof seedCampaign>>;

  beforeAll(async () => {
    t = await startTestApp(engine);
    t.clock.set(new Date('2026-11-25T02:00:00Z'));
    await seedDemo(t.db, t.clock);
    first = await seedCampaign(t.db, { dataDir: t.config.dataDir, clock: t.clock });
  });
  afterAll(async () => {
    await t.close();
  });

  it('makes the 2026 plan: six programmes, twenty measures, about 150 tasks, about 30 tagged', async () => {
    expect(first).toMatchObject({ seeded: true, programmes: 6, measures: 20 });
    expect(first.tasks).toBeGreaterThanOrEqual(140);
    expect(first.tasks).toBeLessThanOrEqual(160);
    expect(first.tagged).toBeGreaterThanOrEqual(20);
    expect(first.tagged).toBeLessThanOrEqual(45);
    const office = await signIn(t.app, 'office', DEMO_PASSWORD);
    const rollup: Rollup = (await office.request({ method: 'GET', url: `/api/plans/${first.planId}/rollup` })).json();
    expect(rollup.programmes.map((p) => p.name)).toEqual([
      '政治引领工程',
      '服务创优工程',
      '作风提升工程',
      '监管强化工程',
      '奖优罚劣工程',
      '文化涵养工程',
    ]);
    expect(rollup.programmes.flatMap((p) => p.measures)).toHaveLength(20);
    expect(rollup.progress).toBeGreaterThan(10);
    expect(rollup.progress).toBeLessThan(90);
  });

  it('shows every state and all four colours, with histories, evidence and instructions', async () => {
    const office = await signIn(t.app, 'office', DEMO_PASSWORD);
    const all: Task[] = (await office.request({ method: 'GET', url: `/api/tasks?planId=${first.planId}&pageSize=200` })).json().items;
    const statuses = new Set(all.map((x) => x.status));
    for (const s of ['draft', 'assigned', 'accepted', 'refused', 'in_progress', 'close_requested', 'closed'])
      expect(statuses, s).toContain(s);
    const colours = new Set(all.map((x) => x.warning));
    for (const c of ['none', 'blue', 'yellow', 'red']) expect(colours, c).toContain(c);
    expect(all.filter((x) => x.parentId).length).toBeGreaterThanOrEqual(4);
    expect(all.every((x) => x.handlerName && x.leaderName)).toBe(true);
    const board = (await office.request({ method: 'GET', url: `/api/tasks/board?planId=${first.planId}` })).json();
    // the board leaves drafts out: they are the office's until assigned
    expect(all).toHaveLength(first.tasks);
    expect(board.items.length).toBe(first.tagged - all.filter((x) => x.tagged && x.status === 'draft').length);
    expect(board.items.some((x: Task) => x.status === 'draft')).toBe(false);
    expect(board.counts.byWarning.red).toBeGreaterThan(0);
    const closed = all.find((x) => x.status === 'closed')!;
    const events = (await office.request({ method: 'GET', url: `/api/tasks/${closed.id}/events` })).json().items;
    expect(events.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining(['create', 'assign', 'accept', 'report', 'request_close', 'close']),
    );
    const withFile = events.find((e: { files: unknown[] }) => e.files.length)!;
    expect((await office.request({ method: 'GET', url: withFile.files[0].url })).statusCode).toBe(200);
    expect(events[0].at < events.at(-1).at).toBe(true);
    const kinds = await t.db.db.selectFrom('taskEvents').select('kind').distinct().execute();
    expect(kinds.map((k) => k.kind)).toEqual(expect.arrayContaining(['return', 'refuse', 'urge', 'instruct', 'grade']));
    const leader = await signIn(t.app, 'leader', DEMO_PASSWORD);
    expect(
      (await leader.request({ method: 'GET', url: `/api/tasks?planId=${first.planId}&view=mine&pageSize=1` })).json().total,
    ).toBeGreaterThan(0);
    const staff = await signIn(t.app, 'staff1', DEMO_PASSWORD);
    expect((await staff.request({ method: 'GET', url: '/api/tasks?view=my_department&pageSize=1' })).json().total).toBeGreaterThan(0);
  });

  it('puts work on the demo accounts’ desks: the 批示 awaiting 经济发展局’s feedback, the leader’s own, the office’s close-outs', async () => {
    const deskOf = async (username: string) => {
      const s = await signIn(t.app, username, DEMO_PASSWORD);
      const res = await s.request({ method: 'GET', url: `/api/desk?planId=${first.planId}` });
      expect(res.statusCode, res.body).toBe(200);
      return { s, desk: res.json() as Desk };
    };
    const section = (d: Desk, key: string) => d.sections.find((x) => x.key === key);
    const staff = await deskOf('staff1');
    const feedback = section(staff.desk, 'instructionFeedback')!;
    expect(feedback.count).toBeGreaterThanOrEqual(1);
    const listed = (await staff.s.request({ method: 'GET', url: '/api/instructions?to=mine&state=awaiting' })).json();
    expect(listed.total).toBe(feedback.count);
    expect(listed.items.map((i: Instruction) => i.departmentName)).toContain('经济发展局');
    const leader = await deskOf('leader');
    expect(section(leader.desk, 'instructionsGiven')).toMatchObject({ overdue: 1 }); // the one to 营商环境局, past its date
    const answered = (await leader.s.request({ method: 'GET', url: '/api/instructions?to=given&state=answered' })).json();
    expect(answered.items[0].feedback.evidenceRef).toContain('招商〔2026〕15号');
    const office = await deskOf('office');
    const closeOuts = (
      await office.s.request({ method: 'GET', url: `/api/tasks?planId=${first.planId}&status=close_requested&pageSize=1` })
    ).json();
    expect(section(office.desk, 'closeOutReview')!.count).toBe(closeOuts.total);
    expect((await deskOf('inspector')).desk).toMatchObject({ sections: [], scope: 'all' }); // reads, owes nothing
  });

  it('keeps the audit chain intact and does nothing the second time', async () => {
    expect((await verifyAuditChain(t.db.db)).ok).toBe(true);
    const seq = (await t.db.db.selectFrom('auditHead').select('seq').executeTakeFirstOrThrow()).seq;
    expect((await seedCampaign(t.db, { dataDir: t.config.dataDir, clock: t.clock })).seeded).toBe(false);
    expect((await t.db.db.selectFrom('auditHead').select('seq').executeTakeFirstOrThrow()).seq).toBe(seq);
  });
});
