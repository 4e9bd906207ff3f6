/**
 * 演示计划 — the demo campaign on top of the demo organisation (demo.ts): the plan
 * 打造模范机关暨“勤廉新区”建设行动 of the current year with the six programmes and twenty measures
 * of DOMAIN.md, about 150 tasks decomposed to the demo departments and their posts, in every state
 * (draft … closed, some refused, some returned once), with due dates around today so that all four
 * colours show, about 30 tagged (挂牌作战), progress reports with evidence files, a few urgings and
 * leaders' instructions. Six area leaders are added to the top-level unit, one in charge of each
 * programme, and the demo account `leader` (role 领导, password Demo@2026).
 *
 * Deterministic: a seeded PRNG decides everything, relative to "today" of the clock. Each task's
 * history is replayed through the task services in date order (events carry those dates); the
 * stored colours are then refreshed for today. Runs once: only on the demo organisation, and only
 * while no plan exists.
 */
import type { TaskAction } from '@qinlian/contracts';
import type { Database } from '../platform/db/database.ts';
import { inTransaction, systemActor, type Ctx, type TxCtx } from '../platform/context.ts';
import { fixedClock, systemClock, type Clock } from '../platform/clock.ts';
import { calendarFor } from '../platform/calendar/calendar.service.ts';
import { shanghaiDate } from '../platform/calendar/working-days.ts';
import { createPerson } from '../modules/org/index.ts';
import { departmentsWithFullNames } from '../modules/org/index.ts';
import { livePostsOf } from '../modules/org/index.ts';
import { createAccount, ensureBuiltinRoles } from '../modules/identity/index.ts';
import { createMeasure, createPlan, createProgramme, listPlans } from '../modules/plan/index.ts';
import { createTask, refreshWarnings } from '../modules/tasks/index.ts';
import { gradeTask, noteOnTask, takeStep } from '../modules/tasks/index.ts';
import { uploadEvidence } from '../modules/tasks/index.ts';
import { taskRowById, tasksOfPlan } from '../modules/tasks/index.ts';
import { recordPastInstruction } from '../modules/instructions/index.ts';
import { DEMO_PASSWORD } from './demo.ts';
import { seedInstructions } from './campaign-instructions.ts';
import { DEMO_ROOT } from './demo-org.ts';
import { DEMO_LEADER_ACCOUNT, DEMO_LEADERS, DEMO_PROGRAMMES, DEMO_SUBTASKS } from './campaign-data.ts';
import { planTimeline, prng, type Spec, type Step } from './campaign-timeline.ts';

export type CampaignSeedResult = {
  seeded: boolean;
  planId: string | null;
  programmes: number;
  measures: number;
  tasks: number;
  tagged: number;
};
const none: CampaignSeedResult = { seeded: false, planId: null, programmes: 0, measures: 0, tasks: 0, tagged: 0 };

export async function seedCampaign(database: Database, opts: { dataDir: string; clock?: Clock }): Promise<CampaignSeedResult> {
  const clock = opts.clock ?? systemClock;
  const ctx: Ctx = { actor: systemActor, db: database.db, ip: 'seed', lang: 'zh-CN', clock };
  const departments = (await departmentsWithFullNames(database.db)).filter((d) => !d.row.archivedAt);
  const root = departments.find((d) => d.row.parentId === null);
  if (!root || root.row.name !== DEMO_ROOT.name || (await listPlans(ctx)).length > 0) return none;

  return inTransaction(ctx, async (tx) => {
    const deptId = new Map(departments.map((d) => [d.row.name, d.row.id]));
    const posts = await livePostsOf(
      tx.db,
      departments.map((d) => d.row.id),
    );
    const roles = await ensureBuiltinRoles(tx);
    const leaders: { id: string; name: string }[] = [];
    for (const l of DEMO_LEADERS) {
      const { row } = await createPerson(tx, { name: l.name, departmentId: root.row.id, title: l.title, status: 'active' });
      leaders.push({ id: row.id, name: row.name });
    }
    const account = leaders[DEMO_LEADER_ACCOUNT.leader]!;
    const { user: leaderUser } = await createAccount(tx, {
      username: DEMO_LEADER_ACCOUNT.username,
      displayName: account.name,
      personId: account.id,
      roleIds: [roles.get('leader')!],
      password: DEMO_PASSWORD,
      mustChange: false,
    });

    const today = shanghaiDate(clock.now());
    const year = Number(today.slice(0, 4));
    const plan = await createPlan(tx, {
      name: `${year}年打造模范机关暨“勤廉新区”建设行动`,
      year,
      startDate: `${year}-01-01`,
      endDate: `${year}-12-31`,
    });
    const specs: Spec[] = [];
    let measureCount = 0;
    for (const [pi, p] of DEMO_PROGRAMMES.entries()) {
      const programme = await createProgramme(tx, {
        planId: plan.id,
        code: p.code,
        name: p.name,
        sort: pi + 1,
        weight: p.weight,
        leaderPersonId: leaders[p.leader]!.id,
      });
      for (const [mi, m] of p.measures.entries()) {
        const measure = await createMeasure(tx, {
          programmeId: programme.id,
          code: m.code,
          name: m.name,
          sort: measureCount + mi + 1,
          weight: m.weight,
        });
        const base = { measureId: measure.id, measureCode: m.code, leaderPersonId: leaders[p.leader]!.id };
        for (const [title, deliverables] of m.tasks)
          specs.push({ ...base, key: `${m.code}:${title}`, title, deliverables, department: m.owner, parentKey: null });
        for (const d of m.rollout.departments) {
          specs.push({
            ...base,
            key: `${m.code}:${d}`,
            title: m.rollout.title.replace('{dept}', d),
            deliverables: m.rollout.deliverables,
            department: d,
            parentKey: null,
          });
        }
        for (const [, title, department] of DEMO_SUBTASKS.filter((s) => s[0] === m.code)) {
          specs.push({
            ...base,
            key: `${m.code}:sub:${title}`,
            title,
            deliverables: '阶段性成果',
            department,
            parentKey: `${m.code}:${m.tasks[0]![0]}`,
          });
        }
      }
      measureCount += p.measures.length;
    }

    const calendar = await calendarFor(tx.db);
    const steps = planTimeline(
      specs.filter((s) => deptId.has(s.department)),
      { today, now: clock.now(), calendar, rand: prng(2026), leaders },
    );
    const leaderAccount = { personId: account.id, userId: leaderUser.id, name: account.name };
    await replay(tx, steps, { deptId, posts, dataDir: opts.dataDir, leaderAccount });
    await seedInstructions(tx, { deptId, leader: leaderAccount, today, now: clock.now(), tasks: await tasksOfPlan(tx.db, plan.id) });
    await refreshWarnings({ ...tx, clock }, plan.id);
    const tasks = await tasksOfPlan(tx.db, plan.id);
    return {
      seeded: true,
      planId: plan.id,
      programmes: DEMO_PROGRAMMES.length,
      measures: measureCount,
      tasks: tasks.length,
      tagged: tasks.filter((x) => x.tagged).length,
    };
  });
}

const OFFICE_NAME = '领导小组办公室';
type ReplayEnv = {
  deptId: Map<string, string>;
  posts: Awaited<ReturnType<typeof livePostsOf>>;
  dataDir: string;
  /** the leader with the demo account `leader`: the instructions they gave are theirs to follow up */
  leaderAccount: { personId: string; userId: string };
};

/** Every step of every task in date order, each through the services with the clock set to its moment. */
async function replay(tx: TxCtx, steps: Step[], env: ReplayEnv) {
  const ids = new Map<string, string>();
  const handlerName = new Map<string, string>();
  const evidence = new TextEncoder();
  for (const s of steps) {
    const spec = s.spec;
    const actorName = s.side === 'leader' ? s.actorName : s.side === 'handler' ? handlerName.get(spec.key) : OFFICE_NAME;
    const at: TxCtx = { ...tx, clock: fixedClock(s.at), actor: { ...systemActor, name: actorName ?? systemActor.name } };
    if (s.kind === 'create') {
      const departmentId = env.deptId.get(spec.department)!;
      const candidates = env.posts.filter((p) => p.departmentId === departmentId && p.actingPersonId);
      const post = candidates[[...spec.key].reduce((h, ch) => h + ch.charCodeAt(0), 0) % Math.max(1, candidates.length)];
      const row = await createTask(at, {
        measureId: spec.measureId,
        parentId: spec.parentKey ? (ids.get(spec.parentKey) ?? null) : null,
        title: spec.title,
        statement: `按照《打造模范机关暨“勤廉新区”建设行动方案》要求，${spec.title}，明确时间表、任务书、责任人，按期报送进展，完成后附佐证材料申请销号。`,
        deliverables: spec.deliverables,
        leadDepartmentId: departmentId,
        responsiblePostId: post?.id ?? null,
        leaderPersonId: spec.leaderPersonId,
        startDate: s.dates!.start,
        dueDate: s.dates!.due,
        weight: s.weight ?? 1,
        tagged: s.tagged ?? false,
        milestones: s.milestones ?? [],
      });
      ids.set(spec.key, row.id);
      if (post?.actingPersonName) handlerName.set(spec.key, post.actingPersonName);
      continue;
    }
    const id = ids.get(spec.key);
    if (!id) continue;
    const row = (await taskRowById(at.db, id))!;
    if (s.kind === 'urge') {
      await noteOnTask(at, id, s.kind, s.text ?? '');
      continue;
    }
    if (s.kind === 'instruct') {
      const mine = spec.leaderPersonId === env.leaderAccount.personId;
      await recordPastInstruction(at, {
        taskId: id,
        text: s.text ?? '',
        feedbackDueDate: null,
        leader: { userId: mine ? env.leaderAccount.userId : null, personId: spec.leaderPersonId, name: actorName ?? '' },
      });
      continue;
    }
    if (s.kind === 'grade') {
      await gradeTask(at, id, { ...s.grade!, version: row.version });
      continue;
    }
    const fileIds: string[] = [];
    if (s.file) {
      const bytes = Buffer.from(evidence.encode(`${spec.title}\n${s.file}\n${s.at.toISOString()}\n（演示佐证材料）\n`));
      fileIds.push((await uploadEvidence(at, { bytes, filename: `${s.file}.txt`, mimetype: 'text/plain', dataDir: env.dataDir })).id);
    }
    await takeStep(at, id, { action: s.kind as TaskAction, version: row.version, comment: s.text, percent: s.percent, fileIds }); // history, not news: nobody is notified
  }
}
