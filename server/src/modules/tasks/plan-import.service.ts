import { CalendarDate, detailMessage, type DetailCode, type ImportReport } from '@qinlian/contracts';
import { inTransaction, type Ctx, type TxCtx } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { newId } from '../../platform/ids.ts';
import { iso } from '../../platform/clock.ts';
import { readSheet, type SheetRow } from '../../platform/documents/xlsx.ts';
import type { ImportReading } from '../../platform/documents/import-jobs.ts';
import { departmentsWithFullNames } from '../org/index.ts';
import { livePostsOf, peopleNamed } from '../org/index.ts';
import { tasksRepo, type TaskRow } from './tasks.repo.ts';
import {
  addImportedMeasure,
  addImportedProgramme,
  getPlan,
  measuresOf,
  planPolicy,
  programmesOf,
  type MeasureRow,
  type ProgrammeRow,
} from '../plan/index.ts';
import { insertTask, nextTaskCode } from './tasks.service.ts';
import { dueDateProblem, dueDateRuleBinds } from './task-dates.service.ts';
import { EMPTY_GRADE, today } from './task-views.service.ts';
import { PLAN_COLUMNS as C } from './tasks.xlsx.ts';

export const MAX_PLAN_ROWS = 5000;
type Cells = SheetRow<keyof typeof C>;
type RowError = ImportReport['errors'][number];
type Prepared = {
  row: number;
  programme: { code: string; name: string };
  measure: { code: string; name: string };
  task:
    | null
    | (Omit<TaskRow, 'id' | 'planId' | 'programmeId' | 'measureId' | 'parentId'> & {
        parentCode: string;
        cooperating: string[];
        milestones: { name: string; dueDate: string }[];
      });
};

/** Cells keep their line breaks (a 任务书 runs over several lines); dates, real Excel dates too, read as YYYY-MM-DD. */
const readPlanSheet = (ctx: Ctx, bytes: Buffer, reading?: ImportReading): Promise<Cells[]> =>
  readSheet(bytes, {
    lang: ctx.lang,
    columns: C,
    required: ['programmeCode', 'measureCode', 'title', 'leadDepartment', 'startDate', 'dueDate'],
    maxRows: MAX_PLAN_ROWS,
    text: 'prose',
    limits: reading?.limits,
    onProgress: (done) => reading?.onProgress({ state: 'reading', done, total: null }),
  });

const split = (s: string) =>
  s
    .split(/[、,，;；]/)
    .map((x) => x.trim())
    .filter(Boolean);
const isDate = (s: string) => CalendarDate.safeParse(s).success;
const normalDate = (s: string) =>
  s.replace(/[./]/g, '-').replace(/^(\d{4})-(\d{1,2})-(\d{1,2})$/, (_, y, m, d) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`);

/** Every rule on every row; the report names every problem at once. `truthfulDates`: due dates as the task API wants them. */
async function validate(
  ctx: Ctx,
  planId: string,
  rows: Cells[],
  truthfulDates: boolean,
): Promise<{ prepared: Prepared[]; errors: RowError[] }> {
  const errors: RowError[] = [];
  const fail = (row: number, field: string, code: DetailCode, params: Record<string, string | number> = {}) =>
    errors.push({ row, field, message: detailMessage(code, ctx.lang, params) });
  const departments = await departmentsWithFullNames(ctx.db);
  const live = departments.filter((d) => !d.row.archivedAt);
  const resolveDept = (name: string) => {
    const key = name
      .replace(/[／\\]/g, '/')
      .split('/')
      .map((s) => s.trim())
      .filter(Boolean)
      .join('/');
    const found = live.filter((d) => d.row.name === key || d.fullName === key || d.fullName.split('/').slice(1).join('/') === key);
    return found.length === 1 ? found[0]!.row : found.length ? ('ambiguous' as const) : null;
  };
  const posts = await livePostsOf(
    ctx.db,
    live.map((d) => d.row.id),
  );
  const leaderNames = rows.map((r) => r.leader.split('/')[0]!.trim()).filter(Boolean);
  const people = await peopleNamed(ctx.db, leaderNames);
  const [existingMeasures, existingProgrammes, existingTasks, plan] = await Promise.all([
    measuresOf(ctx.db, planId),
    programmesOf(ctx.db, planId),
    tasksRepo.ofPlan(ctx.db, planId),
    getPlan(ctx, planId),
  ]);
  const day = today(ctx);
  const programmeOfId = new Map(existingProgrammes.map((p) => [p.id, p.code]));
  const measureProgramme = new Map(existingMeasures.map((m) => [m.code, programmeOfId.get(m.programmeId)]));
  const taskMeasure = new Map(existingTasks.map((t) => [t.code, existingMeasures.find((m) => m.id === t.measureId)?.code ?? '']));
  const codesInFile = new Map<string, number>();
  const prepared: Prepared[] = [];

  for (const r of rows) {
    const before = errors.length;
    if (!r.programmeCode) fail(r.row, C.programmeCode, 'required');
    if (!r.measureCode && (r.title || r.code)) fail(r.row, C.measureCode, 'required');
    const knownProgramme = measureProgramme.get(r.measureCode);
    if (r.measureCode && knownProgramme !== undefined && knownProgramme !== r.programmeCode)
      fail(r.row, C.measureCode, 'measure_in_other_programme', { value: r.measureCode });
    if (r.measureCode && knownProgramme === undefined) measureProgramme.set(r.measureCode, r.programmeCode);
    if (!r.title && !r.code) {
      if (errors.length === before)
        prepared.push({
          row: r.row,
          programme: { code: r.programmeCode, name: r.programmeName || r.programmeCode },
          measure: { code: r.measureCode, name: r.measureName || r.measureCode },
          task: null,
        });
      continue;
    }
    if (!r.title) fail(r.row, C.title, 'required');
    else if (r.title.length > 200) fail(r.row, C.title, 'too_long', { max: 200 });
    if (r.code) {
      const first = codesInFile.get(r.code);
      if (first !== undefined) fail(r.row, C.code, 'duplicate_in_file', { row: first });
      else if (taskMeasure.has(r.code)) fail(r.row, C.code, 'code_exists', { value: r.code });
      else codesInFile.set(r.code, r.row);
      if (r.code.length > 30) fail(r.row, C.code, 'too_long', { max: 30 });
    }
    if (r.parentCode && taskMeasure.get(r.parentCode) !== r.measureCode)
      fail(r.row, C.parentCode, 'parent_unknown', { value: r.parentCode });
    const lead = r.leadDepartment ? resolveDept(r.leadDepartment) : null;
    if (!r.leadDepartment) fail(r.row, C.leadDepartment, 'required');
    else if (lead === 'ambiguous')
      fail(r.row, C.leadDepartment, 'department_ambiguous', { value: r.leadDepartment, example: r.leadDepartment });
    else if (!lead) fail(r.row, C.leadDepartment, 'department_unknown', { value: r.leadDepartment });
    const cooperating: string[] = [];
    for (const name of split(r.cooperating)) {
      const d = resolveDept(name);
      if (!d || d === 'ambiguous')
        fail(r.row, C.cooperating, d ? 'department_ambiguous' : 'department_unknown', { value: name, example: name });
      else if (lead && lead !== 'ambiguous' && d.id === lead.id) fail(r.row, C.cooperating, 'lead_not_cooperator');
      else if (!cooperating.includes(d.id)) cooperating.push(d.id);
    }
    let postId: string | null = null;
    if (r.post && lead && lead !== 'ambiguous') {
      const post = posts.find((p) => p.departmentId === lead.id && p.name === r.post);
      if (!post) fail(r.row, C.post, 'post_unknown', { value: r.post });
      else postId = post.id;
    }
    let leaderId: string | null = null;
    if (r.leader) {
      const [name, dept] = r.leader.split('/').map((s) => s.trim());
      const matches = people.filter((p) => p.name === name && p.status !== 'left' && (!dept || p.departmentName === dept));
      if (matches.length === 1) leaderId = matches[0]!.id;
      else fail(r.row, C.leader, matches.length ? 'person_ambiguous' : 'person_unknown', { value: r.leader });
    }
    const start = normalDate(r.startDate);
    const due = normalDate(r.dueDate);
    if (!isDate(start)) fail(r.row, C.startDate, r.startDate ? 'bad_date' : 'required');
    if (!isDate(due)) fail(r.row, C.dueDate, r.dueDate ? 'bad_date' : 'required');
    const untrue = truthfulDates && isDate(due) ? dueDateProblem(due, day, plan) : null;
    if (untrue) fail(r.row, C.dueDate, `import_${untrue.code}`, untrue.params);
    const weight = r.weight ? Number(r.weight) : 1;
    if (!Number.isInteger(weight) || weight < 1 || weight > 100) fail(r.row, C.weight, 'bad_integer', { min: 1, max: 100 });
    const tagged =
      !r.tagged || ['否', 'no', 'n', '0'].includes(r.tagged.toLowerCase())
        ? false
        : ['是', 'yes', 'y', '1'].includes(r.tagged.toLowerCase())
          ? true
          : null;
    if (tagged === null) fail(r.row, C.tagged, 'bad_flag');
    const milestones: { name: string; dueDate: string }[] = [];
    for (const part of r.milestones
      .split(/[;；\n]/)
      .map((s) => s.trim())
      .filter(Boolean)) {
      const at = part.lastIndexOf('@');
      const m = { name: part.slice(0, at).trim(), dueDate: normalDate(part.slice(at + 1).trim()) };
      if (at <= 0 || !m.name || !isDate(m.dueDate)) {
        fail(r.row, C.milestones, 'bad_milestones');
        break;
      }
      milestones.push(m);
    }
    if (isDate(start) && isDate(due)) {
      if (due < start) fail(r.row, C.dueDate, 'date_before_start', { start });
      else if (milestones.some((m) => m.dueDate < start || m.dueDate > due)) fail(r.row, C.milestones, 'milestone_outside', { start, due });
    }
    if (r.code && !taskMeasure.has(r.code)) taskMeasure.set(r.code, r.measureCode);
    if (errors.length > before || !lead || lead === 'ambiguous') continue;
    prepared.push({
      row: r.row,
      programme: { code: r.programmeCode, name: r.programmeName || r.programmeCode },
      measure: { code: r.measureCode, name: r.measureName || r.measureCode },
      task: {
        code: r.code,
        parentCode: r.parentCode,
        title: r.title,
        statement: r.statement.slice(0, 5000),
        deliverables: r.deliverables.slice(0, 2000),
        leadDepartmentId: lead.id,
        responsiblePostId: postId,
        leaderPersonId: leaderId,
        startDate: start,
        dueDate: due,
        weight,
        tagged: tagged ? 1 : 0,
        status: 'draft',
        isOpen: 1,
        progress: 0,
        warning: 'none',
        warningSince: null,
        grade: JSON.stringify(EMPTY_GRADE),
        version: 1,
        createdBy: ctx.actor!.userId,
        createdAt: '',
        updatedAt: '',
        closedAt: null,
        handlerPersonId: null,
        ownProgress: 0,
        originalDueDate: null,
        closedLateDays: null,
        cooperating,
        milestones,
      },
    });
  }
  return { prepared, errors };
}

/** Write what validated: programmes and measures by code (reused when they exist), then the tasks as drafts. */
async function write(tx: TxCtx, planId: string, prepared: Prepared[], progress: (done: number) => void): Promise<number> {
  const programmes = new Map<string, ProgrammeRow>((await programmesOf(tx.db, planId)).map((p) => [p.code, p]));
  const measures = new Map<string, MeasureRow>((await measuresOf(tx.db, planId)).map((m) => [m.code, m]));
  const taskIds = new Map((await tasksRepo.ofPlan(tx.db, planId)).map((t) => [t.code, t.id]));
  const now = iso(tx.clock.now());
  const typed = new Set(prepared.flatMap((p) => (p.task?.code ? [p.task.code] : [])));
  let created = 0;
  for (const [i, p] of prepared.entries()) {
    if (i % 25 === 0) progress(i);
    let programme = programmes.get(p.programme.code);
    if (!programme) {
      programme = {
        id: newId(),
        planId,
        code: p.programme.code,
        name: p.programme.name.slice(0, 100),
        sort: programmes.size + 1,
        weight: 1,
        leaderPersonId: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await addImportedProgramme(tx, programme);
      programmes.set(programme.code, programme);
    }
    if (!p.measure.code) continue;
    let measure = measures.get(p.measure.code);
    if (!measure) {
      measure = {
        id: newId(),
        planId,
        programmeId: programme.id,
        code: p.measure.code,
        name: p.measure.name.slice(0, 200),
        sort: measures.size + 1,
        weight: 1,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await addImportedMeasure(tx, measure);
      measures.set(measure.code, measure);
    }
    if (!p.task) continue;
    const { parentCode, cooperating, milestones, ...task } = p.task;
    // numbered by the measure's counter like a task made in the console, so an import and a create at the same moment never pick one code
    const code = task.code || (await nextTaskCode(tx, planId, measure.code, typed));
    const row: TaskRow = {
      ...task,
      id: newId(),
      code,
      planId,
      programmeId: programme.id,
      measureId: measure.id,
      parentId: parentCode ? (taskIds.get(parentCode) ?? null) : null,
      createdAt: now,
      updatedAt: now,
    };
    await insertTask(tx, row, { cooperatingDepartmentIds: cooperating, milestones });
    taskIds.set(code, row.id);
    created++;
  }
  return created;
}

/**
 * 导入计划 (XLSX, the export's format). Every row is checked first; if any is wrong — or on a dry
 * run — nothing is written and the report lists every problem by row and column. Otherwise all
 * rows are written in one transaction (tasks as drafts) with a `plan.import` audit summary.
 */
export async function importPlan(
  ctx: Ctx,
  planId: string,
  bytes: Buffer,
  opts: { dryRun: boolean; backfill?: boolean; reading?: ImportReading },
): Promise<ImportReport> {
  await getPlan(ctx, planId);
  planPolicy.assert(ctx.actor!, 'manage', null);
  const truthfulDates = dueDateRuleBinds(ctx.actor!, opts.backfill); // 403 before the file is read when back-fill is not theirs
  const rows = await readPlanSheet(ctx, bytes, opts.reading);
  const progress = (state: 'checking' | 'writing', done: number, total: number) => opts.reading?.onProgress({ state, done, total });
  const run = async (c: Ctx): Promise<ImportReport> => {
    progress('checking', 0, rows.length);
    const { prepared, errors } = await validate(c, planId, rows, truthfulDates);
    const tasks = prepared.filter((p) => p.task).length;
    if (errors.length || opts.dryRun) {
      const planRows = rows.map((r) => ({ row: r.row, programme: r.programmeCode, measure: r.measureCode, code: r.code, title: r.title }));
      return {
        dryRun: opts.dryRun,
        committed: false,
        total: rows.length,
        created: opts.dryRun && !errors.length ? tasks : 0,
        errors,
        planRows,
      };
    }
    return inTransaction(c, async (tx) => {
      const created = await write(tx, planId, prepared, (done) => progress('writing', done, prepared.length));
      await recordAudit(tx, {
        action: 'plan.import',
        entityType: 'plan',
        entityId: planId,
        after: { rows: rows.length, created, backfill: !!opts.backfill },
      });
      return { dryRun: false, committed: true, total: rows.length, created, errors: [] };
    });
  };
  return opts.dryRun ? run(ctx) : inTransaction(ctx, run);
}
