import type { TaskStatus, WarningColor } from '@qinlian/contracts';
import { WarningThresholds } from '@qinlian/contracts';
import { nextDate, workingCalendar, type WorkingCalendar } from '../../server/src/platform/calendar/working-days.ts';
import { memoisedAssess } from '../../server/src/modules/tasks/warnings.rules.ts';
import type { AuditChain } from './audit-chain.ts';
import type { Org, GenDept } from './org.ts';
import { subtree } from './org.ts';
import type { Rng } from './prng.ts';
import type { Sink, Value } from './sink.ts';
import type { TaskFixture } from './dataset.ts';
import * as V from './vocab.ts';

export type FillTasksInput = {
  sink: Sink;
  chain: AuditChain;
  rng: Rng;
  newId: () => string;
  org: Org;
  count: number;
  auditBudget: number;
  adminUserId: string;
  /** the department head's unit: its departments get a large share of the tasks */
  busy: GenDept;
  log: (line: string) => void;
};

/** The day the dataset's stored warning colours were computed for (a fixed date keeps the dataset deterministic). */
export const AS_OF = '2026-11-20';
const PLAN = { year: 2026, start: '2026-01-05', end: '2026-12-31' };
const THRESHOLDS = WarningThresholds.parse({});

/**
 * The days 2025–2027 in a table: the app's working-day rules with their counts from a prefix sum
 * (same answers, O(1)), and date arithmetic by index; anything outside falls back to the app's own.
 */
function calendarTable() {
  const base = workingCalendar();
  const dates: string[] = [];
  const index = new Map<string, number>();
  const prefix: number[] = [0];
  for (let d = '2025-01-01', i = 0; d <= '2027-12-31'; d = nextDate(d), i++) {
    dates.push(d);
    index.set(d, i);
    prefix.push(prefix[i]! + (base.isWorkingDay(d) ? 1 : 0));
  }
  const calendar: WorkingCalendar = {
    ...base,
    workingDaysBetween(from, to) {
      if (to < from) return 0;
      const a = index.get(from),
        b = index.get(to);
      if (a === undefined || b === undefined) return base.workingDaysBetween(from, to);
      return prefix[b + 1]! - prefix[a]!;
    },
  };
  return {
    calendar,
    /** the date `days` after `start` */
    dayOf(start: string, days: number) {
      const i = index.get(start);
      return (i === undefined ? undefined : dates[i + days]) ?? nextDate(start, days);
    },
    /** days from `a` to `b` */
    daysBetween(a: string, b: string) {
      const i = index.get(a),
        j = index.get(b);
      return i === undefined || j === undefined ? Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000) : j - i;
    },
  };
}

const STATUS_MIX: [TaskStatus, number][] = [
  ['draft', 3],
  ['assigned', 5],
  ['accepted', 5],
  ['refused', 1],
  ['in_progress', 55],
  ['close_requested', 6],
  ['closed', 25],
];
const EVENTS_BEFORE: Record<TaskStatus, ('assign' | 'accept' | 'refuse' | 'report' | 'request_close' | 'close')[]> = {
  draft: [],
  assigned: ['assign'],
  accepted: ['assign', 'accept'],
  refused: ['assign', 'refuse'],
  in_progress: ['assign', 'accept', 'report'],
  // the bench's departments do not review: these states are reached only with 部门审核 on
  report_review: ['assign', 'accept'],
  close_review: ['assign', 'accept', 'report'],
  close_requested: ['assign', 'accept', 'report', 'request_close'],
  closed: ['assign', 'accept', 'report', 'request_close', 'close'],
};
const TO_STATUS: Record<string, TaskStatus> = {
  assign: 'assigned',
  accept: 'accepted',
  refuse: 'refused',
  report: 'in_progress',
  request_close: 'close_requested',
  close: 'closed',
};

/**
 * Plan → programmes → measures → tasks (and sub-tasks), cooperators, milestones, task events with
 * their audit records, and the two counter tables the tasks module keeps in step with every write:
 * `task_counters` (every task by plan, programme, measure, lead department, leader, status, colour,
 * tagged, top level) and `task_rollups` (top-level tasks by measure, status and colour). Colours are
 * assessed as of AS_OF with the module's own `assess`.
 */
export async function fillTasks(input: FillTasksInput): Promise<{ count: number; fixture: TaskFixture; notes: string[] }> {
  const { sink, chain, rng, newId, org, count } = input;
  const { calendar, dayOf, daysBetween } = calendarTable();
  const assess = memoisedAssess(calendar);
  const at = () => chain.now();
  const office = { actorId: input.adminUserId, actorName: '领导小组办公室' };

  // plan, programmes (六大工程), measures (20条举措)
  const planId = newId();
  const plans = sink.table('plans', ['id', 'name', 'year', 'start_date', 'end_date', 'thresholds', 'version', 'created_at', 'updated_at']);
  await plans.push([
    planId,
    `${PLAN.year}年勤廉新区模范机关建设行动计划`,
    PLAN.year,
    PLAN.start,
    PLAN.end,
    JSON.stringify(THRESHOLDS),
    1,
    at(),
    at(),
  ]);
  await plans.flush();
  await chain.append({
    ...office,
    action: 'plan.create',
    entityType: 'plan',
    entityId: planId,
    after: { name: '行动计划', year: PLAN.year },
  });
  const leaders = (org.peopleByDept.get(org.root.id) ?? []).filter((p) => p.status !== 'left');
  const programmeWriter = sink.table('programmes', [
    'id',
    'plan_id',
    'code',
    'name',
    'sort',
    'weight',
    'leader_person_id',
    'version',
    'created_at',
    'updated_at',
  ]);
  const programmes = V.PROGRAMMES.map((name, i) => ({
    id: newId(),
    code: `P${i + 1}`,
    name,
    leader: leaders[i % Math.max(1, leaders.length)]?.id ?? null,
  }));
  for (const [i, p] of programmes.entries()) {
    await programmeWriter.push([p.id, planId, p.code, p.name, i, i < 2 ? 2 : 1, p.leader, 1, at(), at()]);
    await chain.append({
      ...office,
      action: 'programme.create',
      entityType: 'programme',
      entityId: p.id,
      after: { code: p.code, name: p.name },
    });
  }
  await programmeWriter.flush();
  const measureWriter = sink.table('measures', [
    'id',
    'plan_id',
    'programme_id',
    'code',
    'name',
    'sort',
    'weight',
    'version',
    'created_at',
    'updated_at',
  ]);
  const measures = V.MEASURES.map((name, i) => ({
    id: newId(),
    code: `M${String(i + 1).padStart(2, '0')}`,
    name,
    programme: programmes[Math.min(programmes.length - 1, Math.floor(i / (V.MEASURES.length / programmes.length)))]!,
  }));
  for (const [i, m] of measures.entries()) {
    await measureWriter.push([m.id, planId, m.programme.id, m.code, m.name, i, 1, 1, at(), at()]);
    await chain.append({
      ...office,
      action: 'measure.create',
      entityType: 'measure',
      entityId: m.id,
      after: { code: m.code, name: m.name },
    });
  }
  await measureWriter.flush();

  // where tasks land: departments weighted by headcount, the head's unit busier than most
  const busySet = new Set(subtree(input.busy).map((d) => d.id));
  const depts = org.departments.filter((d) => d.depth > 0);
  const weights = depts.map(
    (d) => (org.peopleByDept.get(d.id)?.length ?? 0) + 1 + (d.id === input.busy.id ? count * 0.0004 + 40 : busySet.has(d.id) ? 8 : 0),
  );
  const cumulative: number[] = [];
  let total = 0;
  for (const w of weights) {
    total += w;
    cumulative.push(total);
  }
  const pickDept = () => {
    const x = rng.float() * total;
    let lo = 0,
      hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return depts[lo]!;
  };

  const restore = [
    await sink.deferIndexes('tasks'),
    await sink.deferIndexes('task_events'),
    await sink.deferIndexes('task_milestones'),
    await sink.deferIndexes('task_cooperators'),
  ];
  const tasks = sink.table('tasks', [
    'id',
    'plan_id',
    'programme_id',
    'measure_id',
    'parent_id',
    'code',
    'title',
    'statement',
    'deliverables',
    'lead_department_id',
    'responsible_post_id',
    'leader_person_id',
    'start_date',
    'due_date',
    'weight',
    'status',
    'is_open',
    'progress',
    'warning',
    'warning_since',
    'tagged',
    'grade',
    'version',
    'created_by',
    'created_at',
    'updated_at',
    'closed_at',
  ]);
  const cooperators = sink.table('task_cooperators', ['task_id', 'department_id'], [tasks]);
  const milestones = sink.table('task_milestones', ['id', 'task_id', 'name', 'due_date', 'sort', 'done_at'], [tasks]);
  const events = sink.table(
    'task_events',
    ['id', 'task_id', 'kind', 'actor_user_id', 'actor_name', 'at', 'text', 'percent', 'file_ids', 'from_status', 'to_status'],
    [tasks],
  );

  type Sums = { n: number; w: number; p: number };
  const counters = new Map<string, Sums>();
  const rollups = new Map<string, { key: [string, string, string, string, string] } & Sums>();
  const bump = <K extends Sums>(map: Map<string, K>, key: string, make: () => K, weight: number, progress: number) => {
    let v = map.get(key);
    if (!v) {
      v = make();
      map.set(key, v);
    }
    v.n += 1;
    v.w += weight;
    v.p += weight * progress;
  };
  const topByMeasure = new Map<string, { id: string; code: string; dept: GenDept }[]>();
  const busyOpen: { id: string; version: number }[] = [];
  const statusWeights = STATUS_MIX.map(([, w]) => w);
  const span = daysBetween(PLAN.start, '2026-11-10');
  let auditLeft = input.auditBudget - chain.count;
  let tagged = 0;

  for (let i = 0; i < count; i++) {
    const measure = measures[rng.int(measures.length)]!;
    const siblings = topByMeasure.get(measure.id) ?? [];
    const parent = i > 20 && siblings.length && rng.chance(0.12) ? siblings[rng.int(siblings.length)]! : null;
    const dept = parent
      ? parent.dept.children.length && rng.chance(0.6)
        ? parent.dept.children[rng.int(parent.dept.children.length)]!
        : parent.dept
      : pickDept();
    const id = newId();
    const code = parent ? `${parent.code}-${i}` : `${measure.code}-${String(i + 1).padStart(7, '0')}`;
    if (!parent) {
      siblings.push({ id, code, dept });
      topByMeasure.set(measure.id, siblings);
    }
    // start dates walk through the year with the generator, so the audit clock and the task dates agree
    const startDate = dayOf(PLAN.start, Math.min(span, Math.floor((i / count) * span) + rng.int(20)));
    const dueDate = [dayOf(startDate, 20 + rng.int(160)), PLAN.end].sort()[0]!;
    let status = STATUS_MIX[rng.weighted(statusWeights)]![0];
    if (dueDate < AS_OF && rng.chance(0.6)) status = 'closed';
    if (startDate > AS_OF) status = rng.chance(0.5) ? 'draft' : 'assigned';
    const schedule = assess({
      today: AS_OF,
      startDate,
      dueDate,
      status: 'in_progress',
      progress: 0,
      thresholds: THRESHOLDS,
    }).scheduleProgress;
    const progress =
      status === 'closed'
        ? 100
        : status === 'close_requested'
          ? 90 + rng.int(11)
          : status === 'in_progress'
            ? Math.max(5, Math.min(95, schedule + rng.between(-25, 10)))
            : status === 'accepted'
              ? rng.int(10)
              : 0;
    const warning: WarningColor = assess({ today: AS_OF, startDate, dueDate, status, progress, thresholds: THRESHOLDS }).warning;
    const isTagged = !parent && status !== 'draft' && rng.chance(0.003) ? 1 : 0;
    tagged += isTagged;
    const weight = rng.chance(0.2) ? rng.between(2, 5) : 1;
    const posts = org.postsByDept.get(dept.id) ?? [];
    const post = posts.length ? posts[rng.int(posts.length)]! : null;
    const leader = measure.programme.leader;
    const title = `${rng.pick(V.TASK_VERBS)}${rng.pick(V.TASK_OBJECTS)}${rng.pick(V.TASK_QUALIFIERS)}`;
    const statement = [rng.pick(V.STATEMENT_PARTS), rng.pick(V.STATEMENT_PARTS), rng.pick(V.STATEMENT_PARTS)].join('；') + '。';
    const grade =
      status === 'closed' && rng.chance(0.5)
        ? { zhun: rng.between(3, 5), kuai: rng.between(3, 5), shi: rng.between(3, 5), nong: rng.between(2, 5), xian: rng.between(2, 5) }
        : { zhun: null, kuai: null, shi: null, nong: null, xian: null };

    // events: create, then the transitions that led to the status; each with its audit record
    const steps: string[] = ['create', ...EVENTS_BEFORE[status]];
    if (status === 'in_progress' || status === 'close_requested' || status === 'closed') {
      const extra = auditLeft > (count - i) * 6 ? rng.int(3) : 0;
      for (let k = 0; k < extra; k++) steps.splice(steps.indexOf('report') + 1, 0, 'report');
    }
    // the task row first (its events reference it), then each event with its audit record
    const createdAt = chain.peek(1);
    let from: TaskStatus | null = null;
    let percent = 0;
    const reports = steps.filter((s) => s === 'report').length;
    let reportNo = 0;
    const planned = steps.map((step, k) => {
      const to: TaskStatus = step === 'create' ? 'draft' : TO_STATUS[step]!;
      if (step === 'report') percent = Math.round((progress * ++reportNo) / reports);
      const e = { step, from, to, percent, when: chain.peek(k + 1) };
      from = to;
      return e;
    });
    const last = planned.at(-1)!.when;
    const version = steps.length;
    await tasks.push([
      id,
      planId,
      measure.programme.id,
      measure.id,
      parent?.id ?? null,
      code,
      title,
      statement,
      '工作方案、推进台账、阶段总结、佐证材料',
      dept.id,
      post?.id ?? null,
      leader,
      startDate,
      dueDate,
      weight,
      status,
      status === 'closed' ? 0 : 1,
      progress,
      warning,
      warning === 'none' ? null : `${AS_OF}T00:00:00.000Z`,
      isTagged,
      JSON.stringify(grade),
      version,
      input.adminUserId,
      createdAt,
      last,
      status === 'closed' ? last : null,
    ]);
    for (const e of planned) {
      const text =
        e.step === 'report'
          ? rng.pick(V.PROGRESS_TEXTS)
          : e.step === 'refuse'
            ? '不属于本单位职责，建议调整牵头单位'
            : e.step === 'close'
              ? '佐证材料齐全，同意销号'
              : '';
      const handler = e.step === 'accept' || e.step === 'refuse' || e.step === 'report' || e.step === 'request_close';
      const actorName = handler ? (post ? '责任人' : dept.name) : office.actorName;
      await events.push([
        newId(),
        id,
        e.step,
        handler ? null : office.actorId,
        actorName,
        e.when,
        text,
        e.step === 'report' ? e.percent : null,
        '[]',
        e.step === 'create' ? null : e.from,
        e.to,
      ]);
      await chain.append({
        actorId: handler ? null : office.actorId,
        actorName,
        action: `task.${e.step}`,
        entityType: 'task',
        entityId: id,
        after:
          e.step === 'report'
            ? { percent: e.percent, text }
            : e.step === 'create'
              ? { code, title, leadDepartmentId: dept.id, dueDate }
              : { status: e.to },
      });
      auditLeft--;
    }
    if (rng.chance(0.3)) {
      const other = depts[rng.int(depts.length)]!;
      if (other.id !== dept.id) await cooperators.push([id, other.id]);
    }
    if (!parent && rng.chance(0.4)) {
      const mid = dayOf(startDate, Math.max(1, Math.floor(daysBetween(startDate, dueDate) / 2)));
      await milestones.push([newId(), id, '完成阶段性目标', mid, 0, mid < AS_OF && status !== 'draft' ? `${mid}T08:00:00.000Z` : null]);
    }

    const key = [planId, measure.programme.id, measure.id, dept.id, leader ?? '', status, warning, isTagged, parent ? 0 : 1].join('\u0001');
    bump(counters, key, () => ({ n: 0, w: 0, p: 0 }), weight, progress);
    if (!parent)
      bump(
        rollups,
        `${measure.id}\u0001${status}\u0001${warning}`,
        () => ({ key: [measure.id, status, warning, planId, measure.programme.id], n: 0, w: 0, p: 0 }),
        weight,
        progress,
      );
    if (dept.id === input.busy.id && status === 'in_progress' && busyOpen.length < 5000) busyOpen.push({ id, version });
    if (i > 0 && i % 200_000 === 0) input.log(`    tasks: ${i} …`);
  }
  for (const w of [tasks, cooperators, milestones, events]) await w.flush();

  const counterWriter = sink.table('task_counters', [
    'plan_id',
    'programme_id',
    'measure_id',
    'lead_department_id',
    'leader_key',
    'status',
    'warning',
    'tagged',
    'top_level',
    'task_count',
    'weight_sum',
    'progress_sum',
  ]);
  for (const [key, { n, w, p }] of counters) {
    const k = key.split('\u0001');
    await counterWriter.push([k[0]!, k[1]!, k[2]!, k[3]!, k[4]!, k[5]!, k[6]!, Number(k[7]), Number(k[8]), n, w, p] as Value[]);
  }
  await counterWriter.flush();
  const rollupWriter = sink.table('task_rollups', [
    'measure_id',
    'status',
    'warning',
    'plan_id',
    'programme_id',
    'task_count',
    'weight_sum',
    'progress_sum',
  ]);
  for (const r of rollups.values()) await rollupWriter.push([...r.key, r.n, r.w, r.p]);
  await rollupWriter.flush();

  await sink.checkpoint();
  input.log('  rebuilding task indexes');
  for (const r of restore) await r();
  input.log(`  tasks: ${count} (${tagged} tagged), ${counters.size} counter rows, ${rollups.size} roll-up rows`);
  return {
    count,
    fixture: {
      planId,
      programmeIds: programmes.map((p) => p.id),
      busyDepartmentId: input.busy.id,
      reportable: busyOpen,
      searchTerms: ['营商环境', '首问负责', '限时办结', '台账', '重大项目'],
      counterTables: ['task_counters', 'task_rollups'],
    },
    notes: [`tasks: colours as of ${AS_OF}; counters in task_counters and task_rollups (progress_sum = Σ weight × progress)`],
  };
}
