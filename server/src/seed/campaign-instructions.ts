import { fixedClock } from '../platform/clock.ts';
import { systemActor, type TxCtx } from '../platform/context.ts';
import { recordPastInstruction } from '../modules/instructions/index.ts';

/**
 * 领导批示 with 落实反馈 in the demo campaign, from the leader with the demo account `leader`: to
 * units — one awaiting its feedback, one past its date, one answered, one that asks for none — and
 * on one task under way at 经济发展局, so that the desks of `leader`, `depthead` and `staff1` show them.
 * Dated relative to today; recorded as history (nobody is told).
 */
type Leader = { personId: string; userId: string; name: string };
type Env = {
  deptId: Map<string, string>;
  leader: Leader;
  today: string;
  now: Date;
  tasks: { id: string; leadDepartmentId: string; status: string; parentId: string | null }[];
};

const DAY = 86_400_000;
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

const UNIT_INSTRUCTIONS: {
  department: string;
  daysAgo: number;
  dueInDays: number | null;
  text: string;
  feedback?: { daysAgo: number; byName: string; text: string; evidenceRef: string };
}[] = [
  {
    department: '经济发展局',
    daysAgo: 2,
    dueInDays: 7,
    text: '请对照省市重大项目清单逐项梳理投资进度，明确责任人和完成时限，形成调度台账。',
  },
  {
    department: '营商环境局（行政审批局）',
    daysAgo: 15,
    dueInDays: -3,
    text: '企业反映“承诺即办”事项仍需多次跑腿，请查明原因、限期整改，并反馈落实情况。',
  },
  {
    department: '招商引资局',
    daysAgo: 20,
    dueInDays: -10,
    text: '请建立在谈项目周调度机制，重点项目一项一专班。',
    feedback: {
      daysAgo: 12,
      byName: '招商引资局',
      text: '已召开专题会议部署，建立在谈项目周调度台账，重点项目均已明确专班和责任人。',
      evidenceRef: '招商〔2026〕15号；在谈项目周调度台账（第 1–3 周）',
    },
  },
  {
    department: '社会事务局',
    daysAgo: 5,
    dueInDays: null,
    text: '民生实事征集要广泛听取群众意见，确保选出群众最急难愁盼的事项。',
  },
];

export async function seedInstructions(tx: TxCtx, env: Env) {
  const leader = { userId: env.leader.userId, personId: env.leader.personId, name: env.leader.name };
  const at = (daysAgo: number): TxCtx => ({
    ...tx,
    clock: fixedClock(new Date(env.now.getTime() - daysAgo * DAY)),
    actor: { ...systemActor, name: env.leader.name },
  });
  for (const u of UNIT_INSTRUCTIONS) {
    const departmentId = env.deptId.get(u.department);
    if (!departmentId) continue;
    await recordPastInstruction(at(u.daysAgo), {
      departmentId,
      text: u.text,
      feedbackDueDate: u.dueInDays === null ? null : addDays(env.today, u.dueInDays),
      leader,
      feedback: u.feedback && {
        text: u.feedback.text,
        evidenceRef: u.feedback.evidenceRef,
        byName: u.feedback.byName,
        at: new Date(env.now.getTime() - u.feedback.daysAgo * DAY),
      },
    });
  }
  const underWay = env.tasks.find((t) => t.leadDepartmentId === env.deptId.get('经济发展局') && t.status === 'in_progress' && !t.parentId);
  if (underWay)
    await recordPastInstruction(at(1), {
      taskId: underWay.id,
      text: '此项关系全年投资目标，请每周报送进度，月底前报告落实情况。',
      feedbackDueDate: addDays(env.today, 5),
      leader,
    });
}
