/**
 * 机关办事规则演示 — the office rules on top of the demo organisation (demo.ts), as of the seed's
 * "today": the 去向牌 of the demo departments (most at work; some in a meeting, out on business, on a
 * trip, on leave registered ahead — so that B acts for A's post — or in training; one training still
 * to come), badges for every post holder and each department's ratings page (亮牌上岗), seven
 * enquiries in every state (首问负责), ten ratings with two bad ones (好差评) and four rectification
 * items (整改): the two bad reviews' (one appealed, awaiting the office), one the office opened by
 * hand, one answered and awaiting verification. 经济发展局 is where `depthead` and `staff1` see them.
 *
 * Through the modules' front doors only, as the system actor (in the name of the person who acts),
 * in one transaction, each act at its moment and in time order, so every record has its audit event
 * and the history reads right. Runs once: only on the demo organisation, and only while there is no
 * enquiry at all (bootstrap calls it after the campaign, on every start with the demo asked for).
 */
import { EnquiryQuery } from '@qinlian/contracts';
import type { Database } from '../platform/db/database.ts';
import { inTransaction, systemActor, type Ctx } from '../platform/context.ts';
import { fixedClock, iso, systemClock, type Clock } from '../platform/clock.ts';
import { calendarFor } from '../platform/calendar/calendar.service.ts';
import { departmentsWithFullNames, type PersonBasics } from '../modules/org/index.ts';
import { recordWhereabouts, registerAbsence, runPlannedAbsences } from '../modules/whereabouts/index.ts';
import { listEnquiries } from '../modules/enquiries/index.ts';
import { badgeWall } from '../modules/badges/index.ts';
import { DEMO_ROOT } from './demo-org.ts';
import { as, asSystem, officeRulesEnv, type Act, type OfficeRulesEnv, type SealKeys } from './office-rules-env.ts';
import { enquiryActs } from './office-rules-enquiries.ts';
import { officeItemActs } from './office-rules-rectification.ts';

export type OfficeRulesSeedResult = { seeded: boolean; acts: number };

export async function seedOfficeRules(database: Database, opts: { keys: SealKeys; clock?: Clock }): Promise<OfficeRulesSeedResult> {
  const clock = opts.clock ?? systemClock;
  const ctx: Ctx = { actor: systemActor, db: database.db, ip: 'seed', lang: 'zh-CN', clock };
  const departments = (await departmentsWithFullNames(database.db)).filter((d) => !d.row.archivedAt).map((d) => d.row);
  const root = departments.find((d) => d.parentId === null);
  if (!root || root.name !== DEMO_ROOT.name) return { seeded: false, acts: 0 };
  if ((await listEnquiries(ctx, EnquiryQuery.parse({ box: 'all', pageSize: 1 }))).total > 0) return { seeded: false, acts: 0 };

  return inTransaction(ctx, async (tx) => {
    const env = await officeRulesEnv(tx, { departments, calendar: await calendarFor(tx.db), keys: opts.keys });
    const acts = [badgeActs(env, departments), ...whereaboutsActs(env), ...enquiryActs(env), ...officeItemActs(env)];
    // the story in time order: a later act finds what the earlier ones made (stable for acts at one moment)
    acts.sort((x, y) => x.at.getTime() - y.at.getTime());
    for (const act of acts) await act.run(tx);
    return { seeded: true, acts: acts.length };
  });
}

/**
 * 亮牌上岗 began a fortnight ago: every department's badge wall opened once, which issues the badges
 * of everyone holding a post and the department's ratings page (评价结果公示) — as the office would.
 */
function badgeActs(env: OfficeRulesEnv, departments: { id: string }[]): Act {
  const at = env.workAt(10, '08:30');
  return {
    at,
    run: async (tx) => {
      for (const d of departments) await badgeWall(asSystem(tx, at), d.id);
    },
  };
}

type Whereabouts = Parameters<typeof recordWhereabouts>[2];

/** A state set this morning by the person (the seed records it as the system, like an import would). */
function setState(env: OfficeRulesEnv, p: PersonBasics | undefined, hhmm: string, change: Whereabouts): Act[] {
  if (!p || !env.free(p)) return [];
  const at = env.todayBy(hhmm);
  return [{ at, run: (tx) => recordWhereabouts(as(tx, p, at), p.id, change) }];
}

type Absence = { kind: 'leave' | 'trip' | 'training'; startsAt: Date; endsAt: Date; place?: string; note: string };

/** 登记请假/出差/培训 ahead, and — when its start has come — its start, as the minute job makes it. */
function absence(env: OfficeRulesEnv, p: PersonBasics | undefined, registeredAt: Date, a: Absence): Act[] {
  if (!p || !env.free(p)) return [];
  const body = { personId: p.id, kind: a.kind, startsAt: iso(a.startsAt), endsAt: iso(a.endsAt), place: a.place ?? null, note: a.note };
  const acts: Act[] = [{ at: registeredAt, run: async (tx) => void (await registerAbsence(as(tx, p, registeredAt), body)) }];
  if (a.startsAt < env.now)
    acts.push({ at: a.startsAt, run: async (tx) => void (await runPlannedAbsences({ ...tx, clock: fixedClock(a.startsAt) })) });
  return acts;
}

/**
 * Today's 去向牌. 经济发展局: the head in a meeting, the deputy on a trip, the A of 重大项目调度岗 on
 * leave since the last working day (so `staff1`, its B, acts for it: 代岗), the B of 综合文稿岗
 * out on business, its A due at a training next week. A few more elsewhere; everyone else at work.
 */
function whereaboutsActs(env: OfficeRulesEnv): Act[] {
  const JFJ = '经济发展局';
  const scheduling = env.post(JFJ, '重大项目调度岗');
  const drafting = env.post(JFJ, '综合文稿岗');
  const deputy = env.members(JFJ).find((p) => p.title === '副局长');
  const office = env.members('模范机关建设领导小组办公室');
  const window = env.post('政务服务中心', '政务服务窗口岗');
  return [
    ...setState(env, env.head(JFJ), '08:40', {
      state: 'meeting',
      place: '管委会三楼第一会议室',
      expectedReturnAt: iso(env.laterToday('11:30', 90)),
      note: '参加全区重大项目调度会',
    }),
    ...setState(env, deputy, '08:35', {
      state: 'trip',
      place: '南昌',
      expectedReturnAt: iso(env.aheadAt(1, '18:00')),
      note: '赴省发展改革委对接中央预算内投资项目',
    }),
    ...absence(env, scheduling.a, env.workAt(3, '16:20'), {
      kind: 'leave',
      startsAt: env.workAt(1, '08:30'),
      endsAt: env.aheadAt(2, '17:30'),
      note: '年休假，已经局长批准；重大项目调度由 B 岗代岗',
    }),
    ...setState(env, drafting.b, '09:05', {
      state: 'out',
      place: '区政务服务中心',
      expectedReturnAt: iso(env.laterToday('16:00', 120)),
      note: '报送项目备案材料',
    }),
    ...absence(env, drafting.a, env.todayBy('08:50'), {
      kind: 'training',
      startsAt: env.aheadAt(3, '08:30'),
      endsAt: env.aheadAt(4, '17:30'),
      place: '市委党校',
      note: '全市发展改革系统业务能力提升培训',
    }),
    ...setState(env, env.head('模范机关建设领导小组办公室'), '08:45', {
      state: 'meeting',
      place: '党工委会议室',
      expectedReturnAt: iso(env.laterToday('11:00', 60)),
      note: '模范机关建设月度调度会',
    }),
    ...setState(
      env,
      office.find((p) => p.title === '科长'),
      '09:00',
      {
        state: 'out',
        place: '儒乐湖新城',
        expectedReturnAt: iso(env.laterToday('17:00', 150)),
        note: '“勤廉新区”建设实地督查',
      },
    ),
    ...absence(env, env.post('营商环境局（行政审批局）', '营商环境监测岗').a, env.workAt(5, '10:00'), {
      kind: 'training',
      startsAt: env.workAt(2, '08:30'),
      endsAt: env.aheadAt(3, '17:30'),
      place: '省委党校',
      note: '全省优化营商环境业务骨干培训班',
    }),
    ...setState(env, window.b, '08:50', {
      state: 'meeting',
      place: '政务服务中心二楼会议室',
      expectedReturnAt: iso(env.laterToday('10:30', 60)),
      note: '窗口服务规范培训交流',
    }),
    ...setState(env, env.post('财政金融局', '预算管理岗').a, '08:30', {
      state: 'trip',
      place: '北京',
      expectedReturnAt: iso(env.aheadAt(2, '20:00')),
      note: '参加财政部地方政府专项债券项目评审',
    }),
  ];
}
