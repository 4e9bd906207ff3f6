import {
  DemandClusterEvaluationBody as EvaluationSchema,
  DemandClusterSelectBody as SelectSchema,
  DemandClusterWithdrawBody as WithdrawSchema,
  type DemandClusterEvaluationBody,
  type DemandClusterSelectBody,
  type DemandClusterWithdrawBody,
} from '@qinlian/contracts';
import { inTransaction, type Ctx, type TxCtx } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { iso } from '../../platform/clock.ts';
import { DomainError, forbidden, versionConflict } from '../../platform/errors.ts';
import { departmentsBasics } from '../org/index.ts';
import { planById } from '../plan/index.ts';
import { createTask, taskRowById } from '../tasks/index.ts';
import { CLUSTER_STEP_FROM, mayTakeStep, type ClusterStep } from './demand-analysis.policy.ts';
import { demandAnalysisRepo as repo, type ClusterRow } from './demand-analysis.repo.ts';
import { demandsRepo } from './demands.repo.ts';

/*
 * 论证与遴选: the leadership group marks a cluster for evaluation (列入论证), records its evaluation
 * (估算投资, 可行性, 责任部门 — revisable until selected), and the office selects it as one of the
 * year's livelihood projects (遴选为民生实事项目), which opens a supervised task through the tasks
 * module's front door in the same transaction; a selected project is withdrawn only with a reason,
 * which the public page shows. Each step moves the cluster's version and is audited.
 */

const STATE_LABELS: Record<string, { zh: string; en: string }> = {
  open: { zh: '待论证', en: 'not yet under evaluation' },
  evaluating: { zh: '论证中', en: 'under evaluation' },
  evaluated: { zh: '已论证', en: 'evaluated' },
  selected: { zh: '已列为民生实事项目', en: 'selected as a livelihood project' },
  withdrawn: { zh: '已撤销', en: 'withdrawn' },
};
const state = (row: ClusterRow) => ({ state: STATE_LABELS[row.status]!.zh, stateEn: STATE_LABELS[row.status]!.en });

/** The cluster to act on: 403 to whoever may not take the step at all, 404 when it is gone (a recompute replaced it). */
async function clusterFor(tx: TxCtx, id: string, step: ClusterStep, version: number): Promise<ClusterRow> {
  if (!mayTakeStep(tx.actor!, step)) throw forbidden();
  const row = await repo.clusterById(tx.db, id);
  if (!row) throw new DomainError('demand_cluster_not_found', 404);
  if (!CLUSTER_STEP_FROM[step].includes(row.status)) throw await wrongState(tx, step, row);
  if (row.version !== version) throw versionConflict();
  return row;
}

/** Why this step cannot start from the cluster's state, in the words that help most. */
async function wrongState(tx: TxCtx, step: ClusterStep, row: ClusterRow): Promise<DomainError> {
  if (step === 'mark') return new DomainError('demand_cluster_not_open', 409, state(row));
  if (step === 'evaluate' && row.status === 'open') return new DomainError('demand_cluster_not_marked', 409);
  if (step === 'evaluate') return new DomainError('demand_cluster_evaluation_closed', 409, state(row));
  if (step === 'withdraw') return new DomainError('demand_cluster_not_selected', 409, state(row));
  if (row.status === 'selected') {
    const task = row.taskId ? await taskRowById(tx.db, row.taskId) : undefined;
    return new DomainError('demand_cluster_already_selected', 409, { year: row.projectYear ?? '', task: task?.code ?? '' });
  }
  if (row.status === 'withdrawn') return new DomainError('demand_cluster_withdrawn', 409, { reason: row.withdrawnReason ?? '' });
  return new DomainError('demand_cluster_not_evaluated', 409);
}

async function write(tx: TxCtx, before: ClusterRow, patch: Partial<ClusterRow>, action: string): Promise<ClusterRow> {
  const next = { ...patch, updatedAt: iso(tx.clock.now()) };
  if (!(await repo.updateCluster(tx.db, before.id, before.version, next))) throw versionConflict();
  const after: ClusterRow = { ...before, ...next, version: before.version + 1 };
  await recordAudit(tx, { action, entityType: 'demand_cluster', entityId: before.id, before, after });
  return after;
}

/** 列入论证: the leadership group takes the cluster up; from now on it keeps its items across recomputes. */
export async function markCluster(ctx: Ctx, id: string, version: number): Promise<ClusterRow> {
  return inTransaction(ctx, async (tx) => {
    const row = await clusterFor(tx, id, 'mark', version);
    return write(tx, row, { status: 'evaluating', markedAt: iso(tx.clock.now()), markedByName: tx.actor!.name }, 'demand_cluster.mark');
  });
}

/** 论证意见: estimated cost (whole yuan), feasibility with its note, and the department responsible; revisable until selected. */
export async function evaluateCluster(ctx: Ctx, id: string, input: DemandClusterEvaluationBody): Promise<ClusterRow> {
  const body = EvaluationSchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    const row = await clusterFor(tx, id, 'evaluate', body.version);
    const dept = (await departmentsBasics(tx.db, [body.responsibleDepartmentId])).get(body.responsibleDepartmentId);
    if (!dept || dept.archived)
      throw new DomainError('demand_cluster_department_unknown', 400, {}, [
        { path: 'body.responsibleDepartmentId', message: 'demand_cluster_department_unknown' },
      ]);
    return write(
      tx,
      row,
      {
        status: 'evaluated',
        estimatedCost: body.estimatedCost,
        feasibility: body.feasibility,
        feasibilityNote: body.feasibilityNote || null,
        responsibleDepartmentId: dept.id,
        evaluatedAt: iso(tx.clock.now()),
        evaluatedByName: tx.actor!.name,
      },
      'demand_cluster.evaluate',
    );
  });
}

/** Where the project came from, written into the task when the office gives no statement of its own. */
async function statementOf(tx: TxCtx, row: ClusterRow): Promise<string> {
  const analysis = await repo.analysisById(tx.db, row.analysisId);
  const campaign = analysis ? await demandsRepo.solicitationById(tx.db, analysis.solicitationId) : undefined;
  return `民生实事项目：源自“${campaign?.title ?? ''}”，${row.people} 人提出（${row.label}）。代表性建议：${row.headline}`;
}

/**
 * 遴选为民生实事项目: the evaluated cluster becomes a supervised task under the chosen measure, led by
 * the department the evaluation named; the project's year is the plan's. The cluster is claimed at
 * its version first, so a second selection (or any other step meanwhile) is refused and opens no
 * second task; a task the tasks module refuses (a due date outside the plan …) leaves nothing behind.
 */
export async function selectCluster(ctx: Ctx, id: string, input: DemandClusterSelectBody): Promise<ClusterRow> {
  const body = SelectSchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    const row = await clusterFor(tx, id, 'select', body.version);
    if (body.dueDate < body.startDate)
      throw new DomainError('demand_project_dates_order', 400, { startDate: body.startDate, dueDate: body.dueDate }, [
        { path: 'body.dueDate', message: 'demand_project_dates_order' },
      ]);
    const now = iso(tx.clock.now());
    const claimed = { status: 'selected', projectTitle: body.title, selectedAt: now, selectedByName: tx.actor!.name, updatedAt: now };
    if (!(await repo.updateCluster(tx.db, row.id, row.version, claimed))) throw versionConflict();
    const task = await createTask(tx, {
      measureId: body.measureId,
      title: body.title,
      statement: body.statement || (await statementOf(tx, row)),
      leadDepartmentId: row.responsibleDepartmentId!,
      startDate: body.startDate,
      dueDate: body.dueDate,
    });
    const projectYear = (await planById(tx.db, task.planId))!.year;
    await repo.linkProject(tx.db, row.id, { taskId: task.id, projectYear });
    const after: ClusterRow = { ...row, ...claimed, taskId: task.id, projectYear, version: row.version + 1 };
    await recordAudit(tx, { action: 'demand_cluster.select', entityType: 'demand_cluster', entityId: row.id, before: row, after });
    return after;
  });
}

/**
 * 撤销项目: a selected project is never dropped silently — the reason is kept, audited and shown on the
 * public page. Its task stays in the supervision module, where the office closes or changes it.
 */
export async function withdrawCluster(ctx: Ctx, id: string, input: DemandClusterWithdrawBody): Promise<ClusterRow> {
  const body = WithdrawSchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    const row = await clusterFor(tx, id, 'withdraw', body.version);
    return write(
      tx,
      row,
      { status: 'withdrawn', withdrawnReason: body.reason, withdrawnAt: iso(tx.clock.now()), withdrawnByName: tx.actor!.name },
      'demand_cluster.withdraw',
    );
  });
}
