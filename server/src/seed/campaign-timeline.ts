import type { FiveCharGrade, TaskAction } from '@qinlian/contracts';
import { nextDate, type WorkingCalendar } from '../platform/calendar/working-days.ts';
import { scheduleProgress } from '../modules/tasks/index.ts';
import { REFUSAL_REASONS, REPORT_TEXTS, RETURN_REASONS } from './campaign-data.ts';
import { prng } from './prng.ts';
export { prng };

/** One demo task to make. */
export type Spec = {
  key: string;
  measureId: string;
  measureCode: string;
  leaderPersonId: string;
  title: string;
  deliverables: string;
  department: string;
  parentKey: string | null;
};
export type Side = 'office' | 'handler' | 'leader';
/** One thing that happens to a demo task at a moment: its creation, a transition, an urging, an instruction, a grade. */
export type Step = {
  at: Date;
  spec: Spec;
  kind: 'create' | TaskAction | 'urge' | 'instruct' | 'grade';
  side: Side;
  actorName?: string;
  text?: string;
  percent?: number;
  file?: string;
  dates?: { start: string; due: string };
  weight?: number;
  tagged?: boolean;
  milestones?: { name: string; dueDate: string }[];
  grade?: FiveCharGrade;
};

type Env = { today: string; now: Date; calendar: WorkingCalendar; rand: () => number; leaders: { id: string; name: string }[] };
type Status = 'draft' | 'assigned' | 'refused' | 'accepted' | 'in_progress' | 'close_requested' | 'closed';
type Colour = 'none' | 'blue' | 'yellow' | 'red';

const addDays = (date: string, n: number) => nextDate(date, n);
const maxDate = (a: string, b: string) => (a > b ? a : b);
const minDate = (a: string, b: string) => (a < b ? a : b);
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
/** A moment on a Shanghai calendar day. */
const at = (date: string, hour: number, minute = 0) =>
  new Date(`${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`);

function pickStatus(r: number): Status {
  return r < 0.08
    ? 'draft'
    : r < 0.18
      ? 'assigned'
      : r < 0.21
        ? 'refused'
        : r < 0.28
          ? 'accepted'
          : r < 0.68
            ? 'in_progress'
            : r < 0.8
              ? 'close_requested'
              : 'closed';
}
const pickColour = (r: number): Colour => (r < 0.16 ? 'red' : r < 0.3 ? 'yellow' : r < 0.45 ? 'blue' : 'none');

/**
 * The history of every demo task, as dated steps in one chronological list. Dates are chosen so
 * that, seen from `today`, the task has its intended state and colour.
 */
export function planTimeline(specs: Spec[], env: Env): Step[] {
  const { today, calendar: cal, rand } = env;
  const int = (a: number, b: number) => a + Math.floor(rand() * (b - a + 1));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const yearStart = `${today.slice(0, 4)}-01-01`;
  const created = new Map<string, Date>();
  const all: Step[][] = [];

  for (const spec of specs) {
    const status = pickStatus(rand());
    const colour = status === 'draft' || status === 'closed' || status === 'refused' ? 'none' : pickColour(rand());
    let start: string;
    let due: string;
    if (status === 'draft') {
      start = addDays(today, int(3, 20));
      due = addDays(start, int(30, 90));
    } else if (status === 'closed') {
      due = maxDate(addDays(today, -int(3, 150)), addDays(yearStart, int(40, 70)));
      start = maxDate(yearStart, addDays(due, -int(30, 120)));
      if (start >= addDays(today, -10)) start = addDays(today, -int(20, 40));
      if (due <= start) due = addDays(start, int(15, 30));
    } else {
      due =
        colour === 'red'
          ? addDays(today, -int(1, 20))
          : colour === 'yellow'
            ? cal.addWorkingDays(today, int(1, 2))
            : colour === 'blue'
              ? cal.addWorkingDays(today, int(3, 5))
              : addDays(today, int(15, 60));
      start =
        (status === 'assigned' || status === 'accepted') && colour === 'none'
          ? addDays(today, -int(1, 4))
          : maxDate(yearStart, addDays(due, -int(60, 200)));
      if (start > addDays(today, -8) && !((status === 'assigned' || status === 'accepted') && colour === 'none'))
        start = addDays(today, -int(8, 15));
      if (start >= due) start = addDays(due, -int(10, 20));
    }
    const owner = spec.key.split(':')[1] === spec.title;
    const milestones =
      rand() < 0.4 && daysBetween(start, due) > 20
        ? [
            { name: '方案制定', dueDate: addDays(start, Math.floor(daysBetween(start, due) / 3)) },
            { name: '中期推进', dueDate: addDays(start, Math.floor((2 * daysBetween(start, due)) / 3)) },
          ]
        : [];
    const tagged = spec.measureCode === 'JC11' || rand() < 0.18;
    const steps: Step[] = [];
    const add = (date: string, hour: number, s: Omit<Step, 'at' | 'spec'>) => steps.push({ at: at(date, hour, int(0, 59)), spec, ...s });

    add(addDays(start, -int(2, 8)), 10, {
      kind: 'create',
      side: 'office',
      dates: { start, due },
      weight: spec.parentKey ? 1 : owner ? int(2, 3) : 1,
      tagged,
      milestones,
    });
    if (status !== 'draft') add(start, 9, { kind: 'assign', side: 'office' });
    if (status === 'refused') add(addDays(start, 1), 11, { kind: 'refuse', side: 'handler', text: pick(REFUSAL_REASONS) });
    if (status !== 'draft' && status !== 'assigned' && status !== 'refused')
      add(addDays(start, int(1, 2)), 9, { kind: 'accept', side: 'handler' });

    if (status === 'in_progress' || status === 'close_requested' || status === 'closed') {
      const end = status === 'closed' ? minDate(addDays(due, -int(0, 3)), addDays(today, -4)) : addDays(today, -int(0, 2));
      const from = addDays(start, 3);
      const schedule = scheduleProgress(cal, start, due, today);
      const finalPercent =
        status !== 'in_progress'
          ? 100
          : colour === 'red'
            ? int(40, 90)
            : colour === 'none'
              ? Math.min(95, Math.max(5, schedule + int(-5, 15)))
              : Math.min(95, Math.max(5, schedule - int(0, 8)));
      const reports = int(1, 3);
      const returned = status !== 'in_progress' || reports >= 2 ? rand() < 0.3 : false;
      const span = Math.max(1, daysBetween(from, end));
      for (let k = 1; k <= reports; k++) {
        const date = addDays(from, Math.floor((span * k) / (reports + 1)));
        const percent = k === reports ? finalPercent : Math.max(5, Math.round((finalPercent * k) / reports / 5) * 5);
        add(date, 15, {
          kind: 'report',
          side: 'handler',
          percent,
          text: k === reports && percent === 100 ? REPORT_TEXTS[5]! : pick(REPORT_TEXTS.slice(0, 5)),
          file: rand() < 0.4 ? '工作台账' : undefined,
        });
        if (returned && k === 1) {
          add(addDays(date, 1), 10, { kind: 'request_close', side: 'handler', text: '已按要求完成，申请销号', file: '阶段佐证材料' });
          add(addDays(date, 2), 16, { kind: 'return', side: 'office', text: pick(RETURN_REASONS) });
        }
      }
      if (status !== 'in_progress') {
        add(addDays(end, 1), 11, { kind: 'request_close', side: 'handler', text: '任务已完成，附佐证材料申请销号', file: '销号佐证材料' });
      }
      if (status === 'closed') {
        add(addDays(end, int(2, 3)), 10, { kind: 'close', side: 'office', text: '经审核佐证材料，同意销号' });
        if (rand() < 0.6) {
          const g = () => int(3, 5);
          add(addDays(end, 4), 9, { kind: 'grade', side: 'office', grade: { zhun: g(), kuai: g(), shi: g(), nong: g(), xian: g() } });
        }
      }
    }
    // The life cycle keeps its logical order: strictly later each step, after the parent's creation, never in the future.
    const parentCreated = spec.parentKey ? created.get(spec.parentKey) : undefined;
    if (parentCreated && steps[0]!.at <= parentCreated) steps[0]!.at = new Date(parentCreated.getTime() + 3_600_000);
    for (let i = 1; i < steps.length; i++)
      if (steps[i]!.at <= steps[i - 1]!.at) steps[i]!.at = new Date(steps[i - 1]!.at.getTime() + 60_000);
    const latest = env.now.getTime() - 60_000;
    for (let i = steps.length - 1; i >= 0; i--) {
      const limit = i === steps.length - 1 ? latest : steps[i + 1]!.at.getTime() - 60_000;
      if (steps[i]!.at.getTime() > limit) steps[i]!.at = new Date(limit);
    }
    created.set(spec.key, steps[0]!.at);

    // Urgings and instructions need only the task to exist: placed by date, between its creation and now.
    const notes: Step[] = [];
    const note = (date: string, hour: number, s: Omit<Step, 'at' | 'spec'>) => {
      const t = Math.min(latest, Math.max(steps[0]!.at.getTime() + 60_000, at(date, hour, int(0, 59)).getTime()));
      notes.push({ at: new Date(t), spec, ...s });
    };
    const open = status !== 'draft' && status !== 'closed' && status !== 'refused';
    if (open && (colour === 'red' || (colour === 'yellow' && rand() < 0.3))) {
      note(today, 9, {
        kind: 'urge',
        side: 'office',
        text: colour === 'red' ? '该事项已逾期，请立即推进并报送进展' : '该事项临近截止，请抓紧推进',
      });
    }
    if (status !== 'draft' && (rand() < 0.1 || (tagged && colour === 'red'))) {
      const leader = env.leaders.find((l) => l.id === spec.leaderPersonId);
      note(addDays(start, int(3, 10)), 17, {
        kind: 'instruct',
        side: 'leader',
        actorName: leader?.name,
        text: '请高度重视，倒排工期、挂图作战，确保按期办结。',
      });
    }
    all.push(steps, notes);
  }
  return all
    .flat()
    .map((s, i) => ({ s, i }))
    .sort((a, b) => a.s.at.getTime() - b.s.at.getTime() || a.i - b.i)
    .map((x) => x.s);
}
